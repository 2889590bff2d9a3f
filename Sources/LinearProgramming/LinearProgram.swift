/// Whether the objective is minimised or maximised.
public enum ObjectiveSense: String, Sendable, Codable {
    case minimize
    case maximize
}

/// A linear programme in bounded form:
///
///     minimise (or maximise)  c'x + objectiveConstant
///     subject to              rowLower <= A x <= rowUpper
///                             columnLower <= x <= columnUpper
///
/// Infinite bounds are `-Double.infinity` / `+Double.infinity`. An equality row
/// has `rowLower == rowUpper`; a free row has both bounds infinite.
/// The constraint matrix `A` is stored column-wise (compressed sparse column).
///
/// The type is a plain value: building one does no numerical work, and it
/// holds exactly what an MPS file holds (names included).
public struct LinearProgram: Sendable, Equatable {
    /// The problem's name (the MPS `NAME` card), possibly empty.
    public var name: String
    /// Minimise or maximise.
    public var sense: ObjectiveSense
    /// Constant added to the objective (in MPS: minus the objective row's RHS).
    public var objectiveConstant: Double
    /// Name of the objective row (the MPS `N` row); used when writing MPS.
    public var objectiveName: String

    /// Column (variable) names, one per column.
    public var columnNames: [String]
    /// Objective coefficients, one per column.
    public var costs: [Double]
    /// Column lower bounds (may be `-infinity`).
    public var columnLower: [Double]
    /// Column upper bounds (may be `+infinity`).
    public var columnUpper: [Double]

    /// Row (constraint) names, one per row.
    public var rowNames: [String]
    /// Row lower bounds (may be `-infinity`).
    public var rowLower: [Double]
    /// Row upper bounds (may be `+infinity`).
    public var rowUpper: [Double]

    /// The constraint matrix, column-wise.
    public var matrix: SparseMatrix

    /// An empty programme (no rows, no columns).
    public init(name: String = "", sense: ObjectiveSense = .minimize) {
        self.name = name
        self.sense = sense
        self.objectiveConstant = 0
        self.objectiveName = "OBJ"
        self.columnNames = []
        self.costs = []
        self.columnLower = []
        self.columnUpper = []
        self.rowNames = []
        self.rowLower = []
        self.rowUpper = []
        self.matrix = SparseMatrix(rowCount: 0)
    }

    /// Number of rows (constraints).
    public var rowCount: Int { rowLower.count }
    /// Number of columns (variables).
    public var columnCount: Int { columnLower.count }

    /// Appends a row with the given bounds and no coefficients; returns its index.
    @discardableResult
    public mutating func addRow(name: String? = nil, lower: Double, upper: Double) -> Int {
        let index = rowLower.count
        rowNames.append(name ?? "R\(index)")
        rowLower.append(lower)
        rowUpper.append(upper)
        matrix.rowCount += 1
        return index
    }

    /// Appends a column with its cost, bounds and coefficients `(row, value)`;
    /// returns its index. Zero coefficients are dropped; duplicate rows are summed.
    @discardableResult
    public mutating func addColumn(
        name: String? = nil, cost: Double, lower: Double, upper: Double,
        coefficients: [(row: Int, value: Double)] = []
    ) -> Int {
        let index = columnLower.count
        columnNames.append(name ?? "C\(index)")
        costs.append(cost)
        columnLower.append(lower)
        columnUpper.append(upper)
        matrix.appendColumn(coefficients)
        return index
    }

    /// The objective value `c'x + objectiveConstant` at a point.
    public func objectiveValue(at x: [Double]) -> Double {
        var sum = objectiveConstant
        for j in 0..<columnCount { sum += costs[j] * x[j] }
        return sum
    }

    /// Row activities `A x` at a point.
    public func rowActivities(at x: [Double]) -> [Double] {
        matrix.multiply(x)
    }
}
