import BudgetModel
import BudgetReports
import Foundation
import Testing

/// Reports of a scenario with areas (SCENARIO-SPEC section 13), from results worked by hand:
/// three areas of 50,000 cut at rates 1, 0.5 and 2, each with a local service of 40,000, sharing a
/// co-ordinator of 25,000 equally.
///
/// At 10% the areas hold 45,000, 47,500 and 40,000. Z's money limits everyone: its service and its
/// third of the co-ordinator take the same shortfall, 40,000 l + 25,000 l / 3 = 40,000, so
/// l = 24/29: Z's service 33,103.45, the co-ordinator 20,689.66 (6,896.55 from each area). X's
/// service takes the rest of X's money, 38,103.45; Y's reaches its maximum of 40,000 and leaves
/// 603.45 of Y's grant unallocated. At 60% Z's grant (cut at twice the rate) holds nothing, so
/// Z's service and the co-ordinator get nothing; X's and Y's services take 20,000 and 35,000.
@Suite struct AreaReportTests {
    static let scenario = Scenario(
        title: "Three areas",
        funds: [
            Fund(id: "x-grant", name: "X grant", amount: 50_000, area: "x"),
            Fund(id: "y-grant", name: "Y grant", amount: 50_000, cutMultiplier: 0.5, area: "y"),
            Fund(id: "z-grant", name: "Z grant", amount: 50_000, cutMultiplier: 2, area: "z"),
        ],
        services: [
            Service(id: "x-local", name: "X services", baseline: 40_000, area: "x"),
            Service(id: "y-local", name: "Y services", baseline: 40_000, area: "y"),
            Service(id: "z-local", name: "Z services", baseline: 40_000, area: "z"),
            Service(id: "coordinator", name: "Co-ordinator", baseline: 25_000, contributions: .equal),
        ],
        areas: [Area(id: "x", name: "Area X"), Area(id: "y", name: "Area Y"), Area(id: "z", name: "Area Z")])

    static let header = SweepHeader(
        document: ScenarioDocument(scenario: scenario, fileName: "three-areas.toml", sha256: "00ff"),
        toolVersion: "0.1.0", maximumFeasibleCut: 100)

    static func result(_ cut: Double, x: Double, y: Double, z: Double, coordinator: Double, bindings: [Binding]) -> CutResult {
        let share = coordinator / 3
        let split = [[x, 0, 0, share], [0, y, 0, share], [0, 0, z, share]]
        let amounts = [x, y, z, coordinator]
        var result = CutResult(
            cutPercent: cut, envelope: scenario.envelope(afterCut: cut), status: .optimal,
            services: scenario.services.indices.map {
                ServiceAllocation(serviceID: scenario.services[$0].id, baseline: scenario.services[$0].baseline, allocation: amounts[$0], binding: bindings[$0])
            },
            fundSplit: split)
        let left = scenario.funds[1].amount(afterCut: cut) - y - share
        if left > 1e-6 { result.unallocatedByFund = [UnallocatedFund(fundID: "y-grant", amount: left, reason: .areaFull)] }
        result.areas = AreaResult.results(of: scenario, atCut: cut, split: split)
        return result
    }

    static let level = 24.0 / 29
    static let results = [
        result(10, x: 45_000 - 25_000 * level / 3, y: 40_000, z: 40_000 * level, coordinator: 25_000 * level,
               bindings: [.area("x"), .maximum, .area("z"), .area("x")]),
        result(60, x: 20_000, y: 35_000, z: 0, coordinator: 0, bindings: [.area("x"), .area("y"), .minimum, .minimum]),
    ]

    static func report(_ format: SweepFormat) -> String {
        var writer = format.makeWriter(header: header, output: "")
        for result in results { writer.write(result) }
        writer.finish()
        return writer.output
    }

    @Test func areaFactsAddUp() {
        let ten = Self.results[0]
        #expect(ten.areas.map(\.funds) == [45_000, 47_500, 40_000])
        for area in ten.areas {
            #expect(abs((area.pays.first { $0.serviceID == "coordinator" }?.amount ?? 0) - 25_000 * Self.level / 3) < 1e-9)
        }
        #expect(abs(ten.areas[1].unallocated - (7_500 - 25_000 * Self.level / 3)) < 1e-9)
        #expect(ten.areas.allSatisfy { !$0.isOneValidSplit })
    }

    @Test(arguments: [
        (SweepFormat.text, "three-areas.txt"), (.markdown, "three-areas.md"), (.csv, "three-areas.csv"),
        (.json, "three-areas.json"), (.latex, "three-areas.tex"), (.html, "three-areas.html"),
    ])
    func sweepGolden(format: SweepFormat, file: String) throws {
        try SweepGoldenTests.expectMatchesGolden(Self.report(format), file: file)
    }

    @Test func solveGolden() throws {
        let report = CutDetailReport(header: Self.header, result: Self.results[0])
        try SweepGoldenTests.expectMatchesGolden(report.text(), file: "solve-three-areas-10.txt")
        let view = CutDetailReport(header: Self.header, result: Self.results[0], areaID: "y")
        try SweepGoldenTests.expectMatchesGolden(view.text(), file: "solve-three-areas-10-area-y.txt")
        try SweepGoldenTests.expectMatchesGolden(view.json(), file: "solve-three-areas-10-area-y.json")
    }

    /// JSON carries per cut `areas` with exact figures that add up, and the rounded ones that add
    /// up to the rounded funds.
    @Test func jsonAreasAddUp() throws {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(Self.report(.json).utf8)) as? [String: Any])
        let cuts = try #require(object["cuts"] as? [[String: Any]])
        let areas = try #require(cuts[0]["areas"] as? [[String: Any]])
        #expect(areas.map { $0["id"] as? String } == ["x", "y", "z"])
        for area in areas {
            let pays = try #require(area["pays"] as? [[String: Any]])
            let paid = pays.reduce(0.0) { $0 + ($1["amount"] as? Double ?? .nan) }
            let paidRounded = pays.reduce(0.0) { $0 + ($1["amount_rounded"] as? Double ?? .nan) }
            let funds = try #require(area["funds"] as? Double), left = try #require(area["unallocated"] as? Double)
            #expect(abs(paid + left - funds) < 1e-9)
            #expect(paidRounded + (area["unallocated_rounded"] as? Double ?? .nan) == area["funds_rounded"] as? Double)
        }
        // 6,896.55 from each area: rounded 6,897 (X and Z, whose remainders are larger) or 6,896.
        let y = try #require(areas[1]["pays"] as? [[String: Any]])
        #expect(y.map { $0["service"] as? String } == ["y-local", "coordinator"])
    }

    /// An infeasible cut carries `areas` too: at 60% the areas hold 20,000, 35,000 and 0. With a
    /// fallback (z's service's minimum gone, x's and y's services taking all their areas' money)
    /// each area pays what the fallback allocation pays; without one, the funds alone.
    @Test func infeasibleCutCarriesTheAreas() throws {
        var infeasible = CutResult(
            cutPercent: 60, envelope: Self.scenario.envelope(afterCut: 60), status: .infeasible, services: [],
            deficit: 20_000, conflict: [ConflictConstraint(kind: .minimum, id: "z-local", amount: 20_000, limit: 20_000)])
        let split: [[Double]] = [[20_000, 0, 0, 0], [0, 35_000, 0, 0], [0, 0, 0, 0]]
        let fallback = Fallback(
            floors: [Fallback.Floor(priority: 0, isProtected: false, factor: 0)],
            services: Self.scenario.services.indices.map {
                Fallback.ServiceAmount(serviceID: Self.scenario.services[$0].id, baseline: Self.scenario.services[$0].baseline,
                                       allocation: [20_000, 35_000, 0, 0][$0])
            },
            areas: AreaResult.results(of: Self.scenario, atCut: 60, split: split))
        func areas(_ fallback: FallbackOutcome?) throws -> [[String: Any]] {
            infeasible.fallback = fallback
            var writer = SweepFormat.json.makeWriter(header: Self.header, output: "")
            writer.write(infeasible)
            writer.finish()
            let object = try #require(try JSONSerialization.jsonObject(with: Data(writer.output.utf8)) as? [String: Any])
            let cut = try #require((object["cuts"] as? [[String: Any]])?.first)
            #expect(cut["status"] as? String == "infeasible")
            return try #require(cut["areas"] as? [[String: Any]])
        }
        let shown = try areas(.fallback(fallback))
        #expect(shown.map { $0["id"] as? String } == ["x", "y", "z"])
        #expect(shown.map { $0["funds"] as? Double } == [20_000, 35_000, 0])
        #expect(shown.map { $0["unallocated"] as? Double } == [0, 0, 0])
        let x = try #require(shown[0]["pays"] as? [[String: Any]])
        #expect(x.map { $0["service"] as? String } == ["x-local", "coordinator"])
        #expect(x.map { $0["amount_rounded"] as? Double } == [20_000, 0])
        let none = try areas(nil)
        #expect(none.map { $0["funds_rounded"] as? Double } == [20_000, 35_000, 0])
        #expect(none.allSatisfy { $0["unallocated"] is NSNull && $0["one_valid_split"] is NSNull && ($0["pays"] as? [Any])?.isEmpty == true })
    }

    @Test func checkSummarySaysHowManyAreas() {
        let summary = ScenarioSummary(document: Self.header.document, maximumFeasibleCut: 100)
        #expect(summary.lines.contains("  Areas: 3 (1 shared service, 2 funds cut at another rate)"))
    }
}
