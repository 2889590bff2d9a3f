/// A sparse LU factorisation of a square matrix, for the simplex basis.
///
/// The factors are found by Markowitz ordering with threshold partial
/// pivoting: singleton columns and rows (most of a simplex basis: slacks and
/// the triangular part) are pivoted first at no cost, then each further pivot
/// is the entry of least fill-in estimate `(r - 1)(c - 1)` among those at
/// least `pivotThreshold` times the largest magnitude in their column.
///
/// L is kept by columns and by rows and U by rows and by columns, so both
/// `solve` (FTRAN) and `solveTransposed` (BTRAN) skip every column of a
/// factor whose multiplier is zero: sparse right-hand sides cost little.
public struct SparseLU: Sendable {
    /// The matrix could not be factorised: some columns are (numerically)
    /// linearly dependent on the others.
    public struct Singular: Error {
        /// Positions (in `0..<dimension`, ascending) of the columns that could
        /// not be pivoted. Replacing each by a unit column `e_i` for one of
        /// `unpivotedRows` gives a matrix that can be.
        public var dependentColumns: [Int]
        /// Rows (ascending) left without a pivot; as many as `dependentColumns`.
        public var unpivotedRows: [Int]
    }

    /// Entries whose magnitude is at or below this are never pivots; a column
    /// whose remaining entries are all this small counts as dependent.
    public static let absolutePivotTolerance = 1e-11

    /// Order of the matrix.
    public let dimension: Int
    /// Pivot `k` is at this row of the matrix.
    let pivotRows: [Int]
    /// Pivot `k` is at this column of the matrix.
    let pivotColumns: [Int]
    /// The value of pivot `k` (the diagonal of U).
    let pivotValues: [Double]
    /// L by columns: multipliers of pivot `k` are `lValues[lStarts[k]..<lStarts[k+1]]`
    /// at rows `lRows[...]`.
    let lStarts: [Int], lRows: [Int], lValues: [Double]
    /// L by rows: entries of the row pivoted at step `k`, by the pivot row of their column.
    let lRowStarts: [Int], lRowPivotRows: [Int], lRowValues: [Double]
    /// U by rows without the diagonal: row `k` holds `uValues[uStarts[k]..<uStarts[k+1]]`
    /// at original columns `uColumns[...]`.
    let uStarts: [Int], uColumns: [Int], uValues: [Double]
    /// U by columns without the diagonal: the column pivoted at step `k`, by
    /// the pivot row of each entry's step.
    let uColumnStarts: [Int], uColumnPivotRows: [Int], uColumnValues: [Double]

    /// Factors the `dimension × dimension` matrix given column-wise.
    ///
    /// Column `j` holds `values[k]` at row `rowIndices[k]` for `k` in
    /// `columnStarts[j] ..< columnStarts[j + 1]`; `columnStarts` has
    /// `dimension + 1` entries starting at 0. Rows may come in any order;
    /// a row repeated within a column has its values summed.
    ///
    /// - Parameter pivotThreshold: a pivot must have magnitude at least this
    ///   times the largest in its column, 0 to 1 (clamped; NaN means 0.1).
    ///   Larger is more stable, smaller keeps the factors sparser.
    /// - Throws: `Singular` with the columns that could not be pivoted.
    /// - Precondition: the arrays describe a valid column-wise matrix.
    public init(
        dimension: Int, columnStarts: [Int], rowIndices: [Int], values: [Double],
        pivotThreshold: Double = 0.1
    ) throws(Singular) {
        precondition(dimension >= 0, "negative dimension \(dimension)")
        precondition(columnStarts.count == dimension + 1, "columnStarts needs dimension + 1 entries")
        precondition(columnStarts[0] == 0 && rowIndices.count == columnStarts[dimension] && values.count == rowIndices.count,
                     "columnStarts, rowIndices and values disagree")
        for j in 0..<dimension { precondition(columnStarts[j] <= columnStarts[j + 1], "columnStarts decreases at \(j)") }
        for i in rowIndices { precondition(i >= 0 && i < dimension, "row index \(i) outside 0..<\(dimension)") }

        let threshold = pivotThreshold.isNaN ? 0.1 : min(max(pivotThreshold, 0), 1)
        let matrix = SparseLUCompressedMatrix(
            dimension: dimension, columnStarts: columnStarts, rowIndices: rowIndices, values: values)
        var singletons = SparseLUPivotSequence(dimension: dimension)
        var rowPivoted = [Bool](repeating: false, count: dimension)
        var columnPivoted = [Bool](repeating: false, count: dimension)
        SparseLUSingletons.peel(
            matrix, tolerance: Self.absolutePivotTolerance, into: &singletons,
            rowPivoted: &rowPivoted, columnPivoted: &columnPivoted)
        var elimination = SparseLUElimination(
            matrix, after: singletons, rowPivoted: rowPivoted, columnPivoted: columnPivoted,
            pivotThreshold: threshold, absoluteTolerance: Self.absolutePivotTolerance)
        elimination.run()
        let pivots = elimination.pivots

        guard pivots.count == dimension else {
            for c in pivots.pivotColumns { columnPivoted[c] = true }
            for r in pivots.pivotRows { rowPivoted[r] = true }
            throw Singular(
                dependentColumns: (0..<dimension).filter { !columnPivoted[$0] },
                unpivotedRows: (0..<dimension).filter { !rowPivoted[$0] })
        }

        self.dimension = dimension
        pivotRows = pivots.pivotRows
        pivotColumns = pivots.pivotColumns
        pivotValues = pivots.pivotValues
        lStarts = pivots.lStarts
        lRows = pivots.lRows
        lValues = pivots.lValues
        uStarts = pivots.uStarts
        uColumns = pivots.uColumns
        uValues = pivots.uValues

        var stepOfRow = [Int](repeating: 0, count: dimension)
        var stepOfColumn = [Int](repeating: 0, count: dimension)
        for k in 0..<dimension {
            stepOfRow[pivotRows[k]] = k
            stepOfColumn[pivotColumns[k]] = k
        }
        (lRowStarts, lRowPivotRows, lRowValues) = Self.transpose(
            starts: lStarts, indices: lRows, values: lValues, pivotIndex: pivotRows,
            stepOfIndex: stepOfRow)
        (uColumnStarts, uColumnPivotRows, uColumnValues) = Self.transpose(
            starts: uStarts, indices: uColumns, values: uValues, pivotIndex: pivotRows,
            stepOfIndex: stepOfColumn)
    }

    /// Regroups a factor stored by steps (entry `q` of step `k` at index
    /// `indices[q]`) by the step of each entry's index, labelling each moved
    /// entry with `pivotIndex[k]` of the step it came from.
    private static func transpose(
        starts: [Int], indices: [Int], values: [Double], pivotIndex: [Int], stepOfIndex: [Int]
    ) -> (starts: [Int], labels: [Int], values: [Double]) {
        let n = stepOfIndex.count
        var newStarts = [Int](repeating: 0, count: n + 1)
        for index in indices { newStarts[stepOfIndex[index] + 1] += 1 }
        for k in 0..<n { newStarts[k + 1] += newStarts[k] }
        var next = newStarts
        var labels = [Int](repeating: 0, count: indices.count)
        var newValues = [Double](repeating: 0, count: indices.count)
        for k in 0..<n {
            for q in starts[k]..<starts[k + 1] {
                let target = stepOfIndex[indices[q]]
                labels[next[target]] = pivotIndex[k]
                newValues[next[target]] = values[q]
                next[target] += 1
            }
        }
        return (newStarts, labels, newValues)
    }

    /// Number of stored entries of L (below its unit diagonal) and of U
    /// (including its diagonal): a measure of the fill-in.
    public var nonzeroCount: Int { lRows.count + uColumns.count + dimension }
}
