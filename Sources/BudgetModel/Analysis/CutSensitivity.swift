import LinearProgramming

/// The sensitivity of one feasible cut (`scenario solve`): Excel Solver's report in weighted
/// mode, the cost of each binding floor in tiers mode.
public enum CutSensitivity: Sendable {
    /// Weighted mode: the Sensitivity Report of the weighted LP at the allocation shown.
    case weighted(WeightedSensitivity)
    /// Tiers mode: the cost of every binding floor, in file order.
    case tiers([FloorCost])

    /// The sensitivity at `result`, a cut of `scenario`; nil when the cut is infeasible.
    public static func of(
        _ result: CutResult, scenario: Scenario, observer: ((LinearProgram, Solution) -> Void)? = nil
    ) throws(AllocationError) -> CutSensitivity? {
        guard result.status == .optimal else { return nil }
        switch scenario.objective {
        case .weighted:
            return try WeightedSensitivity(scenario: scenario, allocation: result, observer: observer)
                .map(CutSensitivity.weighted)
        case .tiers:
            return .tiers(try FloorCost.costs(at: result, of: scenario, observer: observer))
        }
    }
}
