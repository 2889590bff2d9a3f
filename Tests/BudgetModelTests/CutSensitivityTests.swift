import BudgetModel
import LinearProgramming
import LPCertificates
import Testing

/// Sensitivity of one cut: the weighted-mode report and the tiers-mode cost of floors,
/// on the worked example of SCENARIO-SPEC section 9, worked by hand.
@Suite struct CutSensitivityTests {
    /// Weighted, 20%: hub 400k (fixed), idva 200k at its maximum, rj 280k, counselling 0.
    /// The marginal pound goes to rj (weight 2), so both funds are worth 2 a pound; idva would
    /// give up a pound for 3 - 2 = 1 less, counselling would cost 2 - 1 = 1. rj's weight can
    /// move between counselling's 1 and idva's 3. The grant can grow by 20k before rj reaches
    /// its maximum and shrink by 100k before it reaches its minimum; the dv fence shrinks by
    /// at most 80k (all of it).
    @Test func weightedReportOfTheWorkedExample() throws {
        let checker = Checker()
        let report = try #require(try WeightedSensitivity(
            scenario: workedExample(mode: .weighted), cutPercent: 20, observer: checker.observe))
        checker.expectAllCertified()
        #expect(abs(report.objective - 1_560_000) < 1e-3)

        let services = Dictionary(uniqueKeysWithValues: report.services.map { ($0.serviceID, $0) })
        expect(services["hub"], final: 400_000, reducedCost: -1, weight: 1, increase: .infinity, decrease: .infinity)
        expect(services["idva"], final: 200_000, reducedCost: 1, weight: 3, increase: .infinity, decrease: 1)
        expect(services["rj"], final: 280_000, reducedCost: 0, weight: 2, increase: 1, decrease: 1)
        expect(services["counselling"], final: 0, reducedCost: -1, weight: 1, increase: 1, decrease: .infinity)

        #expect(report.constraints.map(\.id) == ["grant", "dv"])
        expect(report.constraints[0], final: 800_000, price: 2, rhs: 800_000, increase: 20_000, decrease: 100_000)
        expect(report.constraints[1], final: 80_000, price: 2, rhs: 80_000, increase: 20_000, decrease: 80_000)
    }

    /// Tiers, 20%: hub 400k protected, idva 200k, rj 180k at its minimum, counselling 100k.
    /// Without the protection, 680k after idva is shared by hub, rj and counselling at
    /// 680/900 of baseline: rj 226,666.67 and counselling 151,111.11. Without rj's minimum,
    /// 280k is shared by rj and counselling at 56%: counselling 112,000.
    @Test func tiersFloorCostsAtTwentyPercent() throws {
        let checker = Checker()
        let scenario = workedExample()
        let allocator = CheckedAllocator(scenario)
        let costs = try FloorCost.costs(at: try allocator.result(20), of: scenario, observer: checker.observe)
        checker.expectAllCertified()
        #expect(costs.map(\.serviceID) == ["hub", "rj"])
        #expect(costs.map(\.kind) == [.protection, .minimum])

        expect(costs[0], losses: ["idva": 0, "rj": 46_666.666_667, "counselling": 51_111.111_111])
        #expect(abs(costs[0].allocationWithoutFloor - 302_222.222_222) < 1e-3)
        #expect(abs(costs[0].total - 97_777.777_778) < 1e-3)
        expect(costs[1], losses: ["hub": 0, "idva": 0, "counselling": 12_000])
    }

    /// Tiers, 30%: idva (priority 1) is cut to 190k. Without the hub's protection idva keeps
    /// its 200k and 570k is shared at 570/900; without rj's minimum idva keeps 200k and
    /// rj and counselling share 170k at 34%.
    @Test func tiersFloorCostsReachTheHigherTier() throws {
        let scenario = workedExample()
        let costs = try FloorCost.costs(at: try CheckedAllocator(scenario).result(30), of: scenario)
        #expect(costs.map(\.serviceID) == ["hub", "rj"])
        expect(costs[0], losses: ["idva": 10_000, "rj": 10_000, "counselling": 126_666.666_667])
        expect(costs[1], losses: ["hub": 0, "idva": 10_000, "counselling": 68_000])
        let byPriority = costs[1].totalsByPriority(tolerance: 0.005)
        #expect(byPriority.map(\.priority) == [1, 0])
        #expect(byPriority.map(\.amount).enumerated().allSatisfy { abs($1 - [10_000, 68_000][$0]) < 1e-3 })
    }

    @Test func noReportBeyondTheMaximumCut() throws {
        #expect(try WeightedSensitivity(scenario: workedExample(mode: .weighted), cutPercent: 40) == nil)
        let scenario = workedExample()
        #expect(try FloorCost.costs(at: try CheckedAllocator(scenario).result(40), of: scenario).isEmpty)
    }

    private func expect(
        _ line: WeightedSensitivity.ServiceLine?, final: Double, reducedCost: Double, weight: Double,
        increase: Double, decrease: Double, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        guard let line else { Issue.record("missing service", sourceLocation: sourceLocation); return }
        #expect(close(line.finalValue, final) && close(line.reducedCost, reducedCost) && line.weight == weight, "\(line)", sourceLocation: sourceLocation)
        #expect(close(line.allowableIncrease, increase) && close(line.allowableDecrease, decrease), "\(line)", sourceLocation: sourceLocation)
    }

    private func expect(
        _ line: WeightedSensitivity.ConstraintLine, final: Double, price: Double, rhs: Double,
        increase: Double, decrease: Double, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(close(line.finalValue, final) && close(line.shadowPrice, price) && close(line.rightHandSide, rhs), "\(line)", sourceLocation: sourceLocation)
        #expect(close(line.allowableIncrease, increase) && close(line.allowableDecrease, decrease), "\(line)", sourceLocation: sourceLocation)
    }

    private func expect(_ cost: FloorCost, losses: [String: Double], sourceLocation: SourceLocation = #_sourceLocation) {
        let actual = Dictionary(uniqueKeysWithValues: cost.losses.map { ($0.serviceID, $0.amount) })
        #expect(Set(actual.keys) == Set(losses.keys), sourceLocation: sourceLocation)
        for (id, amount) in losses {
            #expect(abs((actual[id] ?? .nan) - amount) < 1e-3, "\(cost.serviceID) → \(id): \(actual[id] ?? .nan)", sourceLocation: sourceLocation)
        }
    }

    private func close(_ a: Double, _ b: Double) -> Bool {
        a == b || abs(a - b) <= 1e-6 * max(1, abs(b))
    }

    /// Checks every LP solution it observes with the independent certificate checker.
    final class Checker {
        private(set) var solves = 0
        private(set) var failures: [String] = []

        func observe(_ program: LinearProgram, _ solution: Solution) {
            solves += 1
            failures += CertificateChecker().check(solution, of: program).failures
        }

        func expectAllCertified(sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(solves > 0 && failures.isEmpty, "\(failures)", sourceLocation: sourceLocation)
        }
    }
}
