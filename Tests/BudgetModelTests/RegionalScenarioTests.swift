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

/// `scenarios/national-pcc-grants.toml` (written by `scripts/areas/national_scenario.py` from
/// `per_pcc_mo_j_grant_points.tsv`): every PCC area of the table with its latest grant, services
/// generated per area, three shared regional services.
@Suite struct NationalScenarioTests {
    static func scenario() throws -> Scenario {
        try ScenariosTests.document("national-pcc-grants.toml").scenario
    }

    @Test func everyAreaOfTheTableWithItsLatestGrant() throws {
        let scenario = try Self.scenario()
        #expect(scenario.areas.map(\.name) == [
            "Cambridgeshire", "Surrey", "Hertfordshire", "Essex", "Avon and Somerset", "Northumbria", "Thames Valley",
            "Northamptonshire", "Kent", "London (MOPAC)",
        ])
        #expect(scenario.funds.map(\.amount) == [
            910_000, 1_372_554, 1_364_000, 1_800_000, 1_800_000, 1_673_208, 2_814_000, 856_153, 2_300_000, 9_981_911.06,
        ])
        #expect(scenario.services.filter { $0.area != nil }.allSatisfy { $0.name.hasSuffix("(generated)") })
        #expect(scenario.services.filter { $0.contributions != nil }.count == 3)
    }

    /// At 10%, every area pays each regional service its stated proportion of what the areas pay it.
    @Test func regionalServicesArePaidInTheirProportions() throws {
        let scenario = try Self.scenario()
        let result = try CheckedAllocator(scenario).result(10)
        #expect(result.status == .optimal)
        for (s, service) in scenario.services.enumerated() {
            guard let shares = scenario.contributionShares(ofService: s) else { continue }
            let allocation = allocations(result)[service.id] ?? .nan
            for share in shares {
                let paid = result.areas.first { $0.areaID == share.area }?.pays.first { $0.serviceID == service.id }?.amount ?? .nan
                #expect(abs(paid - share.fraction * allocation) < 1e-6, "\(service.id) \(share.area): \(paid)")
            }
        }
    }
}
