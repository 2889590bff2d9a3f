import LinearProgramming

/// The columns every allocation programme shares: each service's level `y_s = x_s / b_s`, `b_s` its
/// reference (the baseline, or a new bid's request),
/// with its coefficients in the group rows, and the common shortfall `t`. `FullAllocationProgram`
/// (the full programme of SCENARIO-SPEC section 3) and `PooledStageProgram` (the pooled programme
/// of the rule's stages) add their own money columns and rows around these.
enum LevelColumns {
    /// The bounds `[lo_s / b_s, hi_s / b_s]` of service `s`'s level.
    static func bounds(_ s: Int, of scenario: Scenario) -> (lower: Double, upper: Double) {
        let service = scenario.services[s]
        return (service.lowerBound / service.reference, service.maximumAmount / service.reference)
    }

    /// Adds the level column `level:<id>` of service `s`: coefficient `b_s / scale` in each row
    /// of `moneyRows` (the rows counting its money), in the row of each group it belongs to
    /// (`groupRows`, in the scenario's group order) and, times its weight, in `weightedRow`;
    /// in its tier row, when it has one, the coefficient `measure` gives it. Returns the column.
    static func add(
        _ s: Int, of scenario: Scenario, scale: Double, measure: TierRowMeasure, moneyRows: [Int], groupRows: [Int],
        tierRow: Int?, weightedRow: Int, to lp: inout LinearProgram
    ) -> Int {
        let service = scenario.services[s]
        let b = service.reference / scale
        var coefficients: [(row: Int, value: Double)] = moneyRows.map { ($0, b) }
        if let tierRow { coefficients.append((tierRow, measure.coefficient(s))) }
        coefficients.append((weightedRow, service.weight * b))
        for (g, group) in scenario.groups.enumerated() where group.services.contains(service.id) {
            coefficients.append((groupRows[g], b))
        }
        let bounds = bounds(s, of: scenario)
        return lp.addColumn(
            name: "level:\(service.id)", cost: 0, lower: bounds.lower, upper: bounds.upper, coefficients: coefficients)
    }

    /// Adds the free shortfall column `t`, with coefficient 1 in every tier row.
    static func addShortfall(tierRows: [Int], to lp: inout LinearProgram) -> Int {
        lp.addColumn(name: "shortfall", cost: 0, lower: -.infinity, upper: .infinity, coefficients: tierRows.map { ($0, 1.0) })
    }
}
