import BudgetModel
import Foundation
import Testing

/// The plan files in `scenarios/`: their published figures and what each year makes of them.
@Suite struct PlanScenariosTests {
    static func document(_ name: String) throws -> ScenarioDocument {
        try ScenarioDecoder.decode(contentsOf: packageRoot.appendingPathComponent("scenarios/\(name)").path)
    }

    /// Seed 004: £25,000 for the interim RJ service (1 April to 30 September 2017, 183 days),
    /// £200k a year for the new one from 1 October 2017 (182 days of 2017/18), £12k for the
    /// domestic-abuse services; the set-aside of £200k fenced for RJ.
    @Test func kentYearsCarryThePublishedFigures() throws {
        let document = try Self.document("kent-2017-18-plan.toml")
        let plan = try #require(document.plan)
        let scenario = document.scenario
        #expect(plan.years.map(\.description) == ["2017/18", "2018/19", "2019/20"])
        #expect(scenario.funds.map(\.amount) == [200_000, 12_000])
        #expect(scenario.funds.first?.ringFencedFor == ["rj-interim", "rj-new"])
        let interim = plan.serviceYear(0, of: scenario, year: 1)
        #expect(interim.runningDays == 183 && interim.fixedDays == 183 && interim.yearDays == 365)
        #expect(abs(interim.baseline - 25_000) < 0.01)
        #expect(plan.serviceYear(0, of: scenario, year: 2).runningDays == 0)
        let new = plan.serviceYear(1, of: scenario, year: 1)
        #expect(new.runningDays == 182 && new.fixedDays == 182)
        #expect(abs(new.baseline - 200_000 * 182 / 365) < 1e-6)
        #expect(plan.serviceYear(1, of: scenario, year: 2).minimum == 200_000)
        #expect(plan.serviceYear(2, of: scenario, year: 0).baseline == 12_000)
    }

    /// The Cambridgeshire plan is the board paper's scenario, unchanged but for its title, with
    /// three planned years and the ISVA contract to 31 December 2016 (275 days of 2016/17).
    @Test func cambridgeshirePlanIsTheScenarioOverThreeYears() throws {
        let document = try Self.document("cambridgeshire-2015-16-plan.toml")
        let plan = try #require(document.plan)
        var base = try Self.document("cambridgeshire-2015-16.toml").scenario
        base.title = document.scenario.title
        #expect(document.scenario == base)
        #expect(plan.baseYear.description == "2015/16")
        #expect(plan.years.map(\.description) == ["2016/17", "2017/18", "2018/19"])
        let isva = try #require(base.services.firstIndex { $0.id == "yp-isva" })
        let first = plan.serviceYear(isva, of: base, year: 1)
        #expect(first.fixedDays == 275 && first.runningDays == 365)
        #expect(abs(first.minimum - (80_000 * 275 / 365 + 40_000 * 90 / 365)) < 1e-6)
    }
}
