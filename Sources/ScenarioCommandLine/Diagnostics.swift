import ArgumentParser
import Glibc

/// Writes one line to standard error (a failure to write it is ignored: there is nowhere left to say so).
public func printError(_ line: String) {
    StandardStream.writeAll(Array((line + "\n").utf8), to: STDERR_FILENO)
}

/// Writes each message as one line to standard error and returns the exit code to throw.
public func failing(_ messages: [String], status: ExitCode) -> ExitCode {
    for message in messages { printError(message) }
    return status
}
