import BudgetModel
import Testing

/// The jumps of whole posts (SCENARIO-SPEC section 12, "Jumps"): breakpoints at the exact cut
/// where the posts change, with the allocations on both sides; `commit`'s infimum over a range,
/// attained or only approached; and the linear pieces between jumps against fresh solves at
/// random cuts. Every LP solution and mixed-integer incumbent is certified (`CheckedAllocator`).
@Suite struct StepJumpTests {
    /// The pieces between breakpoints of a checked allocator, with the certificate failures.
    static func breakpoints(_ scenario: Scenario, _ range: ClosedRange<Double>) throws -> (CheckedAllocator, [Breakpoint]) {
        let allocator = CheckedAllocator(scenario)
        return (allocator, try BreakpointFinder(allocator: allocator.allocator).breakpoints(in: range))
    }

    static func expectValues(
        _ values: [Double], _ expected: [Double], within tolerance: Double = 1e-6, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(values.count == expected.count, sourceLocation: sourceLocation)
        for (value, amount) in zip(values, expected) {
            #expect(abs(value - amount) < tolerance, "\(values) != \(expected)", sourceLocation: sourceLocation)
        }
    }

    @Test func theAdvocatesLoseAPostAtTwentyPerCentAndTheLastAtSeventy() throws {
        // StepTests.advocates, envelope E = 100,000 (1 - c). Two posts leave outreach E - 60,000,
        // shortfalls ((100,000 - E) / 40,000, 0); one post gives (50%, 0) while outreach can take
        // its whole 40,000 (E >= 70,000). They tie at E = 80,000 (20%), where the tie goes to
        // advocates, listed first: two posts at 20% itself, one just above. With one post
        // outreach gets E - 30,000 below 70,000; at E = 30,000 (70%) it has nothing, and no
        // posts (advocates 100% short, outreach 25%) beat one post (100%, 50%): none from 70%
        // itself. No post needs no money: every cut is feasible.
        let (allocator, breakpoints) = try Self.breakpoints(StepTests.advocates, 0...90)
        let jumps = breakpoints.filter { $0.jump != nil }
        #expect(jumps.count == 2, "\(breakpoints)")
        guard jumps.count == 2 else { return }
        #expect(abs(jumps[0].cutPercent - 20) < 1e-9, "\(jumps[0].cutPercent)")
        let first = try #require(jumps[0].jump)
        Self.expectValues(first.before, [60_000, 20_000])
        Self.expectValues(first.after, [30_000, 40_000])
        #expect(first.postsBefore == [0: 2] && first.postsAfter == [0: 1])
        #expect(!first.afterHoldsAtCut)
        #expect(jumps[0].events == [
            BreakpointEvent(kind: .jump, id: "advocates", starts: false), BreakpointEvent(kind: .jump, id: "outreach", starts: true),
        ])
        #expect(abs(jumps[1].cutPercent - 70) < 1e-9, "\(jumps[1].cutPercent)")
        let second = try #require(jumps[1].jump)
        Self.expectValues(second.before, [30_000, 0])
        Self.expectValues(second.after, [0, 30_000])
        #expect(second.postsBefore == [0: 1] && second.postsAfter == [0: 0])
        #expect(second.afterHoldsAtCut)
        // Outreach reaches its baseline (one post, E = 70,000 at 30%) between the jumps.
        let kinks = breakpoints.filter { $0.jump == nil }
        #expect(kinks.contains { abs($0.cutPercent - 30) < 1e-4 }, "\(kinks.map(\.cutPercent))")
        #expect(allocator.mixedIntegerCertified > 0)
        #expect(allocator.failures.isEmpty, "\(allocator.failures.prefix(3))")
    }

    @Test func theAdvocatesAreGuaranteedOnePostWithTheirLossApproachedFromAbove() throws {
        // 10..30%: advocates hold 60,000 to 20% itself, then 30,000: the guarantee is 30,000,
        // approached from above 20%. Outreach's least is 20,000 at 20% itself (two posts).
        let allocator = CheckedAllocator(StepTests.advocates)
        let commitment = try CommitmentFinder(allocator: allocator.allocator).commitment(over: 10...30)
        let (advocates, outreach) = (commitment.services[0], commitment.services[1])
        #expect(abs((advocates.guaranteed ?? .nan) - 30_000) < 1e-6)
        #expect(abs((advocates.atCutPercent ?? .nan) - 20) < 1e-9)
        #expect(advocates.isOpen)
        #expect(abs((outreach.guaranteed ?? .nan) - 20_000) < 1e-6)
        #expect(abs((outreach.atCutPercent ?? .nan) - 20) < 1e-9)
        #expect(!outreach.isOpen)
        // 60..80%: outreach falls to 0 as the cut rises to 70%, but at 70% itself no post is
        // kept and outreach has 30,000: its guarantee 0 is an infimum not attained. Advocates'
        // 0 is attained at 70%.
        let deep = try CommitmentFinder(allocator: allocator.allocator).commitment(over: 60...80)
        let (a, o) = (deep.services[0], deep.services[1])
        #expect(abs(a.guaranteed ?? .nan) < 1e-6 && abs((a.atCutPercent ?? .nan) - 70) < 1e-9 && !a.isOpen, "\(a)")
        #expect(abs(o.guaranteed ?? .nan) < 1e-6 && abs((o.atCutPercent ?? .nan) - 70) < 1e-9 && o.isOpen, "\(o)")
        #expect(allocator.failures.isEmpty, "\(allocator.failures.prefix(3))")
    }

    /// The posts scenario in `scenarios/`.
    static func posts() throws -> Scenario {
        try ScenariosTests.document("cambridgeshire-2016-17-posts.toml").scenario
    }

    /// The cut at which the two ISVA posts and every other floor of priority 1 use up the
    /// envelope: 896,000 (1 - c) + 14,000 = 446,000 + 88,200 + 222,200.
    static let secondPostLost = 100 * 153_600.0 / 896_000

    @Test func theSecondAdvocatePostGoesWhenTheFloorsWithTwoPostsUseEveryPound() throws {
        // Restorative Justice (priority 0) gives its 58,800 first (to 6.5625%); then priority 1
        // shares the cut. With two posts the others' shortfalls stay below the ISVA's 50% with
        // one post until Shrievalty and migrant workers reach their 50% floors, at 17.142857%,
        // where two posts stop being feasible: (50, 50, 40, 40, 20, 0)% there against one
        // post's (50, 23.8, ...)%, so one post holds at the cut itself. With one post the
        // other five share 182,200: the Young Person IDVA at its floor 32,000, the rest at
        // 150,200 / 197,000 of their baselines.
        let (allocator, breakpoints) = try Self.breakpoints(try Self.posts(), 0...30)
        let jumps = breakpoints.filter { $0.jump != nil }
        #expect(jumps.count == 1, "\(breakpoints.map(\.cutPercent))")
        let jump = try #require(jumps.first)
        #expect(abs(jump.cutPercent - Self.secondPostLost) < 1e-9, "\(jump.cutPercent)")
        let values = try #require(jump.jump)
        // hub, shrievalty, sarc-parents, rj, migrant-workers, yp-idva, yp-isva, mental-health
        // Two posts are feasible at that cut only within the solver's tolerance: 1e-9 of the scale.
        let tolerance = 1e-9 * 878_000
        Self.expectValues(values.before, [446_000, 25_000, 25_200, 88_200, 15_000, 32_000, 80_000, 45_000], within: tolerance)
        let share = 150_200.0 / 197_000
        Self.expectValues(
            values.after, [446_000, 50_000 * share, 42_000 * share, 88_200, 30_000 * share, 32_000, 40_000, 75_000 * share], within: tolerance)
        #expect(values.postsBefore == [6: 2] && values.postsAfter == [6: 1])
        #expect(values.afterHoldsAtCut)
        #expect(jump.events.contains(BreakpointEvent(kind: .jump, id: "yp-isva", starts: false)))
        #expect(jump.events.contains(BreakpointEvent(kind: .jump, id: "shrievalty", starts: true)))
        // Restorative Justice at its floor before, and the maximum cut with one post after.
        #expect(breakpoints.contains { $0.jump == nil && abs($0.cutPercent - 6.5625) < 1e-4 })
        let last = try #require(breakpoints.last)
        #expect(last.isMaximumFeasibleCut && abs(last.cutPercent - 100 * 193_600.0 / 896_000) < 1e-9)
        #expect(allocator.failures.isEmpty, "\(allocator.failures.prefix(3))")
    }

    @Test func theCommitmentOfThePostsScenarioIsTheInfimumAtTheJump() throws {
        // 10..20%: Shrievalty falls to its floor of 25,000 as the cut rises to 17.142857% and
        // jumps up there: 25,000, approached from below, not attained. The ISVA's one post,
        // 40,000, is attained at that cut.
        let allocator = CheckedAllocator(try Self.posts())
        let commitment = try CommitmentFinder(allocator: allocator.allocator).commitment(over: 10...20)
        let shrievalty = commitment.services[1], isva = commitment.services[6]
        #expect(abs((shrievalty.guaranteed ?? .nan) - 25_000) < 1e-6, "\(shrievalty)")
        #expect(abs((shrievalty.atCutPercent ?? .nan) - Self.secondPostLost) < 1e-9)
        #expect(shrievalty.isOpen)
        #expect(abs((isva.guaranteed ?? .nan) - 40_000) < 1e-6, "\(isva)")
        #expect(abs((isva.atCutPercent ?? .nan) - Self.secondPostLost) < 1e-9)
        #expect(!isva.isOpen)
        #expect(commitment.infeasible.isEmpty)
        #expect(allocator.failures.isEmpty, "\(allocator.failures.prefix(3))")
    }

    @Test func thePiecesBetweenJumpsGiveWhatAFreshSolveGivesAtRandomCuts() throws {
        // The advocates and the posts scenario: the allocation read from the range's linear
        // pieces (`PiecewiseAllocation`, what the live page embeds) at random cuts equals a fresh
        // solve there to 1e-9 of the money scale. Cuts within the breakpoints' accuracy (1e-4
        // points) of a jump are left out: there the fresh solve's choice rests on its
        // mixed-integer gaps.
        var random = SplitMix64(seed: 20261207)
        var sampled = 0, scenariosWithJumps = 0, jumpsMatched = 0
        for scenario in [StepTests.advocates, try Self.posts()] {
            let allocator = CheckedAllocator(scenario)
            let pieces = try PiecewiseAllocation(allocator: allocator.allocator, range: 0...50)
            let breakpoints = try BreakpointFinder(allocator: allocator.allocator).breakpoints(in: 0...50)
            let jumpCuts = breakpoints.filter { $0.jump != nil }.map(\.cutPercent)
            if !jumpCuts.isEmpty { scenariosWithJumps += 1 }
            let scale = scenario.moneyScaleForTests
            // Each jump's two sides are the ends of the pieces that meet there.
            for breakpoint in breakpoints {
                guard let jump = breakpoint.jump,
                      let after = pieces.pieces.firstIndex(where: { abs($0.from - breakpoint.cutPercent) < 1e-12 }), after > 0
                else { continue }
                let c = breakpoint.cutPercent
                for (x, y) in zip(pieces.pieces[after - 1].allocations(atCut: c), jump.before) { #expect(abs(x - y) <= 1e-9 * scale) }
                for (x, y) in zip(pieces.pieces[after].allocations(atCut: c), jump.after) { #expect(abs(x - y) <= 1e-9 * scale) }
                jumpsMatched += 1
            }
            for _ in 0..<40 {
                let cut = Double.random(in: 0...50, using: &random)
                guard let read = pieces.allocations(atCut: cut) else { continue }
                guard !jumpCuts.contains(where: { abs($0 - cut) < 1e-4 }) else { continue }
                let solved = try CheckedAllocator(scenario).result(cut)
                #expect(solved.status == .optimal, "\(cut)%: \(scenario)")
                for (x, y) in zip(read, solved.services.map(\.allocation)) {
                    #expect(abs(x - y) <= 1e-9 * scale, "\(cut)%: \(read) != \(solved.services.map(\.allocation)): \(scenario)")
                }
                sampled += 1
            }
            #expect(allocator.failures.isEmpty, "\(allocator.failures.prefix(3))")
        }
        #expect(sampled > 40)
        #expect(scenariosWithJumps == 2)
        #expect(jumpsMatched == 2)
    }
}
