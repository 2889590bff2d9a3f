/// A table read from a spreadsheet file: its header row and the rows under it, each cell as
/// the file gives it. What `ScenarioImport` reads services, funds and groups from.
public struct SpreadsheetTable: Sendable, Equatable {
    /// One cell's value.
    public enum Cell: Sendable, Equatable {
        /// Text (every cell of a CSV file; a text cell of a workbook).
        case text(String)
        /// A number stored as a number in a workbook.
        case number(Double)
        /// A number stored as a number in a workbook with a per-cent format: `0.5` shown as 50%,
        /// held here as 50.
        case percent(Double)
        /// A workbook's TRUE or FALSE.
        case boolean(Bool)
    }

    /// One row under the header.
    public struct Row: Sendable, Equatable {
        /// The row's number in the file, from 1 for the header row (a CSV record that spans
        /// lines counts once; a workbook's own row number).
        public var number: Int
        /// The cells by column, from the first; nil for an empty cell.
        public var cells: [Cell?]

        /// A row from its parts.
        public init(number: Int, cells: [Cell?]) {
            self.number = number
            self.cells = cells
        }
    }

    /// The file name as the user gave it, for messages.
    public var file: String
    /// The header row's cells as text, by column.
    public var header: [String]
    /// The row number of the header row (1 for a CSV file).
    public var headerRow: Int
    /// The rows under the header, in file order, blank rows left out.
    public var rows: [Row]

    /// A table from its parts.
    public init(file: String, header: [String], headerRow: Int = 1, rows: [Row]) {
        self.file = file
        self.header = header
        self.headerRow = headerRow
        self.rows = rows
    }
}

/// A file that cannot be read as a table at all (not UTF-8, an unterminated quote, a workbook
/// that is not a ZIP archive): where, when known, and why.
public struct SpreadsheetReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file name as the user gave it.
    public var file: String
    /// The row, when known.
    public var row: Int?
    /// A plain sentence.
    public var message: String

    /// An error from its parts.
    public init(file: String, row: Int? = nil, message: String) {
        self.file = file
        self.row = row
        self.message = message
    }

    /// `FILE:ROW: message`, or `FILE: message`.
    public var description: String { file + (row.map { ":\($0)" } ?? "") + ": " + message }
}
