/// Cost and right-hand-side ranging at an optimal basis: the figures of Excel Solver's
/// Sensitivity Report, computed the textbook way from the basis inverse.
///
/// The programme is taken in the form the solver uses, `A x - r = 0` with bounds on the
/// columns `x` and on the row activities `r`; the basis `B` holds the basic columns of
/// `[A  -I]`. With `d` the reduced costs (a row's reduced cost is its dual):
///
/// - **Cost ranging.** A non-basic column's cost can move towards its reduced cost's sign
///   change: by `|d_j|` one way, without limit the other. For a basic column in basis
///   position `p`, changing its cost by `δ` changes every non-basic reduced cost by
///   `-δ α_k`, where `α = e_pᵀ B⁻¹ N` (one BTRAN); the ratio test over the non-basic
///   variables whose reduced cost would change sign gives the allowable increase and decrease.
/// - **Right-hand-side ranging.** Moving the bound a non-basic row sits at by `δ` moves the
///   basic variables by `δ B⁻¹ e_i` (one FTRAN); the ratio test against their bounds (and
///   against the row's other bound) gives how far the bound can move before the basis becomes
///   infeasible, i.e. over what range the dual is the objective's rate of change. A basic row
///   can move its nearer bound freely away from its activity and towards it until it binds.
///
/// Figures are in the programme's own units and for its own sense: for a maximisation an
/// increase of a cost is an increase of the maximised objective's coefficient.
public struct SensitivityAnalysis: Sendable {
    /// Cost ranging, one entry per column.
    public var columns: [ColumnSensitivity]
    /// Right-hand-side ranging, one entry per row.
    public var rows: [RowSensitivity]

    /// Below this a tableau entry counts as zero in the ratio tests.
    static let pivotTolerance = 1e-9

    /// Ranging of `program` at `solution`, which must be optimal with a valid basis.
    public init(program: LinearProgram, solution: Solution) throws(SensitivityError) {
        guard solution.status == .optimal else { throw .notOptimal(solution.status) }
        let basis = try RangingBasis(program: program, solution: solution)
        columns = (0..<program.columnCount).map { basis.costRanging(ofColumn: $0) }
        rows = (0..<program.rowCount).map { basis.boundRanging(ofRow: $0) }
    }
}
