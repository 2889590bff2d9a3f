import ArgumentParser
import Foundation

/// The exit status that `body` throws, or nil when it returns (any other error is a test failure).
func exitStatus(of body: () throws -> Void) -> Int32? {
    do {
        try body()
        return nil
    } catch let code as ExitCode {
        return code.rawValue
    } catch {
        return -1
    }
}

/// This test process's scratch directory, removed when the process exits.
let scratchRoot: URL = {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("scenario-command-line-tests-\(UUID().uuidString)", isDirectory: true)
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(at: scratchRoot) }
    return url
}()

/// A fresh empty directory for one test, under `scratchRoot`.
func scratchDirectory() throws -> String {
    let url = scratchRoot.appendingPathComponent(UUID().uuidString, isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
}

/// The names in `directory`, hidden ones included, sorted.
func entries(of directory: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
}
