/// The order of SCENARIO-SPEC section 12 between two discrete choices (closures and posts) at a
/// cut, decided from the exact allocations of the two choices (each allocated by sections 3
/// and 4 with its closures and posts held), with no mixed-integer programme and so none of its
/// gaps: it is what places a jump of the posts exactly.
///
/// A choice that cannot meet the cut loses. Two different sets of closures are ordered as
/// `ClosureChooser` orders them (fewest closures tier by tier from the highest priority, then
/// least baseline closed, then members latest in the file). With the same closures: in weighted
/// mode the larger `sum weight_s x_s` (beyond `Allocator.weightedOptimumTolerance`); then tier
/// by tier from the highest priority, the smaller sorted shortfalls of the tier's open services,
/// largest first; then, in file order within the tier, the smaller shortfall of the first
/// service where they differ ("ties going to the service listed first").
struct ChoiceComparison {
    /// The scenario with its closable services and steps.
    let scenario: Scenario

    /// Shortfalls (and money, relative to the scale) closer than this are the same.
    static let tolerance = 1e-9

    /// A choice's allocation near a cut: amounts at `cut` and their slopes (money per point).
    struct Line {
        var choice: DiscreteChoice
        var cut: Double
        var amounts: [Double]
        var slopes: [Double]

        /// The amounts at `c`, along the line.
        func amounts(at c: Double) -> [Double] { zip(amounts, slopes).map { $0 + $1 * (c - cut) } }
    }

    /// What decides between two lines: which is preferred at their common cut, and, where the
    /// decision rests on two figures that move with the cut (a sorted shortfall, a weighted
    /// sum), the difference of those figures (first less second) and its slope, so that the cut
    /// at which the decision turns can be solved for.
    struct Decision {
        /// Whether the first line is preferred; nil when they tie throughout.
        var prefersFirst: Bool?
        /// `f_first - f_second` at the cut, where the smaller figure is preferred.
        var difference: Double?
        /// Its slope, per point.
        var slope: Double?
    }

    /// Compares two lines at the same cut (either may be nil: that choice cannot meet the cut).
    func decide(_ a: Line?, _ b: Line?) -> Decision {
        guard let a else { return Decision(prefersFirst: b == nil ? nil : false) }
        guard let b else { return Decision(prefersFirst: true) }
        if a.choice.closed != b.choice.closed {
            return Decision(prefersFirst: closureSetPrecedes(a.choice.closed, b.choice.closed))
        }
        let scale = max(1, scenario.moneyScale)
        if scenario.objective == .weighted {
            let wa = weighted(a.amounts), wb = weighted(b.amounts)
            if abs(wa - wb) > Allocator.weightedOptimumTolerance * max(1, abs(wa), abs(wb)) {
                // The larger sum is preferred: its negation is the figure to make small.
                return Decision(prefersFirst: wa > wb, difference: wb - wa, slope: weighted(b.slopes) - weighted(a.slopes))
            }
        }
        let open = scenario.closing(a.choice.closed)
        for tier in TierSchedule(services: scenario.services).tiers {
            let members = tier.filter { open.services[$0].maximumAmount > 0 }
            let sa = sortedShortfalls(members, a), sb = sortedShortfalls(members, b)
            for k in sa.indices {
                let unit = unit(of: sa[k].service, scale: scale)
                let difference = sa[k].value - sb[k].value
                if abs(difference) > Self.tolerance * unit {
                    return Decision(prefersFirst: difference < 0, difference: difference, slope: sa[k].slope - sb[k].slope)
                }
            }
            for s in members {
                let ra = shortfall(s, a.amounts[s]), rb = shortfall(s, b.amounts[s])
                if abs(ra - rb) > Self.tolerance * unit(of: s, scale: scale) {
                    return Decision(prefersFirst: ra < rb, difference: ra - rb, slope: shortfallSlope(s, a.slopes[s]) - shortfallSlope(s, b.slopes[s]))
                }
            }
        }
        return Decision(prefersFirst: nil)
    }

    /// Whether closing `a` comes before closing `b` in section 12's order.
    func closureSetPrecedes(_ a: [Int], _ b: [Int]) -> Bool {
        let priorities = Set(scenario.services.map(\.priority)).sorted(by: >)
        for priority in priorities {
            let ca = a.filter { scenario.services[$0].priority == priority }.count
            let cb = b.filter { scenario.services[$0].priority == priority }.count
            if ca != cb { return ca < cb }
        }
        for priority in priorities {
            let ba = a.filter { scenario.services[$0].priority == priority }.reduce(0) { $0 + scenario.services[$1].baseline }
            let bb = b.filter { scenario.services[$0].priority == priority }.reduce(0) { $0 + scenario.services[$1].baseline }
            if abs(ba - bb) > Self.tolerance * max(1, scenario.moneyScale) { return ba < bb }
        }
        // Members latest in the file: compare the sets' positions from the last.
        for (pa, pb) in zip(a.sorted(by: >), b.sorted(by: >)) where pa != pb { return pa > pb }
        return a.count >= b.count
    }

    private func weighted(_ amounts: [Double]) -> Double {
        scenario.services.indices.reduce(0) { $0 + scenario.services[$1].weight * amounts[$1] }
    }

    private func shortfall(_ s: Int, _ x: Double) -> Double {
        scenario.fairness.shortfall(allocation: x, baseline: scenario.services[s].reference)
    }

    /// `d r_s / dc` for an allocation moving at `slope` money per point.
    private func shortfallSlope(_ s: Int, _ slope: Double) -> Double {
        switch scenario.fairness {
        case .relative: return -slope / scenario.services[s].reference
        case .cash, .award: return -slope
        }
    }

    /// The size of one shortfall unit's tolerance: 1 for relative shortfalls, the scale for money.
    private func unit(of s: Int, scale: Double) -> Double { scenario.fairness == .relative ? 1 : scale }

    /// The shortfalls of `members` on a line, largest first (ties: the faster rising first), with
    /// the service and slope of each place.
    private func sortedShortfalls(_ members: [Int], _ line: Line) -> [(service: Int, value: Double, slope: Double)] {
        let scale = max(1, scenario.moneyScale)
        let entries = members.map { s in (service: s, value: shortfall(s, line.amounts[s]), slope: shortfallSlope(s, line.slopes[s])) }
        return entries.sorted { p, q in
            if abs(p.value - q.value) > Self.tolerance * unit(of: p.service, scale: scale) { return p.value > q.value }
            return p.slope > q.slope
        }
    }
}
