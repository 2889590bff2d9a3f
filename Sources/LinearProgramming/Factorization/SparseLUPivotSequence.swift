/// The factors as elimination produces them, one pivot after another.
///
/// Pivot `k` is at row `pivotRows[k]`, column `pivotColumns[k]`, with value
/// `pivotValues[k]`. Its column of L holds the multipliers of the rows it
/// eliminated (`lRows`, `lValues` from `lStarts[k]`), and its row of U the
/// pivot row's entries in columns pivoted later, by original column
/// (`uColumns`, `uValues` from `uStarts[k]`). The factorised matrix is
/// `L̃ Ũ` with `L̃[pivotRows[k], k] = 1`, `L̃[lRows[q], k] = lValues[q]`,
/// `Ũ[k, pivotColumns[k]] = pivotValues[k]` and `Ũ[k, uColumns[q]] = uValues[q]`.
struct SparseLUPivotSequence {
    private(set) var pivotRows: [Int] = []
    private(set) var pivotColumns: [Int] = []
    private(set) var pivotValues: [Double] = []
    private(set) var lStarts: [Int] = [0]
    private(set) var lRows: [Int] = []
    private(set) var lValues: [Double] = []
    private(set) var uStarts: [Int] = [0]
    private(set) var uColumns: [Int] = []
    private(set) var uValues: [Double] = []

    /// An empty sequence with room for `dimension` pivots.
    init(dimension: Int) {
        pivotRows.reserveCapacity(dimension)
        pivotColumns.reserveCapacity(dimension)
        pivotValues.reserveCapacity(dimension)
        lStarts.reserveCapacity(dimension + 1)
        uStarts.reserveCapacity(dimension + 1)
    }

    /// Number of pivots taken.
    var count: Int { pivotRows.count }

    /// Adds a multiplier to the L column of the pivot being recorded.
    @inline(__always)
    mutating func appendL(row: Int, multiplier: Double) {
        lRows.append(row)
        lValues.append(multiplier)
    }

    /// Adds an entry to the U row of the pivot being recorded.
    @inline(__always)
    mutating func appendU(column: Int, value: Double) {
        uColumns.append(column)
        uValues.append(value)
    }

    /// Closes the pivot being recorded, at `(row, column)` with `value`.
    mutating func finishPivot(row: Int, column: Int, value: Double) {
        pivotRows.append(row)
        pivotColumns.append(column)
        pivotValues.append(value)
        lStarts.append(lRows.count)
        uStarts.append(uColumns.count)
    }

    /// Completes a sequence that left `columns` unpivoted (and as many
    /// `rows`) as the factors of the matrix whose column `columns[q]` is the
    /// unit column of row `rows[q]`.
    ///
    /// Such a column is untouched by elimination while its row waits, so the
    /// earlier pivots stand; only their U entries in those columns go, and
    /// each unit column is pivoted last on its row with no L or U entries.
    mutating func appendUnitPivots(columns: [Int], rows: [Int]) {
        let replaced = Set(columns)
        var write = 0
        var read = 0
        for k in 0..<count {
            while read < uStarts[k + 1] {
                if !replaced.contains(uColumns[read]) {
                    uColumns[write] = uColumns[read]
                    uValues[write] = uValues[read]
                    write += 1
                }
                read += 1
            }
            uStarts[k + 1] = write
        }
        uColumns.removeLast(uColumns.count - write)
        uValues.removeLast(uValues.count - write)
        for (column, row) in zip(columns, rows) { finishPivot(row: row, column: column, value: 1) }
    }
}
