/// Gaussian elimination on the sparse active submatrix left after the
/// singletons are peeled, one Markowitz pivot at a time, appending to the
/// pivot sequence.
struct SparseLUElimination {
    /// Order of the matrix.
    let dimension: Int
    /// A pivot must satisfy |pivot| >= pivotThreshold × the largest magnitude in its column.
    let pivotThreshold: Double
    /// Entries of magnitude at or below this are never pivots; a column whose
    /// entries are all this small is numerically dependent.
    let absoluteTolerance: Double
    /// Columns or rows examined by one Markowitz search once a pivot is in hand.
    let searchLimit = 8
    /// Fraction of non-zero entries in the active submatrix from which dense
    /// elimination is cheaper than sparse.
    static let denseSwitchDensity = 0.3

    /// The rows and columns not yet pivoted.
    var active: SparseLUActiveSubmatrix
    /// Active columns by their number of active entries.
    var columnBuckets: SparseLUCountBuckets
    /// Active rows by their number of active entries.
    var rowBuckets: SparseLUCountBuckets
    /// For each row, the position of its multiplier in the pivot's L column, or -1.
    private var multiplierPosition: [Int]
    /// For each row, the last update (by number) that met it in the column updated.
    private var lastMet: [Int]
    /// Number of column updates made so far.
    private var updateNumber = 0
    /// The pivots taken so far, the singletons' first.
    var pivots: SparseLUPivotSequence

    /// Prepares to eliminate the rows and columns of `matrix` not pivoted in
    /// `pivots`, as marked in `rowPivoted` and `columnPivoted`.
    init(
        _ matrix: SparseLUCompressedMatrix, after pivots: SparseLUPivotSequence,
        rowPivoted: [Bool], columnPivoted: [Bool], pivotThreshold: Double, absoluteTolerance: Double
    ) {
        let n = matrix.dimension
        dimension = n
        self.pivotThreshold = pivotThreshold
        self.absoluteTolerance = absoluteTolerance
        self.pivots = pivots
        active = SparseLUActiveSubmatrix(matrix, rowPivoted: rowPivoted, columnPivoted: columnPivoted)
        columnBuckets = SparseLUCountBuckets(itemCount: n)
        rowBuckets = SparseLUCountBuckets(itemCount: n)
        multiplierPosition = [Int](repeating: -1, count: n)
        lastMet = [Int](repeating: 0, count: n)
        // Insert in reverse so that each bucket lists its items in ascending order.
        for j in stride(from: n - 1, through: 0, by: -1) where active.columnLength[j] > 0 {
            columnBuckets.insert(j, count: active.columnLength[j])
        }
        for i in stride(from: n - 1, through: 0, by: -1) where active.rowLength[i] > 0 {
            rowBuckets.insert(i, count: active.rowLength[i])
        }
    }

    /// Takes pivots until none is left: after this every column is either
    /// pivoted or numerically dependent. Once the active submatrix is dense
    /// enough, the rest is done by dense elimination.
    mutating func run() {
        while true {
            let cells = columnBuckets.memberCount * rowBuckets.memberCount
            if cells > 0 && Double(active.entryCount) >= Self.denseSwitchDensity * Double(cells) {
                eliminateDensely()
                return
            }
            guard let pivot = choosePivot() else { return }
            eliminate(row: pivot.row, column: pivot.column, pivot: pivot.value)
        }
    }

    /// Eliminates with the pivot `pivot` at `(r, c)`: records the L column
    /// and U row, removes row `r` and column `c`, and subtracts the rank-one
    /// update from the rest of the active submatrix.
    mutating func eliminate(row r: Int, column c: Int, pivot: Double) {
        columnBuckets.remove(c)
        rowBuckets.remove(r)

        let lBegin = pivots.lRows.count
        for k in active.entries(ofColumn: c) {
            let i = active.columnRows[k]
            guard i != r else { continue }
            pivots.appendL(row: i, multiplier: active.columnValues[k] / pivot)
            active.removeEntry(column: c, fromRow: i)
        }
        active.clearColumn(c)

        let uBegin = pivots.uColumns.count
        for k in active.entries(ofRow: r) {
            let j = active.rowColumns[k]
            guard j != c else { continue }
            pivots.appendU(column: j, value: active.removeEntry(row: r, fromColumn: j))
        }
        active.clearRow(r)

        let lEnd = pivots.lRows.count
        let uEnd = pivots.uColumns.count
        if lEnd > lBegin {
            for q in lBegin..<lEnd { multiplierPosition[pivots.lRows[q]] = q }
            for q in uBegin..<uEnd {
                updateColumn(pivots.uColumns[q], by: pivots.uValues[q], multipliers: lBegin..<lEnd)
            }
            for q in lBegin..<lEnd { multiplierPosition[pivots.lRows[q]] = -1 }
        }

        for q in lBegin..<lEnd { rebucketRow(pivots.lRows[q]) }
        for q in uBegin..<uEnd { rebucketColumn(pivots.uColumns[q]) }

        pivots.finishPivot(row: r, column: c, value: pivot)
    }

    /// Column `j` -= (L multipliers) × `u`, adding fill where a multiplier's
    /// row is not yet in column `j`. The multipliers' rows must be marked in
    /// `multiplierPosition`, so one pass over the column finds the updates.
    private mutating func updateColumn(_ j: Int, by u: Double, multipliers: Range<Int>) {
        updateNumber += 1
        for k in active.entries(ofColumn: j) {
            let i = active.columnRows[k]
            let q = multiplierPosition[i]
            guard q >= 0 else { continue }
            active.add(-pivots.lValues[q] * u, atColumnPosition: k)
            lastMet[i] = updateNumber
        }
        for q in multipliers where lastMet[pivots.lRows[q]] != updateNumber {
            active.insertFill(row: pivots.lRows[q], column: j, value: -pivots.lValues[q] * u)
        }
    }

    /// Puts row `i` in the bucket for its new length, or in none when it emptied.
    private mutating func rebucketRow(_ i: Int) {
        let length = active.rowLength[i]
        if length == 0 { rowBuckets.remove(i) } else { rowBuckets.move(i, toCount: length) }
    }

    /// Puts column `j` in the bucket for its new length, or in none when it emptied.
    private mutating func rebucketColumn(_ j: Int) {
        let length = active.columnLength[j]
        if length == 0 { columnBuckets.remove(j) } else { columnBuckets.move(j, toCount: length) }
    }

    /// Drops column `j`, all of whose entries are negligible, from the active
    /// submatrix: it will never be pivoted.
    mutating func discardDependentColumn(_ j: Int) {
        columnBuckets.remove(j)
        for k in active.entries(ofColumn: j) {
            let i = active.columnRows[k]
            active.removeEntry(column: j, fromRow: i)
            rebucketRow(i)
        }
        active.clearColumn(j)
    }
}
