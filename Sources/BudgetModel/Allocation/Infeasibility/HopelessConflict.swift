/// Why a cut is infeasible when no amount of extra money can make it feasible (SCENARIO-SPEC
/// section 6): the group limits at fault, each with the limits named and the reason, and
/// whether the proof also leans on the services' maxima or floors. The reports word it.
public struct HopelessConflict: Sendable, Equatable {
    /// The groups at fault, in file order.
    public var limits: [HopelessLimit]
    /// Whether the combined proof (reason `combined`) also uses services' maxima.
    public var leansOnMaxima: Bool
    /// Whether the combined proof (reason `combined`) also uses services' floors.
    public var leansOnFloors: Bool

    /// A hopeless conflict from its parts.
    public init(limits: [HopelessLimit], leansOnMaxima: Bool = false, leansOnFloors: Bool = false) {
        self.limits = limits
        self.leansOnMaxima = leansOnMaxima
        self.leansOnFloors = leansOnFloors
    }
}

/// One group's limits that no amount of money can meet at a cut, with the amounts they
/// resolve to there (a limit in per cent of `E(c)` moves with the cut).
public struct HopelessLimit: Sendable, Equatable {
    /// Why the group's limits cannot be met.
    public enum Reason: String, Sendable, Equatable {
        /// The maximum is below the minimum.
        case crossed
        /// The minimum is above `total`, the sum of the members' maxima.
        case minimumAboveMaxima = "minimum-above-maxima"
        /// The maximum is below `total`, the sum of the members' floors.
        case maximumBelowFloors = "maximum-below-floors"
        /// No limit fails alone: the named limits fail together, by the multipliers of a
        /// Farkas certificate (the deficit programme's ray, or the largest-hopeful-cut optimum).
        case combined
    }

    /// The group's id.
    public var groupID: String
    /// The group's minimum at this cut when the conflict names it; nil otherwise.
    public var minimum: Double?
    /// The group's maximum at this cut when the conflict names it; nil otherwise.
    public var maximum: Double?
    /// Why the limits cannot be met.
    public var reason: Reason
    /// For `minimumAboveMaxima` the sum of the members' maxima, for `maximumBelowFloors` the
    /// sum of their floors; nil for the other reasons.
    public var total: Double?

    /// A hopeless group limit from its parts.
    public init(groupID: String, minimum: Double?, maximum: Double?, reason: Reason, total: Double? = nil) {
        self.groupID = groupID
        self.minimum = minimum
        self.maximum = maximum
        self.reason = reason
        self.total = total
    }
}
