import LinearProgramming

/// The money figures of an allocation LP's solution, in the scenario's currency.
///
/// Allocations within a hair of a bound (the minimum, the maximum, the
/// baseline) are snapped onto it, so an allocation held at a £25,000 minimum
/// reads exactly 25000 rather than 24999.999999998. The allocations are read at once; the
/// fund split and the totals from them are worked out when first asked for (a walk that
/// wants the allocations alone never pays for them).
final class AllocationReading {
    /// `x_s`, per service.
    let amounts: [Double]
    /// `x[s,f]`: `fundSplit[f][s]`, one valid split of each service's money across funds.
    private(set) lazy var fundSplit: [[Double]] = Self.fundSplit(layout: layout, solution: solution, cut: cut, amounts: amounts)
    /// How much of each fund is used.
    private(set) lazy var fundUsed: [Double] = fundSplit.map { $0.reduce(0, +) }
    /// Each fund's capacity after the cut.
    private(set) lazy var fundCapacity: [Double] = layout.scenario.funds.map { $0.amount(afterCut: cut) }
    /// Each group's total allocation.
    private(set) lazy var groupTotals: [Double] = {
        let scenario = layout.scenario
        return scenario.groups.map { group in
            scenario.services.indices
                .filter { group.services.contains(scenario.services[$0].id) }
                .reduce(0) { $0 + amounts[$1] }
        }
    }()
    /// Absolute tolerance for "at a bound", in money.
    let tolerance: Double
    private let layout: PooledStageProgram
    private let solution: Solution
    private let cut: Double

    /// Relative (to the programme's money scale) tolerance for snapping and tightness.
    static let relativeTolerance = 1e-8
    /// Relative (to the money scale) excess over the envelope left as rounding in the sum of the
    /// allocations: a thousand times less than the documented 1e-9.
    static let envelopeRounding = 1e-12

    init(layout: PooledStageProgram, solution: Solution, cut: Double) {
        let scenario = layout.scenario
        let scale = layout.scale
        tolerance = Self.relativeTolerance * scale
        var snapped = [Double]()
        snapped.reserveCapacity(scenario.services.count)
        for (s, service) in scenario.services.enumerated() {
            let x = solution.columnValues[layout.levelColumns[s]] * service.reference
            // The first anchor within tolerance, in this order: no array of anchors per service and cut.
            let near = Self.relativeTolerance * scale
            let anchored = abs(x - service.lowerBound) <= near ? service.lowerBound
                : abs(x - service.maximumAmount) <= near ? service.maximumAmount
                : abs(x - service.reference) <= near ? service.reference : x
            snapped.append(max(0, anchored))
        }
        amounts = Self.withinEnvelope(snapped, of: scenario, cut: cut)
        self.layout = layout
        self.solution = solution
        self.cut = cut
    }

    /// One valid split of `amounts` across funds, from the draws of `solution`.
    private static func fundSplit(layout: PooledStageProgram, solution: Solution, cut: Double, amounts: [Double]) -> [[Double]] {
        let scenario = layout.scenario
        let capacities = scenario.funds.map { $0.amount(afterCut: cut) }
        let split = layout.pools.fundSplit(drawn: layout.drawn(in: solution), of: scenario, cut: cut)
        // Snapped like the allocations: to nothing, to the whole fund, or to the service's whole allocation.
        let snapTolerance = Self.relativeTolerance * layout.scale
        // A fund's row is kept as solved where snapping would take it past the fund's capacity:
        // no split may spend more than a fund holds.
        return split.enumerated().map { f, row -> [Double] in
            let snapped = row.enumerated().map { s, value -> Double in
                // A shared service's pieces stay as solved: snapping one of them would break the
                // exact proportions in which the areas pay it.
                guard scenario.services[s].contributions == nil else { return value }
                // The first of 0, the whole fund and the whole allocation within tolerance.
                if abs(value) <= snapTolerance { return 0 }
                if abs(value - capacities[f]) <= snapTolerance { return capacities[f] }
                return abs(value - amounts[s]) <= snapTolerance ? amounts[s] : value
            }
            let used = snapped.reduce(0, +)
            return used > capacities[f] && used > row.reduce(0, +) ? row : snapped
        }
    }

    /// `amounts` with whatever they spend beyond the envelope `E(c)` (by more than
    /// `envelopeRounding` of the money scale) taken back, so that no report shows more allocated
    /// than the envelope. The stage LPs meet each fund's row to their feasibility tolerance and
    /// snapping moves amounts by up to `relativeTolerance` of the money scale, so the excess is
    /// of that order. It comes off the services that sit at
    /// no bound (their floor, maximum or baseline) in proportion to their room above their
    /// floors; when none has room, off every service with room, likewise.
    static func withinEnvelope(_ amounts: [Double], of scenario: Scenario, cut: Double) -> [Double] {
        let envelope = scenario.envelope(afterCut: cut)
        let rounding = Self.envelopeRounding * scenario.moneyScale
        var amounts = amounts
        // Two passes: the first leaves at most a rounding error in the sum.
        for _ in 0..<2 {
            let excess = amounts.reduce(0, +) - envelope
            guard excess > rounding else { break }
            let room = scenario.services.indices.map { max(0, amounts[$0] - scenario.services[$0].lowerBound) }
            let free = scenario.services.indices.map { s -> Double in
                let service = scenario.services[s]
                return [service.lowerBound, service.maximumAmount, service.reference].contains(amounts[s]) ? 0 : room[s]
            }
            let weights = free.reduce(0, +) >= excess ? free : room
            let total = weights.reduce(0, +)
            guard total > 0 else { break }
            let share = min(1, excess / total)
            for s in amounts.indices where weights[s] > 0 {
                amounts[s] = max(scenario.services[s].lowerBound, amounts[s] - weights[s] * share * (1 + 1e-12))
            }
        }
        return amounts
    }

    /// Whether fund `f` is used up.
    func isExhausted(fund f: Int) -> Bool { fundUsed[f] >= fundCapacity[f] - tolerance }
}
