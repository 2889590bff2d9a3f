import BudgetModel

/// The words for a cut that no amount of extra money can make feasible (SCENARIO-SPEC
/// section 6), made from its `HopelessConflict`: which group limits fail and why, with the
/// limits' amounts at the cut.
struct HopelessWording {
    let scenario: Scenario
    let money: MoneyFormatter

    init(scenario: Scenario) {
        self.scenario = scenario
        money = MoneyFormatter(currency: scenario.currency, unit: scenario.unit)
    }

    /// "At a 50% cut no amount of extra money can meet the cap group limit (at most £250), less
    /// than its services' floors need in all (£300)." For limits that fail only together, the
    /// services' bounds the proof leans on and why the limits move with the cut.
    func explanation(_ conflict: HopelessConflict, cutPercent cut: Double) -> String {
        let figure = PercentFormatter.fourDecimals(cut)
        let opening = "At \(PercentFormatter.indefiniteArticle(before: figure)) \(figure)% cut no amount of extra money can meet "
        if conflict.limits.allSatisfy({ $0.reason == .combined }) {
            let bounds = conflict.leansOnMaxima && conflict.leansOnFloors ? " together with the services' floors and maximums"
                : conflict.leansOnMaxima ? " together with the services' maximums"
                : conflict.leansOnFloors ? " together with the services' floors" : ""
            let movement = cut > 0 ? ", because group limits in per cent shrink with the envelope"
                : cut < 0 ? ", because group limits in per cent grow with the envelope" : ""
            return opening + ConflictWording.list(conflict.limits.map(phrase)) + bounds + movement + "."
        }
        let clauses = conflict.limits.map { limit in
            switch limit.reason {
            case .crossed:
                return "\(phrase(limit)), whose maximum is below its minimum"
            case .minimumAboveMaxima:
                return "\(phrase(limit)), more than its services may take in all (\(money.format(amount: limit.total ?? 0)))"
            case .maximumBelowFloors:
                return "\(phrase(limit)), less than its services' floors need in all (\(money.format(amount: limit.total ?? 0)))"
            case .combined:
                return phrase(limit)
            }
        }
        return opening + ConflictWording.list(clauses) + "."
    }

    /// "the Specialist group limit (at least £200,000 and at most £450,000)", naming the limits given.
    private func phrase(_ limit: HopelessLimit) -> String {
        let name = scenario.groups.first { $0.id == limit.groupID }?.name ?? limit.groupID
        let limits = [limit.minimum.map { "at least \(money.format(amount: $0))" }, limit.maximum.map { "at most \(money.format(amount: $0))" }]
        return "the \(name) group limit (\(limits.compactMap { $0 }.joined(separator: " and ")))"
    }
}
