/// Decides what holds each service's allocation where it is, by the checkable definitions
/// of SCENARIO-SPEC section 10, giving the first that is true in the spec's order.
///
/// - `protected` / `minimum`: at the lower bound `lo_s` (protected when that bound is the
///   baseline of a protected service).
/// - `maximum`: at the upper bound `hi_s`, where `hi_s` is not the baseline or another
///   service of the same priority is cut more. A service at `hi_s` = its baseline is not cut
///   at all, so "cut more" is "below its baseline": under `relative` and `cash` fairness this is
///   the same as a larger shortfall in the active measure (both are zero at the baseline and
///   positive below it); under `award` it is what makes the words true, since a service held
///   at its baseline by its maximum while the others share equal awards has the largest
///   shortfall `-x_s` of its tier, not a smaller one (docs/FAIRNESS.md).
/// - `group:<id>`: in a group at a limit whose removal changes the service's allocation;
///   `ring-fence:<fund>`: named by a fence whose removal changes it. The stage LPs' duals decide
///   it where they can (`evidence`); for the services they leave undecided the rule is re-solved
///   without that limit (`counterfactual`), once per limit and cut, unless the limit provably
///   changes nothing (a fence whose constraints are all slack, a tier already at its best).
/// - `area:<id>`: the area's own services and the shared services it contributes to, when
///   re-solving with the area's funds free to pay any service changes the allocation.
/// - `not-cut`: at the baseline, no service of its priority cut, and a lower priority cut.
/// - `share`: none of these: it takes its tier's common shortfall in the active measure.
struct BindingClassifier {
    let scenario: Scenario
    let schedule: TierSchedule
    let reading: AllocationReading
    let cut: Double
    /// What the rule's stage LPs at this cut prove about removing each limit; nil: nothing,
    /// every undecided service is re-solved.
    let evidence: LimitEvidence?
    /// The allocation `x_s` per service of the same rule without a limit, final for the tiers
    /// through the given index (a service's allocation depends on its own tier and the higher ones only).
    let counterfactual: (RemovedLimit, Int) throws(AllocationError) -> [Double]

    /// Allocations further apart than this, relative to the scenario's money scale, differ.
    static let relativeDifference = 1e-7

    func bindings() throws(AllocationError) -> [Binding] {
        let amounts = reading.amounts
        let tolerance = reading.tolerance
        let shortfalls = scenario.services.indices.map { (scenario.services[$0].reference - amounts[$0]) / scenario.services[$0].reference }
        var result = scenario.services.indices.map { boundBinding($0, shortfalls: shortfalls) }
        // In tiers mode a service whose priority and every higher one sit at their upper bounds
        // is where no relaxation can move it: each of those tiers is at its best already.
        let settled = settledServices()
        let open: (Int) -> Bool = { result[$0] == nil && !settled.contains($0) }
        let difference = Self.relativeDifference * scenario.moneyScale
        let measure = TierRowMeasure(scenario: scenario, scale: scenario.moneyScale)

        for (g, group) in scenario.groups.enumerated() {
            let members = scenario.services.indices.filter { group.services.contains(scenario.services[$0].id) && open($0) }
            guard !members.isEmpty, let limit = atLimit(group: g) else { continue }
            try decide(limit, for: members, reason: .group(group.id), measure: measure, difference: difference, into: &result)
        }
        for (f, fund) in scenario.funds.enumerated() {
            guard let named = fund.ringFencedFor, fund.amount(afterCut: cut) > tolerance else { continue }
            let members = scenario.services.indices.filter { named.contains(scenario.services[$0].id) && open($0) }
            guard !members.isEmpty, !fenceIsSlack(f, by: difference) else { continue }
            try decide(.ringFence(f), for: members, reason: .ringFence(fund.id), measure: measure, difference: difference, into: &result)
        }
        for (a, area) in scenario.areas.enumerated() {
            let members = scenario.services.indices.filter { s in
                open(s) && (scenario.services[s].area == area.id
                    || scenario.contributionShares(ofService: s)?.contains { $0.area == area.id } == true)
            }
            guard !members.isEmpty else { continue }
            try decide(.area(a), for: members, reason: .area(area.id), measure: measure, difference: difference, into: &result)
        }
        for s in scenario.services.indices where result[s] == nil && isNotCut(s) { result[s] = .notCut }
        return result.map { $0 ?? .share }
    }

    /// Gives `reason` to each of `members` whose allocation changes by more than `difference`
    /// without `limit`: as the stage LPs prove it, or by re-solving for those they leave undecided.
    private func decide(
        _ limit: RemovedLimit, for members: [Int], reason: Binding, measure: TierRowMeasure, difference: Double,
        into result: inout [Binding?]
    ) throws(AllocationError) {
        var undecided: [Int] = []
        for s in members {
            switch evidence?.changes(s, without: limit, measure: measure, reference: scenario.services[s].reference, difference: difference) {
            case true?: result[s] = reason
            case false?: break
            case nil: undecided.append(s)
            }
        }
        guard !undecided.isEmpty else { return }
        let without = try counterfactual(limit, lowestTier(of: undecided))
        for s in undecided where abs(without[s] - reading.amounts[s]) > difference { result[s] = reason }
    }

    /// Whether removing fund `f`'s fence leaves the allocation as it is (tiers mode) because every
    /// constraint the fence imposes is slack by more than `margin`. Money can pay the allocation exactly
    /// when every set S of services needs no more than the funds that admit some member of S
    /// hold (Hall's condition for the split); the fence adds `f` to those funds for the sets
    /// with no member it names. When all of those sets have slack, the allocation is still
    /// leximin-optimal without the fence: the constraints that differ do not touch it, and the
    /// rule's programmes are convex. The sets that matter are, for each set R of the other
    /// fenced funds, the services the fence does not name whose fenced funds all lie in R.
    /// (Weighted mode is not covered: there the allocation may sit just below the weighted
    /// optimum, which the fence can move.)
    private func fenceIsSlack(_ f: Int, by margin: Double) -> Bool {
        // Hall's condition below counts every unfenced fund as paying every service: not so with areas.
        guard scenario.objective == .tiers, scenario.areas.isEmpty else { return false }
        let fenced = scenario.funds.indices.filter { $0 != f && scenario.funds[$0].ringFencedFor != nil }
        guard fenced.count <= Self.largestFenceEnumeration, let named = scenario.funds[f].ringFencedFor else { return false }
        let unrestricted = scenario.funds.indices.filter { scenario.funds[$0].ringFencedFor == nil }
            .reduce(0) { $0 + reading.fundCapacity[$1] }
        let others = scenario.services.indices.filter { !named.contains(scenario.services[$0].id) }
        let masks = others.map { s in
            fenced.indices.reduce(0) { mask, k in
                scenario.funds[fenced[k]].admits(serviceID: scenario.services[s].id) ? mask | (1 << k) : mask
            }
        }
        for reachable in 0..<(1 << fenced.count) {
            let members = others.indices.filter { masks[$0] & ~reachable == 0 }
            guard !members.isEmpty else { continue }
            let capacity = fenced.indices.filter { reachable & (1 << $0) != 0 }.reduce(unrestricted) { $0 + reading.fundCapacity[fenced[$1]] }
            let need = members.reduce(0) { $0 + reading.amounts[others[$1]] }
            if capacity - need <= margin { return false }
        }
        return true
    }

    /// Most other fenced funds whose subsets `fenceIsSlack` goes through; with more, it re-solves.
    static let largestFenceEnumeration = 10

    /// The index of the lowest-priority tier among `services`.
    private func lowestTier(of services: [Int]) -> Int { services.map { schedule.tierOfService[$0] }.max() ?? 0 }

    /// `protected`, `minimum` or `maximum` when the service sits on its own bound and the
    /// definition holds there.
    private func boundBinding(_ s: Int, shortfalls: [Double]) -> Binding? {
        let service = scenario.services[s]
        let x = reading.amounts[s]
        let tolerance = reading.tolerance
        if abs(x - service.lowerBound) <= tolerance {
            return service.isProtected && service.lowerBound == service.reference ? .protected : .minimum
        }
        guard abs(x - service.maximumAmount) <= tolerance else { return nil }
        if abs(service.maximumAmount - service.reference) > tolerance { return .maximum }
        let shortfall = shortfalls[s]
        let slack = tolerance / service.reference
        let cutMore = schedule.tiers[schedule.tierOfService[s]].contains { shortfalls[$0] > shortfall + slack }
        return cutMore ? .maximum : nil
    }

    /// `not-cut`: at its baseline, no service of its priority below its baseline, and some
    /// service of a lower priority below its baseline.
    private func isNotCut(_ s: Int) -> Bool {
        let tolerance = reading.tolerance
        guard abs(reading.amounts[s] - scenario.services[s].reference) <= tolerance else { return false }
        let position = schedule.tierOfService[s]
        let isCut: (Int) -> Bool = { reading.amounts[$0] < scenario.services[$0].reference - tolerance }
        return !schedule.tiers[position].contains(where: isCut)
            && schedule.tiers[(position + 1)...].contains { $0.contains(where: isCut) }
    }

    /// The limit group `g` is at, if any: its minimum, its maximum, or both when they meet.
    private func atLimit(group g: Int) -> RemovedLimit? {
        let group = scenario.groups[g]
        let envelope = scenario.envelope(afterCut: cut)
        let total = reading.groupTotals[g]
        let tolerance = reading.tolerance
        let atMinimum = group.minimum.map { total <= $0.resolved(against: envelope) + tolerance } ?? false
        let atMaximum = group.maximum.map { total >= $0.resolved(against: envelope) - tolerance } ?? false
        guard atMinimum || atMaximum else { return nil }
        return .group(g, minimum: atMinimum, maximum: atMaximum)
    }

    /// Services of tiers (tiers mode only) in which every service, and every service of every
    /// higher priority, is at its upper bound.
    private func settledServices() -> Set<Int> {
        guard scenario.objective == .tiers else { return [] }
        var settled = Set<Int>()
        for tier in schedule.tiers {
            guard tier.allSatisfy({ abs(reading.amounts[$0] - scenario.services[$0].maximumAmount) <= reading.tolerance })
            else { break }
            settled.formUnion(tier)
        }
        return settled
    }
}
