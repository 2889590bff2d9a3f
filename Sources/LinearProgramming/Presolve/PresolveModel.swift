/// The working copy of a linear programme that presolve reduces: minimisation form, rows and
/// columns stored both ways, and flags for what is still in the problem.
///
/// Removed rows and columns stay in the other direction's lists and are skipped when read;
/// an entry whose value is exactly zero (a coefficient that cancelled) is skipped likewise.
/// `rowSize` and `columnSize` count the live entries of each live row and column.
struct PresolveModel {
    /// Costs of the minimisation form (negated when the original maximises).
    var costs: [Double]
    var columnLower: [Double]
    var columnUpper: [Double]
    var rowLower: [Double]
    var rowUpper: [Double]
    /// The constant that removed columns and substitutions add to the (minimisation) objective.
    var objectiveOffset: Double

    /// Column-wise entries: each column's rows and values.
    private(set) var columns: PackedVectors
    /// Row-wise entries: each row's columns and values.
    private(set) var rows: PackedVectors

    var rowIsLive: [Bool]
    var columnIsLive: [Bool]
    var rowSize: [Int]
    var columnSize: [Int]

    /// The working copy of `program` in minimisation form.
    init(_ program: LinearProgram) {
        let sign: Double = program.sense == .maximize ? -1 : 1
        costs = program.costs.map { sign * $0 }
        columnLower = program.columnLower
        columnUpper = program.columnUpper
        rowLower = program.rowLower
        rowUpper = program.rowUpper
        objectiveOffset = sign * program.objectiveConstant
        let matrix = program.matrix
        let transpose = matrix.transposed()
        columns = PackedVectors(starts: matrix.columnStarts, indices: matrix.rowIndices, values: matrix.values)
        rows = PackedVectors(starts: transpose.columnStarts, indices: transpose.rowIndices, values: transpose.values)
        rowIsLive = [Bool](repeating: true, count: program.rowCount)
        columnIsLive = [Bool](repeating: true, count: program.columnCount)
        rowSize = rows.lengths
        columnSize = columns.lengths
    }

    var rowCount: Int { rowLower.count }
    var columnCount: Int { columnLower.count }

    /// The live entries `(column, value)` of live row `i`.
    func rowEntries(_ i: Int) -> [(index: Int, value: Double)] {
        var entries: [(index: Int, value: Double)] = []
        entries.reserveCapacity(rowSize[i])
        for k in rows.range(i) {
            let j = rows.indices[k], a = rows.values[k]
            if a != 0 && columnIsLive[j] { entries.append((j, a)) }
        }
        return entries
    }

    /// The live entries `(row, value)` of live column `j`.
    func columnEntries(_ j: Int) -> [(index: Int, value: Double)] {
        var entries: [(index: Int, value: Double)] = []
        entries.reserveCapacity(columnSize[j])
        for k in columns.range(j) {
            let i = columns.indices[k], a = columns.values[k]
            if a != 0 && rowIsLive[i] { entries.append((i, a)) }
        }
        return entries
    }

    /// Removes row `i` from the problem (its columns lose one entry each).
    mutating func removeRow(_ i: Int) {
        rowIsLive[i] = false
        for k in rows.range(i) {
            let j = rows.indices[k]
            if rows.values[k] != 0 && columnIsLive[j] { columnSize[j] -= 1 }
        }
    }

    /// Removes column `j` from the problem (its rows lose one entry each).
    mutating func removeColumn(_ j: Int) {
        columnIsLive[j] = false
        for k in columns.range(j) {
            let i = columns.indices[k]
            if columns.values[k] != 0 && rowIsLive[i] { rowSize[i] -= 1 }
        }
    }

    /// Adds `delta` to the coefficient of column `j` in row `i` (both live), creating the entry
    /// when there is none; a result below `PresolveTolerance.dropped` in magnitude is removed.
    mutating func addToCoefficient(row i: Int, column j: Int, _ delta: Double) {
        if let position = rows.position(of: j, in: i) {
            let old = rows.values[position]
            var new = old + delta
            if abs(new) <= PresolveTolerance.dropped * max(abs(old), abs(delta)) { new = 0 }
            rows.setValue(new, at: position)
            columns.setValue(new, at: columns.position(of: i, in: j)!)
            if old != 0 && new == 0 {
                rowSize[i] -= 1
                columnSize[j] -= 1
            } else if old == 0 && new != 0 {
                rowSize[i] += 1
                columnSize[j] += 1
            }
        } else if delta != 0 {
            rows.append(j, delta, to: i)
            columns.append(i, delta, to: j)
            rowSize[i] += 1
            columnSize[j] += 1
        }
    }

    /// The least and greatest activity of live row `i` over its live columns' bounds, leaving
    /// out column `skipping` (pass -1 to leave out none). Infinite when a bound is.
    func activityBounds(ofRow i: Int, skipping: Int = -1) -> (lower: Double, upper: Double) {
        var lower = 0.0, upper = 0.0
        for k in rows.range(i) {
            let j = rows.indices[k], a = rows.values[k]
            guard a != 0, j != skipping, columnIsLive[j] else { continue }
            if a > 0 {
                lower += a * columnLower[j]
                upper += a * columnUpper[j]
            } else {
                lower += a * columnUpper[j]
                upper += a * columnLower[j]
            }
        }
        // -inf + inf cannot arise: each sum only gathers one sign of infinity.
        return (lower, upper)
    }
}

/// The tolerances presolve decides with.
enum PresolveTolerance {
    /// Bounds within this (relative to `max(1, |bound|)`) of each other count as equal.
    static let primal = 1e-9
    /// A coefficient that cancels to below this fraction of the terms added is dropped.
    static let dropped = 1e-12
    /// A pivot in a substitution must be at least this fraction of the row's other coefficient.
    static let pivotRatio = 1e-2

    /// Bounds must cross by more than this (relative to `max(1, |bound|)`) before presolve
    /// calls the problem infeasible: a crossing smaller than this is within what the
    /// certificate checker tolerates (a relative 1e-6), so no Farkas ray could prove it, and
    /// the bounds are settled as equal instead, leaving any real infeasibility to be found,
    /// with a ray, further on.
    static let infeasible = 1e-5

    /// Whether `a` is above `b` by more than the primal tolerance (infinities compare as
    /// themselves: `+inf` exceeds every finite number and `-inf`, and nothing exceeds `+inf`).
    static func exceeds(_ a: Double, _ b: Double) -> Bool {
        exceeds(a, b, by: primal)
    }

    /// Whether `a` is above `b` by more than the `infeasible` tolerance: bounds that cross
    /// like this make the problem infeasible.
    static func crosses(_ a: Double, _ b: Double) -> Bool {
        exceeds(a, b, by: infeasible)
    }

    private static func exceeds(_ a: Double, _ b: Double, by tolerance: Double) -> Bool {
        if a == b || a == -.infinity || b == .infinity { return false }
        if a == .infinity || b == -.infinity { return true }
        return a - b > tolerance * max(1, abs(a), abs(b))
    }
}
