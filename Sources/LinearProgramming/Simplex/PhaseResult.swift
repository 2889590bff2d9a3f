/// How one simplex phase (a run of primal or dual iterations) ended.
enum PhaseResult: Sendable, Equatable {
    /// No more improving pivots: optimal for the phase's costs.
    case optimal
    /// The dual is unbounded: `farkasInternal` holds `B⁻ᵀ e_r` for the
    /// leaving row, with `sign` making it a proof of primal infeasibility.
    case infeasible
    /// The primal is unbounded: `rayInternal` holds the direction.
    case unbounded
    /// `SimplexOptions.iterationLimit` was reached.
    case iterationLimit
    /// `SimplexOptions.timeLimit` was reached.
    case timeLimit
    /// The basis could not be factorised or repaired.
    case numericalFailure
}
