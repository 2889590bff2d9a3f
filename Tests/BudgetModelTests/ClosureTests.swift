import BudgetModel
import Testing

/// Closable services (SCENARIO-SPEC section 12): hand-worked cuts, jumps and the maximum cut.
/// Every LP solution and every mixed-integer incumbent behind them goes through the
/// certificate checker (`CheckedAllocator`).
@Suite struct ClosureTests {
    /// One fund of 1,000. `a` (priority 1, baseline 500, minimum 80% = 400); `b` (300, minimum
    /// 50% = 150) and `c` (200, minimum 50% = 100), both priority 0 and closable. With all open
    /// the floors need 650, so every cut up to 35% keeps everyone open.
    static let threeServices = Scenario(
        title: "closures", funds: [Fund(id: "grant", amount: 1000)],
        services: [
            Service(id: "a", baseline: 500, minimum: .percent(80), priority: 1),
            Service(id: "b", baseline: 300, minimum: .percent(50), isClosable: true),
            Service(id: "c", baseline: 200, minimum: .percent(50), isClosable: true),
        ])

    @Test func aCutTheFloorsCanMeetKeepsEveryoneOpen() throws {
        // 30%: 700. Priority 0 gives all it can: b and c at their floors (250 together), and a,
        // priority 1, is cut to 450: an open service's minimum is something it cannot give.
        let allocator = CheckedAllocator(Self.threeServices)
        let result = try allocator.result(30)
        expectAllocations(result, ["a": 450, "b": 150, "c": 100])
        #expect(result.closedServices.isEmpty)
        #expect(bindings(result) == ["a": "share", "b": "minimum", "c": "minimum"])
        // No mixed-integer programme where the cut is met with all open.
        #expect(allocator.mixedIntegerSolves == 0)
    }

    @Test func aCutThatForcesOneClosureClosesTheSmallerBaseline() throws {
        // 40%: 600 < 650. One closure in priority 0 suffices either way (close b: 400 + 100;
        // close c: 400 + 150); the least baseline closed is c's 200. Then a takes its baseline
        // 500 only if b can fall to 100, below its floor: b 150, a 450.
        let allocator = CheckedAllocator(Self.threeServices)
        let result = try allocator.result(40)
        expectAllocations(result, ["a": 450, "b": 150, "c": 0])
        #expect(result.closedServices == [2])
        #expect(bindings(result)["c"] == "closed")
        #expect(allocator.mixedIntegerSolves > 0)
        #expect(allocator.mixedIntegerCertified > 0)
    }

    @Test func aDeeperCutClosesTheOtherOneAlone() throws {
        // 50%: 500. Closing c leaves 400 + 150 = 550 > 500; closing b leaves 400 + 100 = 500:
        // one closure, b. a 400 at its floor, c 100 at its floor.
        let result = try CheckedAllocator(Self.threeServices).result(50)
        expectAllocations(result, ["a": 400, "b": 0, "c": 100])
        #expect(result.closedServices == [1])
        // 55%: 450 needs both closed; a takes all 450.
        let both = try CheckedAllocator(Self.threeServices).result(55)
        expectAllocations(both, ["a": 450, "b": 0, "c": 0])
        #expect(both.closedServices == [1, 2])
    }

    @Test func theMaximumCutAndTheDeficitAreOverEveryChoice() throws {
        // With both closed only a's 400 is needed: 1000 (1 - c) = 400 at c = 60%.
        let allocator = CheckedAllocator(Self.threeServices)
        let maximum = try #require(try allocator.maximumFeasibleCut())
        #expect(abs(maximum - 60) < 1e-9)
        // 65%: 350, deficit 50 with both closed (with either open it is at least 150).
        let result = try allocator.result(65)
        #expect(result.status == .infeasible)
        #expect(abs((result.deficit ?? .nan) - 50) < 1e-6)
        #expect(result.closedServices == [1, 2])
        #expect(result.conflict.map(\.id).contains("a"))
    }

    @Test func equalCountsAndBaselinesCloseTheServiceLatestInTheFile() throws {
        // x and y alike (500, minimum 60% = 300, closable), one fund of 1000. At 50% (500) one
        // must close; counts and baselines tie, so the later, y, closes; x takes all 500.
        let scenario = Scenario(
            title: "tie", funds: [Fund(id: "grant", amount: 1000)],
            services: [
                Service(id: "x", baseline: 500, minimum: .percent(60), isClosable: true),
                Service(id: "y", baseline: 500, minimum: .percent(60), isClosable: true),
            ])
        let result = try CheckedAllocator(scenario).result(50)
        expectAllocations(result, ["x": 500, "y": 0])
        #expect(result.closedServices == [1])
    }

    @Test func fewerClosuresInAHigherPriorityComeFirst() throws {
        // h (priority 1, 400, minimum 100%, closable) and l1, l2 (priority 0, 300 each, minimum
        // 100%, closable), one fund of 1000: at 40% (600) closing h alone (300 + 300) or l1 and
        // l2 (400) both meet the cut. The fewest closures in priority 1 come first: l1 and l2 close.
        let scenario = Scenario(
            title: "tiers", funds: [Fund(id: "grant", amount: 1000)],
            services: [
                Service(id: "h", baseline: 400, minimum: .percent(100), priority: 1, isClosable: true),
                Service(id: "l1", baseline: 300, minimum: .percent(100), isClosable: true),
                Service(id: "l2", baseline: 300, minimum: .percent(100), isClosable: true),
            ])
        let result = try CheckedAllocator(scenario).result(40)
        expectAllocations(result, ["h": 400, "l1": 0, "l2": 0])
        #expect(result.closedServices == [1, 2])
    }

    @Test func theBreakpointsJumpWhereTheClosuresChange() throws {
        // {} to 35% (all at floors 650), {c} to 45% (a 400 + b 150 = 550), {b} to 50% (a 400 +
        // c 100 = 500), {b, c} to 60%.
        let allocator = CheckedAllocator(Self.threeServices)
        let breakpoints = try BreakpointFinder(allocator: allocator.allocator).breakpoints(in: 0...70)
        let jumps = breakpoints.filter { $0.jump != nil }
        #expect(jumps.map(\.cutPercent).count == 3)
        for (jump, cut) in zip(jumps, [35.0, 45, 50]) { #expect(abs(jump.cutPercent - cut) < 1e-6) }
        // At 35%: before a 400, b 150, c 100; after ({c} closed) a 500, b 150, c 0.
        let first = try #require(jumps.first?.jump)
        #expect(first.closedBefore == [] && first.closedAfter == [2])
        for (value, expected) in zip(first.before, [400.0, 150, 100]) { #expect(abs(value - expected) < 1e-6) }
        for (value, expected) in zip(first.after, [500.0, 150, 0]) { #expect(abs(value - expected) < 1e-6) }
        #expect(jumps[0].events.contains(BreakpointEvent(kind: .closure, id: "c", starts: true)))
        #expect(jumps[0].events.contains(BreakpointEvent(kind: .jump, id: "a", starts: true)))
        // At 45%: {c} to {b}: b closes, c reopens.
        #expect(jumps[1].events.contains(BreakpointEvent(kind: .closure, id: "b", starts: true)))
        #expect(jumps[1].events.contains(BreakpointEvent(kind: .closure, id: "c", starts: false)))
        #expect(breakpoints.last?.isMaximumFeasibleCut == true)
        #expect(abs((breakpoints.last?.cutPercent ?? .nan) - 60) < 1e-6)
        #expect(allocator.failures.isEmpty)
    }

    @Test func everyClosedServiceIsForced() throws {
        // The fact behind "the cut forces": reopening any one closed service makes the cut
        // infeasible (at 55%, both b and c are closed).
        let result = try CheckedAllocator(Self.threeServices).result(55)
        for s in result.closedServices {
            let reopened = result.closedServices.filter { $0 != s }
            let alternative = try CheckedAllocator(Self.threeServices.closing(reopened)).result(55)
            #expect(alternative.status == .infeasible)
        }
    }
}

/// The closures scenario in `scenarios/` (seed 001, section 5.2: "services rationalised").
@Suite struct ClosureScenarioTests {
    static func scenario() throws -> Scenario {
        try ScenariosTests.document("cambridgeshire-2016-17-closures.toml").scenario
    }

    @Test func aTwentyFivePerCentCutClosesTheMentalHealthPathfinder() throws {
        // Envelope 896,000 x 0.75 + 14,000 (uncut) = 686,000; the floors with all open need
        // 716,400. Closing the Shrievalty Trust frees 25,000 (not enough), closing the Mental
        // Health Pathfinder 45,000: one closure, the pathfinder. Then Restorative Justice
        // (priority 0) is at its floor 88,200, and priority 1 shares 686,000 - 446,000 - 88,200
        // = 151,800 of 242,000: the Young Person IDVA is held at 32,000 and SARC at 25,200;
        // Shrievalty, migrant workers and the ISVA posts share 94,600 of 160,000 (59.125%).
        let result = try CheckedAllocator(try Self.scenario()).result(25)
        expectAllocations(result, [
            "hub": 446_000, "shrievalty": 29_562.5, "sarc-parents": 25_200, "rj": 88_200,
            "migrant-workers": 17_737.5, "yp-idva": 32_000, "yp-isva": 47_300, "mental-health": 0,
        ])
        #expect(result.closedServices == [7])
    }

    @Test func theMaximumCutClosesBoth() throws {
        // Both closed, the floors need 646,400: 896,000 (1 - c) + 14,000 = 646,400.
        let maximum = try #require(try CheckedAllocator(try Self.scenario()).maximumFeasibleCut())
        #expect(abs(maximum - 100 * (1 - 632_400.0 / 896_000)) < 1e-9)
        // At 20% (730,800) everyone stays open.
        #expect(try CheckedAllocator(try Self.scenario()).result(20).closedServices.isEmpty)
    }
}

/// `scenario commit` over a range with closures (SCENARIO-SPEC section 14): a guarantee reached
/// only as the cut falls to a jump from above is flagged open.
@Suite struct ClosureCommitmentTests {
    @Test func aServiceThatClosesAtAJumpIsGuaranteedNothingApproachedFromAbove() throws {
        // ClosureTests.threeServices over 30..40%: everyone open to 35% (c at its floor 100),
        // then c closed. c's least is 0, not reached at 35% itself (100 there) but just above.
        let allocator = CheckedAllocator(ClosureTests.threeServices)
        let commitment = try CommitmentFinder(allocator: allocator.allocator).commitment(over: 30...40)
        let c = commitment.services[2]
        #expect(c.guaranteed == 0)
        #expect(abs((c.atCutPercent ?? .nan) - 35) < 1e-6)
        #expect(c.isOpen)
        // a's least, 400, is attained at 35% itself (everyone at the floors): not open.
        let a = commitment.services[0]
        #expect(abs((a.guaranteed ?? .nan) - 400) < 1e-6)
        #expect(!a.isOpen)
        #expect(allocator.failures.isEmpty)
    }

    @Test func theFeasibleCutsOfARangeAreOverEveryChoiceOfClosures() throws {
        // ClosureTests.threeServices over 50..70%: with everyone open no cut past 35% is
        // feasible, but closing b meets 50% (a 400, c 100: the envelope of 500 exactly), and
        // closing both meets every cut to 60% (a's floor 400). So 50..60% is feasible and
        // 60..70% is not. Just above 50% both are closed and a takes the whole envelope,
        // 1,000 (1 - c/100): 500 falling to 400 at 60%.
        let allocator = CheckedAllocator(ClosureTests.threeServices)
        let commitment = try CommitmentFinder(allocator: allocator.allocator).commitment(over: 50...70)
        let feasible = try #require(commitment.feasible)
        #expect(abs(feasible.lowerBound - 50) < 1e-9 && abs(feasible.upperBound - 60) < 1e-9, "\(feasible)")
        #expect(commitment.infeasible.count == 1, "\(commitment.infeasible)")
        #expect(commitment.infeasible.first.map { abs($0.lowerBound - 60) < 1e-9 && $0.upperBound == 70 } == true)
        let (a, b, c) = (commitment.services[0], commitment.services[1], commitment.services[2])
        // a: 400 at 50% itself (its floor, b closed), and again at 60%: the first cut counts.
        #expect(abs((a.guaranteed ?? .nan) - 400) < 1e-6)
        #expect(abs((a.atCutPercent ?? .nan) - 50) < 1e-6)
        #expect(!a.isOpen)
        // b: closed at 50% itself.
        #expect(abs(b.guaranteed ?? .nan) < 1e-6)
        #expect(abs((b.atCutPercent ?? .nan) - 50) < 1e-6)
        #expect(!b.isOpen)
        // c: 100 at 50%, closed just above it: 0, approached from above 50%.
        #expect(abs(c.guaranteed ?? .nan) < 1e-6)
        #expect(abs((c.atCutPercent ?? .nan) - 50) < 1e-6)
        #expect(c.isOpen)
        #expect(allocator.mixedIntegerSolves > 0 && allocator.mixedIntegerCertified > 0)
        #expect(allocator.failures.isEmpty, "\(allocator.failures)")
    }

    @Test func aRangeInfeasibleWithEveryoneOpenButNotWithClosuresHasAGuarantee() throws {
        // 58..65%: only both closed meets any of it (to 60%); a = 1,000 (1 - c/100), least
        // 400 at 60%; b and c are closed throughout: 0 from 58%, attained there.
        let allocator = CheckedAllocator(ClosureTests.threeServices)
        let commitment = try CommitmentFinder(allocator: allocator.allocator).commitment(over: 58...65)
        let feasible = try #require(commitment.feasible)
        #expect(feasible.lowerBound == 58 && abs(feasible.upperBound - 60) < 1e-9, "\(feasible)")
        let a = commitment.services[0]
        #expect(abs((a.guaranteed ?? .nan) - 400) < 1e-6)
        #expect(abs((a.atCutPercent ?? .nan) - 60) < 1e-6)
        for closed in commitment.services[1...] {
            #expect(abs(closed.guaranteed ?? .nan) < 1e-6 && closed.atCutPercent == 58 && !closed.isOpen, "\(closed)")
        }
        #expect(allocator.failures.isEmpty, "\(allocator.failures)")
    }
}
