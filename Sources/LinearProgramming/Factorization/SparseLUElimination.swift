/// Gaussian elimination on a sparse active submatrix, one pivot at a time,
/// recording the factors in the order the pivots were taken.
///
/// Pivot `k` is at row `pivotRows[k]`, column `pivotColumns[k]`. Its column
/// of L holds the multipliers of the rows it eliminated (`lRows`, `lValues`
/// from `lStarts[k]`), and its row of U the pivot row's other entries by
/// original column (`uColumns`, `uValues` from `uStarts[k]`), so that the
/// factorised matrix equals `L̃ Ũ` with `L̃[pivotRows[k], k] = 1` and
/// `Ũ[k, pivotColumns[k]] = pivotValues[k]`.
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

    var active: SparseLUActiveSubmatrix
    var columnBuckets: SparseLUCountBuckets
    var rowBuckets: SparseLUCountBuckets
    /// Pool position of each row's entry in the column being updated, or -1.
    private var positionInColumn: [Int]

    private(set) var pivotRows: [Int] = []
    private(set) var pivotColumns: [Int] = []
    private(set) var pivotValues: [Double] = []
    private(set) var lStarts: [Int] = [0]
    private(set) var lRows: [Int] = []
    private(set) var lValues: [Double] = []
    private(set) var uStarts: [Int] = [0]
    private(set) var uColumns: [Int] = []
    private(set) var uValues: [Double] = []

    /// Prepares to factor the given matrix (see `SparseLU.init` for the arguments).
    init(
        dimension n: Int, columnStarts: [Int], rowIndices: [Int], values: [Double],
        pivotThreshold: Double, absoluteTolerance: Double
    ) {
        dimension = n
        self.pivotThreshold = pivotThreshold
        self.absoluteTolerance = absoluteTolerance
        active = SparseLUActiveSubmatrix(
            dimension: n, columnStarts: columnStarts, rowIndices: rowIndices, values: values)
        columnBuckets = SparseLUCountBuckets(itemCount: n)
        rowBuckets = SparseLUCountBuckets(itemCount: n)
        positionInColumn = [Int](repeating: -1, count: n)
        // Insert in reverse so that each bucket lists its items in ascending order.
        for j in stride(from: n - 1, through: 0, by: -1) where active.columnLength[j] > 0 {
            columnBuckets.insert(j, count: active.columnLength[j])
        }
        for i in stride(from: n - 1, through: 0, by: -1) where active.rowLength[i] > 0 {
            rowBuckets.insert(i, count: active.rowLength[i])
        }
        pivotRows.reserveCapacity(n)
        pivotColumns.reserveCapacity(n)
        pivotValues.reserveCapacity(n)
        lStarts.reserveCapacity(n + 1)
        uStarts.reserveCapacity(n + 1)
    }

    /// Takes pivots until none is left: after this every column is either
    /// pivoted or numerically dependent.
    mutating func run() {
        while let pivot = choosePivot() {
            eliminate(row: pivot.row, column: pivot.column, pivot: pivot.value)
        }
    }

    /// Eliminates with the pivot `pivot` at `(r, c)`: records the L column
    /// and U row, removes row `r` and column `c`, and subtracts the rank-one
    /// update from the rest of the active submatrix.
    mutating func eliminate(row r: Int, column c: Int, pivot: Double) {
        columnBuckets.remove(c)
        rowBuckets.remove(r)

        let lBegin = lRows.count
        for k in active.entries(ofColumn: c) {
            let i = active.columnRows[k]
            guard i != r else { continue }
            lRows.append(i)
            lValues.append(active.columnValues[k] / pivot)
            active.removeEntry(column: c, fromRow: i)
        }
        active.clearColumn(c)

        let uBegin = uColumns.count
        for k in active.entries(ofRow: r) {
            let j = active.rowColumns[k]
            guard j != c else { continue }
            uColumns.append(j)
            uValues.append(active.removeEntry(row: r, fromColumn: j))
        }
        active.clearRow(r)

        if lRows.count > lBegin {
            for q in uBegin..<uColumns.count {
                updateColumn(uColumns[q], by: uValues[q], multipliers: lBegin..<lRows.count)
            }
        }

        for q in lBegin..<lRows.count { rebucketRow(lRows[q]) }
        for q in uBegin..<uColumns.count { rebucketColumn(uColumns[q]) }

        pivotRows.append(r)
        pivotColumns.append(c)
        pivotValues.append(pivot)
        lStarts.append(lRows.count)
        uStarts.append(uColumns.count)
    }

    /// Column `j` -= (L multipliers) × `u`, adding fill where a multiplier's row is not yet in column `j`.
    private mutating func updateColumn(_ j: Int, by u: Double, multipliers: Range<Int>) {
        for k in active.entries(ofColumn: j) { positionInColumn[active.columnRows[k]] = k }
        for q in multipliers {
            let k = positionInColumn[lRows[q]]
            if k >= 0 { active.add(-lValues[q] * u, atColumnPosition: k) }
        }
        // Fill moves the column's storage, so stored positions are forgotten first.
        for k in active.entries(ofColumn: j) { positionInColumn[active.columnRows[k]] = -2 }
        for q in multipliers where positionInColumn[lRows[q]] == -1 {
            active.insertFill(row: lRows[q], column: j, value: -lValues[q] * u)
        }
        for k in active.entries(ofColumn: j) { positionInColumn[active.columnRows[k]] = -1 }
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
