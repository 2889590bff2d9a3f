import BudgetModel
import Testing

/// Several commissioners (SCENARIO-SPEC section 13), worked by hand.
@Suite struct AreaAllocationTests {
    /// North and South, one fund each; South's is cut at half the rate. Each has a hub; they share
    /// a post half and half.
    static func twoAreas() -> Scenario {
        Scenario(
            title: "Two areas",
            funds: [
                Fund(id: "north-grant", amount: 100_000, area: "north"),
                Fund(id: "south-grant", amount: 100_000, cutMultiplier: 0.5, area: "south"),
            ],
            services: [
                Service(id: "north-hub", baseline: 90_000, area: "north"),
                Service(id: "south-hub", baseline: 90_000, area: "south"),
                Service(id: "post", baseline: 20_000, contributions: .shares([
                    ContributionShare(area: "north", fraction: 0.5), ContributionShare(area: "south", fraction: 0.5),
                ])),
            ],
            areas: [Area(id: "north", name: "North"), Area(id: "south", name: "South")])
    }

    /// Three areas of 50,000 each, cut at the rate (x), half the rate (y) and twice the rate (z),
    /// each with a local service of 40,000, sharing a co-ordinator of 30,000 equally.
    static func threeAreas(zMinimum: Double = 0) -> Scenario {
        Scenario(
            title: "Three areas",
            funds: [
                Fund(id: "x-grant", amount: 50_000, area: "x"),
                Fund(id: "y-grant", amount: 50_000, cutMultiplier: 0.5, area: "y"),
                Fund(id: "z-grant", amount: 50_000, cutMultiplier: 2, area: "z"),
            ],
            services: [
                Service(id: "x-local", baseline: 40_000, area: "x"),
                Service(id: "y-local", baseline: 40_000, area: "y"),
                Service(id: "z-local", baseline: 40_000, minimum: .amount(zMinimum), area: "z"),
                Service(id: "coordinator", baseline: 30_000, contributions: .equal),
            ],
            areas: [Area(id: "x"), Area(id: "y"), Area(id: "z")])
    }

    static func pays(_ result: CutResult, _ area: String) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: (result.areas.first { $0.areaID == area }?.pays ?? []).map { ($0.serviceID, $0.amount) })
    }

    @Test func cutMultiplierIsTheOneFormula() {
        #expect(Fund(id: "f", amount: 100_000, cutMultiplier: 0.5).amount(afterCut: 10) == 95_000)
        #expect(Fund(id: "f", amount: 100_000, cutMultiplier: 2).amount(afterCut: 60) == 0)
        #expect(Fund(id: "f", amount: 100_000, cutMultiplier: 2).amount(afterCut: 25) == 50_000)
        #expect(Fund(id: "f", amount: 100_000, isCut: false).amount(afterCut: 25) == 100_000)
        #expect(Fund.remainingFraction(cutMultiplier: 1.5, afterCut: 20) == 0.7)
        #expect(Fund(id: "f", amount: 1, cutMultiplier: 2).exhaustingCut == 50)
    }

    /// At 10%: North holds 90,000 and South 95,000. With one shortfall r for all, North pays its
    /// hub 90,000 (1 - r) and half the post 10,000 (1 - r), so r = 10%: hub 81,000, post 18,000,
    /// 9,000 from each area. South's hub takes the rest of South's money: 95,000 - 9,000 = 86,000.
    @Test func areaCutAtHalfTheRate() throws {
        let allocator = CheckedAllocator(Self.twoAreas())
        let ten = try allocator.result(10)
        expectAllocations(ten, ["north-hub": 81_000, "south-hub": 86_000, "post": 18_000])
        #expect(ten.envelope == 185_000)
        #expect(bindings(ten) == ["north-hub": "area:north", "south-hub": "area:south", "post": "area:north"])
        let north = Self.pays(ten, "north"), south = Self.pays(ten, "south")
        #expect(abs((north["north-hub"] ?? 0) - 81_000) < 1e-6 && abs((north["post"] ?? 0) - 9_000) < 1e-6)
        #expect(abs((south["south-hub"] ?? 0) - 86_000) < 1e-6 && abs((south["post"] ?? 0) - 9_000) < 1e-6)
        #expect(ten.areas.map(\.funds) == [90_000, 95_000])
        #expect(ten.areas.allSatisfy { $0.unallocated < 1e-6 && !$0.isOneValidSplit })

        // At 20%: 80,000 and 90,000; r = 20%, the post 16,000, 8,000 each; South's hub 82,000.
        let twenty = try allocator.result(20)
        expectAllocations(twenty, ["north-hub": 72_000, "south-hub": 82_000, "post": 16_000])
        #expect(abs((Self.pays(twenty, "south")["post"] ?? 0) - 8_000) < 1e-6)
    }

    /// At 10%: x holds 45,000, y 47,500, z 40,000. Each pays a third of the co-ordinator, so z's
    /// money needs 40,000 (1 - r) + 10,000 (1 - r) <= 40,000: r = 20% for z's service and the
    /// co-ordinator (32,000 and 24,000, 8,000 from each area). x's service takes 45,000 - 8,000 =
    /// 37,000 and y's 47,500 - 8,000 = 39,500.
    @Test func sharedPostPaymentsAreExactlyTheContributions() throws {
        let allocator = CheckedAllocator(Self.threeAreas())
        let ten = try allocator.result(10)
        expectAllocations(ten, ["x-local": 37_000, "y-local": 39_500, "z-local": 32_000, "coordinator": 24_000])
        for area in ["x", "y", "z"] {
            #expect(abs((Self.pays(ten, area)["coordinator"] ?? 0) - 8_000) < 1e-6, "\(area)")
        }
        #expect(ten.areas.map(\.funds) == [45_000, 47_500, 40_000])
        #expect(abs(ten.unallocated) < 1e-6)
        // Without x's restriction its money could pay z's service: the co-ordinator would differ.
        #expect(bindings(ten)["coordinator"] == "area:x")
        #expect(bindings(ten)["z-local"] == "area:z")
    }

    /// z's fund, cut at twice the rate, holds 50,000 (1 - 2c/100); z's service needs 20,000:
    /// the maximum cut is 30%. At 40% z holds 10,000: the deficit is 10,000, and the conflict is
    /// z's minimum against z's fund.
    @Test func maximumCutAndDeficitWithAreas() throws {
        let allocator = CheckedAllocator(Self.threeAreas(zMinimum: 20_000))
        let maximum = try allocator.maximumFeasibleCut()
        #expect(abs((maximum ?? 0) - 30) < 1e-9)
        let forty = try allocator.result(40)
        #expect(forty.status == .infeasible)
        #expect(abs((forty.deficit ?? 0) - 10_000) < 1e-6)
        expectConflict(forty, [(.minimum, "z-local", 20_000), (.area, "z-grant", 10_000)])
        // Past 50% z's fund holds nothing: the deficit is the whole minimum.
        let sixty = try allocator.result(60)
        #expect(abs((sixty.deficit ?? 0) - 20_000) < 1e-6)
    }

    /// At 40% (infeasible: z holds 10,000 against its service's minimum of 20,000) the fallback
    /// halves that minimum: z's service gets all of z's 10,000, so the co-ordinator, a third of
    /// whose areas' part is z's, gets nothing; x's service takes all of x's 30,000 and y's its
    /// baseline of 40,000, all of y's 40,000. Each area's funds after the cut and what they pay
    /// in the fallback come with it.
    @Test func fallbackSaysWhatEachAreaPays() throws {
        let forty = try CheckedAllocator(Self.threeAreas(zMinimum: 20_000)).result(40)
        #expect(forty.status == .infeasible && forty.areas.isEmpty)
        guard case .fallback(let fallback)? = forty.fallback else {
            Issue.record("no fallback at 40%: \(String(describing: forty.fallback))")
            return
        }
        #expect(fallback.areas.map(\.areaID) == ["x", "y", "z"])
        let expected: [(funds: Double, pays: [String: Double])] = [
            (30_000, ["x-local": 30_000, "coordinator": 0]),
            (40_000, ["y-local": 40_000, "coordinator": 0]),
            (10_000, ["z-local": 10_000, "coordinator": 0]),
        ]
        for (area, want) in zip(fallback.areas, expected) {
            #expect(abs(area.funds - want.funds) < 1e-6, "\(area.areaID)")
            #expect(area.unallocated < 1e-3, "\(area.areaID)")
            let pays = Dictionary(uniqueKeysWithValues: area.pays.map { ($0.serviceID, $0.amount) })
            #expect(Set(pays.keys) == Set(want.pays.keys), "\(area.areaID)")
            for (service, amount) in want.pays { #expect(abs((pays[service] ?? .nan) - amount) < 1e-3, "\(area.areaID) \(service)") }
        }
    }

    /// The maximum cut beyond the cut at which a fund cut at twice the rate runs out (50%):
    /// x's service needs 20,000 of x's 50,000 (1 - c/100), so 60%.
    @Test func maximumCutPastAnExhaustedFund() throws {
        var scenario = Self.threeAreas()
        scenario.services[0].minimum = .amount(20_000)
        let allocator = CheckedAllocator(scenario)
        let maximum = try allocator.maximumFeasibleCut()
        #expect(abs((maximum ?? 0) - 60) < 1e-9)
        // At 55% z holds nothing: its service and the co-ordinator get nothing.
        let result = try allocator.result(55)
        expectAllocations(result, ["z-local": 0, "coordinator": 0, "x-local": 22_500, "y-local": 36_250])
    }

    /// Funds with no area pay any service and any share; a service with neither area nor
    /// contributions draws on them only. At 20%: A 48,000, B 90,000 (half the rate), national
    /// 20,000 (not cut): 158,000 against baselines of 170,000, one shortfall 12/170 for all.
    @Test func fundsWithNoAreaPayAnything() throws {
        let scenario = Scenario(
            title: "Mixed",
            funds: [
                Fund(id: "a-grant", amount: 60_000, area: "a"),
                Fund(id: "b-grant", amount: 100_000, cutMultiplier: 0.5, area: "b"),
                Fund(id: "national", amount: 20_000, isCut: false),
            ],
            services: [
                Service(id: "a-svc", baseline: 50_000, area: "a"),
                Service(id: "b-svc", baseline: 80_000, area: "b"),
                Service(id: "shared", baseline: 30_000, contributions: .shares([
                    ContributionShare(area: "a", fraction: 1.0 / 3), ContributionShare(area: "b", fraction: 2.0 / 3),
                ])),
                Service(id: "nat", baseline: 10_000),
            ],
            areas: [Area(id: "a"), Area(id: "b")])
        let result = try CheckedAllocator(scenario).result(20)
        let level = 1 - 12.0 / 170
        expectAllocations(result, ["a-svc": 50_000 * level, "b-svc": 80_000 * level, "shared": 30_000 * level, "nat": 10_000 * level])
        let a = Self.pays(result, "a")["shared"] ?? 0, b = Self.pays(result, "b")["shared"] ?? 0
        #expect(abs(2 * a - b) < 1e-6)
        #expect(result.areas.allSatisfy { $0.isOneValidSplit })
        // The national fund pays nat and whatever the areas do not: the split adds up.
        for (s, service) in result.services.enumerated() {
            let paid = result.fundSplit.reduce(0) { $0 + $1[s] }
            #expect(abs(paid - service.allocation) < 1e-6, "\(service.serviceID)")
        }
    }
}
