import CLAPACK

/// Estimates `‖B⁻¹‖₁` of a factorised matrix from a few solves with `B` and
/// `Bᵀ`, by LAPACK's `dlacn2_` (Hager's method as refined by Higham, the
/// estimator inside `dgecon_`), which asks for each product by reverse
/// communication. The estimate is a lower bound that is almost always within a
/// factor of 3 of the true norm; it costs about four to ten solves.
enum InverseNormEstimate {
    /// `‖B⁻¹‖₁` estimated for a matrix of order `dimension`, given `solve`
    /// (overwrite a vector with `B⁻¹` times it) and `solveTransposed` (with `B⁻ᵀ`).
    static func oneNorm(
        dimension: Int, solve: (inout [Double]) -> Void, solveTransposed: (inout [Double]) -> Void
    ) -> Double {
        guard dimension > 0 else { return 0 }
        var n = Int32(dimension)
        var v = [Double](repeating: 0, count: dimension)
        var x = [Double](repeating: 0, count: dimension)
        var signs = [Int32](repeating: 0, count: dimension)
        var estimate = 0.0
        var kase: Int32 = 0
        var saved: [Int32] = [0, 0, 0]
        repeat {
            dlacn2_(&n, &v, &x, &signs, &estimate, &kase, &saved)
            if kase == 1 { solve(&x) } else if kase == 2 { solveTransposed(&x) }
        } while kase != 0
        return estimate
    }
}

extension SparseLU {
    /// An estimate of `‖B⁻¹‖₁` for the factorised matrix `B` (see `InverseNormEstimate`):
    /// a lower bound, almost always within a factor of 3, from a few solves.
    public func inverseOneNormEstimate() -> Double {
        InverseNormEstimate.oneNorm(dimension: dimension, solve: solve, solveTransposed: solveTransposed)
    }
}
