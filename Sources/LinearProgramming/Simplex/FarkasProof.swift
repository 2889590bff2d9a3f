extension SimplexSolver {
    /// Multiplier entries below this fraction of the largest (in internal
    /// units, and again in original units) are dropped from a Farkas ray:
    /// they are rounding noise.
    static let rayDropTolerance = 1e-12
    /// Largest bound shift that an unprovable infeasibility may cause,
    /// relative to the size of what is bounded (see `boundShiftLimit(of:)`).
    /// The reported point then violates that bound by no more than this
    /// relative amount.
    static let relativeBoundShiftLimit = 5e-7

    /// Builds the Farkas ray in original units from `farkasInternal` into
    /// `farkasProof` and says whether it proves infeasibility by a clear
    /// margin (`FarkasSeparation.proves`, with the ray scaled to `max |y_i| = 1`).
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
        let positive = program.farkasSeparation(y)
        let negated = y.map { -$0 }
        let reversed = program.farkasSeparation(negated)
        let best = reversed.margin > positive.margin ? reversed : positive
        farkasProof = reversed.margin > positive.margin ? negated : y
        return best.proves
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
