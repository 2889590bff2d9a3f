import BudgetModel
import Testing

/// `scenario commit` (SCENARIO-SPEC section 14): guarantees over ranges of the worked example
/// worked by hand, and agreement with dense sampling on random generated scenarios.
@Suite struct CommitmentTests {
    /// Cuts of the worked example (envelope 1,100,000 (1 - c)) where things happen: rj reaches
    /// its minimum of 180,000 when rj + counselling = 300,000 (E = 900,000); counselling reaches
    /// 0 when E = 780,000; the maximum feasible cut is at E = 680,000.
    static let rjAtMinimum = 100 * (1 - 900.0 / 1100)
    static let counsellingAtZero = 100 * (1 - 780.0 / 1100)
    static let maximumCut = 100 * (1 - 680.0 / 1100)

    private func commitment(_ scenario: Scenario, _ range: ClosedRange<Double>) throws -> (Commitment, CheckedAllocator) {
        let checked = CheckedAllocator(scenario)
        let found = try CommitmentFinder(allocator: checked.allocator).commitment(over: range)
        #expect(checked.solvesChecked > 0 && checked.failures.isEmpty, "\(checked.failures)")
        return (found, checked)
    }

    private func expect(
        _ service: ServiceCommitment?, guaranteed: Double, at cut: Double, atRisk: Double,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        // Money to the penny (the LPs hold a £1m scenario to about 1e-3), cuts to 1e-6 points.
        #expect(abs((service?.guaranteed ?? .nan) - guaranteed) < 0.01, "\(String(describing: service))", sourceLocation: sourceLocation)
        #expect(abs((service?.atCutPercent ?? .nan) - cut) < 1e-6, "\(String(describing: service))", sourceLocation: sourceLocation)
        #expect(abs((service?.atRisk ?? .nan) - atRisk) < 0.01, "\(String(describing: service))", sourceLocation: sourceLocation)
        #expect(service?.isOpen == false, sourceLocation: sourceLocation)
    }

    /// 5..25%, all feasible. At 25% the envelope is 825,000: hub 400,000 + idva 200,000 + rj at
    /// its minimum 180,000 leave counselling 45,000. rj reaches 180,000 at 18.1818%, and stays.
    @Test func workedExampleFiveToTwentyFive() throws {
        let (found, _) = try commitment(workedExample(), 5...25)
        #expect(found.infeasible.isEmpty && found.feasible == 5...25)
        let services = Dictionary(uniqueKeysWithValues: found.services.map { ($0.serviceID, $0) })
        expect(services["hub"], guaranteed: 400_000, at: 5, atRisk: 0)
        expect(services["idva"], guaranteed: 200_000, at: 5, atRisk: 0)
        expect(services["rj"], guaranteed: 180_000, at: Self.rjAtMinimum, atRisk: 120_000)
        expect(services["counselling"], guaranteed: 45_000, at: 25, atRisk: 155_000)
    }

    /// 20..40%: infeasible beyond 38.1818%, where idva is at its minimum of 100,000; counselling
    /// reaches 0 at 29.0909%, rj is at its minimum throughout.
    @Test func workedExampleAcrossTheMaximumCut() throws {
        let (found, _) = try commitment(workedExample(), 20...40)
        #expect(found.infeasible.count == 1)
        #expect(abs((found.infeasible.first?.lowerBound ?? .nan) - Self.maximumCut) < 1e-9)
        #expect(found.infeasible.first?.upperBound == 40)
        let services = Dictionary(uniqueKeysWithValues: found.services.map { ($0.serviceID, $0) })
        expect(services["hub"], guaranteed: 400_000, at: 20, atRisk: 0)
        expect(services["idva"], guaranteed: 100_000, at: Self.maximumCut, atRisk: 100_000)
        expect(services["rj"], guaranteed: 180_000, at: 20, atRisk: 120_000)
        expect(services["counselling"], guaranteed: 0, at: Self.counsellingAtZero, atRisk: 200_000)
    }

    /// A range with no feasible cut guarantees nothing.
    @Test func workedExampleWhollyInfeasible() throws {
        let (found, _) = try commitment(workedExample(), 40...50)
        #expect(found.infeasible == [40...50] && found.feasible == nil)
        #expect(found.services.allSatisfy { $0.guaranteed == nil && $0.atCutPercent == nil && $0.atRisk == nil })
    }

    /// Increases: below 0% every service is at its baseline (its maximum), so the least is at
    /// the top of the range, 10% (rj 234,000, counselling 156,000).
    @Test func workedExampleWithIncreases() throws {
        let (found, _) = try commitment(workedExample(), -20...10)
        let services = Dictionary(uniqueKeysWithValues: found.services.map { ($0.serviceID, $0) })
        expect(services["rj"], guaranteed: 234_000, at: 10, atRisk: 66_000)
        expect(services["counselling"], guaranteed: 156_000, at: 10, atRisk: 44_000)
        expect(services["idva"], guaranteed: 200_000, at: -20, atRisk: 0)
    }

    /// A group share in per cent that the member's maximum caps at 0%: negative cuts are
    /// infeasible, and the feasible cuts of -20..30% start at 0% (found by bisection).
    @Test func feasibleCutsThatStartAtZero() throws {
        let scenario = Scenario(
            title: "share", funds: [Fund(id: "grant", amount: 1000)],
            services: [Service(id: "a", baseline: 400, maximum: .amount(450)), Service(id: "b", baseline: 600)],
            groups: [ServiceGroup(id: "share", services: ["a"], minimum: .percent(45))])
        let (found, _) = try commitment(scenario, -20...30)
        #expect(found.infeasible.count == 1)
        #expect(found.infeasible.first?.lowerBound == -20)
        #expect(abs((found.infeasible.first?.upperBound ?? .nan) - 0) < 1e-6)
        // At 30% the envelope is 700: an equal 30% cut would give a 280, below the group's 45%
        // of 700, 315; so a gets 315 and b the other 385, its least (b has 550 at 0%).
        let b = found.services[1]
        #expect(abs((b.guaranteed ?? .nan) - 385) < 0.01 && b.atCutPercent == 30)
    }

    /// On 200 random generated scenarios and random ranges, the guarantee agrees with dense
    /// sampling (2,001 cuts over the range): no sampled feasible cut gives a service less than
    /// its guarantee (to 1e-6 of the scenario's largest amount), and the rule gives exactly the
    /// guarantee at the cut reported. Each scenario is small, so the sampling stays quick.
    @Test func agreesWithDenseSampling() throws {
        var random = SplitMix64(seed: 17)
        var checkedRanges = 0
        for index in 0..<200 {
            let settings = GenerationSettings(
                services: 3 + Int(random.next() % 8), funds: 1 + Int(random.next() % 3), groups: Int(random.next() % 3),
                seed: random.next(), mode: index % 4 == 3 ? .weighted : .tiers)
            let scenario = try ScenarioGenerator.scenario(settings)
            let allocator = Allocator(scenario: scenario)
            allocator.findsFallbacks = false
            let maximum = try allocator.maximumFeasibleCut() ?? 0
            // Ranges around the maximum cut, so that many cross it.
            let low = -10 + Double(random.next() % 400) / 10
            let high = min(99, low + 5 + Double(random.next() % 500) / 10, max(low + 5, maximum + 10))
            let commitment = try CommitmentFinder(allocator: allocator).commitment(over: low...high)
            let sampler = Allocator(scenario: scenario)
            let tolerance = 1e-6 * max(scenario.envelope(afterCut: 0), 1)
            var sampledLeast = [Double](repeating: .infinity, count: scenario.services.count)
            for k in 0...2000 {
                let cut = min(high, low + (high - low) * Double(k) / 2000)
                guard let amounts = try sampler.allocations(atCut: cut) else {
                    #expect(commitment.infeasible.contains { $0.contains(cut) }, "seed \(settings.seed): \(cut) infeasible, not reported")
                    continue
                }
                #expect(commitment.feasible?.contains(cut) == true, "seed \(settings.seed): \(cut) feasible, reported \(commitment.infeasible), maximum \(maximum)")
                for s in amounts.indices { sampledLeast[s] = min(sampledLeast[s], amounts[s]) }
            }
            for (s, service) in commitment.services.enumerated() {
                guard let guaranteed = service.guaranteed, let at = service.atCutPercent else {
                    #expect(sampledLeast[s] == .infinity, "seed \(settings.seed): feasible samples but no guarantee")
                    continue
                }
                #expect(sampledLeast[s] >= guaranteed - tolerance, "seed \(settings.seed) \(service.serviceID): sampled \(sampledLeast[s]) < \(guaranteed)")
                // At the maximum feasible cut itself a stage LP may fail within tolerance: then
                // a hair below it (the allocation is continuous).
                let fresh = Allocator(scenario: scenario)
                let there = try #require(try fresh.allocations(atCut: at) ?? fresh.allocations(atCut: at - 1e-9))
                #expect(abs(there[s] - guaranteed) <= tolerance, "seed \(settings.seed) \(service.serviceID): \(there[s]) at \(at) vs \(guaranteed)")
            }
            checkedRanges += 1
        }
        #expect(checkedRanges == 200)
    }

    /// On a generated scenario of 120 services in several tiers, where the walk re-solves each
    /// allocation only from the first stage whose line from the allocation before no longer
    /// holds (`StageLine`), every guarantee is the allocation a fresh allocator gives at the cut
    /// reported, to 1e-9 of the scenario's money scale (its largest fund or reference amount),
    /// and no allocation at 301 cuts over the range lies below it by more than that.
    @Test func generatedModelAgreesWithFreshSolves() throws {
        let scenario = try ScenarioGenerator.scenario(GenerationSettings(services: 120, funds: 6, groups: 12, seed: 1))
        let (found, _) = try commitment(scenario, 0...30)
        let scale = (scenario.funds.map(\.amount) + scenario.services.map(\.reference)).max() ?? 1
        let tolerance = 1e-9 * scale
        let feasible = try #require(found.feasible)
        let sampler = CheckedAllocator(scenario)
        var sampledLeast = [Double](repeating: .infinity, count: scenario.services.count)
        for k in 0...300 {
            let cut = feasible.lowerBound + (feasible.upperBound - feasible.lowerBound) * Double(k) / 300
            let amounts = try #require(try sampler.allocator.allocations(atCut: cut) ?? sampler.allocator.allocations(atCut: cut - 1e-9))
            for s in amounts.indices { sampledLeast[s] = min(sampledLeast[s], amounts[s]) }
        }
        #expect(sampler.solvesChecked > 0 && sampler.failures.isEmpty, "\(sampler.failures)")
        var fresh: [Double: [Double]] = [:]
        for (s, service) in found.services.enumerated() {
            let guaranteed = try #require(service.guaranteed)
            let at = try #require(service.atCutPercent)
            #expect(sampledLeast[s] >= guaranteed - tolerance, "\(service.serviceID): sampled \(sampledLeast[s]) < \(guaranteed)")
            if fresh[at] == nil {
                let checked = CheckedAllocator(scenario)
                let amounts = try #require(try checked.allocator.allocations(atCut: at) ?? checked.allocator.allocations(atCut: at - 1e-9))
                #expect(checked.solvesChecked > 0 && checked.failures.isEmpty, "\(checked.failures)")
                fresh[at] = amounts
            }
            let there = try #require(fresh[at])[s]
            #expect(abs(there - guaranteed) <= tolerance, "\(service.serviceID): \(there) at \(at) vs \(guaranteed)")
        }
        #expect(found.services.contains { ($0.atRisk ?? 0) > 0 })
    }
}
