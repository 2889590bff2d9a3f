import ArgumentParser
import BudgetModel
import Foundation

/// Reading the scenario a command works on.
public enum ScenarioInput {
    /// The scenario in `path`, or the bundled one (with a note on standard error) when `path` is nil.
    ///
    /// - Throws: `ExitCode(1)` when the file does not exist, is a directory or
    ///   cannot be read; `ExitCode(65)` when it is not a valid scenario. Either
    ///   way the reasons have been printed to standard error, one line each
    ///   (`FILE:LINE:COL: message` where the position is known).
    public static func load(_ path: String?) throws -> ScenarioDocument {
        guard let path else {
            printError("Using the bundled scenario \(BundledScenario.fileName)")
            return try decoded { () throws(ScenarioErrors) in
                try ScenarioDecoder.decode(BundledScenario.text, fileName: BundledScenario.fileName)
            }
        }
        if let problem = unreadable(path) {
            throw failing(["\(path): \(problem)"], status: ExitStatus.failure)
        }
        return try decoded { () throws(ScenarioErrors) in try ScenarioDecoder.decode(contentsOf: path) }
    }

    /// Why the file at `path` cannot be read at all, or nil when it can.
    public static func unreadable(_ path: String) -> String? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return "no such file" }
        if isDirectory.boolValue { return "is a directory, not a scenario file" }
        guard FileManager.default.isReadableFile(atPath: path) else {
            return "cannot be opened for reading (check its permissions)"
        }
        return nil
    }

    private static func decoded(_ decode: () throws(ScenarioErrors) -> ScenarioDocument) throws -> ScenarioDocument {
        do {
            return try decode()
        } catch {
            throw failing(error.issues.map(\.description), status: ExitStatus.invalidInput)
        }
    }
}
