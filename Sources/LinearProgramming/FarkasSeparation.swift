/// How far row multipliers `y` separate a programme's rows from its column box: the margin
/// `min over rows of y'r - max over the column box of (A'y)'x` (minus infinity when a
/// multiplier meets an infinite bound), the sum of the magnitudes of its finite terms
/// (`size`), and the sum of the magnitudes of every product behind them (`magnitude`:
/// `|y_i r_i|`, and `|x_j| sum_i |a_ij y_i|`). A positive margin proves the programme
/// infeasible; `proves` asks for a margin that no rounding or tolerance could make.
public struct FarkasSeparation: Sendable {
    public var margin: Double
    public var size: Double
    public var magnitude: Double

    /// A column of `A'y` (with `max |y_i| = 1`) smaller than this fraction of its largest
    /// term, or of 1 if that is larger, is rounding noise (it is zero in exact arithmetic, as
    /// for basic columns): a thousandth of what the certificate checker allows.
    public static let noiseTolerance = 1e-9
    /// How far, relative to the size of its terms, a ray scaled to `max |y_i| = 1` must
    /// separate before the solver reports infeasibility: a little more than an independent
    /// checker with a relative tolerance of 1e-6 asks for.
    public static let marginTolerance = 1.5e-6
    /// How far, relative to the size of every product summed to compute it, the margin must
    /// exceed the rounding error of computing it (a bound of `n` times the unit roundoff for
    /// sums of up to 10^4 terms).
    public static let roundingTolerance = 1e-12

    /// Whether the margin (of a ray scaled to `max |y_i| = 1`) exceeds `marginTolerance`
    /// times `size` and `roundingTolerance` times `magnitude`: both relative, so data that
    /// are all small are proved infeasible as readily as data that are all large.
    public var proves: Bool {
        margin > Self.marginTolerance * size && margin > Self.roundingTolerance * magnitude
    }
}

extension LinearProgram {
    /// The separation of `y` (one multiplier per row; see `FarkasSeparation`). A `(A'y)_j`
    /// within `FarkasSeparation.noiseTolerance` of its largest term (or of 1) counts as zero.
    public func farkasSeparation(_ y: [Double]) -> FarkasSeparation {
        var rowSide = 0.0, size = 0.0
        for i in 0..<rowCount where y[i] != 0 {
            let term = y[i] * (y[i] > 0 ? rowLower[i] : rowUpper[i])
            rowSide += term
            if term.isFinite { size += abs(term) }
        }
        var magnitude = size
        var columnSide = 0.0
        for j in 0..<columnCount {
            var z = 0.0, largestTerm = 0.0, termSum = 0.0
            for k in matrix.range(ofColumn: j) {
                let term = matrix.values[k] * y[matrix.rowIndices[k]]
                z += term
                largestTerm = max(largestTerm, abs(term))
                termSum += abs(term)
            }
            if abs(z) <= FarkasSeparation.noiseTolerance * max(1, largestTerm) { continue }
            let bound = z > 0 ? columnUpper[j] : columnLower[j]
            let term = z * bound
            columnSide += term
            if term.isFinite {
                size += abs(term)
                magnitude += abs(bound) * termSum
            }
        }
        let margin = rowSide - columnSide
        return FarkasSeparation(margin: margin.isNaN ? -.infinity : margin, size: size, magnitude: magnitude)
    }
}
