/// Tolerances and limits that steer `SimplexSolver`.
///
/// Tolerances apply to the solver's internal (scaled) problem when `scaling`
/// is on; the reported solution is unscaled.
public struct SimplexOptions: Sendable {
    /// Largest bound violation a basic variable may have and still count as
    /// primal feasible. Default `1e-7`.
    public var primalFeasibilityTolerance: Double
    /// Largest reduced cost of the wrong sign a non-basic variable may have and
    /// still count as dual feasible. Default `1e-9`: tighter than the primal
    /// tolerance, because a reduced cost just inside `1e-7` on a variable far
    /// from its bound can leave the objective `1e-6` short of the optimum
    /// (pilot87 did), at no measurable cost in iterations.
    public var dualFeasibilityTolerance: Double
    /// Smallest magnitude of a pivot element the ratio tests accept. Default `1e-7`.
    public var pivotTolerance: Double
    /// Most simplex iterations (all phases together) one `solve` may take before
    /// it stops with `.iterationLimit`. Default `1_000_000`.
    public var iterationLimit: Int
    /// Wall-clock seconds one `solve` may take before it stops with
    /// `.timeLimit`. Default `.infinity` (no limit).
    public var timeLimit: Double
    /// Whether to scale rows and columns (geometric mean, then equilibration)
    /// before solving. Default `true`.
    public var scaling: Bool
    /// Basis updates between two refactorisations of the basis matrix. Default `100`.
    public var refactorizationInterval: Int

    /// The default options.
    public init() {
        primalFeasibilityTolerance = 1e-7
        dualFeasibilityTolerance = 1e-9
        pivotTolerance = 1e-7
        iterationLimit = 1_000_000
        timeLimit = .infinity
        scaling = true
        refactorizationInterval = 100
    }
}
