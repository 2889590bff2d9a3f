import Foundation
import ScenarioCommandLine
import Testing

/// `scenario plan` in-process on the hand-worked plan (`Tests/Fixtures/hand-plan.toml`).
@Suite struct PlanRunTests {
    static let fixture = BoardCommandTests.fixture("hand-plan.toml")
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ScenarioCLITests/Golden/hand-plan-5-10-0.json").path

    /// The path 5%, 10%, 0% as JSON is the report the command line's golden file holds (which
    /// names the file as given there, `hand-plan.toml`).
    @Test func writesThePlanReport() throws {
        let output = try scratchDirectory() + "/plan.json"
        try PlanRun.run(file: Self.fixture, cut: nil, path: "5,10,0%", output: output)
        let written = try String(contentsOfFile: output, encoding: .utf8)
            .replacingOccurrences(of: "\"file\": \"\(Self.fixture)\"", with: "\"file\": \"hand-plan.toml\"")
        #expect(written == (try String(contentsOfFile: Self.golden, encoding: .utf8)))
    }

    /// Neither `--cut` nor `--path`, and `--latex-standalone` without latex, are usage errors
    /// found before the file is read; a file without a plan is invalid input.
    @Test func usageChecksComeBeforeTheFile() throws {
        let directory = try scratchDirectory()
        let missing = directory + "/missing.toml"
        #expect(exitStatus { try PlanRun.run(file: missing, cut: nil) } == 64)
        #expect(exitStatus { try PlanRun.run(file: missing, cut: "5%", format: .json, latexStandalone: true) } == 64)
        #expect(exitStatus { try PlanRun.run(file: missing, cut: "5%", output: directory + "/plan.xlsx") } == 64)
        #expect(exitStatus { try PlanRun.run(file: missing, cut: "5%") } == 1)
        #expect(exitStatus { try PlanRun.run(file: BoardCommandTests.workedExample, cut: "5%") } == 65)
        #expect(exitStatus { try PlanRun.run(file: Self.fixture, cut: "5%", path: "5,5,5%") } == 64)
        #expect(try entries(of: directory).isEmpty)
    }
}
