/// Decides what holds each service's allocation where it is (SCENARIO-SPEC section 5).
///
/// In order: a protected service at its baseline is `protected`; a service at
/// its floor is `minimum`; at its cap, `maximum`. The rest of a priority tier
/// normally shares one common shortfall level (`share`). A service whose level
/// differs from that common level is held by something else: a used-up
/// ring-fenced fund it draws on (`ring-fence:<fund>`), or a group whose limit
/// is reached (`group:<id>`).
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
            let holders = open.map { holdingConstraints(of: $0) }
            let commonLevel = zip(open, holders).filter { $0.1.isEmpty }.map { levels[$0.0] }.max()
            for (position, s) in open.enumerated() {
                let candidates = holders[position]
                guard let first = candidates.first else { continue }
                if let common = commonLevel, abs(levels[s] - common) <= Self.levelTolerance { continue }
                let higherThanCommon = commonLevel.map { levels[s] < $0 } ?? true
                result[s] = candidates.first { binding in
                    switch binding {
                    case .ringFence: return higherThanCommon
                    case .group(let id): return isGroup(id, heldAt: higherThanCommon ? .lower : .upper)
                    default: return false
                    }
                } ?? first
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
