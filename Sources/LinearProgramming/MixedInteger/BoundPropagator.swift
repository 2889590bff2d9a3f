/// Activity-based bound propagation on the rows of a mixed-integer programme (HiGHS's
/// `HighsDomain` row propagation, SCIP's linear constraint propagation), used at every node of
/// `BranchAndBound` before its LP is solved.
///
/// For a row `L <= a'x <= U` and column bounds `l <= x <= u`, the row's least activity is
/// `sum_j min(a_j l_j, a_j u_j)`; with the least activity of the other columns, `U` bounds
/// `a_j x_j` above, and likewise the greatest activity with `L` below. Only integer columns
/// are tightened (a bound is rounded inwards after a slack of `1e-6` plus the row's rounding
/// error), so no continuous bound of the node LP changes; a row whose least activity exceeds
/// `U` (or greatest falls short of `L`) by more than `1e-6 * max(1, |U|)` plus its rounding
/// error proves the node empty. Semi-continuous columns keep their bounds (their relaxation
/// bounds still enter the activities).
///
/// The objective is one more row, `c'x <= limit` in minimisation form, when a search passes
/// the limit its incumbent sets (HiGHS's objective propagation): a better point must respect it.
public struct BoundPropagator: Sendable {
    /// The programme's rows, row-wise (a column of `rows` is a row of the programme).
    private let rows: SparseMatrix
    private let columns: SparseMatrix
    private let rowLower: [Double]
    private let rowUpper: [Double]
    /// Whether propagation may tighten each column.
    private let tightens: [Bool]
    /// Most row visits in one propagation, as a multiple of the row count.
    static let visitsPerRow = 4
    /// An infinite bound is not replaced by a finite one larger than this in magnitude.
    static let largestNewBound = 1e9

    /// Whether each column has a nonzero cost (so the objective row holds it).
    private let costed: [Bool]

    /// A propagator over `problem`'s rows and its objective in minimisation form (the costs
    /// negated when maximising; the constant left out).
    public init(_ problem: MixedIntegerProgram) {
        let program = problem.program
        columns = program.matrix
        var rows = program.matrix.transposed()
        let sign = program.sense == .maximize ? -1.0 : 1.0
        rows.appendColumn(program.costs.indices.filter { program.costs[$0] != 0 }.map { (row: $0, value: sign * program.costs[$0]) })
        self.rows = rows
        costed = program.costs.map { $0 != 0 }
        rowLower = program.rowLower + [-.infinity]
        rowUpper = program.rowUpper + [.infinity]
        tightens = program.columnLower.indices.map {
            problem.isInteger[$0] && problem.semicontinuousLower[$0] == nil
        }
    }

    /// Tightens `lower` and `upper` from the rows holding the columns `changed` (and, as
    /// columns tighten, their rows in turn), at most `visitsPerRow` row visits a row on
    /// average; with a finite `objectiveLimit`, the objective row `c'x <= objectiveLimit`
    /// (minimisation form, without the constant) is propagated first. Returns the columns
    /// tightened (each once), or `nil` when a row proves the bounds hold no point.
    public func propagate(
        lower: inout [Double], upper: inout [Double], from changed: [Int], objectiveLimit: Double = .infinity
    ) -> [Int]? {
        let objectiveRow = rowUpper.count - 1
        let usesObjective = objectiveLimit < .infinity
        var queued = [Bool](repeating: false, count: rowUpper.count)
        var queue: [Int] = []
        if usesObjective { queued[objectiveRow] = true; queue.append(objectiveRow) }
        func enqueueRows(of j: Int) {
            for k in columns.range(ofColumn: j) {
                let i = columns.rowIndices[k]
                if !queued[i] { queued[i] = true; queue.append(i) }
            }
            if usesObjective && costed[j] && !queued[objectiveRow] { queued[objectiveRow] = true; queue.append(objectiveRow) }
        }
        for j in changed { enqueueRows(of: j) }
        var tightened: [Int] = []
        var isTightened = [Bool](repeating: false, count: lower.count)
        var head = 0
        let budget = Self.visitsPerRow * rowUpper.count
        while head < queue.count && head < budget {
            let i = queue[head]
            head += 1
            queued[i] = false
            let limit = i == objectiveRow ? objectiveLimit : rowUpper[i]
            guard let moved = propagateRow(i, upper: limit, lower: &lower, upper: &upper) else { return nil }
            for j in moved {
                if !isTightened[j] { isTightened[j] = true; tightened.append(j) }
                enqueueRows(of: j)
            }
        }
        return tightened
    }

    /// Propagates row `i` with upper side `U`; returns the columns it tightened, `nil` when
    /// it proves the bounds empty.
    private func propagateRow(_ i: Int, upper U: Double, lower: inout [Double], upper: inout [Double]) -> [Int]? {
        let range = rows.range(ofColumn: i)
        var minimum = 0.0, maximum = 0.0
        var minimumInfinite = 0, maximumInfinite = 0
        var magnitude = 1.0
        for k in range {
            let a = rows.values[k], j = rows.rowIndices[k]
            let low = a > 0 ? a * lower[j] : a * upper[j]
            let high = a > 0 ? a * upper[j] : a * lower[j]
            if low.isFinite { minimum += low; magnitude = max(magnitude, abs(low)) } else { minimumInfinite += 1 }
            if high.isFinite { maximum += high; magnitude = max(magnitude, abs(high)) } else { maximumInfinite += 1 }
        }
        let L = rowLower[i]
        let error = 1e-9 * magnitude * Double(range.count)
        if minimumInfinite == 0 && U < .infinity && minimum > U + 1e-6 * max(1, abs(U)) + error { return nil }
        if maximumInfinite == 0 && L > -.infinity && maximum < L - 1e-6 * max(1, abs(L)) - error { return nil }
        let upperUseful = U < .infinity && minimumInfinite <= 1
        let lowerUseful = L > -.infinity && maximumInfinite <= 1
        guard upperUseful || lowerUseful else { return [] }
        var moved: [Int] = []
        for k in range {
            let j = rows.rowIndices[k]
            guard tightens[j] else { continue }
            let a = rows.values[k]
            let slack = 1e-6 + error / abs(a)
            var newLower = lower[j], newUpper = upper[j]
            if upperUseful {
                let low = a > 0 ? a * lower[j] : a * upper[j]
                let others: Double? = low.isFinite
                    ? (minimumInfinite == 0 ? minimum - low : nil)
                    : minimum
                if let others {
                    let limit = (U - others) / a
                    if a > 0 { newUpper = min(newUpper, (limit + slack).rounded(.down)) }
                    else { newLower = max(newLower, (limit - slack).rounded(.up)) }
                }
            }
            if lowerUseful {
                let high = a > 0 ? a * upper[j] : a * lower[j]
                let others: Double? = high.isFinite
                    ? (maximumInfinite == 0 ? maximum - high : nil)
                    : maximum
                if let others {
                    let limit = (L - others) / a
                    if a > 0 { newLower = max(newLower, (limit - slack).rounded(.up)) }
                    else { newUpper = min(newUpper, (limit + slack).rounded(.down)) }
                }
            }
            if !lower[j].isFinite && abs(newLower) > Self.largestNewBound { newLower = lower[j] }
            if !upper[j].isFinite && abs(newUpper) > Self.largestNewBound { newUpper = upper[j] }
            guard newLower > lower[j] || newUpper < upper[j] else { continue }
            if newLower > newUpper { return nil }
            lower[j] = newLower
            upper[j] = newUpper
            moved.append(j)
        }
        return moved
    }
}
