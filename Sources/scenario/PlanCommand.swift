import ArgumentParser
import BudgetReports
import ScenarioCommandLine

/// `scenario plan`: a plan over several years along one or more cut paths.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Allocate every year of a plan file along cut paths and find the maximum sustainable yearly cut.",
        discussion: """
            A plan file is a scenario with a [plan] table (base_year, years, year_starts, \
            inflation, carry_forward) and services that may have uplift, starts, ends and \
            fixed_until (SCENARIO-SPEC section 11). Each planned year is allocated as an \
            ordinary scenario: funds after the earlier years' cuts, compounding (plus, with \
            carry_forward, each fund's unspent money of the year before, uncut, keeping its \
            fence); each service's rate uplifted every year, pro-rated by the days it runs, \
            and held at its rate while its contract (fixed_until) runs.

            PATHS:
              --cut 5%          5% in every year, compounding
              --cut 5..15%      one path per level (step 5, --step to change)
              --path 5,3,0%     the cut of each year in turn (one per planned year)

            Per path the report gives the services by year in cash, the base year's column \
            (each baseline pro-rated by the days the service runs in it), each year's cut, \
            cumulative cut, envelope, unallocated money, status and deficit; the change from \
            the base year in cash (with what holds each service) and in real terms (deflated \
            by the plan's inflation); and the maximum sustainable yearly cut: the largest cut \
            that every year absorbs when it is made in every year.

            FORMATS: text (default), markdown, csv, json, latex, html, as for sweep (or from \
            the --output extension). Figures are rounded per path as one table, so every \
            column adds up exactly.

            \(OutputHelp.files)

            \(OutputHelp.exitStatus(usage: [
                "      and: neither or both of --cut and --path, a --path without one cut per",
                "      planned year, more than 200 paths, an --output extension that names",
                "      no format, without --format",
            ]))
                  65 also when the file has no [plan] table.

            EXAMPLES:
              scenario plan scenarios/kent-2017-18-plan.toml --cut 5%
              scenario plan scenarios/kent-2017-18-plan.toml --cut 0..10% --format json
              scenario plan scenarios/kent-2017-18-plan.toml --path 5,3,0% --output plan.md
            """
    )

    @Argument(help: "The plan file (TOML with a [plan] table). Default: the bundled scenario, which has none.")
    var file: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("The same cut in every year: one value, a list or a range A..B%.", valueName: "range"))
    var cut: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("The step of a --cut range in percentage points (default 5).", valueName: "points"))
    var step: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("The cut of each planned year in turn, such as 5,3,0%.", valueName: "cuts"))
    var path: String?

    @Option(help: "The report format: text, markdown, csv, json, latex or html (default: from --output's extension, else text).")
    var format: SweepFormat?

    @Flag(help: "With the latex format, write a complete document (article + booktabs + longtable) rather than a fragment.")
    var latexStandalone = false

    @Option(help: ArgumentHelp("Write the report to this file instead of standard output (replaced only when complete).", valueName: "path"))
    var output: String?

    func run() throws {
        try PlanRun.run(
            file: file, cut: cut, step: step, path: path, format: format, output: output, latexStandalone: latexStandalone)
    }
}
