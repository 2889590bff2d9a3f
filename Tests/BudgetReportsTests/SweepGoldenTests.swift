import BudgetModel
import BudgetReports
import Foundation
import Testing

/// Byte-exact comparisons with the files in `Golden/`. To regenerate them after a
/// deliberate change, run the tests with `SCENARIO_UPDATE_GOLDEN=1` and review the diff.
@Suite struct SweepGoldenTests {
    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden")

    static func expectMatchesGolden(_ actual: String, file name: String) throws {
        let url = goldenDirectory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["SCENARIO_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "\(name) differs from the golden file")
    }

    @Test(arguments: [
        (SweepFormat.text, "worked-example.txt"), (.markdown, "worked-example.md"),
        (.csv, "worked-example.csv"), (.json, "worked-example.json"),
    ])
    func workedExample(format: SweepFormat, file: String) throws {
        try Self.expectMatchesGolden(WorkedExample.report(format), file: file)
    }

    /// Eight cuts in £k: two blocks of columns (six, then two), each a complete table.
    @Test func longSweepInThousandsIsPrintedInBlocks() throws {
        var scenario = WorkedExample.scenario
        scenario.unit = 1000
        scenario.currency = "EUR"
        scenario.source = nil
        let header = SweepHeader(
            document: ScenarioDocument(scenario: scenario, fileName: "worked_example.toml", sha256: "00ff"),
            toolVersion: "0.1.0", maximumFeasibleCut: nil)
        let results = (1...8).map { step -> CutResult in
            let cut = Double(step) * 2.5
            let envelope = 1_100_000 * (1 - cut / 100)
            let rest = envelope - 600_000
            return CutResult(
                cutPercent: cut, envelope: envelope, status: .optimal,
                services: [
                    WorkedExample.service("hub", 400_000, 400_000, .protected),
                    WorkedExample.service("idva", 200_000, 200_000, .maximum),
                    WorkedExample.service("rj", 300_000, rest * 0.6, .share),
                    WorkedExample.service("counselling", 200_000, rest * 0.4, .share),
                ])
        }
        let text = WorkedExample.report(.text, header: header, results: results)
        try Self.expectMatchesGolden(text, file: "blocks-in-thousands.txt")
        let markdown = WorkedExample.report(.markdown, header: header, results: results)
        try Self.expectMatchesGolden(markdown, file: "blocks-in-thousands.md")
    }
}
