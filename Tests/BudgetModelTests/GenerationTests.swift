import BudgetModel
import Testing

@Suite struct GenerationTests {
    @Test func sameSeedSameTextOtherSeedOtherText() throws {
        let settings = GenerationSettings(services: 40, funds: 6, groups: 5, seed: 7)
        let first = try ScenarioGenerator.toml(settings)
        #expect(try ScenarioGenerator.toml(settings) == first)
        var other = settings
        other.seed = 8
        #expect(try ScenarioGenerator.toml(other) != first)
    }

    @Test func decodesBackToTheSameScenario() throws {
        for mode in [ObjectiveMode.tiers, .weighted] {
            let settings = GenerationSettings(services: 60, funds: 8, groups: 10, seed: 3, mode: mode)
            let text = try ScenarioGenerator.toml(settings)
            let decoded = try ScenarioDecoder.decode(text, fileName: "generated.toml").scenario
            #expect(decoded == (try ScenarioGenerator.scenario(settings)))
        }
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6, 7, 8])
    func everyServiceAtItsBaselineMeetsEveryHardConstraintAtZeroCut(seed: UInt64) throws {
        let scenario = try ScenarioGenerator.scenario(GenerationSettings(services: 25, funds: 5, groups: 6, seed: seed))
        let baseline = Dictionary(uniqueKeysWithValues: scenario.services.map { ($0.id, $0.baseline) })
        for service in scenario.services {
            #expect(service.lowerBound <= service.baseline && service.baseline <= service.maximumAmount)
        }
        // Ring-fenced funds name disjoint sets and hold less than their services' baselines;
        // the unrestricted funds cover the rest of the baselines.
        let fenced = scenario.funds.compactMap(\.ringFencedFor)
        #expect(Set(fenced.joined()).count == fenced.joined().count)
        var uncovered = scenario.services.reduce(0) { $0 + $1.baseline }
        for fund in scenario.funds {
            guard let members = fund.ringFencedFor else { continue }
            let need = members.reduce(0) { $0 + baseline[$1, default: 0] }
            #expect(fund.amount <= need)
            uncovered -= fund.amount
        }
        let unrestricted = scenario.funds.filter { $0.ringFencedFor == nil }.reduce(0) { $0 + $1.amount }
        #expect(unrestricted >= uncovered)
        let envelope = scenario.envelope(afterCut: 0)
        for group in scenario.groups {
            let total = group.services.reduce(0) { $0 + baseline[$1, default: 0] }
            #expect((group.minimum?.resolved(against: envelope) ?? 0) <= total)
            #expect((group.maximum?.resolved(against: envelope) ?? .infinity) >= total)
        }
        // And so the allocator finds 0% feasible, every LP certified.
        let result = try CheckedAllocator(scenario).result(0)
        #expect(result.status == .optimal)
    }

    @Test func hasEveryFeatureTheBenchmarksNeed() throws {
        let scenario = try ScenarioGenerator.scenario(GenerationSettings(services: 200, funds: 12, groups: 20, seed: 11))
        let services = scenario.services
        #expect(Set(services.map(\.priority)) == [0, 1, 2, 3])
        #expect(services.contains { $0.isProtected })
        #expect(services.contains { if case .percent(let p) = $0.minimum { p > 0 } else { false } })
        #expect(services.contains { if case .amount(let a) = $0.minimum { a > 0 } else { false } })
        #expect(services.contains { $0.maximumAmount > $0.baseline })
        #expect(scenario.funds.contains { $0.ringFencedFor != nil })
        #expect(scenario.funds.contains { !$0.isCut })
        #expect(scenario.groups.contains { if case .percent = $0.minimum { true } else { false } })
        #expect(scenario.groups.contains { if case .amount = $0.maximum { true } else { false } })
    }

    @Test func scalesToTheBenchmarkModel() throws {
        let settings = GenerationSettings(services: 1000, funds: 50, groups: 100, seed: 1)
        let text = try ScenarioGenerator.toml(settings)
        let document = try ScenarioDecoder.decode(text, fileName: "large.toml")
        #expect(document.scenario.services.count == 1000)
        #expect(document.scenario.funds.count == 50)
        #expect(document.scenario.groups.count == 100)
        #expect(document.sha256 == GenerationGolden.largeModelSHA256)
        // One LP: the maximum feasible cut is nil exactly when a 0% cut is infeasible.
        let maximum = try #require(try Allocator(scenario: document.scenario).maximumFeasibleCut())
        #expect(abs(maximum - 17.689893482) < 1e-6)
    }

    @Test func smallScenarioTextIsExact() throws {
        let text = try ScenarioGenerator.toml(GenerationSettings(services: 3, funds: 2, groups: 1, seed: 42, mode: .weighted))
        #expect(text == GenerationGolden.smallWeighted)
    }

    @Test func rejectsSizesOutOfRange() {
        let settings = GenerationSettings(services: 0, funds: -1, groups: -2, seed: 1)
        #expect(throws: GenerationError(problems: [
            "--services must be between 1 and 100000, not 0",
            "--funds must be between 1 and 10000, not -1",
            "--groups must be between 0 and 100000, not -2",
        ])) {
            try ScenarioGenerator.scenario(settings)
        }
    }

    @Test func splitMix64MatchesTheReferenceSequence() {
        // First outputs of the reference C implementation for seed 0.
        var random = SplitMix64(seed: 0)
        #expect(random.next() == 0xE220_A839_7B1D_CDAF)
        #expect(random.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(random.next() == 0x06C4_5D18_8009_454F)
    }
}
