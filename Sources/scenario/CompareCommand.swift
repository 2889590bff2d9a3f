import ArgumentParser
import BudgetReports
import ScenarioCommandLine

/// `scenario compare`: several scenarios side by side at the same cuts.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Show the allocations of several scenarios side by side at each cut, with differences from the first.",
        discussion: """
            Allocates every scenario at each cut by its own rule and prints one table per cut: \
            each service's allocation in scenario A, B, … (in the order the files are given) \
            and, beside each after the first, its difference from A. Services are matched by \
            id; a service a scenario does not have, or a cut at which a scenario is \
            infeasible, shows "—" (null in JSON). The scenarios must count money in the same \
            currency and unit.

            RANGE is A..B% (inclusive, step 5 points unless --step is given), a list \
            5,7.5,10%, or one value 10%; at most 200 cuts. Formats: text (default), \
            markdown, csv (one row per cut, service and scenario), json (SCENARIO-SPEC \
            section 14), latex (booktabs) and html.

            \(OutputHelp.files)

            \(OutputHelp.exitStatus())

            EXAMPLES:
              scenario compare option-a.toml option-b.toml --cut 5..20%
              scenario compare a.toml b.toml c.toml --cut 10% --format json
            """
    )

    @Argument(help: "The scenario files (TOML), at least two; the first is the one differences are taken from.")
    var files: [String] = []

    @Option(parsing: .unconditional, help: ArgumentHelp("The cut levels: A..B%, a list 5,7.5,10%, or one value 10%.", valueName: "range"))
    var cut: String

    @Option(parsing: .unconditional, help: ArgumentHelp("The step of a range in percentage points (default 5).", valueName: "points"))
    var step: String?

    @Option(help: "The report format: text, markdown, csv, json, latex or html (default: from --output's extension, else text).")
    var format: SweepFormat?

    @Flag(help: "With the latex format, write a complete document (article + booktabs + longtable) rather than a fragment.")
    var latexStandalone = false

    @Option(help: ArgumentHelp("Write the report to this file instead of standard output (replaced only when complete).", valueName: "path"))
    var output: String?

    func run() throws {
        try CompareRun.run(files: files, cut: cut, step: step, format: format, output: output, latexStandalone: latexStandalone)
    }
}
