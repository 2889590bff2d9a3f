import ArgumentParser
import BudgetModel
import BudgetReports

extension SweepFormat: ExpressibleByArgument {}

/// `scenario sweep`: the allocation at every cut of a range, as a report.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Allocate the envelope at each cut of a range and write the report.",
        discussion: """
            For every cut level, finds the allocation to every service that keeps the hard \
            constraints (protected services, minimum-service levels, ring-fences, group limits) \
            and spreads the reduction by the scenario's priorities, and reports it with its \
            change from baseline and what holds each service there. A cut at which the \
            constraints cannot all be met is reported as infeasible, with the deficit and an \
            explanation; it is a result, not an error. The maximum feasible cut is printed \
            with every sweep.

            CUT RANGES (all numbers are percentages; the % is optional; -100 < cut < 100):
              A..B%       every cut from A to B inclusive in steps of --step (default 5),
                          so 5..20% gives 5, 10, 15 and 20
              5,7.5,10%   a list, in the order given
              10%         one cut
            A negative cut is an increase.

            FORMATS (--format, or from the --output extension .txt .md .csv .json):
              text        aligned tables for a board paper (the default)
              markdown    the same tables in Markdown
              csv         long format, one row per cut and service (RFC 4180)
              json        one object with exact and rounded figures
            Text and Markdown print at most six cuts per table and repeat the table for \
            further cuts. Amounts are rounded to the scenario's unit by the largest-remainder \
            method, so every column adds up exactly.

            Without FILE, the bundled Cambridgeshire 2015/16 scenario is used (a note on \
            standard error says so). Long sweeps show progress on standard error when it is a \
            terminal; output is streamed, so memory stays flat however many cuts are asked for.

            EXIT STATUS:
              0   the report was written (infeasible cuts included)
              64  bad usage, such as a malformed --cut or --step
              65  the scenario file is invalid; one line per problem on standard
                  error, FILE:LINE:COL: message
              1   anything else: the scenario file is missing or unreadable, the
                  output cannot be written, or the solver failed at some cut (the
                  report then stops at that cut)

            EXAMPLES:
              scenario sweep --cut 5..20%
              scenario sweep my-scenario.toml --cut 5..20% --output cuts.md
              scenario sweep my-scenario.toml --cut 0..30% --step 0.01 --format csv
            """
    )

    @Argument(help: "The scenario file (TOML). Default: the bundled Cambridgeshire 2015/16 scenario.")
    var file: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("The cut levels: A..B%, a list 5,7.5,10%, or one value 10%.", valueName: "range"))
    var cut: String

    @Option(parsing: .unconditional, help: ArgumentHelp("The step of a range in percentage points (default 5).", valueName: "points"))
    var step: String?

    @Option(help: "The report format: text, markdown, csv or json (default: from --output's extension, else text).")
    var format: SweepFormat?

    @Option(help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "path"))
    var output: String?

    func run() throws {
        let cuts = try parseCuts(cut, step: step, command: "sweep")
        let document = try ScenarioInput.load(file)
        let reportFormat = format ?? output.flatMap(SweepFormat.init(fileExtensionOf:)) ?? .text
        let allocator = Allocator(scenario: document.scenario)
        let header = SweepHeader(
            document: document, toolVersion: ToolVersion.current,
            maximumFeasibleCut: try solving("sweep") { () throws(AllocationError) in try allocator.maximumFeasibleCut() })
        let sink = try output.map(ReportOutput.file(atPath:)) ?? ReportOutput.standardOutput()
        var writer = reportFormat.makeWriter(header: header, output: sink)
        var progress = SweepProgress(total: cuts.count)
        defer { progress.finish() }
        for cutPercent in cuts {
            let result = try solving("sweep") { () throws(AllocationError) in try allocator.result(atCut: cutPercent) }
            writer.write(result)
            progress.advance()
        }
        writer.finish()
        try sink.close()
    }
}
