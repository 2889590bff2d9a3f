import BudgetModel
import Foundation
import Testing

/// Whole posts (SCENARIO-SPEC section 12) against enumeration: on random small scenarios with
/// steps (and some closable services), every set of closures and every vector of post counts
/// is allocated as its own scenario (`Scenario.closing`, `Scenario.holding(posts:)`, LPs only),
/// and the spec's definitions are applied to those allocations directly: the closures by the
/// spec's order among the sets some posts make feasible, then the tiers rule leximin over the
/// discrete allocations tier by tier with ties to the service listed first (weighted mode: the
/// most `sum weight x` first). The allocator's result, deficit and maximum cut must agree.
@Suite struct StepEnumerationTests {
    /// A random valid scenario of 2 to 5 services, one to three with a step of at most four
    /// posts, some closable.
    static func randomScenario(_ random: inout SplitMix64) -> Scenario {
        while true {
            let count = Int.random(in: 2...5, using: &random)
            var services: [Service] = []
            for s in 0..<count {
                let baseline = Double(Int.random(in: 10...100, using: &random) * 10)
                let isProtected = Double.random(in: 0..<1, using: &random) < 0.1
                let stepped = Double.random(in: 0..<1, using: &random) < 0.6
                let step = stepped ? (baseline * [0.3, 0.45, 0.5, 1].randomElement(using: &random)!).rounded() : nil
                services.append(Service(
                    id: "s\(s)", baseline: baseline,
                    minimum: .percent([0, 0, 20, 40, 60].randomElement(using: &random)!),
                    maximum: .percent(Double.random(in: 0..<1, using: &random) < 0.2 ? 120 : 100),
                    isProtected: isProtected, priority: Int.random(in: 0...1, using: &random),
                    weight: Double(Int.random(in: 1...3, using: &random)),
                    isClosable: !isProtected && Double.random(in: 0..<1, using: &random) < 0.25, step: step))
            }
            guard (1...3).contains(services.filter({ $0.step != nil }).count), services.filter(\.isClosable).count <= 2 else { continue }
            let total = services.reduce(0) { $0 + $1.baseline }
            var funds = [Fund(id: "grant", amount: (total * Double.random(in: 0.85...1.1, using: &random)).rounded())]
            if Double.random(in: 0..<1, using: &random) < 0.25 {
                let fenced = services[Int.random(in: 0..<count, using: &random)]
                funds.append(Fund(id: "fence", amount: (fenced.baseline * 0.5).rounded(), ringFencedFor: [fenced.id]))
            }
            let mode: ObjectiveMode = Double.random(in: 0..<1, using: &random) < 0.2 ? .weighted : .tiers
            let scenario = Scenario(title: "random", objective: mode, funds: funds, services: services)
            if ScenarioValidator.validate(scenario, fileName: "random").isEmpty { return scenario }
        }
    }

    /// Every vector of post counts of the services with a step (index to posts) with `closed`
    /// closed: 0 for a closed service, else from the fewest that meet its lower bound to the most
    /// its maximum allows.
    static func postVectors(_ scenario: Scenario, closed: [Int]) -> [[Int: Int]] {
        var vectors: [[Int: Int]] = [[:]]
        for s in scenario.steppedServices {
            let counts = closed.contains(s) ? 0...0 : scenario.services[s].fewestPosts!...scenario.services[s].mostPosts!
            vectors = vectors.flatMap { vector in counts.map { vector.merging([s: $0]) { $1 } } }
        }
        return vectors
    }

    /// Whether allocation `a` comes before `b` by the rule of sections 4 and 12 (`closed` the
    /// closed services, left out of the comparison: their shortfall is 1 in both).
    static func better(_ a: [Double], _ b: [Double], in scenario: Scenario, closed: [Int]) -> Bool {
        let scale = scenario.services.map(\.baseline).max()!
        if scenario.objective == .weighted {
            let wa = zip(a, scenario.services).reduce(0) { $0 + $1.1.weight * $1.0 }
            let wb = zip(b, scenario.services).reduce(0) { $0 + $1.1.weight * $1.0 }
            if abs(wa - wb) > 1e-9 * max(1, abs(wa)) * 10 { return wa > wb }
        }
        let tolerance = 1e-7
        for p in Set(scenario.services.map(\.priority)).sorted(by: >) {
            let tier = scenario.services.indices.filter { scenario.services[$0].priority == p && !closed.contains($0) }
            let ra = tier.map { (scenario.services[$0].baseline - a[$0]) / scenario.services[$0].baseline }
            let rb = tier.map { (scenario.services[$0].baseline - b[$0]) / scenario.services[$0].baseline }
            for (x, y) in zip(ra.sorted(by: >), rb.sorted(by: >)) where abs(x - y) > tolerance { return x < y }
            for (x, y) in zip(ra, rb) where abs(x - y) > tolerance { return x < y }
        }
        _ = scale
        return false
    }

    /// Scenarios checked: 120, or `STEP_ENUMERATION_SCENARIOS` (a heavier run, for example 2000).
    static var scenarioCount: Int {
        ProcessInfo.processInfo.environment["STEP_ENUMERATION_SCENARIOS"].flatMap { Int($0) }.map { max($0, 120) } ?? 120
    }

    @Test func theAllocationIsTheRuleOverEveryVectorOfPosts() throws {
        var random = SplitMix64(seed: 20261208)
        var checkedCuts = 0, infeasibleCuts = 0, offShareCuts = 0, closingCuts = 0, mixedIntegerCertified = 0
        for _ in 0..<Self.scenarioCount {
            let scenario = Self.randomScenario(&random)
            let scale = max(scenario.funds.map(\.amount).max()!, scenario.services.map(\.baseline).max()!)
            let allocator = CheckedAllocator(scenario)
            let sets = ClosureEnumerationTests.subsets(scenario.closableServices)
            let choices = sets.flatMap { set in Self.postVectors(scenario, closed: set).map { (closed: set, posts: $0) } }
            let fixed = choices.map { CheckedAllocator(scenario.closing($0.closed).holding(posts: $0.posts)) }

            let maximum = try allocator.maximumFeasibleCut()
            let enumerated = try fixed.compactMap { try $0.maximumFeasibleCut() }.max()
            #expect((maximum == nil) == (enumerated == nil), "\(scenario)")
            if let maximum, let enumerated { #expect(abs(maximum - enumerated) < 1e-7, "\(scenario)") }

            for _ in 0..<3 {
                let cut = Double(Int.random(in: 0...500, using: &random)) / 10
                let result = try allocator.result(cut)
                let results = try fixed.map { try $0.result(cut) }
                checkedCuts += 1
                let feasible = choices.indices.filter { results[$0].status == .optimal }
                if feasible.isEmpty {
                    guard let least = results.compactMap(\.deficit).min() else { continue }
                    infeasibleCuts += 1
                    #expect(result.status == .infeasible, "cut \(cut): \(scenario)")
                    #expect(abs((result.deficit ?? .nan) - least) <= 1e-7 * scale, "cut \(cut): \(scenario)")
                    continue
                }
                // The closures: the spec's order among the sets some posts make feasible.
                let openSets = Set(feasible.map { choices[$0].closed })
                let closed = openSets.min { ClosureEnumerationTests.precedes($0, $1, in: scenario) }!
                // The posts: the rule over the discrete allocations with that set closed.
                let candidates = feasible.filter { choices[$0].closed == closed }
                var best = candidates[0]
                for k in candidates.dropFirst()
                where Self.better(results[k].services.map(\.allocation), results[best].services.map(\.allocation), in: scenario, closed: closed) {
                    best = k
                }
                #expect(result.status == .optimal, "cut \(cut): \(scenario)")
                #expect(result.closedServices == closed, "cut \(cut): \(scenario)")
                for (x, y) in zip(result.services, results[best].services) {
                    #expect(abs(x.allocation - y.allocation) <= 1e-6 * scale, "cut \(cut) \(x.serviceID): \(x.allocation) != \(y.allocation): \(scenario)")
                }
                for s in scenario.steppedServices where result.status == .optimal {
                    #expect(result.services[s].posts == choices[best].posts[s])
                    if result.services[s].binding == .step { offShareCuts += 1 }
                }
                if !closed.isEmpty { closingCuts += 1 }
            }
            #expect(allocator.failures.isEmpty, "\(allocator.failures.prefix(3))")
            mixedIntegerCertified += allocator.mixedIntegerCertified
        }
        // The random scenarios reach every case.
        #expect(checkedCuts == 3 * Self.scenarioCount)
        #expect(infeasibleCuts > 10)
        #expect(offShareCuts > 20)
        #expect(closingCuts > 5)
        #expect(mixedIntegerCertified > 500)
    }
}
