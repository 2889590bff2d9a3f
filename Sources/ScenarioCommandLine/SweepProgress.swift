import Foundation

/// A one-line progress counter on standard error for long sweeps, shown only
/// when standard error is a terminal, so redirected output stays clean.
public struct SweepProgress {
    /// Sweeps with fewer cuts than this finish too fast to need progress.
    static let threshold = 2_000

    private let total: Int
    private let isShown: Bool
    private var done = 0
    private var nextUpdate = 0

    /// Progress for a sweep of `total` cuts.
    public init(total: Int) {
        self.total = total
        isShown = total >= Self.threshold && isatty(STDERR_FILENO) == 1
    }

    /// Counts one more cut, redrawing the line about every 1% of the sweep.
    public mutating func advance() {
        done += 1
        guard isShown, done >= nextUpdate else { return }
        nextUpdate = done + max(1, total / 100)
        StandardStream.writeAll(Array("\rswept \(done) of \(total) cuts".utf8), to: STDERR_FILENO)
    }

    /// Clears the progress line.
    public func finish() {
        guard isShown else { return }
        StandardStream.writeAll(Array("\r\u{1B}[K".utf8), to: STDERR_FILENO)
    }
}
