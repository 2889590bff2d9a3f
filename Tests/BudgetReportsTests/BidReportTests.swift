import BudgetModel
import BudgetReports
import Foundation
import Testing

/// A new bid's change in every report: "new" where words are printed, `null` for JSON's
/// `change_pct` and an empty `change_pct` field in CSV, since a percentage of a baseline of 0
/// does not exist. The result is the hand-worked -5% cut of `BidTests` (1050 against claims of
/// 500, 500 and a 200 bid: 12.5% shortfall each).
@Suite struct BidReportTests {
    static let scenario = Scenario(
        title: "Bids in a growth year", funds: [Fund(id: "grant", amount: 1000)],
        services: [
            Service(id: "advice", baseline: 500),
            Service(id: "outreach", baseline: 500),
            Service(id: "helpline", name: "New helpline", baseline: 0, request: 200),
        ])

    static let header = SweepHeader(
        document: ScenarioDocument(scenario: scenario, fileName: "bids.toml", sha256: String(repeating: "0", count: 64)),
        toolVersion: "0.1.0", maximumFeasibleCut: 100)

    static let growth = CutResult(
        cutPercent: -5, envelope: 1050, status: .optimal,
        services: [
            ServiceAllocation(serviceID: "advice", baseline: 500, allocation: 437.5, binding: .share),
            ServiceAllocation(serviceID: "outreach", baseline: 500, allocation: 437.5, binding: .share),
            ServiceAllocation(serviceID: "helpline", baseline: 0, allocation: 175, binding: .share),
        ],
        fundSplit: [[437.5, 437.5, 175]])

    private func sweep(_ format: SweepFormat) -> String {
        var writer = format.makeWriter(header: Self.header, output: "")
        writer.write(Self.growth)
        writer.finish()
        return writer.output
    }

    @Test func jsonGivesTheBidAChangeButNoPercentage() throws {
        for text in [sweep(.json), CutDetailReport(header: Self.header, result: Self.growth).json()] {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            let cut = try #require((object["cuts"] as? [[String: Any]])?.first ?? object["cut"] as? [String: Any])
            let services = try #require(cut["services"] as? [[String: Any]])
            #expect(services[2]["baseline"] as? Double == 0)
            #expect(services[2]["change"] as? Double == 175)
            #expect(services[2]["change_pct"] is NSNull)
            #expect(services[0]["change_pct"] as? Double == -12.5)
        }
    }

    @Test func csvLeavesTheBidsPercentageEmpty() {
        let rows = sweep(.csv).components(separatedBy: "\r\n")
        #expect(rows.contains { $0.hasPrefix("-5,optimal,helpline,New helpline,0,175.0,175,175.0,175,,share,") })
        #expect(rows.contains { $0.hasPrefix("-5,optimal,advice,advice,500,437.5,437,-62.5,-63,-12.5,share,") })
    }

    @Test(arguments: [SweepFormat.text, .markdown, .latex, .html])
    func everyReportShowsTheBidsChangeAsNew(format: SweepFormat) {
        let text = sweep(format)
        let bidLines = text.components(separatedBy: "\n").filter { $0.contains("New helpline") }
        #expect(bidLines.contains { $0.contains("new") }, "\(format): \(bidLines)")
        #expect(!text.contains("n/a"))
        let fundedLines = text.components(separatedBy: "\n").filter { $0.contains("outreach") && $0.contains("12.5") }
        #expect(!fundedLines.isEmpty && !fundedLines.contains { $0.contains("new") }, "\(format): \(fundedLines)")
    }

    @Test func checkCountsTheBidsAndTheirRequests() {
        let lines = ScenarioSummary(document: Self.header.document, maximumFeasibleCut: 100).lines
        #expect(lines.contains("  Services: 3 (0 protected, 1 priority tier), baselines £1,000; 1 new bid requesting £200"))
    }

    @Test func solveShowsTheBidsChangeAsNew() {
        let lines = CutDetailReport(header: Self.header, result: Self.growth).text().components(separatedBy: "\n")
        let bid = lines.first { $0.hasPrefix("New helpline") }
        #expect(bid?.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            == ["New", "helpline", "£0", "£175", "£175", "new", "share"])
    }
}
