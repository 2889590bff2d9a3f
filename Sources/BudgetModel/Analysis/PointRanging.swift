import LinearProgramming

/// How far one objective coefficient of a minimising programme can move with a given
/// optimal point still optimal: the ranging of a point, where the simplex method's
/// ranging is that of a basis. The two agree at a non-degenerate vertex; at a point
/// inside an optimal face (a weighted optimum the tiers rule picks among several),
/// only this one describes the point.
///
/// The point `z` stays optimal for costs `c + delta * g` exactly when some row duals `pi`
/// make the reduced costs `d = c + delta * g - A' pi` fit `z` (the optimality conditions):
/// `d_j >= 0` where `z_j` is at its lower bound only, `<= 0` at its upper bound only, `= 0`
/// strictly between (a fixed column has no condition); `pi_i >= 0` where row `i` is at its
/// lower limit only, `<= 0` at its upper limit only, `= 0` strictly between, free when the
/// limits are equal. The largest and smallest `delta` of that linear feasibility problem
/// are the allowable increase and (negated) decrease; each is one LP.
struct PointRanging {
    let program: LinearProgram
    /// The optimal point, one value per column of `program`.
    let point: [Double]
    /// A value within this much (scaled by the bound's size, at least 1) of a bound is at it.
    var tolerance = 1e-7

    /// `(increase, decrease)` of the cost direction `g` (one entry per column), each
    /// `infinity` without limit; nil when the conditions fail even at `delta = 0` (the
    /// point is not optimal to the tolerance).
    func range(
        direction g: [Double], observer: ((LinearProgram, Solution) -> Void)? = nil
    ) -> (increase: Double, decrease: Double)? {
        let ranging = conditions(direction: g)
        var increase = 0.0, decrease = 0.0
        for (sign, isIncrease) in [(-1.0, true), (1.0, false)] {
            var lp = ranging
            lp.costs[lp.columnCount - 1] = sign  // minimise -delta, then delta
            let solution = SimplexSolver(lp, options: Allocator.defaultOptions).solve()
            observer?(lp, solution)
            switch solution.status {
            case .optimal:
                let delta = solution.columnValues[lp.columnCount - 1]
                if isIncrease { increase = max(0, delta) } else { decrease = max(0, -delta) + 0 }  // + 0: never -0
            case .unbounded:
                if isIncrease { increase = .infinity } else { decrease = .infinity }
            default: return nil
            }
        }
        return (increase, decrease)
    }

    /// The feasibility problem in `pi` (one column per row of `program`) and `delta` (the last column).
    private func conditions(direction g: [Double]) -> LinearProgram {
        let matrix = program.matrix
        let activities = matrix.multiply(point)
        var lp = LinearProgram(name: "point-ranging", sense: .minimize)
        func at(_ value: Double, _ bound: Double) -> Bool {
            bound.isFinite && abs(value - bound) <= tolerance * max(1, abs(bound))
        }
        // One row per column j that is not fixed: sum_i A_ij pi_i - g_j delta against c_j.
        var conditionRow = [Int?](repeating: nil, count: program.columnCount)
        for j in 0..<program.columnCount where program.columnLower[j] < program.columnUpper[j] {
            let atLower = at(point[j], program.columnLower[j]), atUpper = at(point[j], program.columnUpper[j])
            let c = program.costs[j]
            if atLower && atUpper { continue }  // bounds within the tolerance of each other: fixed
            if matrix.range(ofColumn: j).isEmpty && g[j] == 0 && c == 0 { continue }  // 0 = 0
            // d_j = c_j + g_j delta - (A' pi)_j >= 0 at a lower bound: (A' pi)_j - g_j delta <= c_j.
            let (lower, upper) = atLower ? (-Double.infinity, c) : atUpper ? (c, Double.infinity) : (c, c)
            conditionRow[j] = lp.addRow(name: program.columnNames[j], lower: lower, upper: upper)
        }
        var rowEntries = [[(row: Int, value: Double)]](repeating: [], count: program.rowCount)
        for j in 0..<program.columnCount {
            guard let row = conditionRow[j] else { continue }
            for k in matrix.range(ofColumn: j) { rowEntries[matrix.rowIndices[k]].append((row, matrix.values[k])) }
        }
        for i in 0..<program.rowCount {
            let lowerLimit = program.rowLower[i], upperLimit = program.rowUpper[i]
            let atLower = at(activities[i], lowerLimit), atUpper = at(activities[i], upperLimit)
            let bounds: (Double, Double) =
                lowerLimit == upperLimit ? (-.infinity, .infinity)
                : atLower ? (0, .infinity) : atUpper ? (-.infinity, 0) : (0, 0)
            _ = lp.addColumn(name: "pi:" + program.rowNames[i], cost: 0, lower: bounds.0, upper: bounds.1, coefficients: rowEntries[i])
        }
        let deltaEntries = (0..<program.columnCount).compactMap { j -> (row: Int, value: Double)? in
            guard let row = conditionRow[j], g[j] != 0 else { return nil }
            return (row, -g[j])
        }
        _ = lp.addColumn(name: "delta", cost: 0, lower: -.infinity, upper: .infinity, coefficients: deltaEntries)
        return lp
    }
}
