/// An output that takes bytes as well as text: what a binary report (the xlsx workbook) is
/// written to. `ReportOutput` (the command line's files and standard output) and `ByteBuffer`
/// are such outputs.
public protocol ByteOutputStream: AnyObject, TextOutputStream {
    /// Appends `bytes`.
    func write(bytes: [UInt8])
    /// Marks the output as failed with `reason` (the report could not be made), as a write
    /// error would: nothing is kept, and the caller's check reports it.
    func fail(reason: String)
}

/// Bytes in memory: a `ByteOutputStream` for tests and for callers that want a report's bytes.
public final class ByteBuffer: ByteOutputStream {
    /// Everything written, text as UTF-8.
    public private(set) var bytes: [UInt8] = []
    /// Why the report could not be made, when `fail(reason:)` was called.
    public private(set) var failure: String?

    /// An empty buffer.
    public init() {}

    /// Appends `string` as UTF-8.
    public func write(_ string: String) { bytes.append(contentsOf: string.utf8) }

    /// Appends `bytes`.
    public func write(bytes more: [UInt8]) { bytes.append(contentsOf: more) }

    /// Keeps `reason` (the first one given).
    public func fail(reason: String) {
        if failure == nil { failure = reason }
    }
}
