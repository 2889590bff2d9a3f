import Foundation

/// Reads a scenario file's bytes, turning everything that can go wrong with the file itself
/// (missing, a directory, not a regular file, too large, unreadable) into an issue.
enum ScenarioFileReader {
    /// The largest scenario file read: far above any real scenario, and small enough that a
    /// wrong argument (a disk image, a log) fails at once instead of filling memory.
    static let largestFileSize = 16 * 1024 * 1024

    /// The file's bytes.
    static func bytes(atPath path: String) throws(ScenarioErrors) -> [UInt8] {
        func failure(_ message: String) -> ScenarioErrors {
            ScenarioErrors(issues: [ScenarioIssue(file: path, message: message)])
        }
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw failure("no such file")
        }
        if isDirectory.boolValue { throw failure("is a directory, not a scenario file") }
        // The attributes of the file itself, not of a symbolic link to it.
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        guard
            let attributes = try? manager.attributesOfItem(atPath: resolved),
            let type = attributes[.type] as? FileAttributeType
        else { throw failure("cannot read the file's attributes") }
        guard type == .typeRegular else { throw failure("is not a regular file") }
        if let size = attributes[.size] as? Int, size > largestFileSize {
            throw failure("is too large for a scenario file (\(size) bytes; the limit is \(largestFileSize))")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw failure("cannot be opened for reading (check its permissions)")
        }
        defer { try? handle.close() }
        do {
            let data = try handle.read(upToCount: largestFileSize + 1) ?? Data()
            if data.count > largestFileSize {
                throw failure("is too large for a scenario file (the limit is \(largestFileSize) bytes)")
            }
            return [UInt8](data)
        } catch let error as ScenarioErrors {
            throw error
        } catch {
            throw failure("cannot be read: \(error.localizedDescription)")
        }
    }
}
