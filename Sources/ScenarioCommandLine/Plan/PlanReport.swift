import BudgetModel
import BudgetReports

/// `scenario plan`'s work: every path allocated year by year, the maximum sustainable cut, and
/// the report in the chosen format.
public enum PlanReport {
    /// Allocates `paths` of `document`'s plan and writes the report in `format` to `output`.
    /// - Throws: exit status 1 after a one-line message when the solver cannot decide a year.
    public static func write(
        _ document: ScenarioDocument, plan: Plan, paths: [[Double]], format: DocumentFormat, standalone: Bool = false,
        toolVersion: String, to output: inout some TextOutputStream
    ) throws {
        let runner = PlanRunner(scenario: document.scenario, plan: plan)
        let sustainable = try solving("plan") { () throws(AllocationError) in try runner.maximumSustainableCut() }
        let results = try solving("plan") { () throws(AllocationError) in
            var results: [PlanPathResult] = []
            for path in paths { results.append(try runner.run(path: path)) }
            return results
        }
        let header = PlanHeader(document: document, plan: plan, toolVersion: toolVersion, maximumSustainableCut: sustainable)
        switch format {
        case .text: PlanTextWriter().write(results, header: header, to: &output)
        case .markdown: PlanTextWriter(markdown: true).write(results, header: header, to: &output)
        case .json: PlanJSONWriter().write(results, header: header, to: &output)
        case .csv: PlanCSVWriter().write(results, header: header, to: &output)
        case .latex: PlanLaTeXWriter(standalone: standalone).write(results, header: header, to: &output)
        case .html: PlanHTMLWriter().write(results, header: header, to: &output)
        }
    }
}
