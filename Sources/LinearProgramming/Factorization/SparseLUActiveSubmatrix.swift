/// The part of the matrix that a sparse LU factorisation has not yet
/// eliminated, kept both by columns (row indices and values) and by rows
/// (column indices only), so that a pivot can reach its row and its column
/// in time proportional to their lengths.
///
/// Every row and column owns a segment of a shared pool. Removing an entry
/// swaps it with the last one of its segment; adding fill to a full segment
/// moves the segment to the end of the pool with room to grow, so the pool
/// never needs compacting and grows by at most a constant factor of the fill.
struct SparseLUActiveSubmatrix {
    /// Start of column `j`'s segment in `columnRows`/`columnValues`.
    private(set) var columnStart: [Int]
    /// Number of active entries in column `j`.
    private(set) var columnLength: [Int]
    /// Room reserved for column `j`'s segment.
    private var columnCapacity: [Int]
    /// Row index of each column-wise entry.
    private(set) var columnRows: [Int]
    /// Value of each column-wise entry.
    private(set) var columnValues: [Double]

    /// Start of row `i`'s segment in `rowColumns`.
    private(set) var rowStart: [Int]
    /// Number of active entries in row `i`.
    private(set) var rowLength: [Int]
    /// Room reserved for row `i`'s segment.
    private var rowCapacity: [Int]
    /// Column index of each row-wise entry.
    private(set) var rowColumns: [Int]
    /// Number of active entries.
    private(set) var entryCount: Int

    /// Loads the entries of `matrix` whose row and column are both unpivoted.
    init(_ matrix: SparseLUCompressedMatrix, rowPivoted: [Bool], columnPivoted: [Bool]) {
        let n = matrix.dimension
        columnStart = [Int](repeating: 0, count: n)
        columnLength = [Int](repeating: 0, count: n)
        columnRows = []
        columnValues = []
        rowLength = [Int](repeating: 0, count: n)
        for j in 0..<n where !columnPivoted[j] {
            columnStart[j] = columnRows.count
            for k in matrix.entries(ofColumn: j) where !rowPivoted[matrix.columnRows[k]] {
                columnRows.append(matrix.columnRows[k])
                columnValues.append(matrix.columnValues[k])
                rowLength[matrix.columnRows[k]] += 1
            }
            columnLength[j] = columnRows.count - columnStart[j]
        }
        columnCapacity = columnLength
        entryCount = columnRows.count

        rowStart = [Int](repeating: 0, count: n)
        var next = 0
        for i in 0..<n {
            rowStart[i] = next
            next += rowLength[i]
        }
        rowCapacity = rowLength
        rowColumns = [Int](repeating: 0, count: next)
        var fill = rowStart
        for j in 0..<n {
            for k in entries(ofColumn: j) {
                let i = columnRows[k]
                rowColumns[fill[i]] = j
                fill[i] += 1
            }
        }
    }

    /// The pool positions of column `j`'s active entries.
    @inline(__always)
    func entries(ofColumn j: Int) -> Range<Int> { columnStart[j]..<(columnStart[j] + columnLength[j]) }

    /// The pool positions of row `i`'s active entries.
    @inline(__always)
    func entries(ofRow i: Int) -> Range<Int> { rowStart[i]..<(rowStart[i] + rowLength[i]) }

    /// The largest magnitude in column `j` (zero for an empty column; NaN
    /// entries are ignored).
    func largestMagnitude(inColumn j: Int) -> Double {
        var largest = 0.0
        for k in entries(ofColumn: j) where abs(columnValues[k]) > largest { largest = abs(columnValues[k]) }
        return largest
    }

    /// The value at row `i` of column `j` (zero when not stored) together
    /// with the largest magnitude in column `j`, in one pass over the column.
    func value(row i: Int, column j: Int) -> (value: Double, columnLargest: Double) {
        var value = 0.0
        var largest = 0.0
        for k in entries(ofColumn: j) {
            if columnRows[k] == i { value = columnValues[k] }
            if abs(columnValues[k]) > largest { largest = abs(columnValues[k]) }
        }
        return (value, largest)
    }

    /// Adds `delta` to the entry stored at pool position `k` of the column pool.
    @inline(__always)
    mutating func add(_ delta: Double, atColumnPosition k: Int) { columnValues[k] += delta }

    /// Removes row `i`'s entry from column `j` and returns its value (zero
    /// when the column holds no such entry).
    @discardableResult
    mutating func removeEntry(row i: Int, fromColumn j: Int) -> Double {
        let start = columnStart[j]
        let last = start + columnLength[j] - 1
        var k = start
        while k <= last {
            if columnRows[k] == i {
                let value = columnValues[k]
                columnRows[k] = columnRows[last]
                columnValues[k] = columnValues[last]
                columnLength[j] -= 1
                entryCount -= 1
                return value
            }
            k += 1
        }
        return 0
    }

    /// Removes column `j` from row `i`'s pattern (nothing when absent).
    mutating func removeEntry(column j: Int, fromRow i: Int) {
        let start = rowStart[i]
        let last = start + rowLength[i] - 1
        var k = start
        while k <= last {
            if rowColumns[k] == j {
                rowColumns[k] = rowColumns[last]
                rowLength[i] -= 1
                return
            }
            k += 1
        }
    }

    /// Forgets every entry of column `j` (its rows are not touched).
    mutating func clearColumn(_ j: Int) {
        entryCount -= columnLength[j]
        columnLength[j] = 0
    }

    /// Forgets every entry of row `i` (its columns are not touched).
    mutating func clearRow(_ i: Int) { rowLength[i] = 0 }

    /// Adds a new entry `value` at `(i, j)`, which must not already be stored,
    /// to both the column and the row structure.
    mutating func insertFill(row i: Int, column j: Int, value: Double) {
        if columnLength[j] == columnCapacity[j] { relocateColumn(j) }
        let k = columnStart[j] + columnLength[j]
        columnRows[k] = i
        columnValues[k] = value
        columnLength[j] += 1
        entryCount += 1

        if rowLength[i] == rowCapacity[i] { relocateRow(i) }
        rowColumns[rowStart[i] + rowLength[i]] = j
        rowLength[i] += 1
    }

    /// Moves column `j` to the end of the pool with room for as many entries again.
    private mutating func relocateColumn(_ j: Int) {
        let length = columnLength[j]
        let capacity = 2 * length + 4
        let oldStart = columnStart[j]
        if oldStart + columnCapacity[j] == columnRows.count {
            // Already last in the pool: grow in place.
            let extra = capacity - columnCapacity[j]
            columnRows.append(contentsOf: repeatElement(0, count: extra))
            columnValues.append(contentsOf: repeatElement(0, count: extra))
        } else {
            let newStart = columnRows.count
            columnRows.append(contentsOf: repeatElement(0, count: capacity))
            columnValues.append(contentsOf: repeatElement(0, count: capacity))
            for offset in 0..<length {
                columnRows[newStart + offset] = columnRows[oldStart + offset]
                columnValues[newStart + offset] = columnValues[oldStart + offset]
            }
            columnStart[j] = newStart
        }
        columnCapacity[j] = capacity
    }

    /// Moves row `i` to the end of the pool with room for as many entries again.
    private mutating func relocateRow(_ i: Int) {
        let length = rowLength[i]
        let capacity = 2 * length + 4
        let oldStart = rowStart[i]
        if oldStart + rowCapacity[i] == rowColumns.count {
            rowColumns.append(contentsOf: repeatElement(0, count: capacity - rowCapacity[i]))
        } else {
            let newStart = rowColumns.count
            rowColumns.append(contentsOf: repeatElement(0, count: capacity))
            for offset in 0..<length { rowColumns[newStart + offset] = rowColumns[oldStart + offset] }
            rowStart[i] = newStart
        }
        rowCapacity[i] = capacity
    }
}
