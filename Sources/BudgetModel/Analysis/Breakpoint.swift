/// A cut level at which some service's allocation changes slope, with the facts of what
/// happens there (SCENARIO-SPEC sections 6 and 10).
public struct Breakpoint: Sendable, Equatable {
    /// The cut, in per cent, accurate to 1e-4 percentage points.
    public var cutPercent: Double
    /// The limits that start or stop binding there: each compared just before and just after
    /// the breakpoint (see `BreakpointEvent`). Empty at the smallest and the maximum feasible
    /// cut, and where the slope changes with no limit moving.
    public var events: [BreakpointEvent]
    /// Whether this is the smallest feasible cut of the range (below it the scenario is infeasible).
    public var isSmallestFeasibleCut: Bool
    /// Whether this is the maximum feasible cut (beyond it the scenario is infeasible).
    public var isMaximumFeasibleCut: Bool
    /// At the maximum feasible cut: a cut just beyond it, infeasible, whose deficit and
    /// conflict say why.
    public var beyond: CutResult?
    /// Where the closures change (SCENARIO-SPEC section 12): the allocations on both sides;
    /// nil at every other breakpoint.
    public var jump: AllocationJump?

    /// A breakpoint from its parts.
    public init(
        cutPercent: Double, events: [BreakpointEvent], isSmallestFeasibleCut: Bool = false,
        isMaximumFeasibleCut: Bool = false, beyond: CutResult? = nil, jump: AllocationJump? = nil
    ) {
        self.cutPercent = cutPercent
        self.events = events
        self.isSmallestFeasibleCut = isSmallestFeasibleCut
        self.isMaximumFeasibleCut = isMaximumFeasibleCut
        self.beyond = beyond
        self.jump = jump
    }
}

/// The allocations on both sides of a cut at which the closures change (SCENARIO-SPEC
/// section 12): each allocation is continuous in the cut while the closures stay the same, and
/// jumps where they change.
public struct AllocationJump: Sendable, Equatable {
    /// The closed services (indices into the scenario's services, ascending) at the cut itself,
    /// the last cut of the closures before it.
    public var closedBefore: [Int]
    /// The closed services just above the cut.
    public var closedAfter: [Int]
    /// Each service's allocation at the cut, in the scenario's order.
    public var before: [Double]
    /// Each service's allocation as the cut falls to it from above (the allocation of the
    /// closures just above, at the cut), in the scenario's order.
    public var after: [Double]

    /// A jump from its parts.
    public init(closedBefore: [Int], closedAfter: [Int], before: [Double], after: [Double]) {
        self.closedBefore = closedBefore
        self.closedAfter = closedAfter
        self.before = before
        self.after = after
    }
}
