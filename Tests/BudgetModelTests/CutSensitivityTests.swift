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
        let scenario = workedExample(mode: .weighted)
        let allocation = try CheckedAllocator(scenario).result(20)
        let report = try #require(try WeightedSensitivity(scenario: scenario, allocation: allocation, observer: checker.observe))
        checker.expectAllCertified()
        #expect(abs(report.objective - 1_560_000) < 1e-8 * 1_560_000)  // W of the allocation shown, held to a relative 1e-9 of the optimum

        let services = Dictionary(uniqueKeysWithValues: report.services.map { ($0.serviceID, $0) })
        expect(services["hub"], final: 400_000, reducedCost: -1, weight: 1, increase: .infinity, decrease: .infinity)
        expect(services["idva"], final: 200_000, reducedCost: 1, weight: 3, increase: .infinity, decrease: 1)
        expect(services["rj"], final: 280_000, reducedCost: 0, weight: 2, increase: 1, decrease: 1)
        expect(services["counselling"], final: 0, reducedCost: -1, weight: 1, increase: 1, decrease: .infinity)

        #expect(report.constraints.map(\.id) == ["grant", "dv"])
        expect(report.constraints[0], final: 800_000, price: 2, rhs: 800_000, increase: 20_000, decrease: 100_000)
        expect(report.constraints[1], final: 80_000, price: 2, rhs: 80_000, increase: 20_000, decrease: 80_000)
        #expect(!report.optimumIsShared)
    }

    /// Weighted, 30% of £300,000 (envelope £210,000): advocacy (weight 2, baseline 100k) keeps
    /// all 100k; befriending and counselling (weight 1, 100k each) share the other 110k, and
    /// every split of it gives W = 200k + 110k = 310k. The tiers rule cuts both by 45%: 55k
    /// each. The report is of that allocation: final values 100k, 55k, 55k; the grant (price 1,
    /// the weight of the marginal pound) takes up all 210k. Advocacy is held at its maximum with
    /// reduced cost 2 - 1 = 1; its weight can rise without limit and fall by 1 before the cut
    /// would move onto it. Befriending's and counselling's weights cannot move at all: any
    /// change breaks the tie and the whole 110k goes to one of them.
    @Test func weightedReportDescribesTheTieBrokenAllocation() throws {
        let scenario = Scenario(
            title: "Weighted tie", objective: .weighted, funds: [Fund(id: "grant", amount: 300_000)],
            services: [
                Service(id: "advocacy", baseline: 100_000, minimum: .percent(50), weight: 2),
                Service(id: "befriending", baseline: 100_000),
                Service(id: "counselling", baseline: 100_000),
            ])
        let allocation = try CheckedAllocator(scenario).result(30)
        expectAllocations(allocation, ["advocacy": 100_000, "befriending": 55_000, "counselling": 55_000])
        let checker = Checker()
        let report = try #require(try WeightedSensitivity(scenario: scenario, allocation: allocation, observer: checker.observe))
        checker.expectAllCertified()
        #expect(report.optimumIsShared)
        #expect(abs(report.objective - 310_000) < 1e-3)
        let services = Dictionary(uniqueKeysWithValues: report.services.map { ($0.serviceID, $0) })
        expect(services["advocacy"], final: 100_000, reducedCost: 1, weight: 2, increase: .infinity, decrease: 1)
        expect(services["befriending"], final: 55_000, reducedCost: 0, weight: 1, increase: 0, decrease: 0)
        expect(services["counselling"], final: 55_000, reducedCost: 0, weight: 1, increase: 0, decrease: 0)
        #expect(report.constraints.count == 1)
        #expect(close(report.constraints[0].finalValue, 210_000) && close(report.constraints[0].shadowPrice, 1))
        for line in report.services {
            let shown = try #require(allocation.services.first { $0.serviceID == line.serviceID })
            #expect(line.finalValue == shown.allocation)
        }
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
        let weighted = workedExample(mode: .weighted)
        #expect(try WeightedSensitivity(scenario: weighted, allocation: try CheckedAllocator(weighted).result(40)) == nil)
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
