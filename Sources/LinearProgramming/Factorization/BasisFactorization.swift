/// A basis position the factorisation could not pivot, with the row whose
/// unit (slack) column would take its place to make the basis nonsingular.
struct BasisSingularity: Sendable, Equatable {
    /// The position (column index of the basis matrix) that is dependent.
    var position: Int
    /// The row left without a pivot.
    var row: Int
}

/// The linear algebra the simplex method needs from its basis matrix `B`
/// (`m × m`, columns in basis order): factorise, solve with `B` and `B'`,
/// and replace one column at a time.
protocol BasisFactorization {
    /// Factorises `B` given column-wise (CSC). Returns the positions that
    /// could not be pivoted (empty when `B` is nonsingular); when any are
    /// returned the factors are those of `B` with each reported position
    /// replaced by the unit column `+e_row`, not the basis itself (whose
    /// slacks are `-e_row`): the caller swaps in the slacks and factorises again.
    mutating func factorize(
        dimension: Int, columnStarts: [Int], rowIndices: [Int], values: [Double]
    ) -> [BasisSingularity]
    /// FTRAN: overwrites `rhs` with `B⁻¹ rhs`.
    func solve(_ rhs: inout [Double])
    /// BTRAN: overwrites `rhs` with `B⁻ᵀ rhs`.
    func solveTransposed(_ rhs: inout [Double])
    /// Replaces the column at `position` by a column `a` given as its FTRAN
    /// result `B⁻¹ a`. Returns `false`, leaving the factors unchanged, when
    /// the pivot `ftranColumn[position]` is too small for a stable update.
    mutating func replaceColumn(at position: Int, ftranColumn: [Double]) -> Bool
    /// Column replacements since the last `factorize`.
    var updateCount: Int { get }
    /// An estimate of the 1-norm condition number `κ₁ = ‖B‖₁ ‖B⁻¹‖₁` of the
    /// matrix last factorised (updates not included): 1 at best, infinite when
    /// the factors are singular to working precision.
    func conditionEstimate() -> Double
}
