import BudgetModel
import Foundation
import ScenarioCommandLine
import Testing

/// `scenario commit` and `scenario compare` run in-process on the worked example's files.
@Suite struct BoardCommandTests {
    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/\(name)").path
    }

    static let workedExample = fixture("worked-example.toml")
    static let optionB = fixture("worked-example-option-b.toml")

    private func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    /// 5..25%: the guarantees worked by hand in BudgetModelTests, as the JSON file says them.
    @Test func commitWritesTheSpecJSON() throws {
        let output = try scratchDirectory() + "/commit.json"
        try CommitRun.run(file: Self.workedExample, cut: "5..25%", format: nil, output: output)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(try read(output).utf8)) as? [String: Any])
        #expect(object["range_pct"] as? [Double] == [5, 25])
        #expect((object["infeasible_pct"] as? [Any])?.isEmpty == true)
        let services = try #require(object["services"] as? [[String: Any]])
        let rounded = services.map { $0["guaranteed_rounded"] as? Double }
        #expect(rounded == [400_000, 200_000, 180_000, 45_000])
        #expect(services.map { $0["at_risk_rounded"] as? Double } == [0, 0, 120_000, 155_000])
        let rjReachesItsMinimum: Double = 100 * (1 - 900.0 / 1100)
        let rjAt = services[2]["at_cut_pct"] as? Double ?? .nan
        #expect(abs(rjAt - rjReachesItsMinimum) < 1e-6)
    }

    /// `--year 2018/19 --path 5` on the hand-worked plan (`PlanHandWorkedTests`): that year the
    /// grant holds 850,000 × 0.95 × (1 - c/100), the hub is protected at 416,160, rj-old has
    /// ended, and rj-new (200,000) and counselling (312,120) share the rest by one shortfall,
    /// above their floors throughout 0..10%; so each guarantee is its amount at 10%, where
    /// the grant holds 726,750: share (726,750 - 416,160) / 512,120.
    @Test func commitWorksOnAPlannedYear() throws {
        let directory = try scratchDirectory()
        try CommitRun.run(
            file: Self.fixture("hand-plan.toml"), cut: "0..10%", format: .json, output: directory + "/commit.json",
            year: "2018/19", path: "5")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(try read(directory + "/commit.json").utf8)) as? [String: Any])
        let services = try #require(object["services"] as? [[String: Any]])
        #expect(services.map { $0["id"] as? String } == ["hub", "rj-new", "counselling"])
        let share = (726_750.0 - 416_160) / 512_120
        let expected: [(baseline: Double, guaranteed: Double, at: Double)] = [
            (416_160, 416_160, 0), (200_000, 200_000 * share, 10), (312_120, 312_120 * share, 10),
        ]
        for (service, want) in zip(services, expected) {
            #expect(abs((service["baseline"] as? Double ?? .nan) - want.baseline) < 1e-6)
            #expect(abs((service["guaranteed"] as? Double ?? .nan) - want.guaranteed) < 1e-4, "\(service)")
            #expect(abs((service["at_cut_pct"] as? Double ?? .nan) - want.at) < 1e-6, "\(service)")
        }
        #expect(exitStatus {
            try CommitRun.run(file: Self.workedExample, cut: "0..10%", format: nil, output: nil, year: "2018/19")
        } == 64)
    }

    @Test func commitReportsInEveryFormat() throws {
        let document = try ScenarioDecoder.decode(contentsOf: Self.workedExample)
        let report = try CommitRun.report(document, range: 20...40)
        #expect(report.rendered(.text).contains("idva           £200,000    £100,000   38.1818%  £100,000"))
        #expect(report.rendered(.markdown).contains("| counselling | £200,000 | £0 | 29.0909% | £200,000 |"))
        #expect(report.rendered(.html).contains("<td class=\"num\">38.1818%</td>"))
        #expect(report.rendered(.latex).contains("idva & \\pounds{}200,000 & \\pounds{}100,000 & 38.1818\\% & \\pounds{}100,000"))
        #expect(report.rendered(.csv).contains("\r\nidva,idva,200000.0,"))
    }

    @Test(arguments: [["5"], ["5..5"], ["0..30", "report.xlsx"], ["0..30", "report.json", "standalone"]])
    func commitUsageErrors(arguments: [String]) throws {
        let directory = try scratchDirectory()
        #expect(exitStatus {
            try CommitRun.run(
                file: Self.workedExample, cut: arguments[0], format: nil,
                output: arguments.count > 1 ? directory + "/" + arguments[1] : nil, latexStandalone: arguments.count > 2)
        } == 64)
    }

    @Test func compareWritesTheSpecJSON() throws {
        let output = try scratchDirectory() + "/compare.json"
        try CompareRun.run(files: [Self.workedExample, Self.optionB], cut: "10..40%", step: "30", format: nil, output: output)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(try read(output).utf8)) as? [String: Any])
        let scenarios = try #require(object["scenarios"] as? [[String: Any]])
        #expect(scenarios.map { $0["title"] as? String } == ["Worked example", "Worked example, option B"])
        #expect(scenarios.allSatisfy { ($0["sha256"] as? String)?.count == 64 })
        let cuts = try #require(object["cuts"] as? [[String: Any]])
        #expect(cuts.map { $0["cut_pct"] as? Double } == [10, 40])
        let services = try #require(cuts[0]["services"] as? [[String: Any]])
        #expect(services.map { $0["id"] as? String } == ["hub", "idva", "rj", "counselling", "outreach"])
        // At 10% (envelope 990,000) both options cut rj and the last service alike: 234,000 and 156,000.
        let rj = try #require(services[2]["allocations"] as? [Double])
        #expect(abs(rj[0] - 234_000) < 0.01 && abs(rj[1] - 234_000) < 0.01)
        let outreach = try #require(services[4]["allocations"] as? [Any])
        #expect(outreach[0] is NSNull && abs((outreach[1] as? Double ?? .nan) - 156_000) < 0.01)
        #expect(cuts[1]["statuses"] as? [String] == ["infeasible", "infeasible"])
        // At 40% (envelope 660,000) A's floors need 400,000 + 100,000 + 180,000 and B's
        // 400,000 + 100,000 + 120,000 + 50,000: deficits of 20,000 and 10,000.
        let deficits = try #require(cuts[1]["deficits"] as? [Double])
        #expect(abs(deficits[0] - 20_000) < 1e-6 && abs(deficits[1] - 10_000) < 1e-6)
        #expect((cuts[0]["deficits"] as? [Any])?.allSatisfy { $0 is NSNull } == true)
        let text = try scratchDirectory() + "/compare.txt"
        try CompareRun.run(files: [Self.workedExample, Self.optionB], cut: "40%", step: nil, format: nil, output: text)
        let table = try read(text)
        #expect(table.contains(#/\nDeficit +£20,000 +£10,000/#), "\(table)")
    }

    /// One file, a currency that differs, and more than 200 cuts are usage errors.
    @Test func compareUsageErrors() throws {
        #expect(exitStatus { try CompareRun.run(files: [Self.workedExample], cut: "10", step: nil, format: nil, output: nil) } == 64)
        #expect(exitStatus {
            try CompareRun.run(files: [Self.workedExample, Self.optionB], cut: "0..30", step: "0.1", format: nil, output: nil)
        } == 64)
        let euro = try scratchDirectory() + "/euro.toml"
        try (try read(Self.optionB)).replacingOccurrences(of: "title = ", with: "currency = \"EUR\"\ntitle = ")
            .write(toFile: euro, atomically: true, encoding: .utf8)
        #expect(exitStatus { try CompareRun.run(files: [Self.workedExample, euro], cut: "10", step: nil, format: nil, output: nil) } == 64)
    }
}
