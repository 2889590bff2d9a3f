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
    /// Where the closures or posts change (SCENARIO-SPEC section 12): the allocations on both sides;
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

/// The allocations on both sides of a cut at which the closures or the posts change
/// (SCENARIO-SPEC section 12): each allocation is continuous in the cut while the closures and
/// posts stay the same, and jumps where they change.
public struct AllocationJump: Sendable, Equatable {
    /// The closed services (indices into the scenario's services, ascending) just below the cut.
    public var closedBefore: [Int]
    /// The closed services just above the cut.
    public var closedAfter: [Int]
    /// Each service's allocation with the closures and posts just below the cut, at the cut (its
    /// limit as the cut rises to it, attained unless `afterHoldsAtCut`), in the scenario's order.
    public var before: [Double]
    /// Each service's allocation with the closures and posts just above the cut, at the cut (its
    /// limit as the cut falls to it, attained when `afterHoldsAtCut`), in the scenario's order.
    public var after: [Double]
    /// The whole posts (service index to posts) of each service with a step just below the cut;
    /// empty for a scenario without steps.
    public var postsBefore: [Int: Int]
    /// The whole posts just above the cut.
    public var postsAfter: [Int: Int]
    /// Whether the choice above the cut is the one made at the cut itself (else the one below is).
    public var afterHoldsAtCut: Bool

    /// A jump from its parts.
    public init(
        closedBefore: [Int], closedAfter: [Int], before: [Double], after: [Double],
        postsBefore: [Int: Int] = [:], postsAfter: [Int: Int] = [:], afterHoldsAtCut: Bool = false
    ) {
        self.closedBefore = closedBefore
        self.closedAfter = closedAfter
        self.before = before
        self.after = after
        self.postsBefore = postsBefore
        self.postsAfter = postsAfter
        self.afterHoldsAtCut = afterHoldsAtCut
    }
}
