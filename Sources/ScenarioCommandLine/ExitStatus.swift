import ArgumentParser

/// The documented exit statuses of `scenario`.
public enum ExitStatus {
    /// Success; infeasible cuts are results, not failures.
    public static let success = ExitCode(0)
    /// Anything else that went wrong (an unreadable file, a failed write, a solver failure).
    public static let failure = ExitCode(1)
    /// A usage error (argument-parser uses EX_USAGE for its own errors too).
    public static let usage = ExitCode(64)
    /// An invalid scenario or MPS file.
    public static let invalidInput = ExitCode(65)
    /// Standard output is a pipe whose reader has gone (`scenario sweep … | head -1`): the
    /// process ends quietly with 128 + SIGPIPE, the status a shell reports for a writer that
    /// SIGPIPE ends.
    public static let closedPipe = ExitCode(141)
}
