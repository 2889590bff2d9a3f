/// A value read from a scenario file: absent (so the default applies), present but
/// unreadable (a problem has been reported, and checks that need it are skipped), or given.
enum Field<Value> {
    case absent
    case unreadable
    case given(Value)

    /// The given value, or `fallback` when absent; nil when unreadable.
    func value(default fallback: Value) -> Value? {
        switch self {
        case .absent: return fallback
        case .unreadable: return nil
        case .given(let value): return value
        }
    }

    /// The given value; nil when absent or unreadable.
    var given: Value? {
        if case .given(let value) = self { return value }
        return nil
    }
}

extension Field: Sendable where Value: Sendable {}
extension Field: Equatable where Value: Equatable {}

/// A fund as read, before validation.
struct DraftFund: Sendable, Equatable {
    var id: Field<String> = .absent
    var name: Field<String> = .absent
    var amount: Field<Double> = .absent
    /// The cut multiplier `m`: `cut = true` reads as 1, `false` as 0, a number as itself.
    var cutMultiplier: Field<Double> = .absent
    var ringFencedFor: Field<[String]> = .absent
    var area: Field<String> = .absent
}

/// An area as read, before validation.
struct DraftArea: Sendable, Equatable {
    var id: Field<String> = .absent
    var name: Field<String> = .absent
}

/// A service as read, before validation.
struct DraftService: Sendable, Equatable {
    var id: Field<String> = .absent
    var name: Field<String> = .absent
    var baseline: Field<Double> = .absent
    var request: Field<Double> = .absent
    var minimum: Field<AmountOrPercent> = .absent
    var maximum: Field<AmountOrPercent> = .absent
    var isProtected: Field<Bool> = .absent
    var priority: Field<Int> = .absent
    var weight: Field<Double> = .absent
    var area: Field<String> = .absent
    var contributions: Field<Contributions> = .absent
    var isClosable: Field<Bool> = .absent
    var step: Field<Double> = .absent
}

/// A group as read, before validation.
struct DraftGroup: Sendable, Equatable {
    var id: Field<String> = .absent
    var name: Field<String> = .absent
    var services: Field<[String]> = .absent
    var minimum: Field<AmountOrPercent> = .absent
    var maximum: Field<AmountOrPercent> = .absent
}

/// A scenario as read from a file (or taken from a `Scenario` built in code), with every
/// field possibly missing or unreadable, so that validation can report every problem
/// without piling consequences on top of a problem already reported.
struct DraftScenario: Sendable, Equatable {
    var title: Field<String> = .absent
    var currency: Field<String> = .absent
    var source: Field<String> = .absent
    var unit: Field<Double> = .absent
    var objective: Field<ObjectiveMode> = .absent
    var fairness: Field<FairnessMeasure> = .absent
    var funds: Field<[DraftFund]> = .absent
    var services: Field<[DraftService]> = .absent
    var groups: Field<[DraftGroup]> = .absent
    var areas: Field<[DraftArea]> = .absent
}

extension DraftScenario {
    /// The draft of a scenario built in code: every field given.
    init(_ scenario: Scenario) {
        title = .given(scenario.title)
        currency = .given(scenario.currency)
        source = scenario.source.map { .given($0) } ?? .absent
        unit = .given(scenario.unit)
        objective = .given(scenario.objective)
        fairness = .given(scenario.fairness)
        funds = .given(scenario.funds.map { fund in
            DraftFund(
                id: .given(fund.id), name: .given(fund.name), amount: .given(fund.amount),
                cutMultiplier: .given(fund.cutMultiplier), ringFencedFor: fund.ringFencedFor.map { .given($0) } ?? .absent,
                area: fund.area.map { .given($0) } ?? .absent)
        })
        services = .given(scenario.services.map { service in
            DraftService(
                id: .given(service.id), name: .given(service.name), baseline: .given(service.baseline),
                request: service.request.map { .given($0) } ?? .absent, minimum: .given(service.minimum), maximum: .given(service.maximum),
                isProtected: .given(service.isProtected), priority: .given(service.priority),
                weight: .given(service.weight), area: service.area.map { .given($0) } ?? .absent,
                contributions: service.contributions.map { .given($0) } ?? .absent,
                isClosable: .given(service.isClosable), step: service.step.map { .given($0) } ?? .absent)
        })
        groups = .given(scenario.groups.map { group in
            DraftGroup(
                id: .given(group.id), name: .given(group.name), services: .given(group.services),
                minimum: group.minimum.map { .given($0) } ?? .absent,
                maximum: group.maximum.map { .given($0) } ?? .absent)
        })
        areas = scenario.areas.isEmpty ? .absent : .given(scenario.areas.map { DraftArea(id: .given($0.id), name: .given($0.name)) })
    }

    /// The scenario this draft describes, with the defaults of SCENARIO-SPEC section 2 filled
    /// in; nil when a required field is missing or unreadable (which validation reports).
    func scenario() -> Scenario? {
        guard
            let title = title.given,
            let currency = currency.value(default: "GBP"),
            let unit = unit.value(default: 1),
            let objective = objective.value(default: .tiers),
            let fairness = fairness.value(default: .relative),
            let draftFunds = funds.given,
            let draftServices = services.given,
            let draftGroups = groups.value(default: []),
            let draftAreas = areas.value(default: [])
        else { return nil }
        var funds: [Fund] = []
        for draft in draftFunds {
            guard
                let id = draft.id.given, let name = draft.name.value(default: id),
                let amount = draft.amount.given, let multiplier = draft.cutMultiplier.value(default: 1)
            else { return nil }
            if draft.ringFencedFor == .unreadable || draft.area == .unreadable { return nil }
            funds.append(Fund(
                id: id, name: name, amount: amount, ringFencedFor: draft.ringFencedFor.given,
                cutMultiplier: multiplier, area: draft.area.given))
        }
        var services: [Service] = []
        for draft in draftServices {
            guard
                let id = draft.id.given, let name = draft.name.value(default: id),
                let baseline = draft.baseline.given,
                draft.request != .unreadable,
                let minimum = draft.minimum.value(default: .amount(0)),
                let maximum = draft.maximum.value(default: .percent(100)),
                let isProtected = draft.isProtected.value(default: false),
                let priority = draft.priority.value(default: 0),
                let weight = draft.weight.value(default: 1),
                let isClosable = draft.isClosable.value(default: false)
            else { return nil }
            if draft.area == .unreadable || draft.contributions == .unreadable || draft.step == .unreadable { return nil }
            services.append(Service(
                id: id, name: name, baseline: baseline, request: draft.request.given, minimum: minimum, maximum: maximum,
                isProtected: isProtected, priority: priority, weight: weight,
                area: draft.area.given, contributions: draft.contributions.given, isClosable: isClosable,
                step: draft.step.given))
        }
        var groups: [ServiceGroup] = []
        for draft in draftGroups {
            guard
                let id = draft.id.given, let name = draft.name.value(default: id),
                let members = draft.services.given
            else { return nil }
            if draft.minimum == .unreadable || draft.maximum == .unreadable { return nil }
            groups.append(ServiceGroup(
                id: id, name: name, services: members, minimum: draft.minimum.given, maximum: draft.maximum.given))
        }
        var areas: [Area] = []
        for draft in draftAreas {
            guard let id = draft.id.given, let name = draft.name.value(default: id) else { return nil }
            areas.append(Area(id: id, name: name))
        }
        return Scenario(
            title: title, currency: currency, source: source.given, unit: unit, objective: objective,
            fairness: fairness, funds: funds, services: services, groups: groups, areas: areas)
    }
}
