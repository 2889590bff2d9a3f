import BudgetModel
import BudgetReports
import LPCertificates
import LinearProgramming
import ScenarioCommandLine
import Testing

/// `scenario check` in-process: the two cuts its summary names, worked out by hand, every LP
/// solution behind them certificate-checked.
@Suite struct CheckRunTests {
    private func summary(of fixture: String) throws -> ScenarioSummary {
        let document = try ScenarioDecoder.decode(contentsOf: BoardCommandTests.fixture(fixture))
        let checker = CertificateChecker()
        var failures: [String] = []
        var checked = 0
        let summary = try CheckRun.summary(of: document) { program, solution in
            checked += 1
            failures += checker.check(solution, of: program).failures
        }
        #expect(checked > 0)
        #expect(failures.isEmpty, "certificate failures: \(failures)")
        return summary
    }

    /// Outreach must take 60% of the envelope but at most its £500 baseline, so the envelope
    /// can be at most £833.33 (a cut of at least 16 2/3%); advice's floor of £250 beside 60% of
    /// the envelope needs 0.4 * E >= 250, E >= 625 (a cut of at most 37.5%).
    @Test func aFloorInPerCentOfTheEnvelopeGivesALeastFeasibleCut() throws {
        let summary = try summary(of: "share-group-floor.toml")
        let maximum = try #require(summary.maximumFeasibleCut)
        let least = try #require(summary.leastFeasibleCut)
        #expect(abs(maximum - 37.5) < 1e-7)
        #expect(abs(least - 50.0 / 3) < 1e-7)
        #expect(summary.lines.last == "  Least feasible cut: 16.67% (below it, 0% included, the hard constraints cannot all be met)")
    }

    /// The worked example: the hub's protected £400,000, idva's floor of £100,000 and rj's of
    /// £180,000 need £680,000 of £1,100,000, a cut of at most 420/1100 = 38.18%; 0% is feasible,
    /// so no least cut is named.
    @Test func aScenarioFeasibleAtZeroNamesNoLeastCut() throws {
        let summary = try summary(of: "worked-example.toml")
        let maximum = try #require(summary.maximumFeasibleCut)
        #expect(abs(maximum - 100 * 420.0 / 1100) < 1e-7)
        #expect(summary.leastFeasibleCut == nil)
        #expect(summary.lines.last == "  Maximum feasible cut: 38.18%")
    }

    /// A plan file is summarised by its first year, 2017/18: the hub's protected £408,000 (2%
    /// inflation), rj-new's contract for 182 days (200,000 x 182/365) and counselling's floor
    /// of half of £306,000 can be paid only from the grant of £850,000 (the £10,000 fund is
    /// ring-fenced for rj-old), so the maximum cut is 1 - 660,726.03/850,000 = 22.27%.
    @Test func aPlanIsSummarisedByItsFirstYear() throws {
        let summary = try summary(of: "hand-plan.toml")
        let floors = 408_000 + 200_000 * 182.0 / 365 + 153_000
        #expect(abs((summary.maximumFeasibleCut ?? 0) - 100 * (1 - floors / 850_000)) < 1e-7)
        #expect(summary.lines[1] == "  Title: Hand-worked plan — 2017/18")
        #expect(summary.lines[2] == "  Plan: 3 years (2017/18 to 2019/20); the figures below are 2017/18's")
        #expect(summary.lines.last == "  Maximum feasible cut: 22.26%")
    }
}
