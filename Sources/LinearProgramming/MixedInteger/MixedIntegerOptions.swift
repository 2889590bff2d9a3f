/// Tolerances and limits that steer `BranchAndBound`.
public struct MixedIntegerOptions: Sendable {
    /// Integrality tolerance: a value within this distance of an integer counts as that
    /// integer, and a semi-continuous value within it of 0 counts as 0 (and within it below its
    /// range's lower end as in the range). Default `1e-6` (HiGHS's `mip_feasibility_tolerance`).
    public var integralityTolerance: Double
    /// Relative gap at which the search stops as optimal: it stops when
    /// `incumbent - bound <= relativeGap * max(1, |incumbent|)` (in minimisation terms).
    /// Default `1e-6`, so the incumbent is within a relative `1e-6` of the optimum.
    public var relativeGap: Double
    /// Absolute gap at which the search stops as optimal: `incumbent - bound <= absoluteGap`.
    /// Default `1e-6`.
    public var absoluteGap: Double
    /// Most branch-and-bound nodes (the root counts as one) before the search stops with
    /// `.nodeLimit`. Default `Int.max` (no limit).
    public var nodeLimit: Int
    /// Wall-clock seconds the whole search may take before it stops with `.timeLimit`.
    /// Default `.infinity` (no limit).
    public var timeLimit: Double
    /// Most simplex iterations over all the node LPs before the search stops with
    /// `.iterationLimit`. Default `Int.max` (no limit).
    public var iterationLimit: Int
    /// Pseudo-costs observed this many times in each direction are trusted; below it a
    /// candidate is strong-branched (reliability branching). Default 2; 0 turns strong
    /// branching off.
    public var reliability: Int
    /// Most candidates strong-branched at one node. Default 8.
    public var strongBranchingCandidates: Int
    /// Most dual simplex iterations of one strong-branching LP. Default 60.
    public var strongBranchingIterations: Int
    /// Options of every node LP (their own iteration and time limits are lowered to what
    /// the search has left).
    public var simplex: SimplexOptions

    /// The default options.
    public init() {
        integralityTolerance = 1e-6
        relativeGap = 1e-6
        absoluteGap = 1e-6
        nodeLimit = Int.max
        timeLimit = .infinity
        iterationLimit = Int.max
        reliability = 2
        strongBranchingCandidates = 8
        strongBranchingIterations = 60
        simplex = SimplexOptions()
    }
}
