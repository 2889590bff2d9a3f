extension PresolvedProgram {
    /// Relative violation a postsolved solution may have, of a bound or of a reduced cost's
    /// sign, and still be returned without a simplex pass over the original: the solver's own
    /// dual feasibility tolerance, a hundredth of its primal one.
    static let acceptanceTolerance = 1e-9

    /// Whether `solution` (from `postsolve`) is optimal for the original as it stands: every
    /// column and row activity within its bounds, every reduced cost and row dual of the sign
    /// its status asks for and zero where basic, and non-basic entries at the bound their
    /// status names, all to `acceptanceTolerance` relative to the size of the terms involved.
    func isOptimal(_ solution: Solution) -> Bool {
        let tolerance = Self.acceptanceTolerance
        let p = original
        let sign: Double = p.sense == .maximize ? -1 : 1
        func within(_ v: Double, _ lower: Double, _ upper: Double, scale: Double) -> Bool {
            v >= lower - tolerance * max(scale, abs(lower)) && v <= upper + tolerance * max(scale, abs(upper))
        }
        func at(_ v: Double, _ bound: Double, scale: Double) -> Bool {
            abs(v - bound) <= tolerance * max(scale, abs(bound))
        }
        /// One variable: its value against its bounds and status, its reduced cost (minimising) against its status.
        func holds(_ status: BasisStatus, value v: Double, lower: Double, upper: Double, dual g: Double, scale: Double, dualScale: Double) -> Bool {
            guard within(v, lower, upper, scale: scale) else { return false }
            let limit = tolerance * dualScale
            switch status {
            case .basic: return abs(g) <= limit
            case .atLower: return at(v, lower, scale: scale) && (g >= -limit || lower == upper)
            case .atUpper: return at(v, upper, scale: scale) && (g <= limit || lower == upper)
            case .free: return abs(v) <= tolerance * scale && abs(g) <= limit
            }
        }
        let x = solution.columnValues
        let costScale = max(1, p.costs.reduce(0) { max($0, abs($1)) })
        var termScale = [Double](repeating: 1, count: p.rowCount)
        for j in 0..<p.columnCount {
            var dualScale = max(1, abs(p.costs[j]))
            for k in p.matrix.range(ofColumn: j) {
                let i = p.matrix.rowIndices[k], a = p.matrix.values[k]
                termScale[i] = max(termScale[i], abs(a * x[j]))
                dualScale = max(dualScale, abs(a * solution.rowDuals[i]))
            }
            if !holds(solution.basis.columns[j], value: x[j], lower: p.columnLower[j], upper: p.columnUpper[j],
                      dual: sign * solution.reducedCosts[j], scale: 1, dualScale: dualScale) {
                return false
            }
        }
        for i in 0..<p.rowCount {
            if !holds(solution.basis.rows[i], value: solution.rowActivities[i], lower: p.rowLower[i], upper: p.rowUpper[i],
                      dual: sign * solution.rowDuals[i], scale: termScale[i], dualScale: costScale) {
                return false
            }
        }
        return solution.basis.columns.filter { $0 == .basic }.count + solution.basis.rows.filter { $0 == .basic }.count
            == p.rowCount
    }
}
