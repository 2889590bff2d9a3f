import BudgetModel
import Foundation

/// The one-line descriptions of the issues decoding `text` as `t.toml` reports; empty when it decodes.
func issueLines(_ text: String) -> [String] {
    do {
        _ = try ScenarioDecoder.decode(text, fileName: "t.toml")
        return []
    } catch {
        return error.issues.map(\.description)
    }
}

/// The issues decoding the file at `path` reports; empty when it decodes.
func fileIssueLines(_ path: String) -> [String] {
    do {
        _ = try ScenarioDecoder.decode(contentsOf: path)
        return []
    } catch {
        return error.issues.map(\.description)
    }
}

/// The package's root directory (this file is `Tests/BudgetModelTests/TestSupport.swift`).
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A fresh temporary directory for one test.
func makeTemporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("budgetmodel-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A minimal valid scenario, one fund and one service, with `extra` lines appended.
/// Lines: 1 title, 2 blank, 3 [[fund]], 4 id, 5 amount, 6 blank, 7 [[service]], 8 id, 9 baseline.
func minimalScenario(appending extra: String = "") -> String {
    """
    title = "T"

    [[fund]]
    id = "grant"
    amount = 1000

    [[service]]
    id = "hub"
    baseline = 400

    """ + extra
}
