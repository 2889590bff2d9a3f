import BudgetModel
import BudgetReports
import Foundation

/// `scenario sweep [FILE] --cut RANGE`: the allocation at every cut of a range, as a report
/// streamed to standard output or a file (SCENARIO-SPEC section 5).
public enum SweepRun {
    /// The whole command: reads the options, loads the scenario (`file`, or the bundled one; of
    /// a plan file, the year `year` names after the cuts `path` gives the years before it, as
    /// `PlanOptions.document`), allocates every cut and writes the report.
    ///
    /// - Parameters:
    ///   - format: the report format, or nil for the one `output`'s extension names, else text.
    ///   - jobs: `--jobs` as typed, or nil for `JobCount.perCore`.
    ///   - maxCuts: `--max-cuts` as typed, or nil for `CutOption.defaultMaximumCount`.
    ///   - interactive: add the live section (a cut slider over the range) to the html page.
    ///   - solveEveryCut: solve each cut rather than reading cuts on a linear piece from it.
    /// - Throws: exit status 64 for a bad `--cut`, `--step`, `--jobs` or `--max-cuts`, more cuts
    ///   than the format takes, an output extension that names no format, xlsx to a terminal,
    ///   `--latex-standalone` without latex, `--interactive` without html, or `--year`/`--path`
    ///   that do not fit the file; 65 or 1 for a scenario that cannot be read (`ScenarioInput`);
    ///   1 when the solver cannot decide the maximum cut, or when some cut is unsolved (after the
    ///   complete report, one line naming them), or the report cannot be written.
    public static func run(
        file: String?, cut: String, step: String? = nil, format: SweepFormat? = nil, output: String? = nil,
        latexStandalone: Bool = false, year: String? = nil, path: String? = nil, jobs: String? = nil,
        maxCuts: String? = nil, interactive: Bool = false, solveEveryCut: Bool = false
    ) throws {
        let limit = try maxCuts.map { try CutOption.maximumCount($0, command: "sweep") } ?? CutOption.defaultMaximumCount
        let cuts = try CutOption.cuts(cut, step: step, command: "sweep", maximumCount: limit)
        let threads = try jobs.map { try JobCount.parse($0, command: "sweep") } ?? JobCount.perCore
        let destination = try OutputDestination.resolve(output, input: file, command: "sweep")
        let reportFormat = try ReportFormatChoice.format(format, output: output, command: "sweep")
        do {
            try reportFormat.checkCutCount(cuts.count)
        } catch {
            throw failing(["scenario sweep: \(error.description)"], status: ExitStatus.usage)
        }
        if reportFormat == .xlsx, output == nil, isatty(STDOUT_FILENO) != 0 {
            throw failing(
                ["scenario sweep: the xlsx format is a binary workbook; give --output FILE.xlsx or redirect standard output"],
                status: ExitStatus.usage)
        }
        if latexStandalone, reportFormat != .latex {
            throw failing(["scenario sweep: --latex-standalone applies only to the latex format"], status: ExitStatus.usage)
        }
        if interactive, reportFormat != .html {
            throw failing(["scenario sweep: --interactive applies only to the html format"], status: ExitStatus.usage)
        }
        let document = try PlanOptions.document(of: try ScenarioInput.load(file), year: year, path: path, command: "sweep")
        let maximumCut = try solving("sweep") { () throws(AllocationError) in
            try Allocator(scenario: document.scenario).maximumFeasibleCut()
        }
        let live = try interactive ? liveAllocation(document.scenario, maximumCut: maximumCut, cuts: cuts) : nil
        let header = SweepHeader(document: document, toolVersion: ToolVersion.current, maximumFeasibleCut: maximumCut)
        let sweep = BlockSweep(scenario: document.scenario, maximumCut: maximumCut, cuts: cuts, jobs: threads, followsPieces: !solveEveryCut)
        var unsolved: [Double] = []
        try destination.write { sink in
            var writer = live.map { HTMLSweepWriter(header: header, output: sink, live: $0) }
                ?? reportFormat.makeWriter(header: header, output: sink, standalone: latexStandalone)
            var progress = SweepProgress(total: cuts.count)
            defer { progress.finish() }
            do {
                try sweep.run { result in
                    writer.write(result)
                    if result.status == .unsolved { unsolved.append(result.cutPercent) }
                    try sink.check()
                    progress.advance()
                }
            } catch let error as AllocationError {
                throw failing(["scenario sweep: \(error.description)"], status: ExitStatus.failure)
            }
            writer.finish()
        }
        if !unsolved.isEmpty {
            throw failing([UnsolvedCuts.summary(unsolved, command: "sweep")], status: ExitStatus.failure)
        }
    }

    /// The exact allocation over the span of `cuts`, piece by piece, for the interactive page's
    /// slider (`--interactive`); exit status 1 after a one-line message when the solver cannot
    /// decide a piece.
    private static func liveAllocation(_ scenario: Scenario, maximumCut: Double?, cuts: CutRange) throws -> PiecewiseAllocation {
        try solving("sweep") { () throws(AllocationError) in
            try PiecewiseAllocation(
                allocator: Allocator(scenario: scenario, maximumCut: maximumCut),
                range: (cuts.min() ?? 0)...(cuts.max() ?? 0))
        }
    }
}
