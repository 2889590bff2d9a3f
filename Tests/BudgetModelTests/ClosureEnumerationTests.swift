import BudgetModel
import Testing

/// The choice of closures (SCENARIO-SPEC section 12) against enumeration: on random small
/// scenarios, every set of closures is allocated as its own scenario (`Scenario.closing`, LPs
/// only), and the set the spec's order picks among the feasible ones (at an infeasible cut,
/// among those with the least deficit) must be the one the branch and bound chose, with the
/// same allocations, deficit and maximum cut.
@Suite struct ClosureEnumerationTests {
    /// A random valid scenario of 3 to 6 services with one to three closable ones.
    static func randomScenario(_ random: inout SplitMix64) -> Scenario {
        while true {
            let count = Int.random(in: 3...6, using: &random)
            var services: [Service] = []
            for s in 0..<count {
                let isProtected = Double.random(in: 0..<1, using: &random) < 0.1
                services.append(Service(
                    id: "s\(s)", baseline: Double(Int.random(in: 10...100, using: &random) * 10),
                    minimum: .percent([0, 20, 40, 60, 80, 100].randomElement(using: &random)!),
                    maximum: .percent(Double.random(in: 0..<1, using: &random) < 0.2 ? 120 : 100),
                    isProtected: isProtected, priority: Int.random(in: 0...2, using: &random),
                    weight: Double(Int.random(in: 1...3, using: &random)),
                    isClosable: !isProtected && Double.random(in: 0..<1, using: &random) < 0.5))
            }
            let open = services.indices.filter { !services[$0].isProtected }
            guard (1...3).contains(services.filter(\.isClosable).count), !open.isEmpty else { continue }
            let total = services.reduce(0) { $0 + $1.baseline }
            var funds = [Fund(id: "grant", amount: (total * Double.random(in: 0.85...1.1, using: &random)).rounded())]
            if Double.random(in: 0..<1, using: &random) < 0.3 {
                let fenced = services[open.randomElement(using: &random)!]
                funds.append(Fund(id: "fence", amount: (fenced.baseline * 0.5).rounded(), ringFencedFor: [fenced.id]))
            }
            var groups: [ServiceGroup] = []
            if Double.random(in: 0..<1, using: &random) < 0.3 {
                let members = Array(services.shuffled(using: &random).prefix(2))
                let cap = (members.reduce(0) { $0 + $1.baseline } * 0.8).rounded()
                groups.append(ServiceGroup(id: "pair", services: members.map(\.id), maximum: .amount(cap)))
            }
            let mode: ObjectiveMode = Double.random(in: 0..<1, using: &random) < 0.2 ? .weighted : .tiers
            let scenario = Scenario(title: "random", objective: mode, funds: funds, services: services, groups: groups)
            if ScenarioValidator.validate(scenario, fileName: "random").isEmpty { return scenario }
        }
    }

    /// Whether closing `a` comes before closing `b` in the spec's order (both index sets).
    static func precedes(_ a: [Int], _ b: [Int], in scenario: Scenario) -> Bool {
        let priorities = Set(scenario.services.map(\.priority)).sorted(by: >)
        for p in priorities {
            let ca = a.filter { scenario.services[$0].priority == p }.count
            let cb = b.filter { scenario.services[$0].priority == p }.count
            if ca != cb { return ca < cb }
        }
        let tolerance = 1e-9 * scenario.services.map(\.baseline).max()!
        for p in priorities {
            let ba = a.filter { scenario.services[$0].priority == p }.reduce(0) { $0 + scenario.services[$1].baseline }
            let bb = b.filter { scenario.services[$0].priority == p }.reduce(0) { $0 + scenario.services[$1].baseline }
            if abs(ba - bb) > tolerance { return ba < bb }
        }
        for (x, y) in zip(a.sorted(by: >), b.sorted(by: >)) where x != y { return x > y }
        return false
    }

    /// Every subset of `items`.
    static func subsets(_ items: [Int]) -> [[Int]] {
        (0..<(1 << items.count)).map { mask in items.indices.filter { mask & (1 << $0) != 0 }.map { items[$0] } }
    }

    @Test func theChosenClosuresAreTheSpecsOrderOverEverySet() throws {
        var random = SplitMix64(seed: 20261207)
        var checkedCuts = 0, infeasibleCuts = 0, closingCuts = 0, mixedIntegerCertified = 0
        for _ in 0..<200 {
            let scenario = Self.randomScenario(&random)
            let sets = Self.subsets(scenario.closableServices)
            let allocator = CheckedAllocator(scenario)
            let scale = max(scenario.funds.map(\.amount).max()!, scenario.services.map(\.baseline).max()!)
            let setAllocators = sets.map { CheckedAllocator(scenario.closing($0)) }

            let maximum = try allocator.maximumFeasibleCut()
            let maxima = try setAllocators.map { try $0.maximumFeasibleCut() }
            let enumerated = maxima.compactMap { $0 }.max()
            #expect((maximum == nil) == (enumerated == nil))
            if let maximum, let enumerated { #expect(abs(maximum - enumerated) < 1e-7, "\(scenario)") }

            for _ in 0..<3 {
                let cut = Double(Int.random(in: 0...700, using: &random)) / 10
                let result = try allocator.result(cut)
                let results = try setAllocators.map { try $0.result(cut) }
                let feasible = sets.indices.filter { results[$0].status == .optimal }
                checkedCuts += 1
                if !feasible.isEmpty {
                    let best = feasible.min { Self.precedes(sets[$0], sets[$1], in: scenario) }!
                    #expect(result.status == .optimal)
                    #expect(result.closedServices == sets[best], "cut \(cut): \(scenario)")
                    if result.closedServices == sets[best] {
                        for (x, y) in zip(result.services, results[best].services) {
                            #expect(abs(x.allocation - y.allocation) <= 1e-6 * scale)
                        }
                        for s in sets[best] { #expect(result.services[s].binding == .closed) }
                    }
                    if !sets[best].isEmpty { closingCuts += 1 }
                } else {
                    let deficits = results.map(\.deficit)
                    guard let least = deficits.compactMap({ $0 }).min() else { continue }
                    infeasibleCuts += 1
                    #expect(result.status == .infeasible)
                    #expect(abs((result.deficit ?? .nan) - least) <= 1e-7 * scale, "cut \(cut): \(scenario)")
                    let tied = sets.indices.filter { deficits[$0].map { $0 - least <= 1e-7 * scale } ?? false }
                    let best = tied.min { Self.precedes(sets[$0], sets[$1], in: scenario) }!
                    #expect(result.closedServices == sets[best], "cut \(cut): \(scenario)")
                }
            }
            #expect(allocator.failures.isEmpty, "\(allocator.failures.prefix(3))")
            mixedIntegerCertified += allocator.mixedIntegerCertified
        }
        // The random scenarios reach every case.
        #expect(checkedCuts == 600)
        #expect(closingCuts > 20)
        #expect(infeasibleCuts > 20)
        #expect(mixedIntegerCertified > 100)
    }
}
