import BudgetModel
import Foundation
import Testing

/// Closable services in a plan over years (SCENARIO-SPEC sections 11 and 12): each year's
/// closures are chosen at that year's cut, and the maximum sustainable cut is over every
/// choice. `Tests/Fixtures/closure-plan.toml` has no inflation, so year `k` is the base
/// scenario of `ClosureTests` cut by the cumulative cut: one fund of 1,000; `a` (priority 1,
/// baseline 500, minimum 400); `b` (300, minimum 150) and `c` (200, minimum 100), both
/// priority 0 and closable.
@Suite struct PlanClosureTests {
    /// 30% then 20%: 2017/18 has 700, above the 650 the floors need, so everyone stays open,
    /// b and c at their floors and a at 450; 2018/19 has 1,000 × 0.7 × 0.8 = 560, so one
    /// closure is needed, the smaller baseline c (400 + 150 = 550 ≤ 560), and a takes 410.
    @Test func aLaterYearsDeeperCutForcesAClosure() throws {
        let runner = try CheckedPlanRunner(try planFixture("closure-plan.toml"))
        let years = try runner.run([30, 20]).years
        expectAllocations(years[0].result, ["a": 450, "b": 150, "c": 100])
        #expect(years[0].result.closedServices.isEmpty)
        #expect(abs(years[1].cumulativeCutPercent - 44) < 1e-9)
        expectAllocations(years[1].result, ["a": 410, "b": 150, "c": 0])
        #expect(years[1].result.closedServices == [2])
        #expect(years[1].allocation(of: "c")?.binding == .closed)
        #expect(runner.mixedIntegerSolves > 0)
    }

    /// With both b and c closed a year needs only a's 400, so a cumulative cut of 60% is the
    /// most any year can take; year 2 reaches it first: 1 - (1 - c)² = 0.6 at c = 1 - √0.4.
    @Test func theMaximumSustainableCutIsOverEveryChoiceOfClosures() throws {
        let runner = try CheckedPlanRunner(try planFixture("closure-plan.toml"))
        let cut = try #require(try runner.maximumSustainableCut())
        #expect(abs(cut - 100 * (1 - 0.4.squareRoot())) < 1e-9)
        // With everyone open the floors' 650 would allow only 1 - √0.65.
        #expect(cut > 100 * (1 - 0.65.squareRoot()) + 1)
    }
}
