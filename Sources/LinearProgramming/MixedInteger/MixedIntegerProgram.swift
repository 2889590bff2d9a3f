/// A mixed-integer linear programme: a `LinearProgram` whose columns may be required to take
/// integer values, or to be semi-continuous (zero, or within a range that excludes small
/// positive values), or both (semi-integer).
///
/// `program` holds the bounds of the continuous relaxation. A semi-continuous column `j` with
/// `semicontinuousLower[j] = l` (`l > 0`) has `program.columnLower[j] == 0` and takes either
/// the value 0 or a value in `[l, program.columnUpper[j]]`; an integer semi-continuous
/// (semi-integer) column also takes an integer value.
public struct MixedIntegerProgram: Sendable, Equatable {
    /// The programme with the bounds of its continuous relaxation.
    public var program: LinearProgram
    /// Whether each column must take an integer value.
    public var isInteger: [Bool]
    /// For each semi-continuous column, the lower end `l > 0` of its nonzero range; `nil` for
    /// every other column.
    public var semicontinuousLower: [Double?]

    /// A programme whose columns `integerColumns` are integer and whose columns
    /// `semicontinuous` (with the lower end of their nonzero ranges) are semi-continuous.
    /// Column indices outside the programme are ignored. A semi-continuous column's lower bound
    /// in `program` is set to 0, the bound of its relaxation; an end `l <= 0` makes no column
    /// semi-continuous (zero is then already in `[l, upper]`), and sets the lower bound to `l`.
    public init(program: LinearProgram, integerColumns: [Int] = [], semicontinuous: [(column: Int, lower: Double)] = []) {
        self.program = program
        let n = program.columnCount
        isInteger = [Bool](repeating: false, count: n)
        for j in integerColumns where j >= 0 && j < n { isInteger[j] = true }
        semicontinuousLower = [Double?](repeating: nil, count: n)
        for (j, l) in semicontinuous where j >= 0 && j < n {
            if l > 0 {
                semicontinuousLower[j] = l
                self.program.columnLower[j] = 0
            } else {
                self.program.columnLower[j] = l
            }
        }
    }

    /// The indices of the integer columns, ascending.
    public var integerColumns: [Int] { isInteger.indices.filter { isInteger[$0] } }

    /// The indices of the semi-continuous (and semi-integer) columns, ascending.
    public var semicontinuousColumns: [Int] { semicontinuousLower.indices.filter { semicontinuousLower[$0] != nil } }

    /// Whether any column is integer or semi-continuous: `false` means the programme is linear.
    public var hasDiscreteColumns: Bool {
        isInteger.contains(true) || semicontinuousLower.contains { $0 != nil }
    }

    /// Whether `value` is allowed for column `j` by its integrality and semi-continuity, to
    /// within `tolerance` (the bounds of the relaxation are not checked here).
    public func isDiscreteFeasible(_ value: Double, column j: Int, tolerance: Double) -> Bool {
        if isInteger[j] && abs(value - value.rounded()) > tolerance { return false }
        if let l = semicontinuousLower[j], value > tolerance && value < l - tolerance { return false }
        return true
    }
}
