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

    /// A breakpoint from its parts.
    public init(
        cutPercent: Double, events: [BreakpointEvent], isSmallestFeasibleCut: Bool = false,
        isMaximumFeasibleCut: Bool = false, beyond: CutResult? = nil
    ) {
        self.cutPercent = cutPercent
        self.events = events
        self.isSmallestFeasibleCut = isSmallestFeasibleCut
        self.isMaximumFeasibleCut = isMaximumFeasibleCut
        self.beyond = beyond
    }
}
