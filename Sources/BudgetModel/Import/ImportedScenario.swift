/// A scenario as read from spreadsheets by `ScenarioImport`, before it is written as a
/// scenario file: each entry keeps its row, and only the keys its row gives a value.
public struct ImportedScenario: Sendable, Equatable {
    /// A value of a key, as the scenario file will hold it.
    public enum Value: Sendable, Equatable {
        case string(String)
        /// A number: money or a weight.
        case number(Double)
        /// A share written `"P%"`.
        case percent(Double)
        case integer(Int)
        case boolean(Bool)
        /// A list of ids.
        case list([String])
    }

    /// One service, fund or group.
    public struct Entry: Sendable, Equatable {
        /// The spreadsheet it came from and its row there.
        public var file: String
        public var row: Int
        /// The keys with values, in the order of the file's columns.
        public var values: [(key: String, value: Value)]

        /// The entry's id.
        public var id: String {
            for (key, value) in values where key == "id" { if case .string(let id) = value { return id } }
            return ""
        }

        public static func == (a: Entry, b: Entry) -> Bool {
            a.file == b.file && a.row == b.row && a.values.map(\.key) == b.values.map(\.key) && a.values.map(\.value) == b.values.map(\.value)
        }
    }

    /// The scenario's title.
    public var title: String
    /// The objective mode, when one was asked for (else the default, tiers).
    public var objective: ObjectiveMode?
    public var services: [Entry]
    /// The funds; when no funds file was given, one fund made up by the import (`fundsMadeUp`).
    public var funds: [Entry]
    public var groups: [Entry]
    /// Whether the funds are the one fund `ScenarioImport` makes when no funds file is given.
    public var fundsMadeUp: Bool
}

/// One bad cell of a spreadsheet: `FILE:ROW:COLUMN: message`, ROW counting the file's rows
/// from 1 with the header row, COLUMN the header's name (left out when the problem is the row's
/// as a whole).
public struct ImportIssue: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var row: Int?
    public var column: String?
    public var message: String

    /// An issue from its parts.
    public init(file: String, row: Int?, column: String?, message: String) {
        self.file = file
        self.row = row
        self.column = column
        self.message = message
    }

    /// `FILE:ROW:COLUMN: message`, without what is not known.
    public var description: String {
        var location = file
        if let row {
            location += ":\(row)"
            if let column { location += ":" + column }
        }
        return location + ": " + message
    }
}

/// Every problem found in the spreadsheets of one import, in file and row order. Never empty when thrown.
public struct ImportErrors: Error, Sendable, Equatable, CustomStringConvertible {
    public var issues: [ImportIssue]

    public init(issues: [ImportIssue]) { self.issues = issues }

    /// One line per issue.
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
