import BudgetModel
import BudgetReports
import Foundation
import Testing

@Suite struct CutDetailReportTests {
    /// The 30% cut of the worked example with a hand-made split: idva takes the
    /// whole ring-fence (£70,000 after the cut) and £120,000 of the grant.
    static var thirtyPercent: CutResult {
        var result = WorkedExample.results[2]
        result.fundSplit = [
            [400_000, 120_000, 180_000, 0],
            [0, 70_000, 0, 0],
        ]
        return result
    }

    @Test func feasibleCutAsText() throws {
        let text = CutDetailReport(header: WorkedExample.header, result: Self.thirtyPercent).text()
        try SweepGoldenTests.expectMatchesGolden(text, file: "solve-worked-example-30.txt")
    }

    @Test func infeasibleCutAsText() throws {
        let text = CutDetailReport(header: WorkedExample.header, result: WorkedExample.results[3]).text()
        try SweepGoldenTests.expectMatchesGolden(text, file: "solve-worked-example-40.txt")
    }

    @Test func feasibleCutAsJSON() throws {
        let text = CutDetailReport(header: WorkedExample.header, result: Self.thirtyPercent).json()
        try SweepGoldenTests.expectMatchesGolden(text, file: "solve-worked-example-30.json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let funds = try #require(object["funds"] as? [[String: Any]])
        #expect(funds.map { $0["used"] as? Double } == [700_000, 70_000])
        #expect(funds.map { $0["left"] as? Double } == [0, 0])
        let split = try #require(object["split"] as? [[String: Any]])
        #expect(split.count == 4)
        #expect((object["cut"] as? [String: Any])?["cut_pct"] as? Double == 30)
    }

    @Test func infeasibleCutAsJSONHasNoFunds() throws {
        let text = CutDetailReport(header: WorkedExample.header, result: WorkedExample.results[3]).json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect((object["funds"] as? [Any])?.isEmpty == true)
        #expect((object["cut"] as? [String: Any])?["deficit"] as? Double == 20_000)
    }

    @Test func splitRowsAddUpToTheRoundedAllocation() throws {
        var result = WorkedExample.results[0]
        // rj's £234,000 split as 133,333.5 + 100,666.5 (with solver noise) must round to 234,000 in total.
        result.fundSplit = [
            [400_000, 130_000, 133_333.50000000003, 155_999.99999999997],
            [0, 70_000, 100_666.5, 0],
        ]
        let text = CutDetailReport(header: WorkedExample.header, result: result).text()
        #expect(text.contains("Restorative Justice  grant                         £133,334"))
        #expect(text.contains("                     Domestic violence ring-fence  £100,666"))
    }

    @Test func summaryOfTheWorkedExample() {
        let summary = ScenarioSummary(document: WorkedExample.document, maximumFeasibleCut: WorkedExample.header.maximumFeasibleCut)
        #expect(summary.lines == [
            "worked-example.toml: valid",
            "  Title: Worked example",
            "  Funds: 2 (1 ring-fenced, 0 not cut), £1,100,000 at a 0% cut",
            "  Services: 4 (1 protected, 2 priority tiers), baselines £1,100,000",
            "  Groups: 0",
            "  Envelope at 0%: £1,100,000",
            "  Maximum feasible cut: 38.18%",
        ])
    }
}
