import BudgetModel
import LinearProgramming
import LPCertificates
import Testing

/// The binding reasons decided from the stage LPs' duals (`BindingTest.stageSolutions`) are
/// exactly those of re-solving without every limit that could bind (`BindingTest.reSolving`, the
/// definition of SCENARIO-SPEC section 10), at every cut of many random scenarios, and they
/// take fewer LPs. Every LP either side solves goes through the certificate checker.
@Suite struct BindingEvidenceTests {
    /// An allocator with the given binding test, every LP solution certified and counted.
    final class Counted {
        let allocator: Allocator
        private(set) var solves = 0
        private(set) var failures: [String] = []

        init(_ scenario: Scenario, test: BindingTest, followsPieces: Bool = false) {
            allocator = Allocator(scenario: scenario)
            allocator.bindingTest = test
            allocator.followsPieces = followsPieces
            allocator.findsFallbacks = false
            let checker = CertificateChecker()
            allocator.solveObserver = { [unowned self] program, solution in
                solves += 1
                failures += checker.check(solution, of: program).failures.map { "\(program.name): \($0)" }
            }
        }
    }

    /// Sweeps `cuts` with both tests; expects the same status, allocations and reasons at each.
    /// Returns the LPs each solved (stage solutions, re-solving).
    static func compare(
        _ name: String, _ scenario: Scenario, cuts: [Double], followsPieces: Bool = false,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> (duals: Int, reSolving: Int) {
        let fast = Counted(scenario, test: .stageSolutions, followsPieces: followsPieces)
        let oracle = Counted(scenario, test: .reSolving, followsPieces: followsPieces)
        for cut in cuts {
            let result = try fast.allocator.result(atCut: cut)
            let expected = try oracle.allocator.result(atCut: cut)
            #expect(result.status == expected.status, "\(name) at \(cut)%", sourceLocation: sourceLocation)
            guard result.status == .optimal, expected.status == .optimal else { continue }
            let scale = (scenario.funds.map(\.amount) + scenario.services.map(\.baseline)).max() ?? 1
            for (mine, theirs) in zip(result.services, expected.services) {
                #expect(abs(mine.allocation - theirs.allocation) <= 1e-9 * scale, "\(name) at \(cut)%: \(mine.serviceID)", sourceLocation: sourceLocation)
            }
            #expect(bindings(result) == bindings(expected), "\(name) at \(cut)%", sourceLocation: sourceLocation)
        }
        #expect(fast.failures.isEmpty && oracle.failures.isEmpty, "\(name): \(fast.failures + oracle.failures)", sourceLocation: sourceLocation)
        return (fast.solves, oracle.solves)
    }

    /// Cuts from -5% to 60% by 2.5 points, with a few at random in between (fixed seed).
    static func cuts(seed: UInt64) -> [Double] {
        var generator = SeededNumbers(seed: seed)
        let grid = stride(from: -5.0, through: 60, by: 2.5).map { $0 }
        return (grid + (0..<6).map { _ in -5 + 65 * generator.next() }).sorted()
    }

    /// Generated scenarios (`scenario generate`) in both modes and under every fairness measure.
    @Test(arguments: Array(UInt64(1)...24))
    func generatedScenarios(seed: UInt64) throws {
        let mode: ObjectiveMode = seed % 3 == 0 ? .weighted : .tiers
        var scenario = try ScenarioGenerator.scenario(GenerationSettings(
            services: 8 + Int(seed % 5) * 4, funds: 2 + Int(seed % 4), groups: Int(seed % 6), seed: seed, mode: mode))
        scenario.fairness = [FairnessMeasure.relative, .cash, .award][Int(seed / 3 % 3)]
        let counts = try Self.compare("seed \(seed) \(mode) \(scenario.fairness)", scenario, cuts: Self.cuts(seed: seed))
        #expect(counts.duals <= counts.reSolving)
    }

    /// The same along linear pieces: a cut read from a piece uses the duals of the piece's
    /// stages, which hold along it.
    @Test(arguments: Array(UInt64(1)...8))
    func generatedScenariosAlongPieces(seed: UInt64) throws {
        let scenario = try ScenarioGenerator.scenario(GenerationSettings(
            services: 10 + Int(seed) * 2, funds: 3, groups: 3 + Int(seed % 3), seed: seed + 100, mode: seed % 2 == 0 ? .weighted : .tiers))
        let cuts = stride(from: 0.0, through: 40, by: 0.25).map { $0 }
        _ = try Self.compare("pieces seed \(seed)", scenario, cuts: cuts, followsPieces: true)
    }

    /// Random scenarios with areas (SCENARIO-SPEC section 13): two to four areas with funds
    /// cut at different rates, services of each area, shared services paid in stated or equal
    /// shares, a fund with no area, some fences and groups.
    @Test(arguments: Array(UInt64(1)...24))
    func areaScenarios(seed: UInt64) throws {
        let scenario = Self.areaScenario(seed: seed)
        #expect(ScenarioValidator.validate(scenario, fileName: "areas").isEmpty)
        let counts = try Self.compare("areas seed \(seed)", scenario, cuts: Self.cuts(seed: seed + 1000))
        #expect(counts.duals <= counts.reSolving)
    }

    /// The group minimum of BindingReasonTests at 80%: a and b held up at £50,000 by it, c at
    /// £100,000. The stages prove that the minimum matters (c's stage needs it) but not by how
    /// much a and b, fixed at a later stage, move without it: that is re-solved, with the same
    /// reasons as the definition.
    @Test func aBindingGroupMinimumIsReSolvedForItsMembers() throws {
        let scenario = Scenario(
            title: "group minimum", funds: [Fund(id: "grant", amount: 1_000_000)],
            services: [
                Service(id: "a", baseline: 200_000), Service(id: "b", baseline: 200_000), Service(id: "c", baseline: 600_000),
            ],
            groups: [ServiceGroup(id: "community", name: "Community services", services: ["a", "b"], minimum: .amount(100_000))])
        let fast = Counted(scenario, test: .stageSolutions)
        let result = try fast.allocator.result(atCut: 80)
        expectAllocations(result, ["a": 50_000, "b": 50_000, "c": 100_000])
        #expect(bindings(result) == ["a": "group:community", "b": "group:community", "c": "share"])
        let oracle = Counted(scenario, test: .reSolving)
        #expect(bindings(try oracle.allocator.result(atCut: 80)) == bindings(result))
        #expect(fast.failures.isEmpty && oracle.failures.isEmpty)
    }

    /// A scenario with areas, from a seed.
    static func areaScenario(seed: UInt64) -> Scenario {
        var random = SeededNumbers(seed: seed)
        let areaCount = 2 + Int(random.next() * 3)
        let areas = (0..<areaCount).map { Area(id: "area\($0)") }
        var funds: [Fund] = []
        var services: [Service] = []
        for (a, area) in areas.enumerated() {
            let local = 2 + Int(random.next() * 3)
            for k in 0..<local {
                let minimum = random.next() < 0.3 ? AmountOrPercent.percent((40 + 40 * random.next()).rounded()) : .amount(0)
                services.append(Service(
                    id: "a\(a)-s\(k)", baseline: (20 + 80 * random.next()).rounded() * 1_000,
                    minimum: minimum, priority: Int(random.next() * 2), area: area.id))
            }
            let total = services.filter { $0.area == area.id }.reduce(0) { $0 + $1.baseline }
            funds.append(Fund(
                id: "a\(a)-grant", amount: (total * (0.8 + 0.4 * random.next())).rounded(),
                cutMultiplier: [0.5, 1, 1.5][Int(random.next() * 3)], area: area.id))
            if random.next() < 0.4 {
                funds.append(Fund(
                    id: "a\(a)-fenced", amount: (total * 0.1).rounded(), isCut: random.next() < 0.5,
                    ringFencedFor: ["a\(a)-s0"], area: area.id))
            }
        }
        let sharedCount = 1 + Int(random.next() * 2)
        for k in 0..<sharedCount {
            let contributions: Contributions
            if random.next() < 0.5 {
                contributions = .equal
            } else {
                let weights = areas.map { _ in 1 + random.next() * 3 }
                let sum = weights.reduce(0, +)
                contributions = .shares(zip(areas, weights).map { ContributionShare(area: $0.id, fraction: $1 / sum) })
            }
            services.append(Service(
                id: "shared\(k)", baseline: (10 + 40 * random.next()).rounded() * 1_000, priority: Int(random.next() * 2),
                contributions: contributions))
        }
        services.append(Service(id: "national-service", baseline: 30_000))
        funds.append(Fund(id: "national", amount: (40_000 + 60_000 * random.next()).rounded(), isCut: random.next() < 0.5))
        if random.next() < 0.5 {
            funds.append(Fund(id: "national-fenced", amount: 15_000, ringFencedFor: ["shared0", "national-service"]))
        }
        var groups: [ServiceGroup] = []
        if random.next() < 0.7 {
            let members = services.indices.filter { _ in random.next() < 0.4 }.map { services[$0].id }
            if !members.isEmpty {
                let total = services.filter { members.contains($0.id) }.reduce(0) { $0 + $1.baseline }
                groups.append(ServiceGroup(
                    id: "group", name: "Group", services: members,
                    minimum: random.next() < 0.5 ? .amount((total * 0.6).rounded()) : nil,
                    maximum: .amount((total * (0.85 + 0.1 * random.next())).rounded())))
            }
        }
        var scenario = Scenario(title: "areas \(seed)", funds: funds, services: services, groups: groups, areas: areas)
        scenario.fairness = [FairnessMeasure.relative, .cash, .award][Int(seed % 3)]
        return scenario
    }
}

/// Numbers in [0, 1) from a seed (a 64-bit linear congruential generator), the same on every run.
struct SeededNumbers {
    private var state: UInt64

    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 &+ 1 }

    mutating func next() -> Double {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Double(state >> 11) / Double(1 << 53)
    }
}
