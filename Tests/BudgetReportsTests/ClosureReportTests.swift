import BudgetModel
import BudgetReports
import Foundation
import Testing

/// Closures in the reports (SCENARIO-SPEC section 12): a closed service is marked `closed` in
/// every format's table, and a sentence names the closures the cut forced. The results are the
/// allocator's on the three-service scenario of `ClosureTests` (hand-worked there): everyone
/// open at 30%, c closed at 40%, both closed at 55%, and 65% infeasible with both closed.
@Suite struct ClosureReportTests {
    static let scenario = Scenario(
        title: "Closures", funds: [Fund(id: "grant", amount: 1000)],
        services: [
            Service(id: "a", name: "Advice", baseline: 500, minimum: .percent(80), priority: 1),
            Service(id: "b", name: "Befriending", baseline: 300, minimum: .percent(50), isClosable: true),
            Service(id: "c", name: "Counselling", baseline: 200, minimum: .percent(50), isClosable: true),
        ])

    static func header() throws -> SweepHeader {
        SweepHeader(
            document: ScenarioDocument(scenario: scenario, fileName: "closures.toml", sha256: String(repeating: "0", count: 64)),
            toolVersion: "0.1.0", maximumFeasibleCut: try Allocator(scenario: scenario).maximumFeasibleCut())
    }

    static func results() throws -> [CutResult] {
        let allocator = Allocator(scenario: scenario)
        return try [30.0, 40, 55, 65].map { try allocator.result(atCut: $0) }
    }

    private func sweep(_ format: SweepFormat) throws -> String {
        var writer = format.makeWriter(header: try Self.header(), output: "")
        for result in try Self.results() { writer.write(result) }
        writer.finish()
        return writer.output
    }

    @Test func theFactsBehindTheWords() throws {
        let results = try Self.results()
        #expect(results.map(\.closedServices) == [[], [2], [1, 2], [1, 2]])
        #expect(results[1].services[2].binding == .closed && results[1].services[2].allocation == 0)
        #expect(results[3].status == .infeasible)
    }

    @Test(arguments: [SweepFormat.text, .markdown])
    func proseTablesMarkTheClosedServiceAndNameTheForcedClosures(format: SweepFormat) throws {
        let text = try sweep(format)
        #expect(text.contains("closed"))
        #expect(text.contains("Note (40% cut): The cut forces 1 closure: Counselling (with it open, the cut cannot be met)."))
        #expect(text.contains(
            "Note (55% cut): The cut forces 2 closures: Befriending and Counselling (with any one of them open, the cut cannot be met)."))
        #expect(text.contains(
            "Note (65% cut): The least deficit needs 2 closures: Befriending and Counselling (with any one of them open, the deficit would be larger)."))
        #expect(!text.contains("Note (30% cut): The cut forces"))
    }

    @Test func csvGivesTheClosedBinding() throws {
        let rows = try sweep(.csv).components(separatedBy: "\r\n")
        #expect(rows.contains { $0.hasPrefix("40,optimal,c,Counselling,200,0.0,0,-200.0,-200,-100.0,closed,") })
        #expect(rows.contains { $0.hasPrefix("40,optimal,b,Befriending,300,150.0,150,-150.0,-150,-50.0,minimum,") })
    }

    @Test func jsonCarriesTheClosedServicesOnEveryCut() throws {
        let text = try sweep(.json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let cuts = try #require(object["cuts"] as? [[String: Any]])
        #expect(cuts.map { $0["closed"] as? [String] ?? ["?"] } == [[], ["c"], ["b", "c"], ["b", "c"]])
        #expect(cuts[0]["closures_explanation"] is NSNull)
        #expect((cuts[1]["closures_explanation"] as? String)?.hasPrefix("The cut forces 1 closure: Counselling") == true)
        let services = try #require(cuts[1]["services"] as? [[String: Any]])
        #expect(services[2]["binding"] as? String == "closed")
        #expect(services[2]["allocation"] as? Double == 0)
        #expect(object["max_feasible_cut_pct"] as? Double == 60)
    }

    @Test(arguments: [SweepFormat.latex, .html, .csvWide])
    func theOtherFormatsStillWrite(format: SweepFormat) throws {
        let text = try sweep(format)
        #expect(text.contains("Counselling"))
        if format != .csvWide { #expect(text.contains("closed")) }
    }

    @Test func solveSaysWhichClosuresTheCutForced() throws {
        let result = try Self.results()[1]
        let text = CutDetailReport(header: try Self.header(), result: result).text()
        #expect(text.contains("The cut forces 1 closure: Counselling (with it open, the cut cannot be met)."))
        #expect(text.contains("closed"))
    }

    @Test func breakpointsShowTheJumpsWithTheirValues() throws {
        let breakpoints = try BreakpointFinder(allocator: Allocator(scenario: Self.scenario)).breakpoints(in: 0...70)
        let report = BreakpointReport(header: try Self.header(), range: 0...70, breakpoints: breakpoints)
        let text = report.text()
        #expect(text.contains("Counselling closes: the cut cannot be met with it open"))
        #expect(text.contains("Advice jumps from £400 to £500"))
        #expect(text.contains("Counselling reopens"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
        let items = try #require(object["breakpoints"] as? [[String: Any]])
        let jump = try #require(items.first { $0["jump"] != nil }?["jump"] as? [String: Any])
        #expect(jump["closed_before"] as? [String] == [])
        #expect(jump["closed_after"] as? [String] == ["c"])
        let values = try #require(jump["services"] as? [[String: Any]])
        #expect(values.map { $0["id"] as? String } == ["a", "b", "c"])
        #expect(abs((values[0]["before"] as? Double ?? .nan) - 400) < 1e-6)
        #expect(abs((values[0]["after"] as? Double ?? .nan) - 500) < 1e-6)
        let kinds = try #require(items.first { $0["jump"] != nil }?["events"] as? [[String: Any]]).compactMap { $0["kind"] as? String }
        #expect(kinds.contains("closure") && kinds.contains("jump"))
    }
}

/// The HTML change chart breaks its lines where the closed services change (SCENARIO-SPEC
/// section 12, jumps): 20% and 30% keep everyone open, 40% closes Counselling, so each line
/// joins 20% to 30% and starts again at 40%.
@Suite struct ClosureChartTests {
    @Test func linesBreakAtAChangeOfClosures() throws {
        let allocator = Allocator(scenario: ClosureReportTests.scenario)
        let results = try [20.0, 30, 40].map { try allocator.result(atCut: $0) }
        #expect(results.map(\.closedServices) == [[], [], [2]])
        var writer = SweepFormat.html.makeWriter(header: try ClosureReportTests.header(), output: "")
        for result in results { writer.write(result) }
        writer.finish()
        let html = writer.output
        #expect(html.contains("The lines break where the closed services change, as the allocations jump between those cuts: between 30% and 40%."))
        let chart = try #require(html.range(of: "Change from baseline of each service at each cut"))
        // The service lines are the unfilled paths (markers are filled).
        let lines = html[chart.lowerBound...].components(separatedBy: "<path d=\"").dropFirst()
            .compactMap { path -> Substring? in
                let d = path.prefix { $0 != "\"" }
                return path.dropFirst(d.count).hasPrefix("\" fill=\"none\"") ? d : nil
            }
        // Each of the three services has a figure at all three cuts: move, line to 30%, move to 40%.
        #expect(lines.count == 3)
        for line in lines {
            #expect(line.filter { $0 == "M" }.count == 2 && line.filter { $0 == "L" }.count == 1)
            #expect(line.firstIndex(of: "L")! < line.lastIndex(of: "M")!)
        }
    }
}
