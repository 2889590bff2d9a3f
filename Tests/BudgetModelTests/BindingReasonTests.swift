import BudgetModel
import Testing

/// Hand-worked scenarios for each binding reason of SCENARIO-SPEC section 10. Where a reason
/// names a constraint, the same cut is allocated again without it (every LP checked) to show
/// that the allocation changes, or, where the reason is not given, that it does not.
@Suite struct BindingReasonTests {
    /// Grant £1,000,000; a and b (£200,000 each) form a group with a £100,000 minimum; c £600,000.
    private func groupScenario(minimum: Double) -> Scenario {
        Scenario(
            title: "group minimum", funds: [Fund(id: "grant", amount: 1_000_000)],
            services: [
                Service(id: "a", baseline: 200_000), Service(id: "b", baseline: 200_000), Service(id: "c", baseline: 600_000),
            ],
            groups: [ServiceGroup(id: "community", name: "Community services", services: ["a", "b"], minimum: .amount(minimum))])
    }

    private func withoutGroups(_ scenario: Scenario) -> Scenario {
        var relaxed = scenario
        relaxed.groups = []
        return relaxed
    }

    @Test func servicesAtABindingGroupMinimum() throws {
        // At 80% the envelope is £200,000. An equal 80% cut gives a + b = £80,000 < £100,000,
        // so a and b are held at £50,000 each (75%) and c takes the other £100,000 (83.3%).
        // Without the minimum: the equal cut, a = b = £40,000, c = £120,000.
        let scenario = groupScenario(minimum: 100_000)
        let result = try CheckedAllocator(scenario).result(80)
        expectAllocations(result, ["a": 50_000, "b": 50_000, "c": 100_000])
        #expect(bindings(result) == ["a": "group:community", "b": "group:community", "c": "share"])
        let without = try CheckedAllocator(withoutGroups(scenario)).result(80)
        expectAllocations(without, ["a": 40_000, "b": 40_000, "c": 120_000])
        // The group stays at its limit, and binding, all the way to the maximum cut (90%).
        let checked = CheckedAllocator(scenario)
        for cut in [76.0, 80, 85, 89.5] {
            let held = try checked.result(cut)
            #expect(abs(held.services[0].allocation + held.services[1].allocation - 100_000) < 0.01)
            #expect(bindings(held)["a"] == "group:community" && bindings(held)["b"] == "group:community", "at \(cut)%")
        }
    }

    @Test func aGroupAtItsLimitThatHoldsNothing() throws {
        // A £360,000 minimum: at 10% the equal cut gives a + b = £360,000 exactly, so the group
        // is at its limit, but without it the allocation is the same: a and b take the common
        // cut. From 10% on the group holds them: at 20%, a = b = £180,000, c = £440,000
        // (without it a = b = £160,000, c = £480,000).
        let scenario = groupScenario(minimum: 360_000)
        let checked = CheckedAllocator(scenario)
        let ten = try checked.result(10)
        expectAllocations(ten, ["a": 180_000, "b": 180_000, "c": 540_000])
        #expect(bindings(ten) == ["a": "share", "b": "share", "c": "share"])
        expectAllocations(try CheckedAllocator(withoutGroups(scenario)).result(10), ["a": 180_000, "b": 180_000, "c": 540_000])
        let twenty = try checked.result(20)
        expectAllocations(twenty, ["a": 180_000, "b": 180_000, "c": 440_000])
        #expect(bindings(twenty) == ["a": "group:community", "b": "group:community", "c": "share"])
        expectAllocations(try CheckedAllocator(withoutGroups(scenario)).result(20), ["a": 160_000, "b": 160_000, "c": 480_000])
    }

    @Test func aRingFenceThatHoldsItsService() throws {
        // main £500 (cut) and rf £200 (uncut, only a, whose maximum is £300). At 20%: b can
        // only have main's £400 (20% cut); a takes rf's £200 (uncut). Without the fence the
        // £600 is shared by one cut: 600 / 700 of each baseline, a = £171.43, b = £428.57.
        var scenario = Scenario(
            title: "ring-fence", funds: [
                Fund(id: "main", amount: 500), Fund(id: "rf", amount: 200, isCut: false, ringFencedFor: ["a"]),
            ],
            services: [Service(id: "a", baseline: 200, maximum: .percent(150)), Service(id: "b", baseline: 500)])
        let result = try CheckedAllocator(scenario).result(20)
        expectAllocations(result, ["a": 200, "b": 400])
        #expect(bindings(result) == ["a": "ring-fence:rf", "b": "share"])
        scenario.funds[1].ringFencedFor = nil
        expectAllocations(try CheckedAllocator(scenario).result(20), ["a": 1200.0 / 7, "b": 3000.0 / 7])
    }

    @Test func aRingFenceThatHoldsNothing() throws {
        // The worked example at 30%: idva's £190,000 is the £770,000 less the hub's £400,000, rj's
        // £180,000 minimum and counselling's £0; the dv fence does not change it, so idva takes
        // its priority's cut (share). At 10% idva is whole while priority 0 takes the cut.
        var scenario = workedExample()
        let checked = CheckedAllocator(scenario)
        let thirty = try checked.result(30)
        expectAllocations(thirty, ["hub": 400_000, "idva": 190_000, "rj": 180_000, "counselling": 0])
        #expect(bindings(thirty)["idva"] == "share")
        let ten = try checked.result(10)
        #expect(bindings(ten)["idva"] == "not-cut")
        scenario.funds[1].ringFencedFor = nil
        let unfenced = CheckedAllocator(scenario)
        expectAllocations(try unfenced.result(30), ["hub": 400_000, "idva": 190_000, "rj": 180_000, "counselling": 0])
        expectAllocations(try unfenced.result(10), ["hub": 400_000, "idva": 200_000, "rj": 234_000, "counselling": 156_000])
    }

    @Test func notCutAtFivePercentOfTheBundledScenario() throws {
        // At 5% the envelope is 878,000 x 0.95 + 18,000 x 0.95 + 14,000 = £865,200. Priority 1
        // (£317,000) and the protected hub (£446,000) keep their baselines; Restorative
        // Justice, priority 0, takes the rest: £102,200 of £147,000, above its £88,200 minimum.
        var scenario = try BlockSweepTests.bundled(.tiers)
        let result = try CheckedAllocator(scenario).result(5)
        let whole = ["shrievalty": 50_000.0, "sarc-parents": 42_000, "migrant-workers": 30_000, "yp-idva": 40_000, "yp-isva": 80_000, "mental-health": 75_000]
        expectAllocations(result, whole.merging(["hub": 446_000, "rj": 102_200]) { $1 })
        var expected = whole.mapValues { _ in "not-cut" }
        expected["hub"] = "protected"
        expected["rj"] = "share"
        #expect(bindings(result) == expected)
        // Neither fence holds a priority 1 service: without both, the same allocation.
        for f in scenario.funds.indices { scenario.funds[f].ringFencedFor = nil }
        expectAllocations(try CheckedAllocator(scenario).result(5), whole.merging(["hub": 446_000, "rj": 102_200]) { $1 })
    }

    @Test func aMaximumAboveTheBaseline() throws {
        // £330 cut 10% = £297. Priority 1's a (baseline £100) may grow to £120 and does; b and c
        // (priority 0, £100 each) share the other £177: £88.50 each. Without a's maximum a takes all.
        var scenario = Scenario(
            title: "maximum", funds: [Fund(id: "grant", amount: 330)],
            services: [
                Service(id: "a", baseline: 100, maximum: .percent(120), priority: 1),
                Service(id: "b", baseline: 100), Service(id: "c", baseline: 100),
            ])
        let result = try CheckedAllocator(scenario).result(10)
        expectAllocations(result, ["a": 120, "b": 88.5, "c": 88.5])
        #expect(bindings(result) == ["a": "maximum", "b": "share", "c": "share"])
        scenario.services[0].maximum = .percent(1000)
        expectAllocations(try CheckedAllocator(scenario).result(10), ["a": 297, "b": 0, "c": 0])
    }

    @Test func reSolvesAreCertified() throws {
        // The binding test's re-solves go through the same observer as the allocation's own LPs.
        let scenario = groupScenario(minimum: 100_000)
        let plain = CheckedAllocator(withoutGroups(scenario))
        _ = try plain.result(80)
        let checked = CheckedAllocator(scenario)
        _ = try checked.result(80)
        #expect(checked.solvesChecked > plain.solvesChecked)
        #expect(checked.failures.isEmpty, "\(checked.failures)")
    }
}
