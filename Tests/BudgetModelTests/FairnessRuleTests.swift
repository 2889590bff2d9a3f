import BudgetModel
import Testing

/// The cash and award measures with the hard constraints and priorities, on small scenarios
/// worked out by hand in the comments (`lambda` is the common cash cut or the common award).
@Suite struct FairnessRuleTests {
    private func scenario(
        _ fairness: FairnessMeasure, funds: [Fund], services: [Service], groups: [ServiceGroup] = []
    ) -> Scenario {
        Scenario(title: "hand-worked", fairness: fairness, funds: funds, services: services, groups: groups)
    }

    private let floorServices = [
        Service(id: "a", baseline: 100, minimum: .percent(90)),
        Service(id: "b", baseline: 200),
        Service(id: "c", baseline: 300),
    ]

    @Test func equalCashCutsWithAFloor() throws {
        // 600 cut 20% = 480: 120 to cut. Equal cash cuts of 40 would take a to 60, below its floor
        // of 90: a is held there and b, c share the remaining 390 of their 500, 55 each.
        let result = try CheckedAllocator(scenario(.cash, funds: [Fund(id: "grant", amount: 600)], services: floorServices)).result(20)
        expectAllocations(result, ["a": 90, "b": 145, "c": 245])
        #expect(bindings(result) == ["a": "minimum", "b": "share", "c": "share"])
    }

    @Test func equalAwardsWithAMaximum() throws {
        // 480 in equal awards is 160 each, above a's maximum (its baseline, 100): a gets 100 and
        // b, c 190 each. a is held by its maximum while the others are cut; its floor is slack.
        let result = try CheckedAllocator(scenario(.award, funds: [Fund(id: "grant", amount: 600)], services: floorServices)).result(20)
        expectAllocations(result, ["a": 100, "b": 190, "c": 190])
        #expect(bindings(result) == ["a": "maximum", "b": "share", "c": "share"])
    }

    private let tieredServices = [
        Service(id: "a", baseline: 200, priority: 1),
        Service(id: "b", baseline: 100, priority: 1),
        Service(id: "c", baseline: 300, minimum: .amount(60)),
        Service(id: "d", baseline: 400),
    ]

    /// A cut of `tieredServices` under one measure, with the allocations and reasons worked by hand.
    struct TieredCase: Sendable, CustomTestStringConvertible {
        let fairness: FairnessMeasure
        let cut: Double
        let expected: [Double]
        let reasons: [String]
        var testDescription: String { "\(fairness.rawValue) at \(cut)%" }
    }

    // 1000 cut 50% = 500: priority 1 keeps its 300 and priority 0 shares 200.
    // relative: 700 (1 - r) = 200, c = 85.71, d = 114.29; cash: 700 - 2 lambda = 200, lambda = 250
    // takes c below 60, so c = 60 and d = 140; award: 100 each.
    // 1000 cut 80% = 200: priority 0 is at its floors (c 60, d 0) and priority 1 shares 140.
    // relative: 300 (1 - r) = 140, a = 93.33, b = 46.67; cash: 300 - 2 lambda = 140, lambda = 80:
    // a = 120, b = 20; award: 70 each.
    static let tieredCases: [TieredCase] = [
        TieredCase(fairness: .relative, cut: 50, expected: [200, 100, 600.0 / 7, 800.0 / 7],
                   reasons: ["not-cut", "not-cut", "share", "share"]),
        TieredCase(fairness: .cash, cut: 50, expected: [200, 100, 60, 140], reasons: ["not-cut", "not-cut", "minimum", "share"]),
        TieredCase(fairness: .award, cut: 50, expected: [200, 100, 100, 100], reasons: ["not-cut", "not-cut", "share", "share"]),
        TieredCase(fairness: .relative, cut: 80, expected: [280.0 / 3, 140.0 / 3, 60, 0],
                   reasons: ["share", "share", "minimum", "minimum"]),
        TieredCase(fairness: .cash, cut: 80, expected: [120, 20, 60, 0], reasons: ["share", "share", "minimum", "minimum"]),
        TieredCase(fairness: .award, cut: 80, expected: [70, 70, 60, 0], reasons: ["share", "share", "minimum", "minimum"]),
    ]

    @Test(arguments: tieredCases)
    func prioritiesAreCutLowestFirst(_ example: TieredCase) throws {
        let result = try CheckedAllocator(scenario(
            example.fairness, funds: [Fund(id: "grant", amount: 1000)], services: tieredServices)).result(example.cut)
        let ids = ["a", "b", "c", "d"]
        expectAllocations(result, Dictionary(uniqueKeysWithValues: zip(ids, example.expected)))
        #expect(bindings(result) == Dictionary(uniqueKeysWithValues: zip(ids, example.reasons)))
    }

    private let groupServices = [
        Service(id: "a", baseline: 100),
        Service(id: "b", baseline: 200),
        Service(id: "c", baseline: 300),
    ]

    // b + c <= 350 of the 480 left by a 20% cut of 600. cash: without the group, cuts of 40
    // give b + c = 420; with it, b and c lose 75 each (500 - 2 * 75 = 350) and a takes its
    // whole baseline (its maximum) while they are cut: 30 stays unallocated.
    // award: without the group, 160 each, a held at 100, b and c 190 each (380 > 350); with
    // it, b and c get 175 each and a its 100.
    @Test func groupMaximum() throws {
        let expectedByMeasure: [(FairnessMeasure, [String: Double])] = [
            (.cash, ["a": 100, "b": 125, "c": 225]),
            (.award, ["a": 100, "b": 175, "c": 175]),
        ]
        for (fairness, expected) in expectedByMeasure {
            let result = try CheckedAllocator(scenario(
                fairness, funds: [Fund(id: "grant", amount: 600)], services: groupServices,
                groups: [ServiceGroup(id: "bc", services: ["b", "c"], maximum: .amount(350))])).result(20)
            expectAllocations(result, expected)
            #expect(bindings(result) == ["a": "maximum", "b": "group:bc", "c": "group:bc"])
            #expect(abs(result.unallocated - 30) < 0.01)
        }
    }

    @Test func groupMinimumUnderEqualCashCuts() throws {
        // a + b >= 250 of 480. Cuts of 40 each would give a + b = 220; instead a and b lose 25
        // each (300 - 2 * 25 = 250) and c takes the rest, 230 (a cut of 70).
        let result = try CheckedAllocator(scenario(
            .cash, funds: [Fund(id: "grant", amount: 600)], services: groupServices,
            groups: [ServiceGroup(id: "ab", services: ["a", "b"], minimum: .amount(250))])).result(20)
        expectAllocations(result, ["a": 75, "b": 175, "c": 230])
        #expect(bindings(result) == ["a": "group:ab", "b": "group:ab", "c": "share"])
    }

    private let fencedFunds = [
        Fund(id: "main", amount: 500),
        Fund(id: "rf", amount: 200, isCut: false, ringFencedFor: ["a"]),
    ]
    private let fencedServices = [
        Service(id: "a", baseline: 200, maximum: .percent(150)),
        Service(id: "b", baseline: 500),
    ]

    @Test func ringFenceUnderEqualCashCuts() throws {
        // At 20% main holds 400 and rf 200. b draws on main only, so it loses at least 100; a
        // takes the fenced 200 and loses nothing, and could only lose more by handing main's
        // money to b, which it does not hold. So a = 200 (held by the fence), b = 400.
        let result = try CheckedAllocator(scenario(.cash, funds: fencedFunds, services: fencedServices)).result(20)
        expectAllocations(result, ["a": 200, "b": 400])
        #expect(bindings(result) == ["a": "ring-fence:rf", "b": "share"])
    }

    @Test func ringFenceUnderEqualAwards() throws {
        // Equal awards raise the smaller of a and b: a takes the fenced 200 and 100 of main to
        // reach its maximum of 300, and b the other 300 of main. Nothing is left.
        let result = try CheckedAllocator(scenario(.award, funds: fencedFunds, services: fencedServices)).result(20)
        expectAllocations(result, ["a": 300, "b": 300])
        #expect(bindings(result) == ["a": "maximum", "b": "share"])
        #expect(abs(result.unallocated) < 0.01)
    }

    private let growthServices = [
        Service(id: "a", baseline: 100, maximum: .percent(150)),
        Service(id: "b", baseline: 200, maximum: .percent(110)),
        Service(id: "c", baseline: 300),
    ]

    // A -10% cut makes 660 of 600. cash: c cannot gain (its maximum is its baseline); a and b
    // gain alike until b reaches 220 (a gain of 20), and a takes the other 40 up to 140.
    // award: 220 each is above a's 150; a = 150, b = 220 (its maximum), c the other 290.
    @Test func growthAboveBaselines() throws {
        let expectedByMeasure: [(FairnessMeasure, [String: Double], [String: String])] = [
            (.cash, ["a": 140, "b": 220, "c": 300], ["a": "share", "b": "maximum", "c": "share"]),
            (.award, ["a": 150, "b": 220, "c": 290], ["a": "maximum", "b": "maximum", "c": "share"]),
        ]
        for (fairness, expected, reasons) in expectedByMeasure {
            let result = try CheckedAllocator(scenario(
                fairness, funds: [Fund(id: "grant", amount: 600)], services: growthServices)).result(-10)
            expectAllocations(result, expected)
            #expect(bindings(result) == reasons)
        }
    }

    @Test func protectedServiceIsNeverCut() throws {
        // The worked example of SCENARIO-SPEC section 9 at 30% (770) under equal cash cuts and
        // equal awards: hub (protected) keeps 400 and idva (priority 1) is cut only once priority
        // 0 is at its floors (rj 180, counselling 0), as under equal percentage cuts: 190.
        for fairness in [FairnessMeasure.cash, .award] {
            var example = workedExample()
            example.fairness = fairness
            let result = try CheckedAllocator(example).result(30)
            expectAllocations(result, ["hub": 400_000, "idva": 190_000, "rj": 180_000, "counselling": 0])
            #expect(bindings(result) == ["hub": "protected", "idva": "share", "rj": "minimum", "counselling": "minimum"])
        }
    }

    @Test func weightedModeBreaksItsTiesWithTheFilesMeasure() throws {
        // Every weight 1: any allocation that spends the 990,000 is weighted-optimal, so the tiers
        // rule with the file's measure chooses: as in tiers mode, rj 245,000 and counselling
        // 145,000 under equal cash cuts, 195,000 each under equal awards.
        var example = workedExample()
        example.objective = .weighted
        example.fairness = .cash
        expectAllocations(try CheckedAllocator(example).result(10), ["hub": 400_000, "idva": 200_000, "rj": 245_000, "counselling": 145_000])
        example.fairness = .award
        expectAllocations(try CheckedAllocator(example).result(10), ["hub": 400_000, "idva": 200_000, "rj": 195_000, "counselling": 195_000])
    }

    @Test func workedExampleAtTenPerCent() throws {
        // At 10% (990,000) priority 0 shares 390,000 of its 500,000: cash cuts of 55,000 each give
        // rj 245,000 and counselling 145,000; equal awards give 195,000 each (rj is cut 35%,
        // counselling 2.5%). hub and idva are untouched.
        var example = workedExample()
        example.fairness = .cash
        expectAllocations(try CheckedAllocator(example).result(10), ["hub": 400_000, "idva": 200_000, "rj": 245_000, "counselling": 145_000])
        example.fairness = .award
        expectAllocations(try CheckedAllocator(example).result(10), ["hub": 400_000, "idva": 200_000, "rj": 195_000, "counselling": 195_000])
    }
}
