import ArgumentParser
import Foundation
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

            FORMATS (--format, or from the --output extension .txt .md .csv .json .tex .html):
              text        aligned tables for a board paper (the default)
              markdown    the same tables in Markdown
              csv         long format, one row per cut and service (RFC 4180)
              json        one object with exact and rounded figures
              latex       booktabs longtables for pdflatex that break across pages and fit
                          345pt: a fragment needing \\usepackage{booktabs} and
                          \\usepackage{longtable}, or with --latex-standalone a whole document
              html        one standalone page: the tables and two inline SVG charts
            Text, Markdown and LaTeX print at most six cuts per table and repeat the table for \
            further cuts. LaTeX and HTML are for board papers and take at most 200 cuts. Amounts are rounded up or down to the scenario's unit, each table \
            as a whole, so every column adds up exactly and equal amounts in neighbouring columns round alike \
            (JSON and CSV of more than 200 cuts round each cut on its own).

            Without FILE, the bundled Cambridgeshire 2015/16 scenario is used (a note on \
            standard error says so). Long sweeps show progress on standard error when it is a \
            terminal; output is streamed, so memory stays flat however many cuts are asked for.

            PARALLEL SWEEPS: --jobs N allocates the cuts on N threads; the default is one per \
            core, and --jobs 1 keeps a sweep on one thread. Cuts are allocated in blocks of 64, \
            each block starting afresh and each cut within it warm from the last, whatever N \
            is; so the report is the same byte for byte for every N, and a sweep of 64 cuts or \
            fewer runs on one thread. Output stays in cut order and streamed: at most 2N \
            finished blocks wait to be written.

            EXIT STATUS:
              0   the report was written (infeasible cuts included)
              64  bad usage, such as a malformed --cut or --step, or more cuts
                  than the latex or html format takes (200)
              65  the scenario file is invalid; one line per problem on standard
                  error, FILE:LINE:COL: message
              1   anything else: the scenario file is missing or unreadable, the
                  output cannot be written, the solver failed on the maximum
                  cut, or it could not decide some cut: that cut is reported as
                  unsolved with its reason, the sweep goes on, the report is
                  complete, and one line on standard error names the unsolved cuts

            EXAMPLES:
              scenario sweep --cut 5..20%
              scenario sweep my-scenario.toml --cut 5..20% --output cuts.md
              scenario sweep my-scenario.toml --cut 0..30% --step 0.01 --format csv
              scenario sweep my-scenario.toml --cut 0..30% --step 0.01 --format csv --jobs 1
            """
    )

    @Argument(help: "The scenario file (TOML). Default: the bundled Cambridgeshire 2015/16 scenario.")
    var file: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("The cut levels: A..B%, a list 5,7.5,10%, or one value 10%.", valueName: "range"))
    var cut: String

    @Option(parsing: .unconditional, help: ArgumentHelp("The step of a range in percentage points (default 5).", valueName: "points"))
    var step: String?

    @Option(help: "The report format: text, markdown, csv, json, latex or html (default: from --output's extension, else text).")
    var format: SweepFormat?

    @Flag(help: "With the latex format, write a complete document (article + booktabs + longtable) rather than a fragment.")
    var latexStandalone = false

    @Option(help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "path"))
    var output: String?

    @Option(help: ArgumentHelp(
        "Allocate the cuts on this many threads (default: one per core); the report is the same byte for byte.",
        valueName: "n"))
    var jobs: Int = SweepCommand.defaultJobs

    /// One thread per core this process may use, within what `BlockSweep` accepts.
    static var defaultJobs: Int { min(max(1, ProcessInfo.processInfo.activeProcessorCount), BlockSweep.maximumJobs) }

    func run() throws {
        let cuts = try parseCuts(cut, step: step, command: "sweep")
        guard (1...BlockSweep.maximumJobs).contains(jobs) else {
            throw failing(["scenario sweep: --jobs must be between 1 and \(BlockSweep.maximumJobs), not \(jobs)"], status: ExitStatus.usage)
        }
        let reportFormat = format ?? output.flatMap(SweepFormat.init(fileExtensionOf:)) ?? .text
        do {
            try reportFormat.checkCutCount(cuts.count)
        } catch {
            throw failing(["scenario sweep: \(error.description)"], status: ExitStatus.usage)
        }
        if latexStandalone, reportFormat != .latex {
            throw failing(["scenario sweep: --latex-standalone applies only to the latex format"], status: ExitStatus.usage)
        }
        let document = try ScenarioInput.load(file)
        let allocator = Allocator(scenario: document.scenario)
        let maximumCut = try solving("sweep") { () throws(AllocationError) in try allocator.maximumFeasibleCut() }
        let header = SweepHeader(document: document, toolVersion: ToolVersion.current, maximumFeasibleCut: maximumCut)
        let sink = try output.map(ReportOutput.file(atPath:)) ?? ReportOutput.standardOutput()
        var writer = reportFormat.makeWriter(header: header, output: sink, standalone: latexStandalone)
        var progress = SweepProgress(total: cuts.count)
        defer { progress.finish() }
        let sweep = BlockSweep(scenario: document.scenario, maximumCut: maximumCut, cuts: cuts, jobs: jobs)
        var unsolved: [Double] = []
        try sweep.run { result in
            writer.write(result)
            if result.status == .unsolved { unsolved.append(result.cutPercent) }
            progress.advance()
        }
        writer.finish()
        try sink.close()
        if !unsolved.isEmpty {
            let cuts = unsolved.prefix(Self.unsolvedCutsNamed).map { PercentFormatter.cut($0) }.joined(separator: ", ")
            let more = unsolved.count > Self.unsolvedCutsNamed ? " and \(unsolved.count - Self.unsolvedCutsNamed) more" : ""
            let count = unsolved.count == 1 ? "1 cut" : "\(unsolved.count) cuts"
            throw failing(
                ["scenario sweep: \(count) unsolved (\(cuts)\(more)); the report gives each one's reason"],
                status: ExitStatus.failure)
        }
    }

    /// The most unsolved cuts the closing line on standard error names one by one.
    static let unsolvedCutsNamed = 10
}
