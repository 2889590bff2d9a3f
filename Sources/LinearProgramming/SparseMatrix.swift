/// A sparse matrix in compressed sparse column (CSC) form.
///
/// Column `j` holds the entries `rowIndices[k], values[k]` for
/// `k in columnStarts[j] ..< columnStarts[j + 1]`, with row indices strictly
/// increasing within a column and no stored zeros.
public struct SparseMatrix: Sendable, Equatable {
    /// Number of rows.
    public var rowCount: Int
    /// Start of each column in `rowIndices`/`values`; `columnCount + 1` entries.
    public private(set) var columnStarts: [Int]
    /// Row index of each stored entry.
    public private(set) var rowIndices: [Int]
    /// Value of each stored entry.
    public private(set) var values: [Double]

    /// An empty matrix with `rowCount` rows and no columns.
    public init(rowCount: Int) {
        self.rowCount = rowCount
        self.columnStarts = [0]
        self.rowIndices = []
        self.values = []
    }

    /// Number of columns.
    public var columnCount: Int { columnStarts.count - 1 }
    /// Number of stored (non-zero) entries.
    public var nonzeroCount: Int { values.count }

    /// The index range of column `j` in `rowIndices`/`values`.
    @inlinable
    public func range(ofColumn j: Int) -> Range<Int> { columnStarts[j]..<columnStarts[j + 1] }

    /// Appends a column from `(row, value)` pairs in any order: zeros are
    /// dropped and repeated rows are summed. Rows must be in `0..<rowCount`.
    public mutating func appendColumn(_ entries: [(row: Int, value: Double)]) {
        let sorted = entries.sorted { $0.row < $1.row }
        var lastRow = -1
        for (row, value) in sorted {
            precondition(row >= 0 && row < rowCount, "row index \(row) out of range 0..<\(rowCount)")
            if row == lastRow {
                values[values.count - 1] += value
            } else {
                rowIndices.append(row)
                values.append(value)
                lastRow = row
            }
        }
        // Drop entries that are (or summed to) exactly zero.
        var write = columnStarts[columnStarts.count - 1]
        for read in write..<values.count where values[read] != 0 {
            rowIndices[write] = rowIndices[read]
            values[write] = values[read]
            write += 1
        }
        rowIndices.removeLast(rowIndices.count - write)
        values.removeLast(values.count - write)
        columnStarts.append(write)
    }

    /// The value at `(row, column)` (zero when not stored).
    public func value(row: Int, column: Int) -> Double {
        for k in range(ofColumn: column) where rowIndices[k] == row { return values[k] }
        return 0
    }

    /// `A x`.
    public func multiply(_ x: [Double]) -> [Double] {
        var result = [Double](repeating: 0, count: rowCount)
        for j in 0..<columnCount where x[j] != 0 {
            let xj = x[j]
            for k in range(ofColumn: j) { result[rowIndices[k]] += values[k] * xj }
        }
        return result
    }

    /// `A' y`.
    public func transposeMultiply(_ y: [Double]) -> [Double] {
        var result = [Double](repeating: 0, count: columnCount)
        for j in 0..<columnCount {
            var sum = 0.0
            for k in range(ofColumn: j) { sum += values[k] * y[rowIndices[k]] }
            result[j] = sum
        }
        return result
    }

    /// The same matrix stored row-wise: the CSC form of the transpose.
    public func transposed() -> SparseMatrix {
        var counts = [Int](repeating: 0, count: rowCount + 1)
        for r in rowIndices { counts[r + 1] += 1 }
        for i in 0..<rowCount { counts[i + 1] += counts[i] }
        var next = counts
        var t = SparseMatrix(rowCount: columnCount)
        t.columnStarts = counts
        t.rowIndices = [Int](repeating: 0, count: nonzeroCount)
        t.values = [Double](repeating: 0, count: nonzeroCount)
        for j in 0..<columnCount {
            for k in range(ofColumn: j) {
                let r = rowIndices[k]
                t.rowIndices[next[r]] = j
                t.values[next[r]] = values[k]
                next[r] += 1
            }
        }
        return t
    }
}
