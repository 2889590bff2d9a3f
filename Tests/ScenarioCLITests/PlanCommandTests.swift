import Foundation
import Testing

/// `scenario plan` and `--year` on the hand-worked plan (`Tests/Fixtures/hand-plan.toml`,
/// whose years `PlanHandWorkedTests` works by hand), run as a user runs them.
@Suite struct PlanCommandTests {
    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden")
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/hand-plan.toml")

    /// A scratch directory holding `hand-plan.toml`, so reports name it as a user would.
    static func planDirectory() throws -> URL {
        let directory = try ScratchSpace.freshDirectory()
        try FileManager.default.copyItem(at: fixture, to: directory.appendingPathComponent("hand-plan.toml"))
        return directory
    }

    static func plan(_ arguments: [String]) throws -> ReportCommandRun {
        try ReportCommandRun.run(["plan", "hand-plan.toml"] + arguments, in: try planDirectory())
    }

    @Test(arguments: [
        ("text", "hand-plan-5-10-0.txt"), ("markdown", "hand-plan-5-10-0.md"), ("csv", "hand-plan-5-10-0.csv"),
        ("json", "hand-plan-5-10-0.json"), ("latex", "hand-plan-5-10-0.tex"), ("html", "hand-plan-5-10-0.html"),
    ])
    func matchesGolden(format: String, file: String) throws {
        let run = try Self.plan(["--path", "5,10,0%", "--format", format])
        #expect(run.status == 0)
        #expect(run.errors.isEmpty)
        let url = Self.goldenDirectory.appendingPathComponent(file)
        if ProcessInfo.processInfo.environment["SCENARIO_UPDATE_GOLDEN"] == "1" {
            try run.output.write(to: url, atomically: true, encoding: .utf8)
        }
        #expect(run.output == (try String(contentsOf: url, encoding: .utf8)), "\(file) differs from the golden file")
    }

    /// Per year: the rounded services add up to the rounded allocated total, and with the
    /// unallocated money to the rounded envelope; each rounded figure within a pound; the
    /// cumulative cuts of 5, 10, 0 are 5, 14.5, 14.5.
    @Test func jsonYearsAddUpAndCompound() throws {
        let run = try Self.plan(["--path", "5,10,0", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let paths = try #require(object["paths"] as? [[String: Any]])
        let years = try #require(paths.first?["years"] as? [[String: Any]])
        #expect(years.compactMap { $0["year"] as? String } == ["2017/18", "2018/19", "2019/20"])
        let cumulative = years.compactMap { $0["cumulative_cut_pct"] as? Double }
        #expect(zip(cumulative, [5, 14.5, 14.5]).allSatisfy { abs($0 - $1) < 1e-9 })
        for year in years {
            let services = try #require(year["services"] as? [[String: Any]])
            var sum = 0.0
            for service in services {
                let exact = try #require(service["allocation"] as? Double)
                let rounded = try #require(service["allocation_rounded"] as? Double)
                #expect(abs(exact - rounded) < 1)
                sum += rounded
            }
            let allocated = try #require(year["allocated_rounded"] as? Double)
            let unallocated = try #require(year["unallocated_rounded"] as? Double)
            #expect(sum == allocated)
            #expect(allocated + unallocated == (year["envelope_rounded"] as? Double))
        }
        // rj-old runs only in 2017/18; new-2020 only in 2019/20.
        let ids = years.map { ($0["services"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String } }
        #expect(ids == [
            ["hub", "rj-old", "rj-new", "counselling"], ["hub", "rj-new", "counselling"],
            ["hub", "rj-new", "counselling", "new-2020"],
        ])
        #expect(object["max_sustainable_cut_pct"] is Double)
    }

    /// `sweep --year 2018/19 --path 5` allocates 2018/19 after a 5% cut in 2017/18: at a 10%
    /// cut it gives the plan's 2018/19 of the path 5, 10, 0.
    @Test func sweepOfAYearIsThePlansYear() throws {
        let sweep = try ReportCommandRun.run(
            ["sweep", "hand-plan.toml", "--year", "2018/19", "--path", "5", "--cut", "10", "--format", "json"],
            in: try Self.planDirectory())
        #expect(sweep.status == 0)
        let plan = try Self.plan(["--path", "5,10,0", "--format", "json"])
        let sweepObject = try #require(try JSONSerialization.jsonObject(with: Data(sweep.output.utf8)) as? [String: Any])
        let planObject = try #require(try JSONSerialization.jsonObject(with: Data(plan.output.utf8)) as? [String: Any])
        let cut = try #require((sweepObject["cuts"] as? [[String: Any]])?.first)
        let year = try #require(((planObject["paths"] as? [[String: Any]])?.first?["years"] as? [[String: Any]])?[1])
        func allocations(_ object: [String: Any]) -> [String: Double] {
            Dictionary(uniqueKeysWithValues: (object["services"] as? [[String: Any]] ?? []).compactMap { service in
                (service["id"] as? String).flatMap { id in (service["allocation"] as? Double).map { (id, $0) } }
            })
        }
        #expect(!allocations(year).isEmpty)
        #expect(allocations(cut) == allocations(year))
        #expect((cut["envelope"] as? Double) == (year["envelope"] as? Double))
    }

    @Test func usageAndInputErrorsHaveTheirStatuses() throws {
        let both = try Self.plan(["--cut", "5", "--path", "5,5,5"])
        #expect(both.status == 64)
        #expect(both.errors == "scenario plan: give --cut or --path, not both\n")
        let short = try Self.plan(["--path", "5,5"])
        #expect(short.status == 64)
        #expect(short.errors == "scenario plan: --path 5,5 gives 2 cuts, but the plan has 3 years: give one cut per planned year\n")
        let neither = try Self.plan([])
        #expect(neither.status == 64)
        let noPlan = try ReportCommandRun.run(["plan", "--cut", "5"])
        #expect(noPlan.status == 65)
        #expect(noPlan.errors == "Using the bundled scenario cambridgeshire-2015-16.toml\n"
            + "cambridgeshire-2015-16.toml: has no [plan] table; scenario plan needs a plan over years (a [plan] table with base_year and years)\n")
        let badYear = try ReportCommandRun.run(
            ["solve", "hand-plan.toml", "--year", "2030/31", "--cut", "5"], in: try Self.planDirectory())
        #expect(badYear.status == 64)
        #expect(badYear.errors == "scenario solve: --year 2030/31 is not a planned year; the plan's years are 2017/18, 2018/19, 2019/20\n")
        let yearWithoutPlan = try ReportCommandRun.run(["solve", "--year", "2017/18", "--cut", "5"])
        #expect(yearWithoutPlan.status == 64)
    }
}
