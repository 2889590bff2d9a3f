import BudgetModel
import BudgetReports
import LinearProgramming

/// `scenario check`: what is said about one valid scenario.
public enum CheckRun {
    /// The summary of `document`: its funds, services and groups, its maximum feasible cut and,
    /// when a 0% cut is infeasible but a larger cut up to that maximum is feasible, the least
    /// feasible cut; for a plan file, all of it for the first planned year, as `sweep` takes
    /// it by default. Every LP solution behind the two cuts is passed to `observer` when given.
    ///
    /// - Throws: exit status 1 after a one-line message when the solver cannot reach a
    ///   trustworthy answer.
    public static func summary(
        of document: ScenarioDocument, observer: ((LinearProgram, Solution) -> Void)? = nil
    ) throws -> ScenarioSummary {
        let plan = document.plan
        let document = try PlanOptions.document(of: document, year: nil, path: nil, command: "check")
        let allocator = Allocator(scenario: document.scenario)
        allocator.solveObserver = observer
        let maximum = try solving("check") { () throws(AllocationError) in try allocator.maximumFeasibleCut() }
        let least = try solving("check") { () throws(AllocationError) -> Double? in
            guard let maximum, maximum > 0 else { return nil }
            return try allocator.feasibleCuts(in: 0...min(maximum, 100))?.lowerBound
        }
        return ScenarioSummary(
            document: document, maximumFeasibleCut: maximum, leastFeasibleCut: least.flatMap { $0 > 0 ? $0 : nil }, plan: plan)
    }
}
