extension SimplexSolver {
    /// Multiplier entries below this fraction of the largest (in internal
    /// units, and again in original units) are dropped from a Farkas ray:
    /// they are rounding noise.
    static let rayDropTolerance = 1e-12
    /// A column of `A'y` (with `max |y_i| = 1`) smaller than this fraction of
    /// its largest term, or of 1 if that is larger, is rounding noise (it is
    /// zero in exact arithmetic, as for basic columns): a thousandth of what
    /// the certificate checker allows.
    static let rayNoiseTolerance = 1e-9
    /// How far, relative to the size of its terms, a Farkas ray must separate
    /// before the dual simplex reports infeasibility: a little more than an
    /// independent checker with a relative tolerance of 1e-6 asks for.
    static let farkasMarginTolerance = 1.5e-6
    /// How far, relative to the size of every product summed to compute it, a
    /// Farkas ray's margin must exceed the rounding error of computing it (a
    /// bound of `n` times the unit roundoff for sums of up to 10^4 terms).
    static let rayRoundingTolerance = 1e-12
    /// Largest bound shift that an unprovable infeasibility may cause,
    /// relative to the size of what is bounded (see `boundShiftLimit(of:)`).
    /// The reported point then violates that bound by no more than this
    /// relative amount.
    static let relativeBoundShiftLimit = 5e-7

    /// Builds the Farkas ray in original units from `farkasInternal` into
    /// `farkasProof` and says whether it proves infeasibility by a clear
    /// margin: with the ray scaled to `max |y_i| = 1`, the rows' lower bound
    /// on `y'Ax` must exceed the columns' upper bound on `(A'y)'x` by more
    /// than `farkasMarginTolerance` times the size of the terms summed, and by
    /// more than `rayRoundingTolerance` times the size of every product summed
    /// on the way (so that rounding in computing `A'y` cannot make the margin).
    /// Both tests are relative: data that are all small are proved infeasible
    /// as readily as data that are all large.
    ///
    /// Near-feasible problems (an infeasibility at the level of the
    /// tolerances) give rays that fail this test; no checker could tell them
    /// from rounding, so they are not reported as infeasible.
    func farkasProofHolds() -> Bool {
        // Noise is dropped in internal units, where rounding is relative to
        // the largest entry, and again after unscaling.
        let largestInternal = farkasInternal.reduce(0) { max($0, abs($1)) }
        var y = [Double](repeating: 0, count: rowCount)
        var largest = 0.0
        for i in 0..<rowCount where abs(farkasInternal[i]) > Self.rayDropTolerance * largestInternal {
            y[i] = rowScale[i] * farkasInternal[i]
            largest = max(largest, abs(y[i]))
        }
        guard largest > 0, largest.isFinite else { return false }
        for i in 0..<rowCount {
            y[i] = abs(y[i]) <= Self.rayDropTolerance * largest ? 0 : y[i] / largest
        }
        let positive = separation(y)
        let negated = y.map { -$0 }
        let reversed = separation(negated)
        let best = reversed.margin > positive.margin ? reversed : positive
        farkasProof = reversed.margin > positive.margin ? negated : y
        return best.margin > Self.farkasMarginTolerance * best.size
            && best.margin > Self.rayRoundingTolerance * best.magnitude
    }

    /// `min over rows of y'r - max over the column box of (A'y)'x` (minus
    /// infinity when a multiplier meets an infinite bound), the sum of the
    /// magnitudes of its finite terms, and the sum of the magnitudes of every
    /// product behind them (`|y_i r_i|`, and `|x_j| sum_i |a_ij y_i|`). A
    /// `(A'y)_j` within rounding of zero (`rayNoiseTolerance` times its largest
    /// term or 1) counts as zero.
    private func separation(_ y: [Double]) -> (margin: Double, size: Double, magnitude: Double) {
        var rowSide = 0.0, size = 0.0
        for i in 0..<rowCount where y[i] != 0 {
            let term = y[i] * (y[i] > 0 ? program.rowLower[i] : program.rowUpper[i])
            rowSide += term
            if term.isFinite { size += abs(term) }
        }
        var magnitude = size
        let matrix = program.matrix
        var columnSide = 0.0
        for j in 0..<columnCount {
            var z = 0.0, largestTerm = 0.0, termSum = 0.0
            for k in matrix.range(ofColumn: j) {
                let term = matrix.values[k] * y[matrix.rowIndices[k]]
                z += term
                largestTerm = max(largestTerm, abs(term))
                termSum += abs(term)
            }
            if abs(z) <= Self.rayNoiseTolerance * max(1, largestTerm) { continue }
            let bound = z > 0 ? program.columnUpper[j] : program.columnLower[j]
            let term = z * bound
            columnSide += term
            if term.isFinite {
                size += abs(term)
                magnitude += abs(bound) * termSum
            }
        }
        let margin = rowSide - columnSide
        return (margin.isNaN ? -.infinity : margin, size, magnitude)
    }

    /// The largest shift of basic variable `p`'s bounds (internal units)
    /// that leaves it within `relativeBoundShiftLimit` of its original bound,
    /// measured as a checker measures a bound violation: relative to
    /// `max(1, |bound|)` for a column, and to `max(1, |bound|, largest |a_ij x_j|)`
    /// for a row, in original units.
    func boundShiftLimit(of p: Int) -> Double {
        let bound = max(abs(lower[p].isFinite ? lower[p] : 0), abs(upper[p].isFinite ? upper[p] : 0))
        guard p >= columnCount else {
            return Self.relativeBoundShiftLimit * max(1 / columnScale[p], bound)
        }
        let i = p - columnCount
        var largestTerm = 0.0
        for k in rowStarts[i]..<rowStarts[i + 1] { largestTerm = max(largestTerm, abs(rowValues[k] * x[rowColumns[k]])) }
        return Self.relativeBoundShiftLimit * max(rowScale[i], bound, largestTerm)
    }

    /// Moves the violated bound of basic variable `p` by `shift` towards its
    /// value (down when `lowering`, else up) for the rest of the solve.
    func shiftBound(of p: Int, by shift: Double, lowering: Bool) {
        if lowering { lower[p] -= shift } else { upper[p] += shift }
        shiftedBounds.append(p)
    }

    /// Puts back the bounds `shiftBound` moved, from `program`.
    func restoreShiftedBounds() {
        for j in shiftedBounds { loadBounds(of: j) }
        shiftedBounds.removeAll(keepingCapacity: true)
    }
}
