extension DraftChecker {
    /// Per group: `id` (present, well-formed, unique), `services` (present, non-empty, existing
    /// services once each), at least one of `min` and `max`, valid amounts or percentages, `min` not above
    /// `max`, and limits that some amount of money could meet (see `ScenarioValidator`).
    mutating func checkGroups() {
        guard let groups = draft.groups.given else { return }
        var servicesByID: [String: DraftService] = [:]
        for service in draft.services.given ?? [] {
            if let id = service.id.given, servicesByID[id] == nil { servicesByID[id] = service }
        }
        for (ordinal, group) in groups.enumerated() {
            let table = TableReference(kind: .group, ordinal: ordinal, id: group.id.given)
            require(group.id, "id", in: table)
            if let id = group.id.given { checkIDPattern(id, in: table) }
            require(group.services, "services", in: table)
            if let members = group.services.given {
                checkServiceList(members, "services", in: table, emptyAdvice: "")
            }
            if group.minimum == .absent, group.maximum == .absent {
                report("a group needs \"min\" or \"max\" (or both)", in: table)
            }
            let minimum = group.minimum.given.flatMap { checkAmountOrPercent($0, "min", in: table, reference: nil) ? $0 : nil }
            let maximum = group.maximum.given.flatMap { checkAmountOrPercent($0, "max", in: table, reference: nil) ? $0 : nil }
            checkLimits(minimum, maximum, in: table)
            let bounds = memberBounds(group.services.given ?? [], servicesByID: servicesByID)
            checkReachable(minimum, maximum, memberBounds: bounds, in: table)
        }
        checkUniqueIDs(groups.map(\.id.given), kind: .group)
    }

    /// `min` not above `max` when both are amounts or both are percentages of the envelope.
    private mutating func checkLimits(_ minimum: AmountOrPercent?, _ maximum: AmountOrPercent?, in table: TableReference) {
        guard let minimum, let maximum else { return }
        switch (minimum, maximum) {
        case let (.amount(low), .amount(high)) where low > high,
             let (.percent(low), .percent(high)) where low > high:
            report("min \(formatted(minimum)) is above max \(formatted(maximum))", in: table, key: "min")
        default:
            break
        }
    }

    /// Whether some amount of money could meet the group's amount limits, given its members'
    /// own bounds; checked only when every member is a readable service.
    private mutating func checkReachable(
        _ minimum: AmountOrPercent?, _ maximum: AmountOrPercent?, memberBounds bounds: (low: Double, high: Double)?, in table: TableReference
    ) {
        guard let bounds else { return }
        if case .amount(let high)? = maximum, high < bounds.low {
            report(
                "max \(formatted(high)) is below \(formatted(bounds.low)), the sum of its members' lower bounds "
                    + "(min, or baseline when protected): no amount of money can meet both",
                in: table, key: "max")
        }
        if case .amount(let low)? = minimum, low > bounds.high {
            report(
                "min \(formatted(low)) is above \(formatted(bounds.high)), the sum of its members' maximums: "
                    + "no amount of money can meet both",
                in: table, key: "min")
        }
    }

    /// The sums of the members' lower bounds (0 for a closable member) and maxima, when every member is a distinct
    /// service whose baseline, minimum and maximum are readable.
    private func memberBounds(
        _ members: [String], servicesByID: [String: DraftService]
    ) -> (low: Double, high: Double)? {
        guard !members.isEmpty, Set(members).count == members.count else { return nil }
        var low = 0.0, high = 0.0
        for member in members {
            guard
                let service = servicesByID[member],
                let baseline = service.reference, baseline.isFinite, baseline > 0,
                let minimum = service.minimum.value(default: .amount(0)),
                let maximum = service.maximum.value(default: .percent(100))
            else { return nil }
            let lowest = minimum.resolved(against: baseline)
            // A closable member can be closed, and then needs nothing (SCENARIO-SPEC section 12).
            if service.isClosable.given != true {
                low += (service.isProtected.given ?? false) ? max(lowest, baseline) : lowest
            }
            high += maximum.resolved(against: baseline)
        }
        guard low.isFinite, high.isFinite else { return nil }
        return (low, high)
    }
}
