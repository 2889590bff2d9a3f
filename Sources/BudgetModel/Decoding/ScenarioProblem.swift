/// The kinds of table a scenario file has.
enum TableKind: String, Sendable, Equatable {
    case fund
    case service
    case group
    case objective
    case area
    case plan

    /// Whether the file writes it as an array of tables (`[[fund]]`) rather than a table (`[objective]`).
    var isArrayOfTables: Bool { self != .objective && self != .plan }
}

/// Which table of a scenario a problem is in: the kind, its 0-based ordinal among the
/// tables of that kind, and its id when it has a readable one.
struct TableReference: Sendable, Equatable {
    var kind: TableKind
    var ordinal: Int
    var id: String?

    /// How messages name the table: `[[service]] "victims-hub"`, `[[service]] #3` when it has
    /// no readable id, `[objective]`.
    var label: String {
        guard kind.isArrayOfTables else { return "[\(kind.rawValue)]" }
        if let id { return "[[\(kind.rawValue)]] \(quoted(id))" }
        return "[[\(kind.rawValue)]] #\(ordinal + 1)"
    }
}

/// A problem before it is given a file name and a position: the table it is in, the key
/// it is about (nil for the table as a whole) and, for a list, the offending item and which
/// occurrence of it (1 for the first).
struct ScenarioProblem: Sendable, Equatable {
    var table: TableReference?
    var key: String?
    var item: String?
    var itemOccurrence: Int
    var message: String

    init(_ message: String, table: TableReference?, key: String? = nil, item: String? = nil, itemOccurrence: Int = 1) {
        self.table = table
        self.key = key
        self.item = item
        self.itemOccurrence = itemOccurrence
        self.message = message
    }
}
