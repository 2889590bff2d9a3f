import Foundation
import Testing

/// Sweeps and breakpoint walks through the maximum feasible cut of generated scenarios where a
/// cut 1e-6 points past it ended the whole command with numericalFailure and exit status 1.
@Suite struct NearMaximumCutCommandTests {
    static func fixture(_ name: String) -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/\(name)")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? "missing fixture \(url.path)"
    }

    /// `generate.py --seed 15`, maximum cut 59.06686776705…%: m ± 1e-3 and m ± 1e-6 in one sweep.
    @Test func sweepAroundTheMaximumCutFinishes() throws {
        let directory = try ReportCommandRun.directory(with: ["s.toml": Self.fixture("near-maximum-cut.toml")])
        let cuts = "59.065867767,59.066867766,59.066868767,59.067867767"
        let run = try ReportCommandRun.run(["sweep", "s.toml", "--cut", cuts, "--format", "json"], in: directory)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.errors.isEmpty)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let results = try #require(object["cuts"] as? [[String: Any]])
        #expect(results.map { $0["status"] as? String } == ["optimal", "optimal", "infeasible", "infeasible"])
        let deficits = results.map { $0["deficit"] as? Double }
        // £0.0455 and £45.53: D grows by the cut funds' £45,530 per point past the maximum.
        #expect(deficits[2].map { $0 > 0.04 && $0 < 0.05 } == true, "\(deficits)")
        #expect(deficits[3].map { abs($0 - 45.53) < 0.01 } == true, "\(deficits)")
    }

    /// `generate.py --seed 117`: past the maximum cut no money helps; `breakpoints` walked into
    /// that point and failed.
    @Test func breakpointsWalkThroughAHopelessMaximumCut() throws {
        let directory = try ReportCommandRun.directory(
            with: ["s.toml": Self.fixture("amount-minimum-against-percent-maximum.toml")])
        let run = try ReportCommandRun.run(["breakpoints", "s.toml"], in: directory)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("63.2340%  the maximum feasible cut"), "\(run.output)")
        let sweep = try ReportCommandRun.run(
            ["sweep", "s.toml", "--cut", "63.234026143,63.234028143", "--format", "csv"], in: directory)
        #expect(sweep.status == 0, "\(sweep.errors)")
        let lines = sweep.output.split(separator: "\r\n")
        let infeasible = try #require(lines.last)
        // The deficit column is empty: no amount of money helps.
        #expect(infeasible.hasPrefix("63.234028143,infeasible,,,,,,,,,,1244060.11"))
        #expect(infeasible.contains(",1244060,null,\"At a 63.234% cut no amount of extra money can meet"))
    }

    /// `generate.py --seed 8` times 1,000: `unallocated_rounded` of -21 on £2.2bn before.
    @Test func noNegativeUnallocatedOnBillions() throws {
        let directory = try ReportCommandRun.directory(with: ["b.toml": Self.fixture("billions.toml")])
        let run = try ReportCommandRun.run(["sweep", "b.toml", "--cut", "0..60%", "--step", "2.5", "--format", "json"], in: directory)
        #expect(run.status == 0, "\(run.errors)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let cuts = try #require(object["cuts"] as? [[String: Any]])
        let optimal = cuts.filter { $0["status"] as? String == "optimal" }
        #expect(optimal.count >= 13)
        for cut in optimal {
            let unallocated = try #require(cut["unallocated_rounded"] as? Double)
            let envelope = try #require(cut["envelope"] as? Double), allocated = try #require(cut["allocated"] as? Double)
            #expect(unallocated >= 0, "\(cut["cut_pct"] ?? "?"): \(unallocated)")
            #expect(allocated <= envelope + 1e-12 * 2_244_000_000)
        }
    }
}
