/// Why an MPS file could not be turned into a `LinearProgram`.
///
/// `description` is one line, `FILE:LINE: message` when the problem is on a
/// line of the file, `FILE: message` otherwise (an unreadable file, an empty
/// one). Lines are numbered from 1.
public struct MPSError: Error, Equatable, CustomStringConvertible, Sendable {
    /// What kind of failure this is: the command line maps them to different exit statuses.
    public enum Kind: Sendable, Equatable {
        /// The file could not be read at all (missing, a directory, no permission).
        case unreadable
        /// The file was read but is not a valid MPS file.
        case malformed
    }

    /// Whether the file was unreadable or malformed.
    public var kind: Kind
    /// The file name as given by the caller (`-` for standard input).
    public var file: String
    /// The 1-based line of the problem, or 0 when it concerns the whole file.
    public var line: Int
    /// A plain sentence saying what is wrong.
    public var message: String

    /// An error with every field given.
    public init(kind: Kind = .malformed, file: String, line: Int, message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.message = message
    }

    /// `FILE:LINE: message`, or `FILE: message` when no line applies.
    public var description: String {
        line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)"
    }
}
