import BudgetModel
import Foundation
import Testing

/// Whole posts in a plan over years (SCENARIO-SPEC sections 11 and 12): the step is cash, each
/// year's posts are chosen on that year's funds and uplifted bounds, and a step whose
/// multiples miss some planned year's `[lo, hi]` is one located line.
///
/// `Tests/Fixtures/step-plan.toml`: one fund of 101,000 (base-year cash, cut by the path);
/// inflation 5%, so year `k`'s rates are the base ones times 1.05^k; advocates (baseline 60,000,
/// minimum 40%, step 30,000) and outreach (40,000, minimum 25%), one priority. The years are
/// whole years, so each year's baseline is its full rate:
///
/// | year | advocates B_k, lo | outreach B_k, lo |
/// |---|---|---|
/// | 2017/18 | 63,000, 25,200 | 42,000, 10,500 |
/// | 2018/19 | 66,150, 26,460 | 44,100, 11,025 |
/// | 2019/20 | 69,457.50, 27,783 | 46,305, 11,576.25 |
///
/// Each year the advocates can hold 1 or 2 posts (30,000 or 60,000 cash): one post meets `lo`,
/// three pass `hi = B_k`, so every report says "of 2".
@Suite struct PlanStepTests {
    static func runner() throws -> CheckedPlanRunner { try CheckedPlanRunner(try planFixture("step-plan.toml")) }

    /// The path 0%, 28%, -20% (a growth year last):
    /// - 2017/18, envelope 101,000: two posts leave outreach 41,000, shortfalls (4.76%, 2.38%);
    ///   one post would leave the advocates 52.4% short. Two posts, held below outreach's level
    ///   by the step: `step`, outreach `share`.
    /// - 2018/19, envelope 101,000 × 0.72 = 72,720: two posts leave outreach 12,720 (above its
    ///   11,025 floor, so feasible) but 71.2% short; one post gives (54.6%, 3.13%), outreach
    ///   42,720. Leximin takes one post.
    /// - 2019/20, envelope 72,720 × 1.2 = 87,264: two posts give (13.6%, 41.1%), outreach
    ///   27,264; one post would leave the advocates 56.8% short. The post comes back.
    @Test func eachYearsPostsAreChosenOnItsOwnFundsAndUpliftedBounds() throws {
        let runner = try Self.runner()
        let years = try runner.run([0, 28, -20]).years
        #expect(years.count == 3)
        expectAllocations(years[0].result, ["advocates": 60_000, "outreach": 41_000])
        expectAllocations(years[1].result, ["advocates": 30_000, "outreach": 42_720])
        expectAllocations(years[2].result, ["advocates": 60_000, "outreach": 27_264])
        #expect(years.map { $0.allocation(of: "advocates")?.posts } == [2, 1, 2])
        #expect(years.map { $0.allocation(of: "outreach")?.posts } == [nil, nil, nil])
        #expect(years.map { $0.scenario.services[0].mostPosts } == [2, 2, 2])
        #expect(years.map { bindings($0.result)["advocates"] } == ["step", "step", "step"])
        #expect(years.map { bindings($0.result)["outreach"] } == ["share", "share", "share"])
        // The step is cash: the year's baseline is uplifted, the post is not.
        #expect(years.map { $0.scenario.services[0].step } == [30_000, 30_000, 30_000])
        #expect(abs((years[2].allocation(of: "advocates")?.baseline ?? 0) - 69_457.5) < 1e-6)
        #expect(years.allSatisfy { $0.result.unallocated < 0.01 })
        #expect(runner.mixedIntegerSolves > 0)
    }

    /// Year `k` needs at least one post (30,000 cash) and outreach's floor 10,000 × 1.05^k, from
    /// 101,000 (1 - c)^k: the third year binds, `c = 1 - (41,576.25 / 101,000)^(1/3)`,
    /// 25.6111%. Were the advocates funded in any amount their floor 27,783 would allow 26.96%.
    @Test func theMaximumSustainableCutCountsWholePosts() throws {
        let cut = try #require(try Self.runner().maximumSustainableCut())
        let expected = 100 * (1 - pow(41_576.25 / 101_000, 1.0 / 3))
        #expect(abs(cut - expected) < 1e-7, "\(cut) against \(expected)")
        #expect(abs(expected - 25.611126769709593) < 1e-9)
    }

    /// `sweep --year 2018/19 --path 0%` allocates the year's scenario: the same posts as the plan.
    @Test func aYearsScenarioKeepsTheStep() throws {
        let document = try planFixture("step-plan.toml")
        let plan = try #require(document.plan)
        let year = try PlanRunner(scenario: document.scenario, plan: plan).scenario(year: 2, after: [0])
        #expect(year.services[0].step == 30_000)
        let result = try CheckedAllocator(year).result(28)
        expectAllocations(result, ["advocates": 30_000, "outreach": 42_720])
        #expect(result.services[0].posts == 1)
    }

    // MARK: - Validation, each planned year

    /// A one-fund plan whose service `s` (baseline 60,000, minimum 96%, step 30,000; lines 5 to
    /// 9) is uplifted by `inflation` a year over `years`.
    private func plan(inflation: String, years: [String], extra: String = "") -> String {
        "title = \"T\"\n[[fund]]\nid = \"f\"\namount = 100000\n[[service]]\nid = \"s\"\nbaseline = 60000\nmin = \"96%\"\n"
            + "step = 30000\n\(extra)[plan]\nbase_year = \"2016/17\"\nyears = [" + years.map { "\"\($0)\"" }.joined(separator: ", ")
            + "]\ninflation = \"\(inflation)\"\n"
    }

    /// With 2% inflation `[lo, hi]` is `[57,600, 60,000] × 1.02^k`: 60,000 lies in it in 2017/18
    /// ([58,752, 61,200]) and 2018/19 ([59,927.04, 62,424]) but not in 2019/20
    /// ([61,125.58, 63,672.48]), where 90,000 is above too.
    @Test func aStepWhoseMultiplesMissALaterYearIsOneLocatedLine() {
        #expect(issueLines(plan(inflation: "2%", years: ["2017/18", "2018/19"])) == [])
        #expect(issueLines(plan(inflation: "2%", years: ["2017/18", "2018/19", "2019/20"])) == [
            "t.toml:9:1: [[service]] \"s\": in 2019/20 no whole multiple of \"step\" 30000 lies between the service's "
                + "lower bound 61125.59 and its max 63672.48 (the step is cash; the bounds are the year's, uplifted and "
                + "pro-rated)",
        ])
    }

    /// The base year is not allocated in a plan: a step that misses the base year's bounds
    /// (`[28,800, 30,000] × 1.05` holds no multiple of 31,000 only before the uplift) is
    /// accepted when every planned year has a multiple.
    @Test func theBaseYearsBoundsAreNotChecked() {
        let text = "title = \"T\"\n[[fund]]\nid = \"f\"\namount = 100000\n[[service]]\nid = \"s\"\nbaseline = 30000\n"
            + "min = \"96%\"\nstep = 31000\n"
        #expect(issueLines(text) == [
            "t.toml:9:1: [[service]] \"s\": no whole multiple of \"step\" 31000 lies between the service's lower bound "
                + "28800 and its max 30000",
        ])
        // 2017/18: [30,240, 31,500] holds 31,000.
        #expect(issueLines(text + "[plan]\nbase_year = \"2016/17\"\nyears = [\"2017/18\"]\ninflation = \"5%\"\n") == [])
    }

    /// A year the service does not run in is not checked; a part year's bounds are pro-rated:
    /// ending on 30 September 2017 the service runs 183 of 365 days of 2017/18, so its bounds
    /// are 183/365 of `[57,600, 60,000]`, `[28,878.90, 30,082.19]` at 0% inflation, and hold
    /// 30,000.
    @Test func aPartYearIsCheckedOnItsProRatedBounds() {
        #expect(issueLines(plan(inflation: "0%", years: ["2017/18", "2018/19"], extra: "ends = 2017-09-30\n")) == [])
        // Ending on 31 August (153 days): [24,144.66, 25,150.68] holds no multiple of 30,000.
        #expect(issueLines(plan(inflation: "0%", years: ["2017/18"], extra: "ends = 2017-08-31\n")) == [
            "t.toml:9:1: [[service]] \"s\": in 2017/18 no whole multiple of \"step\" 30000 lies between the service's "
                + "lower bound 24144.66 and its max 25150.68 (the step is cash; the bounds are the year's, uplifted and "
                + "pro-rated)",
        ])
    }
}
