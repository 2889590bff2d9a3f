import LinearProgramming

extension CertificateChecker {
    /// Verifies `farkasRay` as `Solution` documents it. With `y` scaled so that
    /// `max |y_i| = 1` and `z = A'y`: every multiplier on an infinite row bound
    /// is at most `tolerance.dual`, every `z_j` on an infinite column bound at
    /// most `tolerance.dual * max(1, max_i |a_ij y_i|)` (both are then taken as
    /// zero), and the rows' lower bound on `y'Ax` exceeds the columns' upper
    /// bound on `z'x` by more than `tolerance.primal` times the size of the terms.
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
        var rowSide = 0.0, size = 0.0
        for i in 0..<p.rowCount where y[i] != 0 {
            let bound = y[i] > 0 ? p.rowLower[i] : p.rowUpper[i]
            if bound.isFinite {
                rowSide += y[i] * bound
                size += abs(y[i] * bound)
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
        if rowSide - columnSide <= tolerance.primal * max(1, size) {
            log.add("farkas", "The Farkas ray does not separate: the rows bound y'Ax below by \(show(rowSide)) but the columns allow z'x up to \(show(columnSide)) (ray scaled to max |y| = 1).")
        }
    }

    /// Whether some column or row has a lower bound above its upper bound.
    private func hasEmptyBound(_ p: LinearProgram) -> Bool {
        zip(p.columnLower, p.columnUpper).contains { $0 > $1 } || zip(p.rowLower, p.rowUpper).contains { $0 > $1 }
    }
}
