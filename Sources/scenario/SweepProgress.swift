import Foundation

/// A one-line progress counter on standard error for long sweeps, shown only
/// when standard error is a terminal, so redirected output stays clean.
struct SweepProgress {
    /// Sweeps with fewer cuts than this finish too fast to need progress.
    static let threshold = 2_000

    private let total: Int
    private let isShown: Bool
    private var done = 0
    private var nextUpdate = 0

    /// Progress for a sweep of `total` cuts.
    init(total: Int) {
        self.total = total
        isShown = total >= Self.threshold && isatty(STDERR_FILENO) == 1
    }

    /// Counts one more cut, redrawing the line about every 1% of the sweep.
    mutating func advance() {
        done += 1
        guard isShown, done >= nextUpdate else { return }
        nextUpdate = done + max(1, total / 100)
        FileHandle.standardError.write(Data("\rswept \(done) of \(total) cuts".utf8))
    }

    /// Clears the progress line.
    func finish() {
        guard isShown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
