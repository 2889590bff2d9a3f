import ArgumentParser
import BudgetModel
import BudgetReports
import LinearProgramming
import ScenarioCommandLine

/// The formats of `scenario export`.
enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case mps, lp
    /// The scenario's tables as CSV, for `scenario import`.
    case servicesCSV = "services-csv", fundsCSV = "funds-csv", groupsCSV = "groups-csv"
}

/// `scenario export`: writes the scenario's first-stage LP at a cut in MPS or CPLEX LP format.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the scenario's linear programme at a cut (the first stage of its objective) for another solver.",
        discussion: """
            Tiers mode: minimise the largest shortfall of the highest priority tier, in the \
            scenario's fairness measure (relative, cash in units of the scale, or minus the award); \
            weighted mode: maximise the weighted allocation (written as minimising its negative). \
            Money is in units of the largest fund amount or baseline. Formats: mps and \
            lp (CPLEX LP format, as HiGHS, CPLEX, Gurobi, GLPK and CBC read it; a row with \
            two limits becomes an equality with a bounded range.<row> column).

            The cut is one percentage, read as by every command: a plain decimal such as 12.5 or \
            12.5% (no exponent), -100 < cut < 100.

            The formats services-csv, funds-csv and groups-csv write the scenario's services, \
            funds or groups as a CSV table (a header row of the scenario file's keys, one entry \
            a row) that `scenario import` reads back; they take no --cut. What the tables cannot \
            carry (a plan, areas, contributions, a fairness measure, a fund's cut multiplier, the \
            currency or unit) is named in one line on standard error.

            \(OutputHelp.files)

            \(OutputHelp.exitStatus())
            """)

    @Argument(help: "The scenario file (default: the bundled Cambridgeshire 2015/16 scenario).")
    var file: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("The cut in per cent, such as 10 or 10%; negative for an increase (mps and lp).", valueName: "percent"))
    var cut: String?

    @Option(help: "Output format: mps, lp, services-csv, funds-csv or groups-csv.")
    var format: ExportFormat = .mps

    @Option(help: ArgumentHelp("Write the LP here instead of to standard output (replaced only when complete).", valueName: "path"))
    var output: String?

    func run() throws {
        let table: ((Scenario) -> String)? =
            switch format {
            case .servicesCSV: ScenarioTablesWriter.services
            case .fundsCSV: ScenarioTablesWriter.funds
            case .groupsCSV: ScenarioTablesWriter.groups
            case .mps, .lp: nil
            }
        if let table {
            if cut != nil {
                throw failing(["scenario export: --cut applies only to the mps and lp formats"], status: ExitStatus.usage)
            }
            let destination = try OutputDestination.resolve(output, input: file, command: "export")
            let document = try ScenarioInput.load(file)
            try destination.write(table(document.scenario))
            printError("scenario export: \(ScenarioTablesWriter.descriptionNote(document))")
            if let note = ScenarioTablesWriter.leftOutNote(document) {
                printError("scenario export: \(note)")
            }
            return
        }
        guard let cut else {
            throw failing(["scenario export: Missing expected argument '--cut <percent>' (needed by the mps and lp formats)"], status: ExitStatus.usage)
        }
        let cutPercent = try CutOption.single(cut, command: "export")
        let destination = try OutputDestination.resolve(output, input: file, command: "export")
        let document = try ScenarioInput.load(file)
        let program = ExportedProgram.at(cut: cutPercent, of: document.scenario)
        let text: String
        if format == .lp {
            text = LPFormatWriter.string(for: program)
        } else {
            do {
                text = try MPSWriter.string(for: program)
            } catch {
                throw failing(["scenario export: cannot write the LP as MPS: \(error)"], status: ExitStatus.failure)
            }
        }
        try destination.write(text)
    }
}
