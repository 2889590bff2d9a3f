/// A cut level at which some service's allocation changes slope, with what happens there
/// (SCENARIO-SPEC section 6).
public struct Breakpoint: Sendable, Equatable {
    /// The cut, in per cent, accurate to 1e-4 percentage points.
    public var cutPercent: Double
    /// What happens there, each a plain sentence ("Shrievalty Trust reaches its minimum of £25,000").
    public var events: [String]
    /// Whether this is the maximum feasible cut (beyond it the scenario is infeasible).
    public var isMaximumFeasibleCut: Bool
    /// At the maximum feasible cut: a cut just beyond it, infeasible, whose deficit and
    /// conflict say why.
    public var beyond: CutResult?

    /// A breakpoint from its parts.
    public init(cutPercent: Double, events: [String], isMaximumFeasibleCut: Bool = false, beyond: CutResult? = nil) {
        self.cutPercent = cutPercent
        self.events = events
        self.isMaximumFeasibleCut = isMaximumFeasibleCut
        self.beyond = beyond
    }
}
