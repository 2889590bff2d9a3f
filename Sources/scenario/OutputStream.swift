import Foundation

/// Writes `text` at once to the file at `path`, or to standard output when `path` is nil.
/// - Throws: `ExitCode(1)` after printing `PATH: cannot write WHAT: reason` when the file cannot be written.
func writeWhole(_ text: String, to path: String?, describing what: String) throws {
    guard let path else {
        FileHandle.standardOutput.write(Data(text.utf8))
        return
    }
    do {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    } catch {
        throw failing(["\(path): cannot write \(what): \(error.localizedDescription)"], status: ExitStatus.failure)
    }
}

/// Where a report goes: standard output or a file, written through a buffer.
///
/// A `TextOutputStream` cannot throw, so the first write error is kept and
/// reported by `close()`; writes after an error are dropped.
final class ReportOutput: TextOutputStream {
    private let handle: FileHandle
    private let name: String
    private let ownsHandle: Bool
    private var buffer: [UInt8] = []
    private var failure: String?
    private static let bufferSize = 1 << 16

    private init(handle: FileHandle, name: String, ownsHandle: Bool) {
        self.handle = handle
        self.name = name
        self.ownsHandle = ownsHandle
        buffer.reserveCapacity(Self.bufferSize)
    }

    /// Standard output.
    static func standardOutput() -> ReportOutput {
        ReportOutput(handle: .standardOutput, name: "standard output", ownsHandle: false)
    }

    /// A new or truncated file at `path`.
    /// - Throws: `ExitCode(1)` after printing `PATH: cannot be written` when it cannot be created.
    static func file(atPath path: String) throws -> ReportOutput {
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else {
            throw failing(["\(path): cannot be written (check that its directory exists and is writable)"], status: ExitStatus.failure)
        }
        return ReportOutput(handle: handle, name: path, ownsHandle: true)
    }

    /// Appends `string`, writing the buffer out when it is full.
    func write(_ string: String) {
        // A native string's bytes are contiguous: one copy, not a byte-by-byte append.
        if string.utf8.withContiguousStorageIfAvailable({ buffer.append(contentsOf: $0) }) == nil {
            buffer.append(contentsOf: string.utf8)
        }
        if buffer.count >= Self.bufferSize { flush() }
    }

    private func flush() {
        guard failure == nil, !buffer.isEmpty else {
            buffer.removeAll(keepingCapacity: true)
            return
        }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            failure = "\(name): cannot be written: \(error.localizedDescription)"
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered and closes a file.
    /// - Throws: `ExitCode(1)` after printing the first write error, if any.
    func close() throws {
        flush()
        if ownsHandle { try? handle.close() }
        if let failure { throw failing([failure], status: ExitStatus.failure) }
    }
}
