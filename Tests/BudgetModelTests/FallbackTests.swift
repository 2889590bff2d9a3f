import BudgetModel
import Testing

/// The fallback at an infeasible cut (SCENARIO-SPEC section 14), worked by hand on the worked
/// example (SCENARIO-SPEC section 9), whose floors give way in the order rj's minimum
/// (priority 0: 180,000), idva's minimum (priority 1: 100,000), the protected hub (400,000).
@Suite struct FallbackTests {
    private func fallback(_ scenario: Scenario, at cut: Double, sourceLocation: SourceLocation = #_sourceLocation) throws -> FallbackOutcome? {
        let checked = CheckedAllocator(scenario)
        let result = try checked.result(cut, sourceLocation: sourceLocation)
        #expect(result.status == .infeasible, sourceLocation: sourceLocation)
        return result.fallback
    }

    private func expect(
        _ outcome: FallbackOutcome?, floors: [(Int?, Double)], allocations: [Double],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        guard case .fallback(let fallback) = outcome else {
            Issue.record("no fallback: \(String(describing: outcome))", sourceLocation: sourceLocation)
            return
        }
        #expect(fallback.floors.count == floors.count, "\(fallback.floors)", sourceLocation: sourceLocation)
        for (floor, (priority, factor)) in zip(fallback.floors, floors) {
            #expect(floor.priority == priority && floor.isProtected == (priority == nil), sourceLocation: sourceLocation)
            #expect(abs(floor.factor - factor) < 1e-8, "\(floor.factor) vs \(factor)", sourceLocation: sourceLocation)
        }
        for (service, amount) in zip(fallback.services, allocations) {
            #expect(abs(service.allocation - amount) < 0.01, "\(service.serviceID): \(service.allocation) vs \(amount)", sourceLocation: sourceLocation)
        }
    }

    /// 40%: grant 600,000, fence 60,000. hub 400,000 + idva 100,000 leave rj 160,000 of its
    /// 180,000 minimum: factor 160/180. idva, priority 1, takes all it can: 100,000.
    @Test func fortyPercentScalesTheLowestTier() throws {
        expect(try fallback(workedExample(), at: 40), floors: [(0, 160.0 / 180)], allocations: [400_000, 100_000, 160_000, 0])
    }

    /// 50%: grant 500,000, fence 50,000: rj gets 50,000 of 180,000.
    @Test func fiftyPercent() throws {
        expect(try fallback(workedExample(), at: 50), floors: [(0, 50.0 / 180)], allocations: [400_000, 100_000, 50_000, 0])
    }

    /// 60%: grant 400,000, fence 40,000. Even with rj at 0, hub 400,000 takes the whole grant
    /// and idva has only the fence: factor 0 for priority 0, 40/100 for priority 1.
    @Test func sixtyPercentReachesTheNextTier() throws {
        expect(try fallback(workedExample(), at: 60), floors: [(0, 0), (1, 0.4)], allocations: [400_000, 40_000, 0, 0])
    }

    /// 70%: grant 300,000, fence 30,000. Only the protected hub is left to give way: 300/400;
    /// idva, with no floor left, takes the fence.
    @Test func seventyPercentReachesTheProtectedFloors() throws {
        expect(
            try fallback(workedExample(), at: 70), floors: [(0, 0), (1, 0), (nil, 0.75)],
            allocations: [300_000, 30_000, 0, 0])
    }

    /// A group minimum of 450 that an envelope of 400 cannot meet, whatever the floors: no
    /// fallback, and the cut without floors names the group minimum and the fund.
    @Test func aGroupMinimumLeavesNoFallback() throws {
        let scenario = Scenario(
            title: "group", funds: [Fund(id: "grant", amount: 1000)],
            services: [Service(id: "a", baseline: 500, minimum: .amount(100)), Service(id: "b", baseline: 500, isProtected: true)],
            groups: [ServiceGroup(id: "core", services: ["a"], minimum: .amount(450))])
        guard case .impossible(let floorless) = try fallback(scenario, at: 60) else {
            Issue.record("expected no fallback")
            return
        }
        #expect(floorless.status == .infeasible)
        #expect(abs((floorless.deficit ?? .nan) - 50) < 1e-6)
        #expect(Set(floorless.conflict.map(\.id)) == ["core", "grant"])
    }

    /// On generated scenarios beyond their maximum cut: every LP behind the fallback is
    /// certified; the classes that give way are the lowest first, each before the last at 0;
    /// the allocation meets the scaled floors, the maxima and the envelope; and the last
    /// factor is the largest: a little more makes the cut infeasible again.
    @Test func generatedScenariosFallBackInOrder() throws {
        var checkedFallbacks = 0
        for seed in UInt64(1)...40 {
            let scenario = try ScenarioGenerator.scenario(GenerationSettings(services: 12, funds: 3, groups: 2, seed: seed))
            let checked = CheckedAllocator(scenario)
            guard let maximum = try checked.maximumFeasibleCut(), maximum < 95 else { continue }
            let cut = maximum + (99 - maximum) / 3
            let result = try checked.result(cut)
            guard case .fallback(let fallback) = result.fallback else { continue }
            checkedFallbacks += 1
            let priorities = Set(scenario.services.map(\.priority)).sorted()
            // The classes in the order they may give way, as (priority or nil for protected).
            let order: [Int?] = priorities.map { Optional($0) } + [nil]
            let positions = fallback.floors.map { floor in order.firstIndex { $0 == floor.priority } ?? -1 }
            #expect(positions == positions.sorted() && !positions.contains(-1), "seed \(seed): \(fallback.floors)")
            #expect(fallback.floors.dropLast().allSatisfy { $0.factor == 0 }, "seed \(seed): \(fallback.floors)")
            let last = try #require(fallback.floors.last)
            #expect(last.factor < 1)
            func factor(of service: Service) -> Double {
                if service.isProtected { return fallback.floors.first { $0.isProtected }?.factor ?? 1 }
                if let floor = fallback.floors.first(where: { $0.priority == service.priority }) { return floor.factor }
                // A lower priority than the last class gives way entirely.
                return service.priority < (last.priority ?? .max) ? 0 : 1
            }
            let tolerance = 1e-6 * scenario.moneyScaleForTests
            var total = 0.0
            for (service, amount) in zip(scenario.services, fallback.services) {
                let floor = factor(of: service) * (service.isProtected ? service.lowerBound : service.minimumAmount)
                #expect(amount.allocation >= floor - tolerance, "seed \(seed) \(service.id): \(amount.allocation) < \(floor)")
                #expect(amount.allocation <= service.maximumAmount + tolerance)
                total += amount.allocation
            }
            #expect(total <= scenario.envelope(afterCut: cut) + tolerance)
            // A little more of the last factor is infeasible.
            var tighter = scenario
            for (s, service) in scenario.services.enumerated() {
                var raised = factor(of: service)
                let inLastClass = last.isProtected ? service.isProtected : (!service.isProtected && service.priority == last.priority)
                if inLastClass { raised = min(1, raised + 1e-4) }
                let floor = service.isProtected ? service.lowerBound : service.minimumAmount
                tighter.services[s].minimum = .amount(raised * floor)
                tighter.services[s].isProtected = false
            }
            let tightened = Allocator(scenario: tighter)
            tightened.findsFallbacks = false
            #expect(try tightened.allocations(atCut: cut) == nil, "seed \(seed): factor \(last.factor) is not the largest")
        }
        #expect(checkedFallbacks >= 20)
    }
}

extension Scenario {
    /// The largest fund or baseline, the scale of the solver's tolerances.
    var moneyScaleForTests: Double { max(1, (funds.map(\.amount) + services.map(\.baseline)).max() ?? 1) }
}
