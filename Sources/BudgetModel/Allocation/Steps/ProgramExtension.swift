import LinearProgramming

/// Rows and columns to add to a linear programme at once, with coefficients of existing
/// columns in the new rows: the programme is rebuilt once, and every existing row and column
/// keeps its index. New rows take indices from the programme's row count on, in the order they
/// are added, and new columns likewise.
struct ProgramExtension {
    private let base: LinearProgram
    private var rows: [(name: String, lower: Double, upper: Double)] = []
    private var columns: [(name: String, cost: Double, lower: Double, upper: Double, coefficients: [(row: Int, value: Double)])] = []
    private var existing: [Int: [(row: Int, value: Double)]] = [:]

    init(_ program: LinearProgram) { base = program }

    /// Adds a row; returns the index it will have.
    mutating func addRow(name: String, lower: Double, upper: Double) -> Int {
        rows.append((name, lower, upper))
        return base.rowCount + rows.count - 1
    }

    /// Adds a column with coefficients in any rows (existing or added); returns its index.
    mutating func addColumn(name: String, cost: Double = 0, lower: Double, upper: Double, coefficients: [(row: Int, value: Double)]) -> Int {
        columns.append((name, cost, lower, upper, coefficients))
        return base.columnCount + columns.count - 1
    }

    /// Adds a coefficient of an existing column in an added row.
    mutating func set(column: Int, row: Int, value: Double) {
        existing[column, default: []].append((row, value))
    }

    /// The extended programme.
    var program: LinearProgram {
        var rebuilt = LinearProgram(name: base.name, sense: base.sense)
        rebuilt.objectiveName = base.objectiveName
        rebuilt.objectiveConstant = base.objectiveConstant
        for i in 0..<base.rowCount {
            rebuilt.addRow(name: base.rowNames[i], lower: base.rowLower[i], upper: base.rowUpper[i])
        }
        for row in rows { rebuilt.addRow(name: row.name, lower: row.lower, upper: row.upper) }
        let matrix = base.matrix
        for j in 0..<base.columnCount {
            let column = matrix.range(ofColumn: j).map { (row: matrix.rowIndices[$0], value: matrix.values[$0]) }
            rebuilt.addColumn(
                name: base.columnNames[j], cost: base.costs[j], lower: base.columnLower[j], upper: base.columnUpper[j],
                coefficients: column + (existing[j] ?? []))
        }
        for column in columns {
            rebuilt.addColumn(
                name: column.name, cost: column.cost, lower: column.lower, upper: column.upper, coefficients: column.coefficients)
        }
        return rebuilt
    }
}
