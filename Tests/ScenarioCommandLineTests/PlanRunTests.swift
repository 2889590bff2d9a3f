import BudgetReports
import Foundation
import ScenarioCommandLine
import Testing

/// `scenario plan` in-process on the hand-worked plan (`Tests/Fixtures/hand-plan.toml`).
@Suite struct PlanRunTests {
    static let fixture = BoardCommandTests.fixture("hand-plan.toml")
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ScenarioCLITests/Golden/hand-plan-5-10-0.json").path

    /// The path 5%, 10%, 0% as JSON is the report the command line's golden file holds (which
    /// names the file as given there, `hand-plan.toml`).
    @Test func writesThePlanReport() throws {
        let output = try scratchDirectory() + "/plan.json"
        try PlanRun.run(file: Self.fixture, cut: nil, path: "5,10,0%", output: output)
        let written = try String(contentsOfFile: output, encoding: .utf8)
            .replacingOccurrences(of: "\"file\": \"\(Self.fixture)\"", with: "\"file\": \"hand-plan.toml\"")
        #expect(written == (try String(contentsOfFile: Self.golden, encoding: .utf8)))
    }

    /// An infeasible year gets the fallback of SCENARIO-SPEC section 14, the same as a sweep of
    /// that year after the same path gives: on the path 20%, 20%, 20%, 2018/19 needs £128,494
    /// more than its envelope.
    @Test func anInfeasibleYearHasTheSweepsFallback() throws {
        let directory = try scratchDirectory()
        try PlanRun.run(file: Self.fixture, cut: nil, path: "20,20,20%", output: directory + "/plan.json")
        try SweepRun.run(file: Self.fixture, cut: "20%", output: directory + "/sweep.json", year: "2018/19", path: "20%")
        func object(_ name: String) throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))) as? [String: Any])
        }
        let years = try #require((try object("plan.json")["paths"] as? [[String: Any]])?.first?["years"] as? [[String: Any]])
        #expect(years.map { $0["status"] as? String } == ["optimal", "infeasible", "infeasible"])
        let cut = try #require((try object("sweep.json")["cuts"] as? [[String: Any]])?.first)
        #expect(cut["status"] as? String == "infeasible")
        #expect(abs((years[1]["deficit"] as? Double ?? 0) - (cut["deficit"] as? Double ?? .nan)) < 1e-6)
        let planFallback = try #require(years[1]["fallback"] as? [String: Any])
        let sweepFallback = try #require(cut["fallback"] as? [String: Any])
        // Priority 0 gives way by one factor, about 0.4987, in both (each solved on its own,
        // so equal to the solver's tolerance).
        func figures(_ fallback: [String: Any]) -> [Double] {
            ((fallback["floors"] as? [[String: Any]]) ?? []).compactMap { $0["factor"] as? Double }
                + ((fallback["services"] as? [[String: Any]]) ?? []).compactMap { $0["allocation"] as? Double }
        }
        let plan = figures(planFallback), sweep = figures(sweepFallback)
        #expect(plan.count == 4 && sweep.count == 4 && abs(plan[0] - 0.49872437) < 1e-8)
        #expect(zip(plan, sweep).allSatisfy { abs($0 - $1) <= 1e-6 * max(1, abs($1)) }, "\(plan) against \(sweep)")
        try PlanRun.run(file: Self.fixture, cut: nil, path: "20,20,20%", output: directory + "/plan.txt")
        let note = try String(contentsOfFile: directory + "/plan.txt", encoding: .utf8)
            .split(separator: "\n").first { $0.hasPrefix("Note (2018/19, 20% cut, 36% cumulative):") }
        #expect(note?.contains("more than the £544,000 that grant (£544,000) can give them. If it came to it") == true, "\(note ?? "no note")")
        // The command it names shows that year alone, after a 20% cut in 2017/18.
        #expect(note?.hasSuffix("the cut could be met; scenario solve --year 2018/19 --path 20% --cut 20% shows that allocation.") == true)
        // In LaTeX the double hyphens stay hyphens, not en dashes.
        try PlanRun.run(file: Self.fixture, cut: nil, path: "20,20,20%", format: .latex, output: directory + "/plan.tex")
        let latex = try String(contentsOfFile: directory + "/plan.tex", encoding: .utf8)
        #expect(latex.contains(#"scenario solve -{}-year 2018/19 -{}-path 20\% -{}-cut 20\% shows that allocation."#))
    }

    /// Neither `--cut` nor `--path`, and `--latex-standalone` without latex, are usage errors
    /// found before the file is read; a file without a plan is invalid input.
    @Test func usageChecksComeBeforeTheFile() throws {
        let directory = try scratchDirectory()
        let missing = directory + "/missing.toml"
        #expect(exitStatus { try PlanRun.run(file: missing, cut: nil) } == 64)
        #expect(exitStatus { try PlanRun.run(file: missing, cut: "5%", format: .json, latexStandalone: true) } == 64)
        #expect(exitStatus { try PlanRun.run(file: missing, cut: "5%", output: directory + "/plan.xlsx") } == 64)
        #expect(exitStatus { try PlanRun.run(file: missing, cut: "5%") } == 1)
        #expect(exitStatus { try PlanRun.run(file: BoardCommandTests.workedExample, cut: "5%") } == 65)
        #expect(exitStatus { try PlanRun.run(file: Self.fixture, cut: "5%", path: "5,5,5%") } == 64)
        #expect(try entries(of: directory).isEmpty)
    }
}

/// `scenario plan` on a plan with closable services (`Tests/Fixtures/closure-plan.toml`,
/// worked by hand in `PlanClosureTests`): 2018/19 at 20% (44% cumulative) forces Counselling
/// to close, and the reports say so in the words of a sweep (SCENARIO-SPEC section 12).
@Suite struct PlanClosureReportTests {
    static let fixture = BoardCommandTests.fixture("closure-plan.toml")

    @Test func textNamesTheForcedClosureAndMarksTheServiceClosed() throws {
        let output = try scratchDirectory() + "/plan.txt"
        try PlanRun.run(file: Self.fixture, cut: nil, path: "30,20%", output: output)
        let text = try String(contentsOfFile: output, encoding: .utf8)
        #expect(text.contains("Counselling               -50.0% minimum  -100.0% closed"))
        #expect(text.contains("Note (2018/19, 20% cut, 44% cumulative): The cut forces 1 closure: Counselling (with it open, the cut cannot be met)."))
        #expect(!text.contains("Note (2017/18"))
    }

    @Test func jsonCarriesTheClosedServicesOfEachYear() throws {
        let output = try scratchDirectory() + "/plan.json"
        try PlanRun.run(file: Self.fixture, cut: nil, path: "30,20%", output: output)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output))) as? [String: Any])
        let years = try #require((object["paths"] as? [[String: Any]])?.first?["years"] as? [[String: Any]])
        #expect(years.map { $0["closed"] as? [String] ?? ["?"] } == [[], ["c"]])
        #expect(years[0]["closures_explanation"] is NSNull)
        #expect(years[1]["closures_explanation"] as? String
            == "The cut forces 1 closure: Counselling (with it open, the cut cannot be met).")
        let services = try #require(years[1]["services"] as? [[String: Any]])
        #expect(services.first { $0["id"] as? String == "c" }?["binding"] as? String == "closed")
        #expect(abs((object["max_sustainable_cut_pct"] as? Double ?? .nan) - 100 * (1 - 0.4.squareRoot())) < 1e-9)
    }
}

/// `scenario plan` on a plan with a service funded in whole posts (`Tests/Fixtures/step-plan.toml`,
/// worked by hand in `PlanStepTests`): on the path 0%, 28%, -20% the advocates hold 2, 1 and 2
/// posts of 2 (30,000 cash each), and every format says so as a sweep does (SCENARIO-SPEC
/// section 12).
@Suite struct PlanStepReportTests {
    static let fixture = BoardCommandTests.fixture("step-plan.toml")

    private func report(_ format: SweepFormat) throws -> String {
        let output = try scratchDirectory() + "/plan.out"
        try PlanRun.run(file: Self.fixture, cut: nil, path: "0,28,-20%", format: format, output: output)
        return try String(contentsOfFile: output, encoding: .utf8)
    }

    /// The cash change table holds each year's posts beside the reason: 2, 1 and 2 of 2 (the
    /// change from the base year's 60,000 is 0%, -50% and 0%).
    @Test func proseFormatsPrintThePostsBesideTheReason() throws {
        for format in [SweepFormat.text, .markdown, .latex, .html] {
            let text = try report(format)
            #expect(text.components(separatedBy: "step, 2 posts of 2").count - 1 == 2, "\(format)")
            #expect(text.components(separatedBy: "step, 1 post of 2").count - 1 == 1, "\(format)")
            if format != .latex { #expect(text.contains("-50.0% step, 1 post of 2"), "\(format)") }
        }
    }

    @Test func jsonGivesEachYearsPosts() throws {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(try report(.json).utf8)) as? [String: Any])
        let years = try #require((object["paths"] as? [[String: Any]])?.first?["years"] as? [[String: Any]])
        let services = years.map { ($0["services"] as? [[String: Any]]) ?? [] }
        let advocates = services.map { $0.first { $0["id"] as? String == "advocates" } ?? [:] }
        #expect(advocates.map { $0["posts"] as? Int } == [2, 1, 2])
        #expect(advocates.map { $0["posts_of"] as? Int } == [2, 2, 2])
        #expect(advocates.map { $0["posts_text"] as? String } == ["2 posts of 2", "1 post of 2", "2 posts of 2"])
        #expect(advocates.map { $0["binding"] as? String } == ["step", "step", "step"])
        #expect(advocates.map { $0["allocation"] as? Double } == [60_000, 30_000, 60_000])
        let outreach = services.map { $0.first { $0["id"] as? String == "outreach" } ?? [:] }
        #expect(outreach.allSatisfy { $0["posts"] == nil && $0["posts_of"] == nil && $0["posts_text"] == nil })
        let expected = 100 * (1 - pow(41_576.25 / 101_000, 1.0 / 3))
        #expect(abs((object["max_sustainable_cut_pct"] as? Double ?? .nan) - expected) < 1e-7)
    }

    @Test func csvEndsEachRowWithThePosts() throws {
        let rows = try report(.csv).split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows.first?.last == "posts")
        #expect(rows.allSatisfy { $0.count == rows[0].count })
        let serviceColumn = try #require(rows.first?.firstIndex(of: "service_id"))
        let advocates = rows.filter { $0[serviceColumn] == "advocates" }.map { String($0.last ?? "") }
        #expect(advocates == ["2 posts of 2", "1 post of 2", "2 posts of 2"])
        #expect(rows.filter { $0[serviceColumn] == "outreach" }.allSatisfy { $0.last == "" })
    }
}
