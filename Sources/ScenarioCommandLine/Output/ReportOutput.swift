import ArgumentParser
import BudgetReports
import Glibc

/// Where a report's text goes: an open file descriptor, written through a buffer with `write(2)`.
///
/// A `TextOutputStream` cannot throw, so the first write error is kept, writes after it are
/// dropped, and `check()` or the end of `OutputDestination.write` reports it.
public final class ReportOutput: ByteOutputStream {
    private let descriptor: Int32
    private let name: String
    private var buffer: [UInt8] = []
    private var failure: Int32?
    /// Why the report could not be made, when its writer said so (`fail(reason:)`).
    private var reportFailure: String?
    private static let bufferSize = 1 << 16

    /// A writer to `descriptor`, named `name` (a path, or `standard output`) in messages.
    init(descriptor: Int32, name: String) {
        self.descriptor = descriptor
        self.name = name
        buffer.reserveCapacity(Self.bufferSize)
    }

    /// Appends `string`, writing the buffer out when it is full.
    public func write(_ string: String) {
        // A native string's bytes are contiguous: one copy, not a byte-by-byte append.
        if string.utf8.withContiguousStorageIfAvailable({ buffer.append(contentsOf: $0) }) == nil {
            buffer.append(contentsOf: string.utf8)
        }
        if buffer.count >= Self.bufferSize { flush() }
    }

    /// Appends `bytes` (a binary report), writing the buffer out when it is full.
    public func write(bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.bufferSize { flush() }
    }

    /// Marks the report as failed: `check()` then throws exit status 1 after
    /// `NAME: cannot be written: reason`, and a file is not put in place.
    public func fail(reason: String) {
        if reportFailure == nil { reportFailure = reason }
    }

    /// Writes out what is buffered (dropped after a failure).
    func flush() {
        if failure == nil, !buffer.isEmpty {
            failure = StandardStream.writeAll(buffer, to: descriptor)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Throws what `OutputDestination.write` would throw for the first write error, if any: a
    /// caller producing a long report checks after each part and stops early.
    public func check() throws {
        if let failure { throw Self.writeError(failure, name: name) }
        if let reportFailure {
            throw failing(["\(name): cannot be written: \(reportFailure)"], status: ExitStatus.failure)
        }
    }

    /// The exit for a failed write to `name`: quietly 141 for a closed pipe
    /// (`ExitStatus.closedPipe`), else status 1 after `NAME: cannot be written: reason`.
    static func writeError(_ code: Int32, name: String) -> ExitCode {
        if code == EPIPE { return ExitStatus.closedPipe }
        return failing(["\(name): cannot be written: \(StandardStream.reason(code))"], status: ExitStatus.failure)
    }
}
