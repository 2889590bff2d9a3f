import Foundation
import Testing

/// `scenario sweep --cut 5..20%` on the bundled Cambridgeshire scenario, the
/// board-paper sweep, byte for byte in every format. To regenerate after a
/// deliberate change, run with `SCENARIO_UPDATE_GOLDEN=1` and review the diff.
@Suite struct SweepBundledGoldenTests {
    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden")

    static func boardPaperSweep(_ format: String) throws -> ReportCommandRun {
        let run = try ReportCommandRun.run(["sweep", "--cut", "5..20%", "--format", format])
        #expect(run.status == 0)
        #expect(run.errors == "Using the bundled scenario cambridgeshire-2015-16.toml\n")
        return run
    }

    @Test(arguments: [
        ("text", "bundled-sweep-5-20.txt"), ("markdown", "bundled-sweep-5-20.md"),
        ("csv", "bundled-sweep-5-20.csv"), ("json", "bundled-sweep-5-20.json"),
    ])
    func matchesGolden(format: String, file: String) throws {
        let output = try Self.boardPaperSweep(format).output
        let url = Self.goldenDirectory.appendingPathComponent(file)
        if ProcessInfo.processInfo.environment["SCENARIO_UPDATE_GOLDEN"] == "1" {
            try output.write(to: url, atomically: true, encoding: .utf8)
        }
        #expect(output == (try String(contentsOf: url, encoding: .utf8)), "\(file) differs from the golden file")
    }

    /// In the JSON, per cut: rounded services add up to rounded allocated, allocated plus
    /// unallocated to the rounded envelope, and each rounded figure is within a pound.
    @Test func jsonColumnsAddUp() throws {
        let output = try Self.boardPaperSweep("json").output
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let cuts = try #require(object["cuts"] as? [[String: Any]])
        #expect(cuts.compactMap { $0["cut_pct"] as? Double } == [5, 10, 15, 20])
        for cut in cuts {
            #expect(cut["status"] as? String == "optimal")
            let services = try #require(cut["services"] as? [[String: Any]])
            #expect(services.count == 8)
            var sum = 0.0
            for service in services {
                let exact = try #require(service["allocation"] as? Double)
                let rounded = try #require(service["allocation_rounded"] as? Double)
                #expect(abs(exact - rounded) < 1)
                sum += rounded
            }
            let allocated = try #require(cut["allocated_rounded"] as? Double)
            let unallocated = try #require(cut["unallocated_rounded"] as? Double)
            let envelope = try #require(cut["envelope_rounded"] as? Double)
            #expect(sum == allocated)
            #expect(allocated + unallocated == envelope)
            let exactEnvelope = try #require(cut["envelope"] as? Double)
            #expect(abs(exactEnvelope - envelope) <= 0.5)
        }
    }

    /// In the text table, every cut column's service rows add up to its Total allocated row,
    /// and Total allocated plus Unallocated to the Envelope row.
    @Test func textColumnsAddUp() throws {
        let lines = try Self.boardPaperSweep("text").output.components(separatedBy: "\n")
        let header = try #require(lines.firstIndex { $0.hasPrefix("Service") && $0.contains("Baseline") })
        let total = try #require(lines.firstIndex { $0.hasPrefix("Total allocated") })
        func amounts(_ line: String) -> [Double] {
            line.split(separator: " ").filter { $0.contains("£") }.map { word in
                let digits = word.filter { $0.isNumber }
                return (Double(String(digits)) ?? .nan) * (word.hasPrefix("-") ? -1 : 1)
            }
        }
        let serviceRows = lines[(header + 2)..<(total - 1)].map(amounts)
        #expect(serviceRows.count == 8)
        let totals = amounts(lines[total])
        #expect(totals.count == 5)  // Baseline and four cuts
        for column in 0..<5 {
            #expect(serviceRows.reduce(0) { $0 + $1[column] } == totals[column])
        }
        let unallocated = amounts(lines[total + 1]), envelope = amounts(lines[total + 2])
        #expect(unallocated.count == 4 && envelope.count == 4)
        for column in 0..<4 {
            #expect(totals[column + 1] + unallocated[column] == envelope[column])
        }
    }
}
