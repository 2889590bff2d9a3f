/// What an MPS file holds: its linear programme, which of its columns the file declares
/// integer (between `'MARKER'` `'INTORG'` and `'INTEND'` lines, or bounded by `BV`, `LI`, `UI`
/// or `SI`) and which semi-continuous (`SC` or `SI` bounds), and notes on what the reader
/// ignored. The programme has no integrality: solving it solves the continuous relaxation.
public struct MPSModel: Sendable, Equatable {
    /// A semi-continuous column: it takes the value 0 or a value in `[lower, upper]`, where
    /// `lower > 0` is the file's lower bound and `upper` the `SC`/`SI` bound.
    public struct SemicontinuousColumn: Sendable, Equatable {
        public var column: Int
        public var lower: Double

        public init(column: Int, lower: Double) {
            self.column = column
            self.lower = lower
        }
    }

    /// The programme, integrality left out (its continuous relaxation: a semi-continuous
    /// column's lower bound is 0 here).
    public var program: LinearProgram
    /// The indices of the integer columns, ascending; empty for a linear programme.
    public var integerColumns: [Int]
    /// The semi-continuous columns whose nonzero range starts above 0, ascending by column. A
    /// column with an `SC` bound and a lower bound of 0 or less is an ordinary bounded column.
    public var semicontinuous: [SemicontinuousColumn]
    /// One line per thing the reader ignored (`FILE:LINE: ...`), such as sections after `ENDATA`.
    public var notes: [String]

    /// A model of `program` whose columns `integerColumns` are integer.
    public init(
        program: LinearProgram, integerColumns: [Int] = [], semicontinuous: [SemicontinuousColumn] = [],
        notes: [String] = []
    ) {
        self.program = program
        self.integerColumns = integerColumns
        self.semicontinuous = semicontinuous
        self.notes = notes
    }

    /// Whether the file has integer or semi-continuous columns (a mixed-integer programme).
    public var isMixedInteger: Bool { !integerColumns.isEmpty || !semicontinuous.isEmpty }

    /// The mixed-integer programme the file states.
    public var mixedIntegerProgram: MixedIntegerProgram {
        MixedIntegerProgram(
            program: program, integerColumns: integerColumns,
            semicontinuous: semicontinuous.map { ($0.column, $0.lower) })
    }
}
