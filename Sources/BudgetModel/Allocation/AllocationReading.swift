import LinearProgramming

/// The money figures of an allocation LP's solution, in the scenario's currency.
///
/// Allocations within a hair of a bound (the minimum, the maximum, the
/// baseline) are snapped onto it, so an allocation held at a £25,000 minimum
/// reads exactly 25000 rather than 24999.999999998.
struct AllocationReading {
    /// `x_s`, per service.
    let amounts: [Double]
    /// `x[s,f]`: `fundSplit[f][s]`, one valid split of each service's money across funds.
    let fundSplit: [[Double]]
    /// How much of each fund is used.
    let fundUsed: [Double]
    /// Each fund's capacity after the cut.
    let fundCapacity: [Double]
    /// Each group's total allocation.
    let groupTotals: [Double]
    /// Absolute tolerance for "at a bound", in money.
    let tolerance: Double

    /// Relative (to the programme's money scale) tolerance for snapping and tightness.
    static let relativeTolerance = 1e-8

    init(layout: StageProgram, solution: Solution, cut: Double) {
        let scenario = layout.scenario
        let scale = layout.scale
        tolerance = Self.relativeTolerance * scale
        var amounts = [Double]()
        for (s, service) in scenario.services.enumerated() {
            var x = solution.columnValues[layout.levelColumns[s]] * service.baseline
            for anchor in [service.lowerBound, service.maximumAmount, service.baseline] where abs(x - anchor) <= Self.relativeTolerance * scale {
                x = anchor
                break
            }
            amounts.append(max(0, x))
        }
        self.amounts = amounts

        let capacities = scenario.funds.map { $0.amount(afterCut: cut) }
        let split = layout.pools.fundSplit(drawn: layout.drawn(in: solution), of: scenario, cut: cut)
        // Snapped like the allocations: to nothing, to the whole fund, or to the service's whole allocation.
        fundSplit = split.enumerated().map { f, row in
            row.enumerated().map { s, value in
                [0, capacities[f], amounts[s]].first { abs(value - $0) <= Self.relativeTolerance * scale } ?? value
            }
        }
        fundUsed = fundSplit.map { $0.reduce(0, +) }
        fundCapacity = capacities
        groupTotals = scenario.groups.map { group in
            scenario.services.indices
                .filter { group.services.contains(scenario.services[$0].id) }
                .reduce(0) { $0 + amounts[$1] }
        }
    }

    /// Whether fund `f` is used up.
    func isExhausted(fund f: Int) -> Bool { fundUsed[f] >= fundCapacity[f] - tolerance }
}
