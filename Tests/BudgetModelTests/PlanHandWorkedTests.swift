import BudgetModel
import Foundation
import Testing

/// The years of `Tests/Fixtures/hand-plan.toml` and `carry-plan.toml` worked by hand from
/// SCENARIO-SPEC section 11: the day counts are counted on a calendar, each figure is the
/// section's formula written out, and each year's allocation is the equal shortfall of its
/// tier with the hub protected.
@Suite struct PlanHandWorkedTests {
    /// 2017/18 at 5%: rj-old runs 183 of 365 days (to 30 September), rj-new 182 (from
    /// 1 October) wholly under contract; rates uplifted 2% (rj-new 0%); the grant is 95%.
    @Test func partYearStartEndAndContractInTheFirstYear() throws {
        let runner = try CheckedPlanRunner(try planFixture("hand-plan.toml"))
        let year = try #require(try runner.run([5, 10, 0]).years.first)
        #expect(year.year.description == "2017/18")
        #expect(year.result.status == .optimal)
        #expect(abs(year.result.envelope - (850_000 * 0.95 + 10_000)) < 1e-6)
        let rjOld = 102_000.0 * 183 / 365
        let rjNew = 200_000.0 * 182 / 365
        let share = (850_000 * 0.95 + 10_000 - 408_000 - rjNew) / (rjOld + 306_000)
        expectAllocations(year.result, [
            "hub": 408_000, "rj-old": rjOld * share, "rj-new": rjNew, "counselling": 306_000 * share,
        ])
        #expect(year.allocation(of: "new-2020") == nil)
        #expect(year.allocation(of: "rj-new")?.binding == .contract)
        #expect(year.allocation(of: "hub")?.binding == .protected)
        #expect(abs((year.allocation(of: "rj-old")?.baseline ?? 0) - rjOld) < 1e-6)
    }

    /// 2018/19 at 10% (cumulative 14.5%): rj-old has ended, so its fenced fund is left
    /// unallocated (fence-absent); rj-new's contract covers 183 days, so its floor is
    /// 200,000 × 183/365 and its rate 200,000 the rest of the year.
    @Test func contractEndingMidYearAndAnEmptiedFence() throws {
        let runner = try CheckedPlanRunner(try planFixture("hand-plan.toml"))
        let year = try runner.run([5, 10, 0]).years[1]
        #expect(abs(year.cumulativeCutPercent - 14.5) < 1e-9)
        let grant = 850_000 * 0.95 * 0.9
        let share = (grant - 416_160) / (200_000 + 312_120)
        expectAllocations(year.result, ["hub": 416_160, "rj-new": 200_000 * share, "counselling": 312_120 * share])
        #expect(year.allocation(of: "rj-old") == nil)
        #expect(year.result.unallocatedByFund.map(\.fundID) == ["rj-fund"])
        #expect(year.result.unallocatedByFund.first?.reason == .fenceAbsent)
        #expect(abs(year.result.unallocated - 10_000) < 0.01)
        let builder = PlanYearBuilder(scenario: runner.runner.scenario, plan: runner.runner.plan)
        let rjNew = runner.runner.plan.serviceYear(2, of: builder.scenario, year: 2)
        #expect(rjNew.yearDays == 365 && rjNew.runningDays == 365 && rjNew.fixedDays == 183)
        #expect(abs(rjNew.minimum - 200_000 * 183 / 365) < 1e-9)
        #expect(abs(rjNew.maximum - 200_000) < 1e-9)
    }

    /// 2019/20 at 0% is a leap year of 366 days: new-2020 runs 91 of them (January to
    /// March 2020), so its baseline is 36,600 × 91/366 = 9,100 exactly; rates uplifted 2% three
    /// times; the compounded envelope stays at 85.5% of the grant.
    @Test func leapYearPartYearAndThreeYearsOfUplift() throws {
        let runner = try CheckedPlanRunner(try planFixture("hand-plan.toml"))
        let year = try runner.run([5, 10, 0]).years[2]
        let hub = 400_000 * 1.02 * 1.02 * 1.02
        let counselling = 300_000 * 1.02 * 1.02 * 1.02
        let grant = 850_000 * 0.95 * 0.9
        let share = (grant - hub) / (200_000 + counselling + 9_100)
        expectAllocations(year.result, [
            "hub": hub, "rj-new": 200_000 * share, "counselling": counselling * share, "new-2020": 9_100 * share,
        ])
        #expect(abs((year.allocation(of: "new-2020")?.baseline ?? 0) - 9_100) < 1e-9)
        #expect(abs(year.cumulativeCutPercent - 14.5) < 1e-9)
    }

    /// Each year's floors need, from the grant: 2017/18 408,000 + 99,726.03 + 153,000;
    /// 2018/19 416,160 + 100,273.97 + 156,060; 2019/20 424,483.20 + 159,181.20. The year-k
    /// sustainable cut is 1 - (need/850,000)^(1/k); the least is 2018/19's.
    @Test func maximumSustainableCutIsTheLeastYearlyRoot() throws {
        let runner = try CheckedPlanRunner(try planFixture("hand-plan.toml"))
        let needs = [
            408_000 + 200_000.0 * 182 / 365 + 153_000,
            416_160 + 200_000.0 * 183 / 365 + 156_060,
            400_000 * pow(1.02, 3) + 150_000 * pow(1.02, 3),
        ]
        let roots = needs.enumerated().map { k, need in 100 * (1 - pow(need / 850_000, 1 / Double(k + 1))) }
        let expected = try #require(roots.min())
        #expect(abs(expected - roots[1]) < 1e-12)
        let cut = try #require(try runner.maximumSustainableCut())
        #expect(abs(cut - expected) < 1e-7, "\(cut) != \(expected)")
        // Just below it every year is feasible; just above it 2018/19 is not.
        let below = try runner.run([cut - 1e-4, cut - 1e-4, cut - 1e-4])
        #expect(below.years.allSatisfy { $0.result.status == .optimal })
        let above = try runner.run([cut + 1e-4, cut + 1e-4, cut + 1e-4])
        #expect(above.years.map(\.result.status) == [.optimal, .infeasible, .optimal])
    }

    /// Without carry-forward, 2018/19 at 50% would hold 500 for a protected 600: a deficit
    /// of 100. With it, 2017/18 leaves 400 unspent, which joins 2018/19 uncut and still fenced
    /// for the hub (the other service, outside the fence, gets none of it).
    @Test func carryForwardKeepsTheFence() throws {
        let runner = try CheckedPlanRunner(try planFixture("carry-plan.toml"))
        let path = try runner.run([0, 50])
        #expect(path.years[0].carriedIn == [0])
        expectAllocations(path.years[0].result, ["hub": 600, "other": 0])
        let second = path.years[1]
        #expect(abs(second.carriedIn[0] - 400) < 1e-6)
        #expect(abs(second.result.envelope - 900) < 1e-6)
        expectAllocations(second.result, ["hub": 600, "other": 0])
        #expect(abs(second.result.unallocated - 300) < 1e-6)
        #expect(second.scenario.funds.last?.ringFencedFor == ["hub"])
        #expect(second.scenario.funds.last?.isCut == false)

        var withoutCarry = try planFixture("carry-plan.toml")
        withoutCarry.plan?.carryForward = false
        let plain = try CheckedPlanRunner(withoutCarry).run([0, 50])
        #expect(plain.years[1].result.status == .infeasible)
        #expect(abs((plain.years[1].result.deficit ?? 0) - 100) < 1e-6)
    }

    /// With carry-forward the year-2 condition is 1000u² + (1000u - 600) >= 600, u = 1 - c:
    /// u = (-1 + √5.8)/2, c = 29.584...%, found by bisection; without it 1000u² >= 600,
    /// c = 1 - √0.6 = 22.540...%, exact.
    @Test func maximumSustainableCutWithAndWithoutCarryForward() throws {
        let carry = try #require(try CheckedPlanRunner(try planFixture("carry-plan.toml")).maximumSustainableCut())
        #expect(abs(carry - 100 * (1 - (-1 + sqrt(5.8)) / 2)) < 1e-6, "\(carry)")
        var withoutCarry = try planFixture("carry-plan.toml")
        withoutCarry.plan?.carryForward = false
        let plain = try #require(try CheckedPlanRunner(withoutCarry).maximumSustainableCut())
        #expect(abs(plain - 100 * (1 - sqrt(0.6))) < 1e-9, "\(plain)")
    }

    /// A plan of one year with no dates and no uplift allocates exactly as the scenario does.
    @Test func aPlainOneYearPlanIsTheScenario() throws {
        let scenario = workedExample()
        let plan = Plan(
            baseYear: try #require(FinancialYear(parsing: "2016/17")),
            years: [try #require(FinancialYear(parsing: "2017/18"))],
            schedules: scenario.services.map { _ in ServiceSchedule() })
        let year = try PlanRunner(scenario: scenario, plan: plan).run(path: [30]).years[0]
        let direct = try CheckedAllocator(scenario).result(30)
        #expect(year.result == direct)
    }

    /// Days: 2017/18 has 365 (no 29 February 2018), 2019/20 has 366; a year starting on
    /// 1 January runs the calendar year.
    @Test func yearLengthsFollowTheCalendar() throws {
        let april = YearStart.april
        #expect(april.days(of: try #require(FinancialYear(parsing: "2017/18"))).count == 365)
        #expect(april.days(of: try #require(FinancialYear(parsing: "2019/20"))).count == 366)
        let january = try #require(YearStart(parsing: "01-01"))
        #expect(january.days(of: try #require(FinancialYear(parsing: "2020/21"))).count == 366)
        #expect(YearStart(parsing: "02-29") == nil)
        #expect(PlanDate(parsing: "2019-02-29") == nil)
        #expect(PlanDate(parsing: "2020-02-29") != nil)
        #expect(Plan.cumulativeCut([5, 5, 5]) - 14.2625 < 1e-12)
    }
}
