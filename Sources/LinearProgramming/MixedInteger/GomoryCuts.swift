/// Gomory mixed-integer cuts read off the optimal tableau of an LP whose bounds hold for the
/// whole search (the root), as `lower <= a'x` rows over the columns.
///
/// For a basic integer column `x_p` with a fractional value, its tableau row, written over
/// the distances `t_j >= 0` of the non-basic variables from their bounds, is
/// `x_p + sum_j g_j t_j = beta` with `f0 = beta - floor(beta)`. The cut is
/// `sum_{integer, f_j <= f0} f_j/f0 t_j + sum_{integer, f_j > f0} (1-f_j)/(1-f0) t_j
///  + sum_{continuous, g_j > 0} g_j/f0 t_j - sum_{continuous, g_j < 0} g_j/(1-f0) t_j >= 1`,
/// with `f_j = g_j - floor(g_j)`, written back over the columns. A row's activity counts as
/// integer when the row has only integer columns with integer coefficients and an integer
/// bound. Cuts are kept only when numerically safe: `f0` in `[0.005, 0.995]`, coefficients
/// within a range of `1e6` of each other (smaller ones removed by relaxing the right-hand
/// side with the column's bound), and a violation of at least `1e-4` per unit of norm.
/// Earlier cuts' rows count as continuous.
struct GomoryCutGenerator {
    let problem: MixedIntegerProgram
    /// The columns' current global bounds.
    let columnLower: [Double]
    let columnUpper: [Double]
    /// The original rows, row-wise.
    private let rows: RowwiseMatrix
    /// Whether each original row's activity is integer on every integer point.
    private let rowIsIntegral: [Bool]

    init(problem: MixedIntegerProgram, columnLower: [Double], columnUpper: [Double]) {
        self.problem = problem
        self.columnLower = columnLower
        self.columnUpper = columnUpper
        let p = problem.program
        let m = p.rowCount
        var integral = [Bool](repeating: true, count: m)
        for j in 0..<p.columnCount {
            for k in p.matrix.range(ofColumn: j) {
                let i = p.matrix.rowIndices[k]
                let v = p.matrix.values[k]
                let fixedZero = columnLower[j] == 0 && columnUpper[j] == 0
                if !fixedZero && (!problem.isInteger[j] || problem.semicontinuousLower[j] != nil || v != v.rounded()) {
                    integral[i] = false
                }
            }
        }
        for i in 0..<m {
            for bound in [p.rowLower[i], p.rowUpper[i]] where bound.isFinite && bound != bound.rounded() {
                integral[i] = false
            }
        }
        rows = RowwiseMatrix(p.matrix)
        rowIsIntegral = integral
    }

    /// Cuts from the solver's optimal basis (`solution` its LP solution over the original
    /// rows, possibly followed by earlier cut rows, which count as continuous), at most
    /// `limit`, most efficacious first.
    func cuts(from solver: SimplexSolver, solution: Solution, limit: Int, earlier: [CuttingPlane]) -> [CuttingPlane] {
        let n = problem.program.columnCount
        let m = problem.program.rowCount
        let solverRows = solver.program.rowCount
        let x = solution.columnValues
        var found: [CuttingPlane] = []
        let head = solver.basisHead
        var sources: [(position: Int, fractionality: Double)] = []
        for (r, p) in head.enumerated() where p < n && problem.isInteger[p] && problem.semicontinuousLower[p] == nil {
            let f = x[p] - x[p].rounded(.down)
            if f >= 0.005 && f <= 0.995 { sources.append((r, min(f, 1 - f))) }
        }
        sources.sort { $0.fractionality > $1.fractionality }
        for (r, _) in sources.prefix(4 * limit) {
            let row = solver.originalTableauRow(position: r)
            if let cut = gomoryCut(
                row: row, beta: x[head[r]], solver: solver, solution: solution, n: n, m: m, solverRows: solverRows,
                earlier: earlier) {
                found.append(cut)
            }
        }
        found.sort { $0.efficacy > $1.efficacy }
        return Array(found.prefix(limit))
    }

    private func gomoryCut(
        row: [Double], beta: Double, solver: SimplexSolver, solution: Solution, n: Int, m: Int, solverRows: Int,
        earlier: [CuttingPlane]
    ) -> CuttingPlane? {
        let f0 = beta - beta.rounded(.down)
        guard f0 >= 0.005 && f0 <= 0.995 else { return nil }
        let program = solver.program
        var dense = [Double](repeating: 0, count: n)
        var lower = 1.0
        for v in 0..<(n + solverRows) where row[v] != 0 {
            let isColumn = v < n
            let status = isColumn ? solution.basis.columns[v] : solution.basis.rows[v - n]
            let lo = isColumn ? program.columnLower[v] : program.rowLower[v - n]
            let up = isColumn ? program.columnUpper[v] : program.rowUpper[v - n]
            if lo == up { continue }
            let s: Double
            let bound: Double
            switch status {
            case .atLower: s = 1; bound = lo
            case .atUpper: s = -1; bound = up
            default: return nil
            }
            guard bound.isFinite, abs(row[v]) < 1e9 else { return nil }
            let g = s * row[v]
            let integer = isColumn
                ? (problem.isInteger[v] && problem.semicontinuousLower[v] == nil)
                : (v - n < m && rowIsIntegral[v - n])
            let weight: Double
            if integer {
                let f = g - g.rounded(.down)
                weight = f <= f0 ? f / f0 : (1 - f) / (1 - f0)
            } else {
                weight = g > 0 ? g / f0 : -g / (1 - f0)
            }
            if weight == 0 { continue }
            // weight * t_v with t_v = s (v - bound).
            lower += weight * s * bound
            if isColumn {
                dense[v] += weight * s
            } else if v - n < m {
                let i = v - n
                for k in rows.range(ofRow: i) { dense[rows.columns[k]] += weight * s * rows.values[k] }
            } else {
                for (j, a) in earlier[v - n - m].coefficients { dense[j] += weight * s * a }
            }
        }
        return CuttingPlane.cleaned(
            dense, lower: lower, at: solution.columnValues, columnLower: columnLower, columnUpper: columnUpper)
    }
}
