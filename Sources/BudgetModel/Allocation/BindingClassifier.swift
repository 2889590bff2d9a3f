/// Decides what holds each service's allocation where it is (SCENARIO-SPEC section 5).
///
/// In order: a protected service at its baseline is `protected`; a service at
/// its floor is `minimum`; at its cap, `maximum`. The rest of a priority tier
/// normally shares one common shortfall level (`share`). A service cut less
/// than that common level is held up by a used-up ring-fenced fund it draws on
/// (`ring-fence:<fund>`) or a group floor (`group:<id>`); one cut more, or a
/// whole tier cut together below what it could otherwise have, is held down by
/// a group ceiling (`group:<id>`).
struct BindingClassifier {
    let scenario: Scenario
    let schedule: TierSchedule
    let reading: AllocationReading
    /// The shortfall level at which each service was fixed by the tiers rule.
    let levels: [Double]
    let cut: Double

    /// Two shortfall levels closer than this are the same level.
    static let levelTolerance = 1e-7

    func bindings() -> [Binding] {
        var result = [Binding](repeating: .share, count: scenario.services.count)
        for tier in schedule.tiers {
            var open: [Int] = []
            for s in tier {
                if let bound = boundBinding(s) { result[s] = bound } else { open.append(s) }
            }
            let holders = Dictionary(uniqueKeysWithValues: open.map { ($0, holdingConstraints(of: $0)) })
            let free = open.filter { holders[$0]?.isEmpty ?? true }
            // The tier's common cut: the level of the services nothing else holds,
            // or, when every service has a holder, the tier's deepest cut.
            guard let common = (free.isEmpty ? open : free).map({ levels[$0] }).max() else { continue }
            for s in open {
                let candidates = holders[s] ?? []
                if candidates.isEmpty { continue }
                let level = levels[s]
                if abs(level - common) <= Self.levelTolerance {
                    // At the common cut a group maximum can still be what holds the whole tier down.
                    if free.isEmpty, let group = candidates.first(where: { isHeld(by: $0, at: .upper) }) {
                        result[s] = group
                    }
                } else if level < common {
                    // Cut less than the others: money it alone may have, or a group floor, holds it up.
                    result[s] = candidates.first { binding in
                        if case .ringFence = binding { return true }
                        return isHeld(by: binding, at: .lower)
                    } ?? candidates[0]
                } else {
                    // Cut more than the others: a group ceiling holds it down.
                    result[s] = candidates.first { isHeld(by: $0, at: .upper) } ?? candidates[0]
                }
            }
        }
        return result
    }

    /// `protected`, `minimum` or `maximum` when the service sits on its own bound.
    private func boundBinding(_ s: Int) -> Binding? {
        let service = scenario.services[s]
        let x = reading.amounts[s]
        let tolerance = reading.tolerance
        if abs(x - service.lowerBound) <= tolerance {
            return service.isProtected && service.lowerBound == service.baseline ? .protected : .minimum
        }
        if abs(x - service.maximumAmount) <= tolerance { return .maximum }
        return nil
    }

    private enum Side { case lower, upper }

    /// Used-up ring-fenced funds the service draws on, then groups at a limit that contain it.
    private func holdingConstraints(of s: Int) -> [Binding] {
        var holders: [Binding] = []
        for (f, fund) in scenario.funds.enumerated() where fund.ringFencedFor != nil {
            if reading.fundSplit[f][s] > reading.tolerance && reading.isExhausted(fund: f) {
                holders.append(.ringFence(fund.id))
            }
        }
        let id = scenario.services[s].id
        for group in scenario.groups where group.services.contains(id) {
            if isGroup(group.id, heldAt: .lower) || isGroup(group.id, heldAt: .upper) {
                holders.append(.group(group.id))
            }
        }
        return holders
    }

    private func isHeld(by binding: Binding, at side: Side) -> Bool {
        guard case .group(let id) = binding else { return false }
        return isGroup(id, heldAt: side)
    }

    private func isGroup(_ id: String, heldAt side: Side) -> Bool {
        guard let g = scenario.groups.firstIndex(where: { $0.id == id }) else { return false }
        let group = scenario.groups[g]
        let envelope = scenario.envelope(afterCut: cut)
        let total = reading.groupTotals[g]
        switch side {
        case .lower:
            guard let minimum = group.minimum else { return false }
            return total <= minimum.resolved(against: envelope) + reading.tolerance
        case .upper:
            guard let maximum = group.maximum else { return false }
            return total >= maximum.resolved(against: envelope) - reading.tolerance
        }
    }
}
