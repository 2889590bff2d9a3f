import Foundation
import Testing

@Suite struct BreakpointsCommandTests {
    @Test func workedExampleBreakpointsAsText() throws {
        let directory = try ReportCommandRun.directory(with: ["worked.toml": ReportCommandRun.workedExample])
        let run = try ReportCommandRun.run(["breakpoints", "worked.toml", "--cut", "1..50%"], in: directory)
        #expect(run.status == 0)
        let lines = run.output.components(separatedBy: "\n")
        // 1.1m (1 - c) = 900,000, 780,000 and 680,000.
        #expect(lines.contains("Breakpoints between 1.0000% and 50.0000% cut"))
        #expect(lines.contains("18.1818%  rj reaches its minimum of £180,000"))
        #expect(lines.contains("29.0909%  counselling reaches its minimum of £0"))
        #expect(lines.contains("          priority 1 starts to be cut"))
        #expect(lines.contains("38.1818%  the maximum feasible cut: beyond it the hard constraints cannot all be met"))
    }

    @Test func jsonCarriesExactCuts() throws {
        let directory = try ReportCommandRun.directory(with: ["worked.toml": ReportCommandRun.workedExample])
        let run = try ReportCommandRun.run(["breakpoints", "worked.toml", "--format", "json"], in: directory)
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let breakpoints = try #require(object["breakpoints"] as? [[String: Any]])
        let cuts = breakpoints.compactMap { $0["cut_pct"] as? Double }
        let expected = [900.0, 780, 680].map { 100 * (1 - $0 / 1100) }
        #expect(cuts.count == 3)
        for (cut, reference) in zip(cuts, expected) { #expect(abs(cut - reference) < 1e-4) }
        #expect(breakpoints.last?["maximum_feasible_cut"] as? Bool == true)
        // Events are facts: rj's minimum starts to bind at the first breakpoint.
        let first = try #require(breakpoints.first?["events"] as? [[String: Any]])
        #expect(first.count == 1)
        #expect(first.first?["kind"] as? String == "minimum" && first.first?["id"] as? String == "rj")
        #expect(first.first?["starts"] as? Bool == true)
        #expect(breakpoints.first?["smallest_feasible_cut"] as? Bool == false)
    }

    @Test func rangeIsRequiredToBeARange() throws {
        let run = try ReportCommandRun.run(["breakpoints", "--cut", "10%"])
        #expect(run.status == 64)
        #expect(run.errors.hasSuffix("scenario breakpoints: --cut takes a range A..B%, such as 0..30%\n"))
    }
}
