/// Coefficient tightening of a mixed-integer programme's one-sided rows (Savelsbergh, 1994;
/// HiGHS's presolve and SCIP's `consdata` tightening do the same): a big-M coefficient of an
/// integer column is shrunk to what the rest of the row can reach.
///
/// 1. **Implied bounds.** Every column's bounds are tightened by what each row's activity
///    range allows the column (`a_k x_k <= U - minimum of the rest`, and the same for the
///    lower side), in passes while a bound moves. An implied bound is relaxed outwards by
///    `1e-9` of the row's largest term plus `1e-7 * max(1, |bound|)`, and an integer
///    column's is rounded inwards after that.
/// 2. **Tightening.** For a row `a'x <= b` (a `>=` row read negated; ranged rows and
///    equations are left alone) whose largest activity `M` over those bounds is finite and
///    above `b`, and an integer column `x_k` in `[l, u]` (finite bounds, not semi-continuous):
///    - `a_k > 0` and `M - a_k < b` (the row cannot bind once `x_k <= u - 1`): with
///      `d = b - (M - a_k)`, the row becomes `(a_k - d) x_k + rest <= b - d u`;
///    - `a_k < 0` and `M + a_k < b` (it cannot bind once `x_k >= l + 1`): with
///      `d = b - M - a_k`, the row becomes `(a_k + d) x_k + rest <= b + d l`.
///    At `x_k = u` (`l`) the new row is the old one; at every other integer value it
///    cannot bind. So no point with `x_k` integral in its bounds changes sides, while the
///    relaxation shrinks: `x - 500 y <= 0` with `x <= 5` implied becomes `x - 5 y <= 0`.
///    `M` is over-estimated by `1e-9` of the row's terms, which only makes `d` smaller.
///    Rows holding a semi-continuous column are left alone.
/// 3. **Bounds.** The new row is slack away from `x_k`'s bound only within the bounds `M`
///    was taken over, so every column of a tightened row gets its implied bounds as its
///    bounds in the programme returned. They hold at every point of the programme, so the
///    two have the same points (within the relaxation margins).
public enum CoefficientTightening {
    /// Most passes of the implied-bound tightening.
    static let boundPasses = 10

    /// `problem` with the integer coefficients of its one-sided rows tightened and the
    /// columns of those rows bounded by their implied bounds (the same programme when nothing
    /// tightens, or when the implied bounds prove it infeasible, which the search then finds
    /// itself). Every point that satisfies `problem`'s bounds, rows and integrality satisfies
    /// the result's, and the other way round.
    public static func tightened(_ problem: MixedIntegerProgram) -> MixedIntegerProgram {
        let p = problem.program
        guard let (lower, upper) = impliedBounds(problem) else { return problem }
        let rows = RowwiseMatrix(p.matrix)
        var values = rows.values
        var rowLower = p.rowLower, rowUpper = p.rowUpper
        var changed = false
        var bounded = [Bool](repeating: false, count: p.columnCount)
        for i in 0..<p.rowCount {
            let side: Double
            if p.rowUpper[i] < .infinity && p.rowLower[i] == -.infinity {
                side = 1
            } else if p.rowLower[i] > -.infinity && p.rowUpper[i] == .infinity {
                side = -1
            } else {
                continue
            }
            // The row read as sum (side * a_k) x_k <= side * bound.
            var b = side > 0 ? p.rowUpper[i] : -p.rowLower[i]
            var maximum = 0.0, size = 0.0
            for k in rows.range(ofRow: i) {
                let a = side * values[k], j = rows.columns[k]
                let extreme = a > 0 ? upper[j] : lower[j]
                guard extreme.isFinite else { maximum = .infinity; break }
                maximum += a * extreme
                size = max(size, abs(a * extreme), abs(a))
            }
            guard maximum.isFinite,
                  !rows.range(ofRow: i).contains(where: { problem.semicontinuousLower[rows.columns[$0]] != nil })
            else { continue }
            maximum += 1e-9 * max(1, size)
            var rowChanged = false
            for k in rows.range(ofRow: i) {
                let j = rows.columns[k], a = side * values[k]
                guard problem.isInteger[j], problem.semicontinuousLower[j] == nil,
                      lower[j].isFinite, upper[j].isFinite, lower[j] < upper[j], maximum > b
                else { continue }
                let margin = 1e-9 * max(1, abs(b), abs(a))
                if a > 0 && maximum - a < b - margin {
                    let d = b - (maximum - a)
                    values[k] = side * (a - d)
                    b -= d * upper[j]
                    maximum -= d * upper[j]
                    rowChanged = true
                } else if a < 0 && maximum + a < b - margin {
                    let d = b - maximum - a
                    values[k] = side * (a + d)
                    b += d * lower[j]
                    maximum += d * lower[j]
                    rowChanged = true
                }
            }
            guard rowChanged else { continue }
            changed = true
            if side > 0 { rowUpper[i] = b } else { rowLower[i] = -b }
            for k in rows.range(ofRow: i) { bounded[rows.columns[k]] = true }
        }
        guard changed else { return problem }
        var columns = [[(row: Int, value: Double)]](repeating: [], count: p.columnCount)
        for i in 0..<p.rowCount {
            for k in rows.range(ofRow: i) where abs(values[k]) > 1e-12 * max(1, abs(rows.values[k])) {
                columns[rows.columns[k]].append((i, values[k]))
            }
        }
        var matrix = SparseMatrix(rowCount: p.rowCount)
        for column in columns { matrix.appendColumn(column) }
        var result = problem
        result.program.matrix = matrix
        result.program.rowLower = rowLower
        result.program.rowUpper = rowUpper
        for j in 0..<p.columnCount where bounded[j] {
            result.program.columnLower[j] = max(p.columnLower[j], lower[j])
            result.program.columnUpper[j] = min(p.columnUpper[j], upper[j])
        }
        return result
    }

    /// Column bounds implied by the rows (see the type's step 1), or `nil` when they cross
    /// (the programme is infeasible).
    static func impliedBounds(_ problem: MixedIntegerProgram) -> (lower: [Double], upper: [Double])? {
        let p = problem.program
        var lower = p.columnLower, upper = p.columnUpper
        for j in 0..<p.columnCount where problem.isInteger[j] {
            if lower[j].isFinite { lower[j] = (lower[j] - 1e-9).rounded(.up) }
            if upper[j].isFinite { upper[j] = (upper[j] + 1e-9).rounded(.down) }
        }
        let rows = RowwiseMatrix(p.matrix)
        for _ in 0..<boundPasses {
            var moved = false
            for i in 0..<p.rowCount {
                let range = rows.range(ofRow: i)
                // Finite parts of the smallest and largest activity, and how many terms are
                // unbounded each way.
                var minimum = 0.0, maximum = 0.0, size = 0.0
                var minInfinite = 0, maxInfinite = 0
                for k in range {
                    let a = rows.values[k], j = rows.columns[k]
                    let low = a > 0 ? lower[j] : upper[j]
                    let high = a > 0 ? upper[j] : lower[j]
                    if low.isFinite { minimum += a * low; size = max(size, abs(a * low)) } else { minInfinite += 1 }
                    if high.isFinite { maximum += a * high; size = max(size, abs(a * high)) } else { maxInfinite += 1 }
                }
                for k in range {
                    let a = rows.values[k], j = rows.columns[k]
                    guard abs(a) >= 1e-9 else { continue }
                    let low = a > 0 ? lower[j] : upper[j]
                    let high = a > 0 ? upper[j] : lower[j]
                    // The rest's smallest and largest activity.
                    var restMinimum = -Double.infinity, restMaximum = Double.infinity
                    if minInfinite == 0 { restMinimum = minimum - a * low }
                    else if minInfinite == 1 && !low.isFinite { restMinimum = minimum }
                    if maxInfinite == 0 { restMaximum = maximum - a * high }
                    else if maxInfinite == 1 && !high.isFinite { restMaximum = maximum }
                    // a x_j <= rowUpper - restMinimum and a x_j >= rowLower - restMaximum.
                    var newLower = -Double.infinity, newUpper = Double.infinity
                    if p.rowUpper[i] < .infinity && restMinimum > -.infinity {
                        let limit = (p.rowUpper[i] - restMinimum) / a
                        if a > 0 { newUpper = limit } else { newLower = limit }
                    }
                    if p.rowLower[i] > -.infinity && restMaximum < .infinity {
                        let limit = (p.rowLower[i] - restMaximum) / a
                        if a > 0 { newLower = limit } else { newUpper = limit }
                    }
                    let slack = 1e-9 * max(1, size) / abs(a)
                    if newUpper < .infinity {
                        var u = newUpper + slack + 1e-7 * max(1, abs(newUpper))
                        if problem.isInteger[j] { u = (u + 1e-6).rounded(.down) }
                        if !upper[j].isFinite || u < upper[j] - 1e-6 * max(1, abs(upper[j])) {
                            upper[j] = u
                            moved = true
                        }
                    }
                    if newLower > -.infinity {
                        var l = newLower - slack - 1e-7 * max(1, abs(newLower))
                        if problem.isInteger[j] { l = (l - 1e-6).rounded(.up) }
                        if !lower[j].isFinite || l > lower[j] + 1e-6 * max(1, abs(lower[j])) {
                            lower[j] = l
                            moved = true
                        }
                    }
                    if lower[j] > upper[j] + 1e-6 * max(1, abs(upper[j])) { return nil }
                    // The row's activity ranges are recomputed in the next pass; within this
                    // one the earlier (looser) ones stay valid.
                }
            }
            if !moved { break }
        }
        return (lower, upper)
    }
}
