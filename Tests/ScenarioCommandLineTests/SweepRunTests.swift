import Foundation
import ScenarioCommandLine
import Testing

/// `scenario sweep` in-process on the worked example of SCENARIO-SPEC section 9
/// (`Tests/Fixtures/worked-example.toml`).
@Suite struct SweepRunTests {
    private func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    /// At 10% the envelope is 990,000: the hub keeps its 400,000 (protected), idva (priority 1)
    /// its 200,000, and rj and counselling share 390,000 of their 500,000 by equal percentage
    /// cuts of 22%: 234,000 and 156,000.
    @Test func writesTheAllocationOfEachCut() throws {
        let output = try scratchDirectory() + "/sweep.json"
        try SweepRun.run(file: BoardCommandTests.workedExample, cut: "0,10%", output: output, jobs: "1")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(try read(output).utf8)) as? [String: Any])
        let cuts = try #require(object["cuts"] as? [[String: Any]])
        #expect(cuts.map { $0["cut_pct"] as? Double } == [0, 10])
        let services = try #require(cuts[1]["services"] as? [[String: Any]])
        let allocations = services.compactMap { $0["allocation"] as? Double }
        let expected: [Double] = [400_000, 200_000, 234_000, 156_000]
        #expect(allocations.count == 4 && zip(allocations, expected).allSatisfy { abs($0 - $1) < 0.01 }, "\(allocations)")
    }

    /// `--interactive` adds the cut slider to the html page, and only the html page takes it.
    @Test func interactiveAddsTheSliderToHTMLOnly() throws {
        let directory = try scratchDirectory()
        try SweepRun.run(file: BoardCommandTests.workedExample, cut: "5..15%", output: directory + "/live.html", interactive: true)
        try SweepRun.run(file: BoardCommandTests.workedExample, cut: "5..15%", output: directory + "/still.html")
        let slider = "<input type=\"range\" id=\"live-cut\""
        #expect(try read(directory + "/live.html").contains(slider))
        #expect(try !read(directory + "/still.html").contains(slider))
        #expect(exitStatus {
            try SweepRun.run(file: BoardCommandTests.workedExample, cut: "5..15%", output: directory + "/live.md", interactive: true)
        } == 64)
        #expect(try entries(of: directory) == ["live.html", "still.html"])
    }

    /// The usage checks come before the scenario is read: a missing file still gives 64.
    @Test(arguments: [
        ["--interactive"], ["--latex-standalone"], ["--jobs", "0"], ["--max-cuts", "2"], ["--format", "latex", "--step", "0.1"],
    ])
    func usageErrorsComeFirst(arguments: [String]) throws {
        let missing = try scratchDirectory() + "/missing.toml"
        #expect(exitStatus {
            try SweepRun.run(
                file: missing, cut: "0..30%", step: arguments.contains("--step") ? "0.1" : nil,
                format: arguments.contains("--format") ? .latex : nil,
                latexStandalone: arguments.contains("--latex-standalone"),
                jobs: arguments.contains("--jobs") ? "0" : nil, maxCuts: arguments.contains("--max-cuts") ? "2" : nil,
                interactive: arguments.contains("--interactive"))
        } == 64)
        #expect(exitStatus { try SweepRun.run(file: missing, cut: "0..30%") } == 1)
    }
}
