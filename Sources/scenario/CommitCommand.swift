import ArgumentParser
import BudgetReports
import ScenarioCommandLine

/// `scenario commit`: what each service can be promised whatever the cut in a range.
struct CommitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "commit",
        abstract: "Show what each service is guaranteed whatever the cut turns out to be in a range.",
        discussion: """
            For each service: the least it gets at any feasible cut in the range (its \
            guarantee), the smallest cut at which that least amount is reached, and the money \
            at risk (its baseline less the guarantee, when positive). The guarantee is exact: \
            every allocation is linear in the cut between breakpoints, so the least is at a \
            breakpoint or an end of the feasible cuts, and the command walks from one \
            breakpoint to the next rather than sampling. Cuts in the range at which no \
            allocation meets the hard constraints are named as intervals (the maximum \
            feasible cut is found exactly); the guarantees cover the feasible cuts.

            RANGE is A..B% (the % is optional). Formats: text (default), markdown, csv, json \
            (exact and rounded figures; SCENARIO-SPEC section 14), latex (booktabs) and html. \
            Without FILE, the bundled Cambridgeshire 2015/16 scenario is used. On a plan file, \
            --year names the planned year (default: the first) and --path the cuts of the \
            years before it, as for sweep.

            \(OutputHelp.files)

            \(OutputHelp.exitStatus())

            EXAMPLES:
              scenario commit --cut 0..30%
              scenario commit my-scenario.toml --cut 5..25% --format json
            """
    )

    @Argument(help: "The scenario file (TOML). Default: the bundled Cambridgeshire 2015/16 scenario.")
    var file: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("The range of cuts, such as 5..25%.", valueName: "range"))
    var cut: String

    @Option(help: "The report format: text, markdown, csv, json, latex or html (default: from --output's extension, else text).")
    var format: SweepFormat?

    @Flag(help: "With the latex format, write a complete document (article + booktabs + longtable) rather than a fragment.")
    var latexStandalone = false

    @Option(help: ArgumentHelp("Write the report to this file instead of standard output (replaced only when complete).", valueName: "path"))
    var output: String?

    @OptionGroup var planYear: PlanYearOptions

    func run() throws {
        try CommitRun.run(
            file: file, cut: cut, format: format, output: output, latexStandalone: latexStandalone,
            year: planYear.year, path: planYear.path)
    }
}
