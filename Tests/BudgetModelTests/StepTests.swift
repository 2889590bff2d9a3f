import BudgetModel
import Testing

/// Whole posts (SCENARIO-SPEC section 12) on hand-worked scenarios: a post lost as the cut
/// grows, a tie given to the service listed first, posts beside a closure with the deficit and
/// the maximum cut over every choice, and weighted mode.
@Suite struct StepTests {
    /// Advocates: two posts of £30,000 (baseline £60,000); outreach £40,000 in any amount; one
    /// priority, one fund of £100,000.
    static let advocates = Scenario(
        title: "Posts", funds: [Fund(id: "grant", amount: 100_000)],
        services: [
            Service(id: "advocates", baseline: 60_000, step: 30_000),
            Service(id: "outreach", baseline: 40_000),
        ])

    @Test func aCutKeepsBothPostsWhileTheyCostLessThanHalfOfOutreach() throws {
        // At 10% (£90,000): two posts leave outreach £30,000, shortfalls (0, 25%); one post
        // gives (50%, 0). Leximin keeps both posts.
        let allocator = CheckedAllocator(Self.advocates)
        let result = try allocator.result(10)
        expectAllocations(result, ["advocates": 60_000, "outreach": 30_000])
        #expect(result.services[0].posts == 2)
        #expect(result.services[1].posts == nil)
        #expect(bindings(result) == ["advocates": "maximum", "outreach": "share"])
    }

    /// Money a post does not fit in is left for that reason, not as if every service were at
    /// its maximum. Advocates may grow to three posts (£90,000), outreach is at most £40,000.
    /// With £110,000, both at baseline leave £10,000, a third of a post: reason `step`. With
    /// £140,000 the third post fits and £10,000 is left with both at their maxima.
    @Test func moneyLeftShortOfAPostSaysSo() throws {
        func scenario(grant: Double) -> Scenario {
            Scenario(
                title: "Posts", funds: [Fund(id: "grant", amount: grant)],
                services: [
                    Service(id: "advocates", baseline: 60_000, maximum: .amount(90_000), step: 30_000),
                    Service(id: "outreach", baseline: 40_000),
                ])
        }
        let short = try CheckedAllocator(scenario(grant: 110_000)).result(0)
        expectAllocations(short, ["advocates": 60_000, "outreach": 40_000])
        #expect(short.unallocatedByFund.map(\.reason) == [.step])
        #expect(abs((short.unallocatedByFund.first?.amount ?? 0) - 10_000) < 1e-6)
        // Another post would take £30,000 of the £10,000 left.
        #expect(short.services[0].allocation + 30_000 > 60_000 + short.unallocated)
        let full = try CheckedAllocator(scenario(grant: 140_000)).result(0)
        expectAllocations(full, ["advocates": 90_000, "outreach": 40_000])
        #expect(full.unallocatedByFund.map(\.reason) == [.allAtMaximum])
    }

    @Test func aDeeperCutLosesAPost() throws {
        // At 30% (£70,000): two posts would leave outreach £10,000 (75% short); one post gives
        // advocates 50% and outreach its whole £40,000.
        let allocator = CheckedAllocator(Self.advocates)
        let result = try allocator.result(30)
        expectAllocations(result, ["advocates": 30_000, "outreach": 40_000])
        #expect(result.services[0].posts == 1)
        #expect(bindings(result) == ["advocates": "step", "outreach": "maximum"])
    }

    @Test func theTieAtTwentyPerCentGoesToTheServiceListedFirst() throws {
        // At 20% (£80,000) both choices have shortfalls {50%, 0}: advocates, listed first, keeps
        // both posts. Just past it, one post.
        let allocator = CheckedAllocator(Self.advocates)
        expectAllocations(try allocator.result(20), ["advocates": 60_000, "outreach": 20_000])
        expectAllocations(try allocator.result(20.5), ["advocates": 30_000, "outreach": 40_000])
        // Listed the other way round, the tie goes to outreach.
        var swapped = Self.advocates
        swapped.services.reverse()
        expectAllocations(try CheckedAllocator(swapped).result(20), ["advocates": 30_000, "outreach": 40_000])
    }

    @Test func twoEqualServicesSharingThreePostsGiveTheExtraOneToTheFirst() throws {
        let scenario = Scenario(
            title: "Equal", funds: [Fund(id: "grant", amount: 40_000)],
            services: [Service(id: "a", baseline: 20_000, step: 10_000), Service(id: "b", baseline: 20_000, step: 10_000)])
        let result = try CheckedAllocator(scenario).result(25)
        expectAllocations(result, ["a": 20_000, "b": 10_000])
        #expect(result.services.map(\.posts) == [2, 1])
        #expect(result.unallocated < 0.01)
    }

    /// A protected hub (£50,000, priority 1), advocates (two posts of £30,000, at least one,
    /// closable) and outreach (£40,000, at least £20,000); one fund of £150,000.
    static let withClosure = Scenario(
        title: "Posts and a closure", funds: [Fund(id: "grant", amount: 150_000)],
        services: [
            Service(id: "hub", baseline: 50_000, isProtected: true, priority: 1),
            Service(id: "advocates", baseline: 60_000, minimum: .amount(30_000), isClosable: true, step: 30_000),
            Service(id: "outreach", baseline: 40_000, minimum: .amount(20_000)),
        ])

    @Test func postsBesideAClosure() throws {
        let allocator = CheckedAllocator(Self.withClosure)
        // 10% (£135,000): £85,000 below the hub; two posts leave outreach £25,000 (37.5% short).
        expectAllocations(try allocator.result(10), ["hub": 50_000, "advocates": 60_000, "outreach": 25_000])
        // 20% (£120,000): £70,000; two posts would leave outreach below its minimum: one post.
        let twenty = try allocator.result(20)
        expectAllocations(twenty, ["hub": 50_000, "advocates": 30_000, "outreach": 40_000])
        #expect(bindings(twenty)["advocates"] == "minimum")
        #expect(twenty.closedServices.isEmpty)
        // 40% (£90,000): one post and outreach's minimum need £100,000: advocates close.
        let forty = try allocator.result(40)
        expectAllocations(forty, ["hub": 50_000, "advocates": 0, "outreach": 40_000])
        #expect(forty.closedServices == [1])
        #expect(forty.services[1].posts == 0)
        #expect(bindings(forty)["advocates"] == "closed")
    }

    @Test func theMaximumCutAndTheDeficitAreOverEveryChoice() throws {
        let allocator = CheckedAllocator(Self.withClosure)
        // Closed, hub and outreach's minimum need £70,000: 1 - 70/150 = 53.33...%.
        let maximum = try #require(try allocator.maximumFeasibleCut())
        #expect(abs(maximum - 160.0 / 3) < 1e-9)
        // 60% (£60,000): £10,000 short with advocates closed (£40,000 with one post open).
        let result = try allocator.result(60)
        #expect(result.status == .infeasible)
        #expect(abs((result.deficit ?? .nan) - 10_000) < 0.01)
        #expect(result.closedServices == [1])
    }

    @Test func aDeficitWithPostsOpen() throws {
        // Nothing closable: at 50% (£75,000) the hub, one post and outreach's minimum need £100,000.
        var scenario = Self.withClosure
        scenario.services[1].isClosable = false
        let allocator = CheckedAllocator(scenario)
        let maximum = try #require(try allocator.maximumFeasibleCut())
        #expect(abs(maximum - 100.0 / 3) < 1e-9)
        let result = try allocator.result(50)
        #expect(result.status == .infeasible)
        #expect(abs((result.deficit ?? .nan) - 25_000) < 0.01)
    }

    @Test func aSweepGivesEveryCutWhatAFreshSolveGives() throws {
        // Across the post lost between 10% and 20% and past the maximum cut (33.33% with nothing
        // closable, 53.33% closable): posts make allocations jump, so no cut is read from
        // another's piece, feasible or not.
        var fixed = Self.withClosure
        fixed.services[1].isClosable = false
        for scenario in [Self.withClosure, fixed] {
            let cuts = stride(from: 5.0, through: 70.0, by: 2.5).map { $0 }
            let swept = try PiecewiseSweepTests.swept(scenario, cuts: cuts, followsPieces: true).results
            for (cut, result) in zip(cuts, swept) {
                let solved = try CheckedAllocator(scenario).result(cut)
                #expect(result.status == solved.status, "\(cut)%")
                #expect(result.closedServices == solved.closedServices, "\(cut)%")
                #expect(result.services.map(\.posts) == solved.services.map(\.posts), "\(cut)%")
                for (x, y) in zip(result.services, solved.services) {
                    #expect(abs(x.allocation - y.allocation) < 0.01, "\(cut)% \(x.serviceID): \(x.allocation) != \(y.allocation)")
                }
                #expect(abs((result.deficit ?? 0) - (solved.deficit ?? 0)) < 0.01, "\(cut)%")
            }
            // The hand-worked cuts above, read from the sweep.
            let at = Dictionary(uniqueKeysWithValues: zip(cuts, swept))
            expectAllocations(try #require(at[10]), ["hub": 50_000, "advocates": 60_000, "outreach": 25_000])
            expectAllocations(try #require(at[20]), ["hub": 50_000, "advocates": 30_000, "outreach": 40_000])
        }
        let deep = try PiecewiseSweepTests.swept(fixed, cuts: [50, 60], followsPieces: true).results
        #expect(abs((deep[0].deficit ?? .nan) - 25_000) < 0.01)
        #expect(abs((deep[1].deficit ?? .nan) - 40_000) < 0.01)
    }

    @Test func weightedModeMaximisesTheWeightedTotalOverWholePosts() throws {
        // £30,000 at 25%: a (posts of £10,000, weight 1), b (any amount, weight 3). One post and
        // b's whole £20,000 give 70,000 weighted; two posts give 50,000. The tiers rule alone
        // would tie and give a its two posts.
        let scenario = Scenario(
            title: "Weighted", objective: .weighted, funds: [Fund(id: "grant", amount: 40_000)],
            services: [Service(id: "a", baseline: 20_000, weight: 1, step: 10_000), Service(id: "b", baseline: 20_000, weight: 3)])
        expectAllocations(try CheckedAllocator(scenario).result(25), ["a": 10_000, "b": 20_000])
        var tiers = scenario
        tiers.objective = .tiers
        expectAllocations(try CheckedAllocator(tiers).result(25), ["a": 20_000, "b": 10_000])
    }
}
