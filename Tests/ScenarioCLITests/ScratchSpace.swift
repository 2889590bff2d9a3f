import Foundation

/// Scratch files for the command-line tests: every test's directory lies under one
/// directory per test process, removed when the process exits, so a test run
/// leaves nothing behind in the temporary directory.
enum ScratchSpace {
    /// This process's directory, created on first use.
    static let root: URL = {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("scenario-cli-tests-\(UUID().uuidString)", isDirectory: true)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: ScratchSpace.root) }
        return url
    }()

    /// A fresh, empty directory under `root`.
    static func freshDirectory() throws -> URL {
        let url = root.appendingPathComponent(UUID().uuidString, isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
