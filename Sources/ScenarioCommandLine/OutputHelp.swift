/// The paragraphs of `--help` that every command writing output shares.
public enum OutputHelp {
    /// What is promised about an output file, interrupts, write errors and pipes.
    public static let files = """
        OUTPUT FILES: --output PATH is written to a temporary file in PATH's directory and \
        renamed over PATH only when complete, so an existing file is left whole by any failure, \
        and by SIGINT or SIGTERM, which remove the temporary file. Two runs writing one file \
        each leave a complete file (the last to finish wins). A replaced file keeps its mode; \
        a new one gets 0666 less the umask. A symbolic link is written through: its target is \
        replaced and the link stays. A device, FIFO or socket (/dev/null, a named pipe) is \
        written directly, and /dev/stdout, /dev/stderr and /dev/fd/N write to that descriptor. \
        The scenario file being read, by any name (a link, a hard link), is refused (64) \
        before anything is solved.

        WRITE ERRORS: a failed write, to a file or to standard output (a full disk, /dev/full), \
        is one line on standard error and exit status 1. When standard output is a pipe whose \
        reader has gone (| head -1), the command stops quietly with status 141 (128 + SIGPIPE, \
        as a shell reports a writer that SIGPIPE ends). SIGINT and SIGTERM end the command with \
        130 and 143.
        """

    /// The EXIT STATUS paragraph: 0, 64 (with `usage`, further lines saying what else is a
    /// usage error), 65 when the command `readsScenario`, 1 (with `failure`, further lines saying what
    /// else ends with 1), 141, 130 and 143.
    public static func exitStatus(usage: [String] = [], failure: [String] = [], readsScenario: Bool = true) -> String {
        let input = [
            "  64  bad usage: a malformed --cut, or --output naming the scenario file",
        ] + usage + [
            "  65  the scenario file is invalid; one line per problem on standard error",
        ]
        return ([
            "EXIT STATUS:",
            "  0   success",
        ] + (readsScenario ? input : ["  64  bad usage"] + usage) + [
            "  1   anything else: a missing or unreadable input file, a solver failure,",
            "      or output that cannot be written (one line on standard error)",
        ] + failure + [
            "  141 standard output is a closed pipe (quietly)",
            "  130 and 143: ended by SIGINT and SIGTERM (an output file is left as it was)",
        ]).joined(separator: "\n")
    }
}
