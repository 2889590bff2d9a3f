import LinearProgramming

extension CertificateChecker {
    /// Verifies `unboundedRay` as `Solution` documents it. With `d` scaled so
    /// that `max |d_j| = 1`: a component that moves a column towards an
    /// infinite bound only (`d_j > tolerance.primal` needs no upper bound,
    /// `d_j < -tolerance.primal` no lower bound), likewise each row of `A d`
    /// (scaled by the size of its terms), and the objective improves by more
    /// than `tolerance.dual` times the size of its terms: with the components
    /// excused above (at most `tolerance.primal` towards a finite bound) left
    /// out, `c'd < -tolerance.dual * sum |c_j d_j|` when minimising, and
    /// `c'd > tolerance.dual * sum |c_j d_j|` when maximising.
    func checkUnboundedRay(_ s: Solution, of p: LinearProgram, log: inout FailureLog) {
        guard let ray = s.unboundedRay else {
            log.add("ray", "The solution is marked unbounded but carries no ray.")
            return
        }
        guard ray.count == p.columnCount, ray.allSatisfy(\.isFinite) else {
            log.add("ray", "The unbounded ray has \(ray.count) entries for \(p.columnCount) columns, or a value that is not finite.")
            return
        }
        let largest = ray.reduce(0) { max($0, abs($1)) }
        guard largest > 0 else {
            log.add("ray", "The unbounded ray is zero.")
            return
        }
        let d = ray.map { $0 / largest }
        for j in 0..<p.columnCount {
            if d[j] > tolerance.primal && p.columnUpper[j].isFinite {
                log.add("ray", "The ray increases column \(p.columnNames[j]), which has the finite upper bound \(show(p.columnUpper[j])).")
            } else if d[j] < -tolerance.primal && p.columnLower[j].isFinite {
                log.add("ray", "The ray decreases column \(p.columnNames[j]), which has the finite lower bound \(show(p.columnLower[j])).")
            }
        }
        let ad = p.matrix.multiply(d)
        let termScale = rowTermScales(x: d, of: p)
        for i in 0..<p.rowCount {
            let scaled = ad[i] / max(1, termScale[i])
            if scaled > tolerance.primal && p.rowUpper[i].isFinite {
                log.add("ray", "The ray increases row \(p.rowNames[i]), which has the finite upper bound \(show(p.rowUpper[i])).")
            } else if scaled < -tolerance.primal && p.rowLower[i].isFinite {
                log.add("ray", "The ray decreases row \(p.rowNames[i]), which has the finite lower bound \(show(p.rowLower[i])).")
            }
        }
        var slope = 0.0, size = 0.0
        for j in 0..<p.columnCount {
            let blocked = d[j] > 0 ? p.columnUpper[j].isFinite : p.columnLower[j].isFinite
            if blocked { continue }  // zero, or excused above as within tolerance
            slope += p.costs[j] * d[j]
            size += abs(p.costs[j] * d[j])
        }
        let improvement = p.sense == .minimize ? -slope : slope
        if !(improvement > tolerance.dual * size) {
            log.add("ray", "The ray does not improve the objective: c'd = \(show(slope)) (ray scaled to max |d| = 1) when \(p.sense == .minimize ? "minimising" : "maximising").")
        }
    }
}
