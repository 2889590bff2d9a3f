/// One problem found in a scenario: where it is and a plain sentence saying what is wrong.
///
/// Its `description` is the one-line form every tool prints:
/// `FILE:LINE:COL: [[service]] "victims-hub": message`, leaving out what is not known
/// (a position is known for syntax errors and for most problems read from a file,
/// never for a scenario built in code).
public struct ScenarioIssue: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file name as the user gave it.
    public var file: String
    /// The 1-based line of the offending text, when known.
    public var line: Int?
    /// The 1-based column (in Unicode scalars) of the offending text, when known.
    public var column: Int?
    /// The table the problem is in, such as `[[service]] "victims-hub"` or `[objective]`;
    /// nil for the top level of the file.
    public var table: String?
    /// A plain sentence saying what is wrong.
    public var message: String

    /// An issue from its parts.
    public init(file: String, line: Int? = nil, column: Int? = nil, table: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.table = table
        self.message = message
    }

    /// `FILE:LINE:COL: TABLE: message`, without the parts that are unknown.
    public var description: String {
        var location = file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        if let table { return "\(location): \(table): \(message)" }
        return "\(location): \(message)"
    }
}

/// Every problem found in one scenario file, in file order (problems without a
/// position come last). Never empty when thrown.
public struct ScenarioErrors: Error, Sendable, Equatable, CustomStringConvertible {
    /// The problems, each printable as one line.
    public var issues: [ScenarioIssue]

    /// A collection of problems.
    public init(issues: [ScenarioIssue]) {
        self.issues = issues
    }

    /// One line per issue.
    public var description: String {
        issues.map(\.description).joined(separator: "\n")
    }
}
