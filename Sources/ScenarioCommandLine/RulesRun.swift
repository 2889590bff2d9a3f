import BudgetModel
import BudgetReports
import LinearProgramming

/// `scenario rules [FILE] --cut C`: one cut under every fairness measure in tiers mode and
/// under weighted mode, side by side (SCENARIO-SPEC section 14).
public enum RulesRun {
    /// The report for `document` at a cut of `cutPercent` per cent in `format`, every LP
    /// solution passed to `observer` when given.
    ///
    /// - Throws: exit status 1 after a one-line message when the solver cannot reach a
    ///   trustworthy answer for a rule.
    public static func report(
        _ document: ScenarioDocument, cutPercent: Double, format: DocumentFormat,
        observer: ((LinearProgram, Solution) -> Void)? = nil
    ) throws -> String {
        let allocator = Allocator(scenario: document.scenario)
        allocator.solveObserver = observer
        let maximumCut = try solving("rules") { () throws(AllocationError) in try allocator.maximumFeasibleCut() }
        let outcomes = try solving("rules") { () throws(AllocationError) in
            try RuleComparison.outcomes(of: document.scenario, atCut: cutPercent, observer: observer)
        }
        let header = SweepHeader(document: document, toolVersion: ToolVersion.current, maximumFeasibleCut: maximumCut)
        return RulesReport(header: header, cutPercent: cutPercent, outcomes: outcomes).rendered(as: format)
    }

    /// The whole command: reads the cut, picks the format (`format`, else the extension of
    /// `output`, else text), checks the destination, loads the scenario (`file`, or the bundled
    /// one) and writes the report.
    ///
    /// - Throws: exit status 64 for a malformed cut or an output whose extension names no
    ///   format, 65 for an invalid scenario, 1 for anything else; the reason has been printed
    ///   on standard error as one line each.
    public static func run(file: String?, cut: String, format: SweepFormat?, output: String?) throws {
        let cutPercent = try CutOption.single(cut, command: "rules")
        let chosen = try ReportFormatChoice.documentFormat(format, output: output, command: "rules")
        let destination = try OutputDestination.resolve(output, input: file, command: "rules")
        let document = try ScenarioInput.load(file)
        try destination.write(try report(document, cutPercent: cutPercent, format: chosen))
    }
}
