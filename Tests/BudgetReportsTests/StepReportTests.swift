import BudgetModel
import BudgetReports
import Foundation
import Testing

/// Whole posts in the reports (SCENARIO-SPEC section 12): every format says "1 post of 2"
/// beside the reason, and JSON carries the facts (`posts`, `posts_of`). The results are the
/// allocator's on the advocates scenario of `StepTests` (hand-worked there): both posts at 10%,
/// one at 30%, the post held off outreach's share by its step.
@Suite struct StepReportTests {
    static let scenario = Scenario(
        title: "Posts", funds: [Fund(id: "grant", amount: 100_000)],
        services: [
            Service(id: "advocates", name: "Advocates", baseline: 60_000, step: 30_000),
            Service(id: "outreach", name: "Outreach", baseline: 40_000),
        ])

    static func results() throws -> [CutResult] {
        let allocator = Allocator(scenario: scenario)
        return try [10.0, 30].map { try allocator.result(atCut: $0) }
    }

    private func sweep(_ format: SweepFormat) throws -> String {
        let header = SweepHeader(
            document: ScenarioDocument(scenario: Self.scenario, fileName: "posts.toml", sha256: String(repeating: "0", count: 64)),
            toolVersion: "0.1.0", maximumFeasibleCut: try Allocator(scenario: Self.scenario).maximumFeasibleCut())
        var writer = format.makeWriter(header: header, output: "")
        for result in try Self.results() { writer.write(result) }
        writer.finish()
        return writer.output
    }

    @Test func theFactsBehindTheWords() throws {
        let results = try Self.results()
        #expect(results.map { $0.services.map(\.posts) } == [[2, nil], [1, nil]])
        #expect(results.map { $0.services[0].binding } == [.maximum, .step])
        #expect(Self.scenario.services[0].mostPosts == 2)
    }

    @Test(arguments: [SweepFormat.text, .markdown, .latex, .html])
    func proseTablesGiveThePosts(format: SweepFormat) throws {
        let text = try sweep(format)
        #expect(text.contains("step, 1 post of 2"))
        // LaTeX breaks a detail wider than 80pt after its comma, under the figure.
        #expect(text.contains(format == .latex ? #"maximum,\\2 posts of 2"# : "maximum, 2 posts of 2"), "\(text)")
    }

    @Test func csvEndsEachServiceRowWithItsPosts() throws {
        let rows = try sweep(.csv).components(separatedBy: "\r\n")
        #expect(rows[0].hasSuffix(",posts"))
        #expect(rows.contains { $0.hasPrefix("30,optimal,advocates,Advocates,60000,30000.0,30000,") && $0.hasSuffix(",step,70000.0,70000,,,1 post of 2") })
        #expect(rows.contains { $0.hasPrefix("30,optimal,outreach,") && $0.hasSuffix(",maximum,70000.0,70000,,,") })
    }

    @Test func jsonCarriesThePosts() throws {
        let text = try sweep(.json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let cuts = try #require(object["cuts"] as? [[String: Any]])
        let services = try #require(cuts[1]["services"] as? [[String: Any]])
        #expect(services[0]["posts"] as? Int == 1)
        #expect(services[0]["posts_of"] as? Int == 2)
        #expect(services[0]["posts_text"] as? String == "1 post of 2")
        #expect(services[0]["binding"] as? String == "step")
        #expect(services[1]["posts"] == nil)
    }
}
