/// The limits that are tight in a feasible allocation (SCENARIO-SPEC section 10), by the
/// definitions `BreakpointEvent.Kind` states, in a fixed order: services' minimums and
/// maximums in file order, groups, ring-fenced funds, then tiers from the highest priority.
struct TightLimits {
    /// A limit with its kind and id, as in `BreakpointEvent`.
    struct Limit: Hashable {
        let kind: BreakpointEvent.Kind
        let id: String
    }

    /// The tight limits, in the order above.
    let limits: [Limit]

    /// Slack at most this, relative to the scenario's money scale, is no slack.
    static let relativeTolerance = 1e-8

    init(_ result: CutResult, of scenario: Scenario) {
        let tolerance = Self.relativeTolerance * scenario.moneyScale
        let amounts = result.services.map(\.allocation)
        let envelope = scenario.envelope(afterCut: result.cutPercent)
        var limits: [Limit] = []
        for (s, service) in scenario.services.enumerated() {
            if amounts[s] <= service.lowerBound + tolerance { limits.append(Limit(kind: .minimum, id: service.id)) }
            if amounts[s] >= service.maximumAmount - tolerance { limits.append(Limit(kind: .maximum, id: service.id)) }
        }
        let total: ([String]) -> Double = { ids in
            scenario.services.indices.filter { ids.contains(scenario.services[$0].id) }.reduce(0) { $0 + amounts[$1] }
        }
        for group in scenario.groups {
            let sum = total(group.services)
            if let minimum = group.minimum, sum <= minimum.resolved(against: envelope) + tolerance {
                limits.append(Limit(kind: .groupMinimum, id: group.id))
            }
            if let maximum = group.maximum, sum >= maximum.resolved(against: envelope) - tolerance {
                limits.append(Limit(kind: .groupMaximum, id: group.id))
            }
        }
        // A fence binds when the services it names take no more than its money: the rest of
        // the envelope is then all the other services can have. Taking more, they draw on
        // other funds too, and the fence restricts nothing.
        for fund in scenario.funds {
            guard let named = fund.ringFencedFor else { continue }
            if total(named) <= fund.amount(afterCut: result.cutPercent) + tolerance {
                limits.append(Limit(kind: .ringFence, id: fund.id))
            }
        }
        for priority in Set(scenario.services.map(\.priority)).sorted(by: >) {
            let isCut = scenario.services.indices.contains { s in
                scenario.services[s].priority == priority && amounts[s] < scenario.services[s].reference - tolerance
            }
            if isCut { limits.append(Limit(kind: .tier, id: String(priority))) }
        }
        self.limits = limits
    }

    /// The events between two allocations either side of a breakpoint: the limits tight after
    /// and not before (starting), then those tight before and not after (stopping), each in
    /// the order of `limits`.
    static func events(before: TightLimits, after: TightLimits) -> [BreakpointEvent] {
        let wasTight = Set(before.limits)
        let isTight = Set(after.limits)
        return after.limits.filter { !wasTight.contains($0) }.map { BreakpointEvent(kind: $0.kind, id: $0.id, starts: true) }
            + before.limits.filter { !isTight.contains($0) }.map { BreakpointEvent(kind: $0.kind, id: $0.id, starts: false) }
    }
}
