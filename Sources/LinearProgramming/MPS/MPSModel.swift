/// What an MPS file holds: its linear programme, and which of its columns the file declares
/// integer (between `'MARKER'` `'INTORG'` and `'INTEND'` lines, or bounded by `BV`, `LI` or
/// `UI`). The programme has no integrality: solving it solves the continuous relaxation.
public struct MPSModel: Sendable, Equatable {
    /// The programme, integrality left out (its continuous relaxation).
    public var program: LinearProgram
    /// The indices of the integer columns, ascending; empty for a linear programme.
    public var integerColumns: [Int]

    /// A model of `program` whose columns `integerColumns` are integer.
    public init(program: LinearProgram, integerColumns: [Int] = []) {
        self.program = program
        self.integerColumns = integerColumns
    }
}
