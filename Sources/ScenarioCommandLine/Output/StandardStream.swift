import Glibc

/// Whole writes to a file descriptor with `write(2)`, which reports every error as a value
/// (Foundation's `FileHandle.write(_:)` traps on a full disk).
enum StandardStream {
    /// Writes every byte of `bytes` to `descriptor`, retrying after interrupts and short writes.
    /// - Returns: nil when all was written, else the `errno` of the failed write.
    @discardableResult
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
    }

    /// The system's one-line description of `code` (`No space left on device`).
    static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
