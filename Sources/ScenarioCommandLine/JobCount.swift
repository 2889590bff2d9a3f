import ArgumentParser
import BudgetModel
import Foundation

/// The `--jobs` option of `scenario sweep`: read as text, so that `-1` gets the same
/// one-line message as any other count out of range.
public enum JobCount {
    /// The value of `--jobs`, a whole number from 1 to `BlockSweep.maximumJobs`, or exit
    /// status 64 after a one-line message.
    public static func parse(_ text: String, command: String) throws -> Int {
        guard let jobs = Int(text), (1...BlockSweep.maximumJobs).contains(jobs) else {
            throw failing(
                ["scenario \(command): --jobs must be between 1 and \(BlockSweep.maximumJobs), not \(text)"],
                status: ExitStatus.usage)
        }
        return jobs
    }

    /// The default of `--jobs`: one thread per core this process may use, within what
    /// `BlockSweep` accepts.
    public static var perCore: Int { min(max(1, ProcessInfo.processInfo.activeProcessorCount), BlockSweep.maximumJobs) }
}
