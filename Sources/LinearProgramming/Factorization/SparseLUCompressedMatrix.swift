/// The matrix to factor, cleaned up (repeated entries summed, zeros
/// dropped) and held both by columns and by rows, with values in both.
struct SparseLUCompressedMatrix {
    /// Order of the matrix.
    let dimension: Int
    /// Column `j`'s entries are at `columnStarts[j] ..< columnStarts[j + 1]`.
    private(set) var columnStarts: [Int]
    /// Row index of each column-wise entry.
    private(set) var columnRows: [Int]
    /// Value of each column-wise entry.
    private(set) var columnValues: [Double]
    /// Row `i`'s entries are at `rowStarts[i] ..< rowStarts[i + 1]`.
    private(set) var rowStarts: [Int]
    /// Column index of each row-wise entry.
    private(set) var rowColumns: [Int]
    /// Value of each row-wise entry.
    private(set) var rowValues: [Double]

    /// Loads the `dimension × dimension` matrix given in compressed sparse
    /// column form, summing entries repeated within a column and dropping
    /// entries that are (or sum to) exactly zero.
    init(dimension n: Int, columnStarts starts: [Int], rowIndices: [Int], values: [Double]) {
        dimension = n
        columnStarts = [Int](repeating: 0, count: n + 1)
        columnRows = []
        columnValues = []
        columnRows.reserveCapacity(rowIndices.count)
        columnValues.reserveCapacity(rowIndices.count)
        var positionInColumn = [Int](repeating: -1, count: n)
        for j in 0..<n {
            let start = columnRows.count
            for k in starts[j]..<starts[j + 1] {
                let i = rowIndices[k]
                if positionInColumn[i] >= 0 {
                    columnValues[positionInColumn[i]] += values[k]
                } else {
                    positionInColumn[i] = columnRows.count
                    columnRows.append(i)
                    columnValues.append(values[k])
                }
            }
            var write = start
            for read in start..<columnRows.count {
                positionInColumn[columnRows[read]] = -1
                if columnValues[read] != 0 {
                    columnRows[write] = columnRows[read]
                    columnValues[write] = columnValues[read]
                    write += 1
                }
            }
            columnRows.removeLast(columnRows.count - write)
            columnValues.removeLast(columnValues.count - write)
            columnStarts[j + 1] = write
        }

        rowStarts = [Int](repeating: 0, count: n + 1)
        for i in columnRows { rowStarts[i + 1] += 1 }
        for i in 0..<n { rowStarts[i + 1] += rowStarts[i] }
        rowColumns = [Int](repeating: 0, count: columnRows.count)
        rowValues = [Double](repeating: 0, count: columnRows.count)
        var next = rowStarts
        for j in 0..<n {
            for k in columnStarts[j]..<columnStarts[j + 1] {
                let i = columnRows[k]
                rowColumns[next[i]] = j
                rowValues[next[i]] = columnValues[k]
                next[i] += 1
            }
        }
    }

    /// Positions of column `j`'s entries in `columnRows`/`columnValues`.
    @inline(__always)
    func entries(ofColumn j: Int) -> Range<Int> { columnStarts[j]..<columnStarts[j + 1] }

    /// Positions of row `i`'s entries in `rowColumns`/`rowValues`.
    @inline(__always)
    func entries(ofRow i: Int) -> Range<Int> { rowStarts[i]..<rowStarts[i + 1] }
}
