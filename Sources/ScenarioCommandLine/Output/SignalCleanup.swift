import Glibc

/// The path of the temporary file being written, as a C string, for the signal handlers; nil
/// when there is none. Set and cleared only by `SignalCleanup` on the thread that writes the
/// output, read by the handlers (one aligned pointer store).
nonisolated(unsafe) private var pendingTemporaryPath: UnsafeMutablePointer<CChar>?

/// Signals and the temporary output file.
///
/// SIGINT and SIGTERM remove the temporary file of an output being written and then end the
/// process by the same signal (status 128 + signal in a shell: 130, 143), so an interrupted
/// command leaves the destination as it was and no temporary file beside it. The handler
/// calls only `unlink`, `signal` and `raise`, which are async-signal-safe.
///
/// A signal ignored when the process starts (SIGINT for a background job of a script) stays
/// ignored; the two are unblocked, since a mask inherited from the parent would hold them back.
///
/// SIGPIPE and SIGXFSZ are ignored, so a closed pipe or a file-size limit is a write error
/// that the command reports (a closed pipe on standard output ends quietly with status 141).
public enum SignalCleanup {
    /// Installs the handlers; call once, before any output is opened.
    public static func install() {
        signal(SIGPIPE, SIG_IGN)
        signal(SIGXFSZ, SIG_IGN)
        var mask = sigset_t()
        sigemptyset(&mask)
        for number in [SIGINT, SIGTERM] {
            sigaddset(&mask, number)
            let previous = signal(number) { received in
                if let path = pendingTemporaryPath { unlink(path) }
                signal(received, SIG_DFL)
                raise(received)
            }
            if unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { signal(number, SIG_IGN) }
        }
        sigprocmask(SIG_UNBLOCK, &mask, nil)
    }

    /// Records `path` as the temporary file to remove on SIGINT or SIGTERM; call before creating it.
    static func register(_ path: String) {
        let copy = strdup(path)
        let previous = pendingTemporaryPath
        pendingTemporaryPath = copy
        free(previous)
    }

    /// Forgets the temporary file (renamed into place or removed).
    static func clear() {
        let previous = pendingTemporaryPath
        pendingTemporaryPath = nil
        free(previous)
    }
}
