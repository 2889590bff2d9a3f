import ArgumentParser
import BudgetModel
import ScenarioCommandLine

extension ObjectiveMode: ExpressibleByArgument {}

/// `scenario import`: a scenario file from spreadsheets of services and funds.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Make a scenario file from spreadsheets (CSV or xlsx) of services and funds.",
        discussion: """
            Each spreadsheet has a header row naming keys of the scenario file and one entry a \
            row (the first row with a value is the header). An xlsx workbook of one sheet is the \
            table; in a workbook of several sheets each table is the sheet named services, funds \
            or groups (any case), and the services workbook's own funds and groups sheets are \
            read when --funds or --groups is not given:
              services  id, name, baseline, request (a new bid's), min, max, protected,
                        priority, weight
              funds     id, name, amount, cut, ring_fenced_for (service ids separated by ;)
              groups    id, name, services (ids separated by ;), min, max
            id and baseline (services), id and amount (funds), id and services (groups) are \
            required; an empty cell takes the key's default. Money is a plain number (a leading \
            £ € $ and commas between thousands are allowed); a share is an amount or P% (an \
            xlsx cell shown in per cent is a percentage); protected and cut are TRUE or FALSE.

            Without --funds the scenario gets one fund holding the total of the baselines, \
            with a comment saying to replace it. The scenario file is written with comments \
            naming the spreadsheet row of each table, and is checked as `scenario check` \
            would before it is written.

            Every bad cell is reported, one line each: FILE:ROW:COLUMN: message (FILE[Sheet] \
            on a named sheet), ROW counting the file's rows from 1 with the header row, COLUMN \
            the header's name.

            `scenario export FILE --format services-csv` (funds-csv, groups-csv) writes a \
            scenario's tables for a round trip.

            The scenario file written is a new one: an existing --output file (a scenario \
            written by hand, say) is refused unless --force is given.

            \(OutputHelp.files)

            EXIT STATUS:
              0   success
              64  bad usage: a spreadsheet whose name does not end in .csv or .xlsx,
                  or --output naming one of its input files
              65  a spreadsheet or the scenario made from it is invalid (a workbook of
                  several sheets without the table's sheet too); one line per problem
                  on standard error
              1   anything else: a missing or unreadable file, an --output file that
                  exists without --force, or output that cannot be written (one line on
                  standard error)
              141 standard output is a closed pipe (quietly)
              130 and 143: ended by SIGINT and SIGTERM (an output file is left as it was)

            EXAMPLES:
              scenario import services.csv --funds funds.csv --output plan.toml
              scenario import services.xlsx --title "Victims' services 2026/27"
            """)

    @Argument(help: "The services spreadsheet (.csv or .xlsx).")
    var services: String

    @Option(help: ArgumentHelp("The funds spreadsheet (.csv or .xlsx).", valueName: "file"))
    var funds: String?

    @Option(help: ArgumentHelp("A spreadsheet of groups (.csv or .xlsx).", valueName: "file"))
    var groups: String?

    @Option(help: ArgumentHelp("The scenario's title (default: the services file's name).", valueName: "title"))
    var title: String?

    @Option(help: "The objective mode: tiers (the default) or weighted.")
    var objective: ObjectiveMode?

    @Option(help: ArgumentHelp("Write the scenario file here instead of to standard output (a new file; see --force).", valueName: "path"))
    var output: String?

    @Flag(help: "Replace the --output file if it exists (replaced only when the new one is complete).")
    var force = false

    func run() throws {
        let inputs = [(path: services, noun: "the services file")]
            + [(funds, "the funds file"), (groups, "the groups file")].compactMap { file, noun in file.map { (path: $0, noun: noun) } }
        let destination = try OutputDestination.resolve(output, inputs: inputs, command: "import", keepsExisting: !force)
        let name = output.map { $0.split(separator: "/").last.map(String.init) ?? $0 } ?? "imported.toml"
        let text = try ScenarioImporting.scenarioText(
            services: services, funds: funds, groups: groups, title: title, objective: objective, fileName: name)
        try destination.write(text)
    }
}
