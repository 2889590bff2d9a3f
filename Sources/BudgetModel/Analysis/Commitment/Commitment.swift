/// What a board can promise each service whatever the cut turns out to be within a range
/// (SCENARIO-SPEC section 14, `scenario commit`).
public struct Commitment: Sendable, Equatable {
    /// The range of cuts asked about, in per cent.
    public var range: ClosedRange<Double>
    /// The cuts of the range at which no allocation meets the hard constraints, as intervals in
    /// increasing order (at most two: below the feasible cuts and above them, since the feasible
    /// cuts form one interval). An end at the least or the largest feasible cut is that cut,
    /// exactly; the cut itself is feasible.
    public var infeasible: [ClosedRange<Double>]
    /// The feasible cuts of the range: one interval, or nil when no cut of the range is feasible.
    public var feasible: ClosedRange<Double>?
    /// Per service, in the scenario's order.
    public var services: [ServiceCommitment]

    /// A commitment from its parts.
    public init(range: ClosedRange<Double>, infeasible: [ClosedRange<Double>], feasible: ClosedRange<Double>?, services: [ServiceCommitment]) {
        self.range = range
        self.infeasible = infeasible
        self.feasible = feasible
        self.services = services
    }
}

/// One service's guarantee over a range of cuts.
public struct ServiceCommitment: Sendable, Equatable {
    /// The service's id.
    public var serviceID: String
    /// The service's baseline.
    public var baseline: Double
    /// The least allocation over the range's feasible cuts (the infimum, reached at
    /// `atCutPercent`); nil when no cut of the range is feasible.
    public var guaranteed: Double?
    /// The smallest cut at which `guaranteed` is reached; nil when no cut of the range is feasible.
    public var atCutPercent: Double?
    /// Whether `guaranteed` is only approached from `atCutPercent` (after a jump, which
    /// closures and steps cause) rather than reached there. Always false for a scenario
    /// without closures or steps, whose allocations are continuous in the cut.
    public var isOpen: Bool

    /// A service's guarantee from its parts.
    public init(serviceID: String, baseline: Double, guaranteed: Double?, atCutPercent: Double?, isOpen: Bool = false) {
        self.serviceID = serviceID
        self.baseline = baseline
        self.guaranteed = guaranteed
        self.atCutPercent = atCutPercent
        self.isOpen = isOpen
    }

    /// The money that may be lost: `max(0, baseline - guaranteed)`; nil when nothing is guaranteed.
    public var atRisk: Double? { guaranteed.map { max(0, baseline - $0) } }
}
