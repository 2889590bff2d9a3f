/// A budget scenario: the funding envelope, the commissioned services and
/// the limits on groups of them (SCENARIO-SPEC section 2).
///
/// Values of this type are already validated: ids are unique, references
/// resolve, money is finite and non-negative. Build one with
/// `ScenarioDecoder` from a TOML file, or directly in code and check it with
/// `ScenarioValidator`.
public struct Scenario: Sendable, Equatable {
    /// Shown above every table.
    public var title: String
    /// ISO 4217 code, `"GBP"` by default.
    public var currency: String
    /// Where the figures come from; printed under every table.
    public var source: String?
    /// Reports round money to multiples of this (1 = whole units, 1000 = thousands).
    public var unit: Double
    /// Which allocation is chosen among the feasible ones.
    public var objective: ObjectiveMode
    /// What the tiers rule equalises within a tier (`[objective] fairness`), in both modes.
    public var fairness: FairnessMeasure
    /// The money, in file order.
    public var funds: [Fund]
    /// What the money buys, in file order (the order of every report).
    public var services: [Service]
    /// Limits on sets of services, in file order.
    public var groups: [ServiceGroup]
    /// The commissioners sharing the scenario (`[[area]]`, SCENARIO-SPEC section 13), in file order.
    public var areas: [Area]

    /// A scenario from its parts.
    public init(
        title: String, currency: String = "GBP", source: String? = nil, unit: Double = 1,
        objective: ObjectiveMode = .tiers, fairness: FairnessMeasure = .relative, funds: [Fund], services: [Service],
        groups: [ServiceGroup] = [], areas: [Area] = []
    ) {
        self.title = title
        self.currency = currency
        self.source = source
        self.unit = unit
        self.objective = objective
        self.fairness = fairness
        self.funds = funds
        self.services = services
        self.groups = groups
        self.areas = areas
    }
}

/// The allocation rule (SCENARIO-SPEC section 4).
public enum ObjectiveMode: String, Sendable, Equatable {
    /// Leximin on shortfalls (relative ones unless `Scenario.fairness` says otherwise), tier by
    /// tier from the highest priority down.
    case tiers
    /// Maximise the weighted sum of allocations; ties broken by the tiers rule.
    case weighted
}

/// An amount of money, or a percentage of a reference amount.
public enum AmountOrPercent: Sendable, Equatable {
    /// An absolute amount in the scenario's currency.
    case amount(Double)
    /// `P` per cent of a reference (a service's baseline, or the envelope after the cut).
    case percent(Double)

    /// The amount this stands for, given the reference it is a percentage of; `100%` is
    /// the reference itself, exactly (`b * 100 / 100` can round to below `b`).
    public func resolved(against reference: Double) -> Double {
        switch self {
        case .amount(let value): return value
        case .percent(let p): return p == 100 ? reference : reference * p / 100
        }
    }
}

/// A fund: money that services draw on (`[[fund]]`).
public struct Fund: Sendable, Equatable {
    /// Unique among funds.
    public var id: String
    /// Display name (the id when not given).
    public var name: String
    /// The fund at a 0% cut.
    public var amount: Double
    /// How strongly the sweep's cut reduces this fund: `m` in `[0, 2]` (SCENARIO-SPEC section 13);
    /// 1 for `cut = true`, 0 for `cut = false`, 0.5 for a fund cut at half the rate.
    public var cutMultiplier: Double
    /// When non-nil, only these services (by id) may draw on the fund.
    public var ringFencedFor: [String]?
    /// The area (by id) whose commissioner holds the fund; nil for a fund with no area.
    public var area: String?

    /// A fund from its parts: `cutMultiplier`, when given, takes the place of `isCut`.
    public init(
        id: String, name: String? = nil, amount: Double, isCut: Bool = true, ringFencedFor: [String]? = nil,
        cutMultiplier: Double? = nil, area: String? = nil
    ) {
        self.id = id
        self.name = name ?? id
        self.amount = amount
        self.cutMultiplier = cutMultiplier ?? (isCut ? 1 : 0)
        self.ringFencedFor = ringFencedFor
        self.area = area
    }

    /// Whether the sweep's cut reduces this fund at all (`cutMultiplier != 0`); setting it
    /// sets the multiplier to 1 or 0.
    public var isCut: Bool {
        get { cutMultiplier != 0 }
        set { cutMultiplier = newValue ? 1 : 0 }
    }

    /// The fraction of a fund with cut multiplier `m` left after a cut of `cutPercent` per cent:
    /// `max(0, 1 - m * c / 100)`. The one definition of how a cut reduces a fund: a plan's year
    /// multiplies these fractions over the years' cuts.
    public static func remainingFraction(cutMultiplier m: Double, afterCut cutPercent: Double) -> Double {
        max(0, 1 - m * cutPercent / 100)
    }

    /// The fund after a cut of `cutPercent` per cent: `A_f(c) = amount * max(0, 1 - m * c / 100)`.
    public func amount(afterCut cutPercent: Double) -> Double {
        cutMultiplier == 0 ? amount : amount * Self.remainingFraction(cutMultiplier: cutMultiplier, afterCut: cutPercent)
    }

    /// The cut in per cent at which the fund reaches nothing (`100 / m`), when that is below
    /// 100: the fund's amount is linear in the cut on either side of it, not across it.
    public var exhaustingCut: Double? { cutMultiplier > 1 ? 100 / cutMultiplier : nil }

    /// Whether the service with this id may draw on the fund.
    public func admits(serviceID: String) -> Bool {
        guard let list = ringFencedFor else { return true }
        return list.contains(serviceID)
    }
}

/// A commissioned service (`[[service]]`).
public struct Service: Sendable, Equatable {
    /// Unique among services.
    public var id: String
    /// Display name (the id when not given).
    public var name: String
    /// The current allocation; the reference for every percentage change. Positive, or 0
    /// for a new bid (a service with a `request`).
    public var baseline: Double
    /// For a new bid (baseline 0): the money asked for, positive; `nil` for every other service.
    /// A bid's `min` and `max` percentages and its shortfall are of its request.
    public var request: Double?
    /// Minimum-service level, as an amount or a percentage of the reference.
    public var minimum: AmountOrPercent
    /// The most the service can take, as an amount or a percentage of the reference.
    public var maximum: AmountOrPercent
    /// Funded at no less than the baseline in every scenario.
    public var isProtected: Bool
    /// Higher is cut later.
    public var priority: Int
    /// Value of one unit of money to this service (weighted mode only).
    public var weight: Double
    /// The area (by id) whose funds pay the service, beside funds with no area; nil for none.
    public var area: String?
    /// For a service shared between areas: the proportions in which the areas' funds pay the
    /// part that funds with no area do not; nil for a service that is not shared.
    public var contributions: Contributions?
    /// Whether the service may be closed (allocation 0) instead of being held at or above its
    /// minimum, as a last resort (SCENARIO-SPEC section 12). Never true for a protected service.
    public var isClosable: Bool
    /// The money of one post or contract lot: the allocation is a whole multiple of it
    /// (SCENARIO-SPEC section 12); nil for a service funded in any amount.
    public var step: Double?

    /// A service from its parts; defaults as in SCENARIO-SPEC sections 2 and 13.
    public init(
        id: String, name: String? = nil, baseline: Double, request: Double? = nil, minimum: AmountOrPercent = .amount(0),
        maximum: AmountOrPercent = .percent(100), isProtected: Bool = false, priority: Int = 0, weight: Double = 1,
        area: String? = nil, contributions: Contributions? = nil, isClosable: Bool = false, step: Double? = nil
    ) {
        self.id = id
        self.name = name ?? id
        self.baseline = baseline
        self.request = request
        self.minimum = minimum
        self.maximum = maximum
        self.isProtected = isProtected
        self.priority = priority
        self.weight = weight
        self.area = area
        self.contributions = contributions
        self.isClosable = isClosable
        self.step = step
    }

    /// Whether the service is a new bid: it has a `request` (and baseline 0).
    public var isBid: Bool { request != nil }
    /// What the service's percentages and its shortfall are measured against: the request of a
    /// bid, the baseline of every other service. Positive in a valid scenario.
    public var reference: Double { request ?? baseline }
    /// The stated minimum as an amount.
    public var minimumAmount: Double { minimum.resolved(against: reference) }
    /// The maximum as an amount: `hi_s`.
    public var maximumAmount: Double { maximum.resolved(against: reference) }
    /// The hard lower bound `lo_s`: the larger of the minimum and, if protected, the baseline.
    public var lowerBound: Double { isProtected ? max(minimumAmount, baseline) : minimumAmount }
    /// For a service with a `step`: the most posts it can hold, `floor(hi_s / step)` (the "2" of
    /// "1 post of 2"); nil for a service without one.
    public var mostPosts: Int? { step.map { Int((maximumAmount / $0 + Self.postTolerance).rounded(.down)) } }
    /// For a service with a `step`: the fewest posts that meet its lower bound,
    /// `ceil(lo_s / step)`; nil for a service without one.
    public var fewestPosts: Int? { step.map { Int((lowerBound / $0 - Self.postTolerance).rounded(.up)) } }
    /// How close to a whole number a ratio of money to a step counts as that number.
    static let postTolerance = 1e-9
}

/// A limit on the total allocation of a set of services (`[[group]]`).
public struct ServiceGroup: Sendable, Equatable {
    /// Unique among groups.
    public var id: String
    /// Display name (the id when not given).
    public var name: String
    /// Member service ids; non-empty.
    public var services: [String]
    /// The members together get at least this (percentages are of the envelope after the cut).
    public var minimum: AmountOrPercent?
    /// The members together get at most this (percentages are of the envelope after the cut).
    public var maximum: AmountOrPercent?

    /// A group from its parts.
    public init(id: String, name: String? = nil, services: [String], minimum: AmountOrPercent? = nil, maximum: AmountOrPercent? = nil) {
        self.id = id
        self.name = name ?? id
        self.services = services
        self.minimum = minimum
        self.maximum = maximum
    }
}

extension Scenario {
    /// The envelope after a cut: `E(c)`, the sum of every fund after the cut.
    public func envelope(afterCut cutPercent: Double) -> Double {
        funds.reduce(0) { $0 + $1.amount(afterCut: cutPercent) }
    }
}
