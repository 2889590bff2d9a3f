import LinearProgramming

/// One allocation rule's result at a cut, for `scenario rules` (SCENARIO-SPEC section 14).
public struct RuleOutcome: Sendable, Equatable {
    /// The fairness measure of a tiers-mode rule; nil for the weighted mode, whose ties are
    /// broken by the scenario's own measure (`tieBreak`).
    public var fairness: FairnessMeasure?
    /// The objective mode.
    public var mode: ObjectiveMode
    /// The measure that breaks ties among the weighted optima (weighted mode only).
    public var tieBreak: FairnessMeasure?
    /// The allocation at the cut, with its binding reasons; or the infeasible cut.
    public var result: CutResult
}

/// The allocations every rule gives one scenario at one cut: tiers mode under each fairness
/// measure, then weighted mode, each with the scenario's funds, services, groups, priorities and
/// every hard constraint as they are. A cut is feasible or infeasible under all rules alike.
public enum RuleComparison {
    /// The rules in the order reports show them: tiers mode with `relative`, `cash` and `award`,
    /// then weighted mode with ties broken by the scenario's own fairness measure.
    public static func rules(of scenario: Scenario) -> [(fairness: FairnessMeasure?, mode: ObjectiveMode, scenario: Scenario)] {
        var rules: [(fairness: FairnessMeasure?, mode: ObjectiveMode, scenario: Scenario)] = FairnessMeasure.allCases.map { measure in
            var variant = scenario
            variant.objective = .tiers
            variant.fairness = measure
            return (measure, .tiers, variant)
        }
        var weighted = scenario
        weighted.objective = .weighted
        rules.append((nil, .weighted, weighted))
        return rules
    }

    /// The outcome of every rule of `rules(of:)` at a cut of `cutPercent` per cent, every LP
    /// solution passed to `observer` when given.
    ///
    /// - Throws: `AllocationError` when the solver cannot reach a trustworthy answer for a rule.
    public static func outcomes(
        of scenario: Scenario, atCut cutPercent: Double, observer: ((LinearProgram, Solution) -> Void)? = nil
    ) throws(AllocationError) -> [RuleOutcome] {
        var outcomes: [RuleOutcome] = []
        for rule in rules(of: scenario) {
            let allocator = Allocator(scenario: rule.scenario)
            allocator.solveObserver = observer
            let result = try allocator.result(atCut: cutPercent)
            outcomes.append(RuleOutcome(
                fairness: rule.fairness, mode: rule.mode,
                tieBreak: rule.mode == .weighted ? scenario.fairness : nil, result: result))
        }
        return outcomes
    }
}
