/// A sparse LU factorisation of a square matrix, for the simplex basis.
///
/// The factors are found by Markowitz ordering with threshold partial
/// pivoting: singleton columns and rows (most of a simplex basis: slacks and
/// the triangular part) are pivoted first at no cost, then each further pivot
/// is the entry of least fill-in estimate `(r - 1)(c - 1)` among those at
/// least `pivotThreshold` times the largest magnitude in their column, found
/// by searching the shortest columns and rows first. Once what is left is
/// 30% full it is finished by dense elimination with partial pivoting.
///
/// L is kept by columns and by rows and U by rows and by columns, so both
/// `solve` (FTRAN) and `solveTransposed` (BTRAN) skip every column of a
/// factor whose multiplier is zero: sparse right-hand sides cost little.
public struct SparseLU: Sendable {
    /// The matrix could not be factorised: some columns are (numerically)
    /// linearly dependent on the others.
    public struct Singular: Error, Equatable {
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
    /// The value of pivot `k`: the diagonal of U.
    let pivotValues: [Double]
    /// L below its unit diagonal, by columns: step `k` holds the multipliers
    /// of the rows pivot `k` eliminated, at those rows' steps.
    let lowerByColumns: SparseLUStepFactor
    /// L below its unit diagonal, by rows.
    let lowerByRows: SparseLUStepFactor
    /// U above its diagonal, by rows: step `k` holds pivot `k`'s row, at the
    /// steps of its columns.
    let upperByRows: SparseLUStepFactor
    /// U above its diagonal, by columns.
    let upperByColumns: SparseLUStepFactor

    /// Factors the `dimension × dimension` matrix given column-wise.
    ///
    /// Column `j` holds `values[k]` at row `rowIndices[k]` for `k` in
    /// `columnStarts[j] ..< columnStarts[j + 1]`; `columnStarts` has
    /// `dimension + 1` entries starting at 0. Rows may come in any order;
    /// a row repeated within a column has its values summed. Entries must be
    /// finite: a non-finite entry is never a pivot.
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
        let pivots = Self.eliminate(
            dimension: dimension, columnStarts: columnStarts, rowIndices: rowIndices, values: values,
            pivotThreshold: pivotThreshold)
        if let singular = Self.singularity(of: pivots, dimension: dimension) { throw singular }
        self.init(dimension: dimension, pivots: pivots)
    }

    /// Factors the matrix given column-wise (as for `init`), first replacing
    /// each column that cannot be pivoted by a unit column, as a simplex code
    /// replaces dependent basic columns by slacks.
    ///
    /// - Returns: the factors of the repaired matrix, and the repair made:
    ///   column `repair.dependentColumns[q]` became the unit column of row
    ///   `repair.unpivotedRows[q]`; nil when the matrix was nonsingular.
    ///   Costs one factorisation either way.
    public static func factorRepairingDependentColumns(
        dimension: Int, columnStarts: [Int], rowIndices: [Int], values: [Double],
        pivotThreshold: Double = 0.1
    ) -> (factors: SparseLU, repair: Singular?) {
        var pivots = eliminate(
            dimension: dimension, columnStarts: columnStarts, rowIndices: rowIndices, values: values,
            pivotThreshold: pivotThreshold)
        let singular = singularity(of: pivots, dimension: dimension)
        if let singular {
            pivots.appendUnitPivots(columns: singular.dependentColumns, rows: singular.unpivotedRows)
        }
        return (SparseLU(dimension: dimension, pivots: pivots), singular)
    }

    /// Every pivot elimination finds in the matrix: the singletons first,
    /// then Markowitz pivots, then dense elimination once the rest fills in.
    private static func eliminate(
        dimension: Int, columnStarts: [Int], rowIndices: [Int], values: [Double], pivotThreshold: Double
    ) -> SparseLUPivotSequence {
        precondition(dimension >= 0, "negative dimension \(dimension)")
        precondition(columnStarts.count == dimension + 1, "columnStarts needs dimension + 1 entries")
        precondition(
            columnStarts[0] == 0 && rowIndices.count == columnStarts[dimension] && values.count == rowIndices.count,
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
            matrix, tolerance: absolutePivotTolerance, into: &singletons,
            rowPivoted: &rowPivoted, columnPivoted: &columnPivoted)
        var elimination = SparseLUElimination(
            matrix, after: singletons, rowPivoted: rowPivoted, columnPivoted: columnPivoted,
            pivotThreshold: threshold, absoluteTolerance: absolutePivotTolerance)
        elimination.run()
        return elimination.pivots
    }

    /// The columns and rows `pivots` left out, or nil when it is complete.
    private static func singularity(of pivots: SparseLUPivotSequence, dimension: Int) -> Singular? {
        guard pivots.count < dimension else { return nil }
        var columnPivoted = [Bool](repeating: false, count: dimension)
        var rowPivoted = [Bool](repeating: false, count: dimension)
        for c in pivots.pivotColumns { columnPivoted[c] = true }
        for r in pivots.pivotRows { rowPivoted[r] = true }
        return Singular(
            dependentColumns: (0..<dimension).filter { !columnPivoted[$0] },
            unpivotedRows: (0..<dimension).filter { !rowPivoted[$0] })
    }

    /// Stores a complete pivot sequence for solving.
    private init(dimension: Int, pivots: SparseLUPivotSequence) {
        self.dimension = dimension
        pivotRows = pivots.pivotRows
        pivotColumns = pivots.pivotColumns
        pivotValues = pivots.pivotValues
        var stepOfRow = [Int](repeating: 0, count: dimension)
        var stepOfColumn = [Int](repeating: 0, count: dimension)
        for k in 0..<dimension {
            stepOfRow[pivotRows[k]] = k
            stepOfColumn[pivotColumns[k]] = k
        }
        lowerByColumns = SparseLUStepFactor(
            starts: pivots.lStarts, indices: pivots.lRows, values: pivots.lValues, indexSteps: stepOfRow)
        upperByRows = SparseLUStepFactor(
            starts: pivots.uStarts, indices: pivots.uColumns, values: pivots.uValues, indexSteps: stepOfColumn)
        lowerByRows = lowerByColumns.transposed()
        upperByColumns = upperByRows.transposed()
    }

    /// Number of stored entries of L (below its unit diagonal) and of U
    /// (including its diagonal): a measure of the fill-in.
    public var nonzeroCount: Int { lowerByColumns.entryCount + upperByRows.entryCount + dimension }
}
