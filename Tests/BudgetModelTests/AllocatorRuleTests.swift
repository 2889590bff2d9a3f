import BudgetModel
import Testing

/// Small scenarios whose allocations are worked out by hand in the comments.
@Suite struct AllocatorRuleTests {
    private func scenario(
        funds: [Fund], services: [Service], groups: [ServiceGroup] = [], mode: ObjectiveMode = .tiers
    ) -> Scenario {
        Scenario(title: "hand-worked", objective: mode, funds: funds, services: services, groups: groups)
    }

    @Test func equalCutWithAFloor() throws {
        // Envelope 600 cut 20% = 480. An equal 20% cut would take a to 80 < its floor 90,
        // so a is held at 90 and b, c share 390 of their 500: 22% each.
        let allocator = CheckedAllocator(scenario(
            funds: [Fund(id: "grant", amount: 600)],
            services: [
                Service(id: "a", baseline: 100, minimum: .percent(90)),
                Service(id: "b", baseline: 200),
                Service(id: "c", baseline: 300),
            ]))
        let result = try allocator.result(20)
        expectAllocations(result, ["a": 90, "b": 156, "c": 234])
        #expect(bindings(result) == ["a": "minimum", "b": "share", "c": "share"])
    }

    @Test func priorityTiersAreCutLowestFirst() throws {
        // Envelope 1000 cut 30% = 700. Priority 2 (a) keeps 300; priority 1 (b) keeps 300;
        // priority 0 (c, floor 50) takes the cut down to 100... only 100 left: c gets 100.
        // At 45% (550): c at its floor 50, b takes 200 of 300 (a keeps 300).
        let allocator = CheckedAllocator(scenario(
            funds: [Fund(id: "grant", amount: 1000)],
            services: [
                Service(id: "a", baseline: 300, priority: 2),
                Service(id: "b", baseline: 300, priority: 1),
                Service(id: "c", baseline: 400, minimum: .amount(50)),
            ]))
        let thirty = try allocator.result(30)
        expectAllocations(thirty, ["a": 300, "b": 300, "c": 100])
        // a and b are at their baselines with their priorities uncut while c takes the cut.
        #expect(bindings(thirty) == ["a": "not-cut", "b": "not-cut", "c": "share"])
        let fortyFive = try allocator.result(45)
        expectAllocations(fortyFive, ["a": 300, "b": 200, "c": 50])
        #expect(bindings(fortyFive) == ["a": "not-cut", "b": "share", "c": "minimum"])
    }

    @Test func bindingRingFence() throws {
        // main 500 (cut) + rf 200 (uncut, only a). At 20%: main 400, rf 200.
        // b can only draw on main, so r_b >= 20%: b takes all 400 (share, 20%).
        // a takes the ring-fenced 200 (r_a = 0 < 20%), below its 300 cap: held by the ring-fence.
        let allocator = CheckedAllocator(scenario(
            funds: [
                Fund(id: "main", amount: 500),
                Fund(id: "rf", amount: 200, isCut: false, ringFencedFor: ["a"]),
            ],
            services: [
                Service(id: "a", baseline: 200, maximum: .percent(150)),
                Service(id: "b", baseline: 500),
            ]))
        let result = try allocator.result(20)
        expectAllocations(result, ["a": 200, "b": 400])
        #expect(bindings(result) == ["a": "ring-fence:rf", "b": "share"])
        #expect(result.fundSplit[1][0] == 200)
        #expect(abs(result.unallocated) < 0.01)
    }

    @Test func bindingGroupMaximumLeavesMoneyUnallocated() throws {
        // a + b <= 120, so each is cut 40%; c takes its full 100; 80 of 300 stays unallocated.
        let allocator = CheckedAllocator(scenario(
            funds: [Fund(id: "grant", amount: 300)],
            services: [
                Service(id: "a", baseline: 100),
                Service(id: "b", baseline: 100),
                Service(id: "c", baseline: 100),
            ],
            groups: [ServiceGroup(id: "ab", services: ["a", "b"], maximum: .amount(120))]))
        let result = try allocator.result(0)
        expectAllocations(result, ["a": 60, "b": 60, "c": 100])
        #expect(bindings(result) == ["a": "group:ab", "b": "group:ab", "c": "maximum"])
        #expect(abs(result.unallocated - 80) < 0.01)
    }

    @Test func bindingGroupMinimumInPercentOfTheEnvelope() throws {
        // Envelope 300 cut 20% = 240; group {a} gets at least 40% of 240 = 96.
        // Equal cut would be 20% (80 each) but a must have 96: b, c share 144 → 72 each (28%).
        let allocator = CheckedAllocator(scenario(
            funds: [Fund(id: "grant", amount: 300)],
            services: [
                Service(id: "a", baseline: 100, maximum: .percent(150)),
                Service(id: "b", baseline: 100),
                Service(id: "c", baseline: 100),
            ],
            groups: [ServiceGroup(id: "front", services: ["a"], minimum: .percent(40))]))
        let result = try allocator.result(20)
        expectAllocations(result, ["a": 96, "b": 72, "c": 72])
        #expect(bindings(result) == ["a": "group:front", "b": "share", "c": "share"])
    }

    @Test func growthGoesToTheServiceWithRoomAboveItsBaseline() throws {
        // A -20% cut (an increase) makes 240 of 200. b is capped at its baseline (max 100%);
        // a may grow to 150: it takes the extra 40.
        let allocator = CheckedAllocator(scenario(
            funds: [Fund(id: "grant", amount: 200)],
            services: [
                Service(id: "a", baseline: 100, maximum: .percent(150)),
                Service(id: "b", baseline: 100),
            ]))
        let result = try allocator.result(-20)
        expectAllocations(result, ["a": 140, "b": 100])
        // b is at a maximum equal to its baseline and no service of its priority is cut more,
        // so SCENARIO-SPEC section 10 does not call it `maximum`; nothing else holds it.
        #expect(bindings(result) == ["a": "share", "b": "share"])
        #expect(abs((result.services[0].changePercent ?? .nan) - 40) < 1e-9)
    }

    @Test func growthBeyondEveryMaximumStaysUnallocated() throws {
        let allocator = CheckedAllocator(scenario(
            funds: [Fund(id: "grant", amount: 200)],
            services: [Service(id: "a", baseline: 100, maximum: .amount(110)), Service(id: "b", baseline: 100)]))
        let result = try allocator.result(-50)
        expectAllocations(result, ["a": 110, "b": 100])
        #expect(abs(result.unallocated - 90) < 0.01)
    }

    @Test func uncutFundsKeepTheirMoney() throws {
        // grant 800 cut 25% = 600, plus an uncut 200: envelope 800 for baselines 1000: 20% each.
        let allocator = CheckedAllocator(scenario(
            funds: [Fund(id: "grant", amount: 800), Fund(id: "council", amount: 200, isCut: false)],
            services: [Service(id: "a", baseline: 500), Service(id: "b", baseline: 500)]))
        let result = try allocator.result(25)
        #expect(result.envelope == 800)
        expectAllocations(result, ["a": 400, "b": 400])
    }

    @Test func infeasibleBecauseOfARingFence() throws {
        // b (protected 500) can only use main (400 at a 20% cut): 100 short, although the
        // ring-fenced 300 for a is more than a's floor.
        let allocator = CheckedAllocator(scenario(
            funds: [Fund(id: "main", amount: 500), Fund(id: "rf", amount: 300, isCut: false, ringFencedFor: ["a"])],
            services: [Service(id: "a", baseline: 100), Service(id: "b", baseline: 500, isProtected: true)]))
        let result = try allocator.result(20)
        #expect(result.status == .infeasible)
        #expect(abs((result.deficit ?? 0) - 100) < 0.01)
        expectConflict(result, [(.protected, "b", 500), (.fund, "main", 400)])
    }

    @Test func weightedModeBreaksTiesByTheTiersRule() throws {
        // Maximise 2a + 2b + c with 150 to spend: c gets nothing, and any split of 150
        // between a and b is optimal; the tiers rule splits it equally: 75 each.
        let allocator = CheckedAllocator(scenario(
            funds: [Fund(id: "grant", amount: 300)],
            services: [
                Service(id: "a", baseline: 100, weight: 2),
                Service(id: "b", baseline: 100, weight: 2),
                Service(id: "c", baseline: 100, weight: 1),
            ],
            mode: .weighted))
        let result = try allocator.result(50)
        expectAllocations(result, ["a": 75, "b": 75, "c": 0])
        #expect(bindings(result) == ["a": "share", "b": "share", "c": "minimum"])
    }

    @Test func everyCutFeasibleGivesAHundred() throws {
        let allocator = CheckedAllocator(scenario(
            funds: [Fund(id: "grant", amount: 100)],
            services: [Service(id: "a", baseline: 100)]))
        #expect(try allocator.maximumFeasibleCut() == 100)
    }

    @Test func infeasibleAtZeroGivesNoMaximumCut() throws {
        let allocator = CheckedAllocator(scenario(
            funds: [Fund(id: "grant", amount: 100)],
            services: [Service(id: "a", baseline: 200, isProtected: true)]))
        #expect(try allocator.maximumFeasibleCut() == nil)
        let result = try allocator.result(0)
        #expect(result.status == .infeasible)
        #expect(abs((result.deficit ?? 0) - 100) < 0.01)
    }

    @Test func maximumCutWithAPercentGroupLimit() throws {
        // Fund 1000 (cut). a floor 300; group {a} at most 50% of E(c).
        // Feasible while 300 <= 1000 (1 - k) and 300 <= 0.5 * 1000 (1 - k): k <= 0.4 → 40%.
        let allocator = CheckedAllocator(scenario(
            funds: [Fund(id: "grant", amount: 1000)],
            services: [Service(id: "a", baseline: 400, minimum: .amount(300)), Service(id: "b", baseline: 600)],
            groups: [ServiceGroup(id: "cap", services: ["a"], maximum: .percent(50))]))
        let cut = try allocator.maximumFeasibleCut()
        #expect(abs((cut ?? 0) - 40) < 1e-9)
        // Beyond it, no amount of extra money helps: the group limit shrinks with the envelope.
        let result = try allocator.result(50)
        #expect(result.status == .infeasible)
        #expect(result.deficit == nil)
        #expect(Self.matches(result.hopeless, HopelessConflict(limits: [
            HopelessLimit(groupID: "cap", minimum: nil, maximum: 250, reason: .maximumBelowFloors, total: 300)])))
    }

    /// b's floor of £800 can be paid only from the grant, £1,000 cut by c: the maximum cut is
    /// 20% (a takes the fence's £240 at it). A cut of exactly 20%, which the maximum-cut LP may
    /// give a few ulps lower, is the maximum and is solved; 1e-6 points past it b is short by
    /// £1,000 * 1e-8.
    @Test func aCutAtTheMaximumItselfIsFeasible() throws {
        let allocator = CheckedAllocator(scenario(
            funds: [Fund(id: "grant", amount: 1000), Fund(id: "fence", amount: 300, ringFencedFor: ["a"])],
            services: [
                Service(id: "a", baseline: 300, minimum: .percent(50)),
                Service(id: "b", baseline: 1000, minimum: .percent(80)),
            ]))
        #expect(abs((try allocator.maximumFeasibleCut() ?? 0) - 20) < 1e-12)
        let atMaximum = try allocator.result(20)
        #expect(atMaximum.status == .optimal)
        #expect(abs((allocations(atMaximum)["a"] ?? 0) - 240) < 1e-6)
        #expect(abs((allocations(atMaximum)["b"] ?? 0) - 800) < 1e-6)
        let past = try allocator.result(20 + 1e-6)
        #expect(past.status == .infeasible)
        #expect(abs((past.deficit ?? 0) - 1e-5) < 1e-9)
    }

    @Test func groupLimitsThatCrossAreTheirOwnConflict() throws {
        // Group {a} at least £300 and at most 50% of E(c): the limits cross once E(c) < 600,
        // a cut of 40%. Beyond it the group alone is hopeless, whatever the other groups ask.
        let allocator = CheckedAllocator(scenario(
            funds: [Fund(id: "grant", amount: 1000)],
            services: [Service(id: "a", baseline: 400), Service(id: "b", baseline: 600)],
            groups: [
                ServiceGroup(id: "mixed", services: ["a"], minimum: .amount(300), maximum: .percent(50)),
                ServiceGroup(id: "other", services: ["b"], maximum: .percent(90)),
            ]))
        #expect(abs((try allocator.maximumFeasibleCut() ?? 0) - 40) < 1e-9)
        let result = try allocator.result(50)
        #expect(result.status == .infeasible)
        #expect(result.deficit == nil)
        #expect(result.conflict.isEmpty)
        #expect(Self.matches(result.hopeless, HopelessConflict(limits: [
            HopelessLimit(groupID: "mixed", minimum: 300, maximum: 250, reason: .crossed)])))
    }

    @Test func aPercentMinimumAboveItsMembersMaximaAtNegativeCuts() throws {
        // Group {a} at least 45% of E(c), a at most 450: E(c) = 1000 (1 - c/100) outgrows it at
        // any negative cut, however little; 0% is feasible.
        let allocator = CheckedAllocator(scenario(
            funds: [Fund(id: "grant", amount: 1000)],
            services: [Service(id: "a", baseline: 400, maximum: .amount(450)), Service(id: "b", baseline: 600)],
            groups: [ServiceGroup(id: "share", services: ["a"], minimum: .percent(45))]))
        #expect(try allocator.result(0).status == .optimal)
        for cut in [-0.0001, -5.0] {
            let result = try allocator.result(cut)
            #expect(result.status == .infeasible)
            #expect(result.deficit == nil)
        }
        // At -5% E(c) = 1050 and the minimum is 472.5.
        #expect(Self.matches(try allocator.result(-5).hopeless, HopelessConflict(limits: [
            HopelessLimit(groupID: "share", minimum: 472.5, maximum: nil, reason: .minimumAboveMaxima, total: 450)])))
    }

    @Test func hopelessAcrossTwoGroupsIsExplainedFromTheFarkasRay() throws {
        // Neither group fails alone: {a, b} at least 80% of E(c) and {b} at most 10%, with a at
        // most 500. At a 20% cut (E = 800) {a, b} needs 640 but a takes at most 500 and b at most 80.
        let allocator = CheckedAllocator(scenario(
            funds: [Fund(id: "grant", amount: 1000)],
            services: [Service(id: "a", baseline: 400, maximum: .amount(500)), Service(id: "b", baseline: 600)],
            groups: [
                ServiceGroup(id: "both", services: ["a", "b"], minimum: .percent(80)),
                ServiceGroup(id: "small", services: ["b"], maximum: .percent(10)),
            ]))
        let result = try allocator.result(20)
        #expect(result.status == .infeasible)
        #expect(result.deficit == nil)
        #expect(Self.matches(result.hopeless, HopelessConflict(
            limits: [
                HopelessLimit(groupID: "both", minimum: 640, maximum: nil, reason: .combined),
                HopelessLimit(groupID: "small", minimum: nil, maximum: 80, reason: .combined),
            ],
            leansOnMaxima: true, leansOnFloors: false)))
    }

    /// Whether `found` is `expected`, its amounts to 1e-9.
    static func matches(_ found: HopelessConflict?, _ expected: HopelessConflict) -> Bool {
        guard let found, found.limits.count == expected.limits.count,
            found.leansOnMaxima == expected.leansOnMaxima, found.leansOnFloors == expected.leansOnFloors
        else { return false }
        func close(_ a: Double?, _ b: Double?) -> Bool { a == nil && b == nil || (a != nil && b != nil && abs(a! - b!) < 1e-9) }
        return zip(found.limits, expected.limits).allSatisfy { a, b in
            a.groupID == b.groupID && a.reason == b.reason && close(a.minimum, b.minimum) && close(a.maximum, b.maximum)
                && close(a.total, b.total)
        }
    }
}
