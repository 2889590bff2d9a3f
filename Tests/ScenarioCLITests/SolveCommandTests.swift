import Foundation
import Testing

@Suite struct SolveCommandTests {
    @Test func feasibleCutInDetail() throws {
        let directory = try ReportCommandRun.directory(with: ["worked.toml": ReportCommandRun.workedExample])
        let run = try ReportCommandRun.run(["solve", "worked.toml", "--cut", "20%"], in: directory)
        #expect(run.status == 0)
        let lines = run.output.components(separatedBy: "\n")
        #expect(lines.first == "Worked example: a 20% cut")
        #expect(lines.contains("Envelope after the cut: £880,000"))
        #expect(lines.contains("rj                 £300,000    £180,000  -£120,000    -40.0%  minimum"))
        #expect(lines.contains("counselling        £200,000    £100,000  -£100,000    -50.0%  share"))
        #expect(lines.contains("grant                         yes       £800,000  £800,000    £0"))
        #expect(lines.contains("Domestic violence ring-fence  yes        £80,000   £80,000    £0"))
        #expect(lines.contains("Money by fund and service (one valid split)"))
        #expect(lines.contains("Maximum feasible cut: 38.18%"))
    }

    @Test func infeasibleCutShowsTheDeficit() throws {
        let directory = try ReportCommandRun.directory(with: ["worked.toml": ReportCommandRun.workedExample])
        let run = try ReportCommandRun.run(["solve", "worked.toml", "--cut", "40", "--format", "json"], in: directory)
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let cut = try #require(object["cut"] as? [String: Any])
        #expect(cut["status"] as? String == "infeasible")
        let deficit = try #require(cut["deficit"] as? Double)
        #expect(abs(deficit - 20_000) < 1e-6)
        #expect(cut["explanation"] is String)
        #expect(object["conflict"] as? [String] == ["floor:hub", "floor:idva", "floor:rj", "fund:grant", "fund:dv"])
    }

    @Test func solveTakesExactlyOneCut() throws {
        let run = try ReportCommandRun.run(["solve", "--cut", "5..10%"])
        #expect(run.status == 64)
        #expect(run.errors.hasSuffix("scenario solve: --cut takes one value, such as 12.5%; use scenario sweep for several\n"))
        #expect(try ReportCommandRun.run(["solve", "--cut", "100%"]).status == 64)
    }

    @Test func invalidScenarioExitsWith65() throws {
        let directory = try ReportCommandRun.directory(with: ["broken.toml": ReportCommandRun.invalidScenario])
        let run = try ReportCommandRun.run(["solve", "broken.toml", "--cut", "5"], in: directory)
        #expect(run.status == 65)
        #expect(run.errors.split(separator: "\n").count == 2)
    }
}
