/// Why a `LinearProgram` cannot be written as free MPS that reads back equal.
public enum MPSWriterError: Error, Equatable, CustomStringConvertible, Sendable {
    /// A row, column or objective name that free MPS cannot carry: empty,
    /// containing blanks, or `'MARKER'` (which would read as an integrality marker).
    case unwritableName(kind: String, name: String)
    /// Two rows (or the objective and a row), or two columns, share a name.
    case duplicateName(kind: String, name: String)
    /// A bound or row bound that MPS cannot express exactly: NaN, a lower
    /// bound of +infinity, an upper bound of -infinity, a finite bound of
    /// magnitude >= `MPSReader.infinity`, or a range no RANGES value rebuilds exactly.
    case unwritableBound(kind: String, name: String, lower: Double, upper: Double)
    /// A cost, coefficient or objective constant that is NaN or infinite.
    case unwritableNumber(kind: String, name: String, value: Double)

    /// One sentence naming the offending item.
    public var description: String {
        switch self {
        case .unwritableName(let kind, let name):
            return "the \(kind) name '\(name)' cannot be written in free MPS (empty, blanks, or 'MARKER')"
        case .duplicateName(let kind, let name):
            return "two \(kind)s are named '\(name)'"
        case .unwritableBound(let kind, let name, let lower, let upper):
            return "the bounds [\(lower), \(upper)] of \(kind) '\(name)' cannot be written exactly in MPS"
        case .unwritableNumber(let kind, let name, let value):
            return "the \(kind) of '\(name)' is \(value), which MPS cannot hold"
        }
    }
}
