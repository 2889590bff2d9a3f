import ArgumentParser
import BudgetModel
import BudgetReports

/// `scenario commit`: each service's guarantee over a range of cuts (SCENARIO-SPEC section 14).
public enum CommitRun {
    /// Reads the options, loads the scenario (of a plan file, the year `year` names after the
    /// cuts `path` gives the years before it, as `PlanOptions.document`), finds the guarantees
    /// and writes the report.
    ///
    /// - Throws: exit status 64 for a bad `--cut` (not a range `A..B%` with `A < B`), an output
    ///   extension that names no format, `--latex-standalone` without the latex format, or
    ///   `--year`/`--path` that do not fit the file; 65 or 1 for a scenario that cannot be read
    ///   (see `ScenarioInput`); 1 when the solver cannot decide a cut the guarantees need, or
    ///   the report cannot be written.
    public static func run(
        file: String?, cut: String, format: SweepFormat?, output: String?, latexStandalone: Bool = false,
        year: String? = nil, path: String? = nil
    ) throws {
        let range = try CutOption.range(cut, command: "commit")
        let chosen = try ReportFormatChoice.documentFormat(format, output: output, command: "commit")
        if latexStandalone, chosen != .latex {
            throw failing(["scenario commit: --latex-standalone applies only to the latex format"], status: ExitStatus.usage)
        }
        let destination = try OutputDestination.resolve(output, input: file, command: "commit")
        let document = try PlanOptions.document(of: try ScenarioInput.load(file), year: year, path: path, command: "commit")
        try destination.write(try report(document, range: range).rendered(chosen, standalone: latexStandalone))
    }

    /// The report of the guarantees of `document`'s scenario over `range`.
    ///
    /// - Throws: exit status 1 after a one-line message when the solver cannot decide a cut.
    public static func report(_ document: ScenarioDocument, range: ClosedRange<Double>) throws -> CommitReport {
        let allocator = Allocator(scenario: document.scenario)
        allocator.findsFallbacks = false
        let maximum = try solving("commit") { () throws(AllocationError) in try allocator.maximumFeasibleCut() }
        let commitment = try solving("commit") { () throws(AllocationError) in
            try CommitmentFinder(allocator: allocator).commitment(over: range)
        }
        let header = SweepHeader(document: document, toolVersion: ToolVersion.current, maximumFeasibleCut: maximum)
        return CommitReport(header: header, commitment: commitment)
    }
}
