import BudgetModel
import Testing

/// `scenarios/eastern-region-2014-15.toml`: six PCC areas sharing a co-ordinator at up to
/// £10,000 each (seed 002), Cambridgeshire cut at half the rate.
@Suite struct RegionalScenarioTests {
    static func scenario() throws -> Scenario {
        try ScenariosTests.document("eastern-region-2014-15.toml").scenario
    }

    @Test func sixAreasShareTheCoordinatorEqually() throws {
        let scenario = try Self.scenario()
        #expect(scenario.areas.map(\.id) == ["bedfordshire", "cambridgeshire", "essex", "hertfordshire", "norfolk", "suffolk"])
        let coordinator = try #require(scenario.services.firstIndex { $0.id == "coordinator" })
        #expect(scenario.contributionShares(ofService: coordinator)?.map(\.fraction) == [Double](repeating: 1.0 / 6, count: 6))
        #expect(scenario.funds.first { $0.area == "cambridgeshire" }?.cutMultiplier == 0.5)
    }

    /// At every board-paper cut the co-ordinator (priority 1) keeps its £60,000, each area paying
    /// exactly £10,000 of it; each area's own services take the rest of its grant after the cut.
    @Test(arguments: [5.0, 10, 15, 20])
    func eachAreaPaysTenThousand(cut: Double) throws {
        let scenario = try Self.scenario()
        let result = try CheckedAllocator(scenario).result(cut)
        #expect(result.status == .optimal)
        #expect(abs((allocations(result)["coordinator"] ?? 0) - 60_000) < 1e-6)
        for area in result.areas {
            let paid = area.pays.first { $0.serviceID == "coordinator" }?.amount ?? .nan
            #expect(abs(paid - 10_000) < 1e-6, "\(area.areaID): \(paid)")
            #expect(area.unallocated < 1e-6, "\(area.areaID)")
        }
        // Cambridgeshire, cut at half the rate: 454,000 (1 - c/200), less the protected Hub and
        // its £10,000 share, for its other services.
        let cambridgeshire = 454_000 * (1 - cut / 200)
        #expect(abs((allocations(result)["cambridgeshire-services"] ?? 0) - (cambridgeshire - 260_000)) < 1e-6)
        // Essex: 600,000 (1 - c/100) less 10,000.
        #expect(abs((allocations(result)["essex-services"] ?? 0) - (600_000 * (1 - cut / 100) - 10_000)) < 1e-6)
    }

    /// Cambridgeshire runs out first: 454,000 (1 - c/200) must cover the Hub (250,000) and 60% of
    /// its other services (116,400), the co-ordinator share being able to fall to nothing.
    @Test func maximumCutIsCambridgeshires() throws {
        let maximum = try CheckedAllocator(try Self.scenario()).maximumFeasibleCut()
        #expect(abs((maximum ?? 0) - 200 * (1 - 366_400.0 / 454_000)) < 1e-9)
    }
}
