import ArgumentParser
import Foundation

/// The documented exit statuses of `scenario`.
enum ExitStatus {
    /// Success; infeasible cuts are results, not failures.
    static let success = ExitCode(0)
    /// Anything else that went wrong (an unreadable file, a failed write).
    static let failure = ExitCode(1)
    /// A usage error (argument-parser uses EX_USAGE for its own errors too).
    static let usage = ExitCode(64)
    /// An invalid scenario or MPS file.
    static let invalidInput = ExitCode(65)
}

/// Writes one line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// Writes each message as one line to standard error and returns the exit code to throw.
func failing(_ messages: [String], status: ExitCode) -> ExitCode {
    for message in messages { printError(message) }
    return status
}
