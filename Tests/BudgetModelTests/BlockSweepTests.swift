import BudgetModel
import Testing

/// `BlockSweep`: the same results, to the last bit, whatever the number of threads, and the
/// same as certificate-checked allocators run block by block.
@Suite struct BlockSweepTests {
    static func bundled(_ mode: ObjectiveMode) throws -> Scenario {
        var scenario = try ScenarioDecoder.decode(BundledScenario.text, fileName: BundledScenario.fileName).scenario
        scenario.objective = mode
        return scenario
    }

    /// 0..30% in steps of 0.1 points: 301 cuts, five blocks, the last 84 beyond the maximum cut (21.607%).
    static let cuts = (0...300).map { Double($0) / 10 }

    static func swept(_ scenario: Scenario, maximumCut: Double?, cuts: [Double], jobs: Int, followsPieces: Bool = false) throws -> [CutResult] {
        var results: [CutResult] = []
        try BlockSweep(scenario: scenario, maximumCut: maximumCut, cuts: cuts, jobs: jobs, followsPieces: followsPieces).run { results.append($0) }
        return results
    }

    @Test(arguments: [ObjectiveMode.tiers, .weighted])
    func everyNumberOfJobsGivesTheCheckedSerialResults(mode: ObjectiveMode) throws {
        let scenario = try Self.bundled(mode)
        let maximumCut = try CheckedAllocator(scenario).maximumFeasibleCut()
        #expect(abs((maximumCut ?? 0) - 21.607142857) < 1e-6)

        var expected: [CutResult] = []
        for start in stride(from: 0, to: Self.cuts.count, by: BlockSweep.blockSize) {
            let checked = CheckedAllocator(scenario, maximumCut: maximumCut)
            for cut in Self.cuts[start..<min(start + BlockSweep.blockSize, Self.cuts.count)] {
                expected.append(try checked.result(cut))
            }
        }
        #expect(expected.map(\.cutPercent) == Self.cuts)
        #expect(expected.filter { $0.status == .infeasible }.count == 84)
        let atTwenty = allocations(expected[200])
        #expect(atTwenty["hub"] == 446_000)
        #expect(abs((atTwenty["shrievalty"] ?? 0) - 29_500) < 0.01)

        for jobs in [1, 2, 3, 8] {
            let results = try Self.swept(scenario, maximumCut: maximumCut, cuts: Self.cuts, jobs: jobs)
            #expect(results == expected, "--jobs \(jobs) differs from the serial results")
        }
        // Read from linear pieces, the results are the same to the last bit for every number of jobs too.
        let serialPieces = try Self.swept(scenario, maximumCut: maximumCut, cuts: Self.cuts, jobs: 1, followsPieces: true)
        for jobs in [2, 3, 8] {
            let results = try Self.swept(scenario, maximumCut: maximumCut, cuts: Self.cuts, jobs: jobs, followsPieces: true)
            #expect(results == serialPieces, "--jobs \(jobs) differs from the serial results read from pieces")
        }
    }

    @Test func fewerCutsThanThreadsAndNoCutsAtAll() throws {
        let scenario = try Self.bundled(.tiers)
        let maximumCut = try CheckedAllocator(scenario).maximumFeasibleCut()
        let three = try Self.swept(scenario, maximumCut: maximumCut, cuts: [5, 10, 15], jobs: 8)
        #expect(three.map(\.cutPercent) == [5, 10, 15])
        #expect(three == (try Self.swept(scenario, maximumCut: maximumCut, cuts: [5, 10, 15], jobs: 1)))
        #expect(try Self.swept(scenario, maximumCut: maximumCut, cuts: [], jobs: 4).isEmpty)
    }

    @Test(arguments: [1, 3])
    func aFailingCutIsUnsolvedAndTheSweepGoesOn(jobs: Int) throws {
        // With no services the rule has nothing to allocate: every cut fails.
        var scenario = try Self.bundled(.tiers)
        scenario.services = []
        scenario.groups = []
        var delivered: [CutResult] = []
        let sweep = BlockSweep(scenario: scenario, maximumCut: nil, cuts: Self.cuts, jobs: jobs)
        try sweep.run { delivered.append($0) }
        #expect(delivered.map(\.cutPercent) == Array(Self.cuts))
        #expect(delivered.allSatisfy { $0.status == .unsolved && $0.services.isEmpty && $0.deficit == nil })
        #expect(delivered.allSatisfy { $0.reason == "the scenario has no services to allocate" })
        #expect(delivered.allSatisfy { $0.envelope == scenario.envelope(afterCut: $0.cutPercent) })
    }
}
