import Foundation
import Testing

@Suite struct ExportCommandTests {
    /// The worked example's first stage at 10% in CPLEX LP format, byte for byte
    /// (`scripts/crosscheck/sensitivity.py` has HiGHS read such files and solve them).
    @Test func workedExampleAsLPFormat() throws {
        let directory = try ReportCommandRun.directory(with: ["worked.toml": ReportCommandRun.workedExample])
        let run = try ReportCommandRun.run(["export", "worked.toml", "--cut", "10%", "--format", "lp"], in: directory)
        #expect(run.status == 0)
        let url = SweepBundledGoldenTests.goldenDirectory.appendingPathComponent("export-worked-example-10.lp")
        if ProcessInfo.processInfo.environment["SCENARIO_UPDATE_GOLDEN"] == "1" {
            try run.output.write(to: url, atomically: true, encoding: .utf8)
        }
        #expect(run.output == (try String(contentsOf: url, encoding: .utf8)))
    }

    /// A group with both limits is a ranged row; at 0% its bounds 0.039 and 0.116 (in units of
    /// the £1m fund) are not `0.039 + R` for any double R, so the export rounds the upper bound
    /// by an ulp. The MPS file then solves with `scenario lp` to the first stage's optimum, the
    /// tier's largest shortfall: 0 at 0%; at 20% both services share a 20% cut (a's 80,000 is
    /// within the group's 31,200..92,800).
    @Test(arguments: [(0.0, 0.0), (20, 0.2)])
    func twoSidedGroupExportsAndSolves(cut: Double, optimum: Double) throws {
        let scenario = """
            title = "Ranged group"
            [[fund]]
            id = "grant"
            amount = 1_000_000
            [[service]]
            id = "a"
            baseline = 100_000
            [[service]]
            id = "b"
            baseline = 900_000
            [[group]]
            id = "g"
            services = ["a"]
            min = "3.9%"
            max = "11.6%"
            """
        let directory = try ReportCommandRun.directory(with: ["ranged.toml": scenario])
        let export = try ReportCommandRun.run(
            ["export", "ranged.toml", "--cut", "\(cut)", "--format", "mps", "--output", "ranged.mps"], in: directory)
        #expect(export.status == 0, "\(export.errors)")
        let solve = try ReportCommandRun.run(["lp", "ranged.mps", "--format", "json", "--verify"], in: directory)
        #expect(solve.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(solve.output.utf8)) as? [String: Any])
        #expect(object["status"] as? String == "optimal")
        #expect(abs((object["objective"] as? Double ?? .nan) - optimum) < 1e-9)
        let lp = try ReportCommandRun.run(["export", "ranged.toml", "--cut", "\(cut)", "--format", "lp"], in: directory)
        #expect(lp.output.contains(" group.g: + 0.1 level.a - 1 range.group.g = "))
    }
}
