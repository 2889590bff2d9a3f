import LinearProgramming

extension CertificateChecker {
    /// Verifies `farkasRay` as `Solution` documents it. With `y` scaled so that
    /// `max |y_i| = 1` and `z = A'y`: every multiplier on an infinite row bound
    /// is at most `tolerance.dual`, every `z_j` on an infinite column bound at
    /// most `tolerance.dual * max(1, max_i |a_ij y_i|)` (both are then taken as
    /// zero), and the rows' lower bound on `y'Ax` exceeds the columns' upper
    /// bound on `z'x` by more than `tolerance.primal` times the size of the
    /// terms (the sum of their magnitudes) and by more than `roundingMargin`
    /// times the size of every product summed on the way (`|y_i r_i|`, and
    /// `|x_j| sum_i |a_ij y_i|` for the bound `x_j` of each column): a margin
    /// that rounding in computing `z` could make is no proof. Both measures are
    /// relative, so a problem whose data are all small is proved infeasible
    /// as readily as one whose data are all large.
    ///
    /// A solution without a ray is accepted only when the programme has a bound
    /// that excludes every value (a lower bound above its upper bound): that
    /// bound is the proof, and no ray of this form can express it.
    func checkInfeasibility(_ s: Solution, of p: LinearProgram, log: inout FailureLog) {
        guard let ray = s.farkasRay else {
            if !hasEmptyBound(p) {
                log.add("farkas", "The solution is marked infeasible but carries no Farkas ray.")
            }
            return
        }
        guard ray.count == p.rowCount, ray.allSatisfy(\.isFinite) else {
            log.add("farkas", "The Farkas ray has \(ray.count) entries for \(p.rowCount) rows, or a value that is not finite.")
            return
        }
        let largest = ray.reduce(0) { max($0, abs($1)) }
        guard largest > 0 else {
            log.add("farkas", "The Farkas ray is zero: it proves nothing.")
            return
        }
        let y = ray.map { $0 / largest }
        var rowSide = 0.0, size = 0.0, magnitude = 0.0
        for i in 0..<p.rowCount where y[i] != 0 {
            let bound = y[i] > 0 ? p.rowLower[i] : p.rowUpper[i]
            if bound.isFinite {
                rowSide += y[i] * bound
                size += abs(y[i] * bound)
                magnitude += abs(y[i] * bound)
            } else if abs(y[i]) > tolerance.dual {
                log.add("farkas", "The Farkas ray puts multiplier \(show(ray[i])) on row \(p.rowNames[i]), whose \(y[i] > 0 ? "lower" : "upper") bound is infinite.")
            }
        }
        let z = p.matrix.transposeMultiply(y)
        var columnSide = 0.0
        for j in 0..<p.columnCount where z[j] != 0 {
            let bound = z[j] > 0 ? p.columnUpper[j] : p.columnLower[j]
            if bound.isFinite {
                columnSide += z[j] * bound
                size += abs(z[j] * bound)
                for k in p.matrix.range(ofColumn: j) {
                    magnitude += abs(bound * p.matrix.values[k] * y[p.matrix.rowIndices[k]])
                }
            } else {
                var termScale = 1.0
                for k in p.matrix.range(ofColumn: j) {
                    termScale = max(termScale, abs(p.matrix.values[k] * y[p.matrix.rowIndices[k]]))
                }
                if abs(z[j]) > tolerance.dual * termScale {
                    log.add("farkas", "The Farkas ray gives column \(p.columnNames[j]) the weight \(show(z[j])) (scaled) but its \(z[j] > 0 ? "upper" : "lower") bound is infinite.")
                }
            }
        }
        let margin = rowSide - columnSide
        if margin <= tolerance.primal * size || margin <= Self.roundingMargin * magnitude {
            log.add("farkas", "The Farkas ray does not separate: the rows bound y'Ax below by \(show(rowSide)) but the columns allow z'x up to \(show(columnSide)) (ray scaled to max |y| = 1).")
        }
    }

    /// The margin a Farkas ray needs, relative to the size of every product summed to
    /// compute it, beyond the rounding of those sums (about `n` unit roundoffs for
    /// sums of up to 10^4 terms).
    static let roundingMargin = 1e-12

    /// Whether some column or row has a lower bound above its upper bound.
    private func hasEmptyBound(_ p: LinearProgram) -> Bool {
        zip(p.columnLower, p.columnUpper).contains { $0 > $1 } || zip(p.rowLower, p.rowUpper).contains { $0 > $1 }
    }
}
