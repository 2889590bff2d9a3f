import BudgetModel
import Foundation
import Testing

/// Cuts a hair either side of the maximum feasible cut, on generated scenarios where the
/// allocation rule's LPs could neither meet nor disprove a cut 1e-6 points past it.
@Suite struct NearMaximumCutTests {
    static func fixture(_ name: String) throws -> Scenario {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/\(name)").path
        return try ScenarioDecoder.decode(contentsOf: path).scenario
    }

    /// `crosscheck/generate.py --seed 15`: 12 services, five funds, no groups; a cut 1e-6 points
    /// past the maximum ended in numericalFailure in the first stage of the tiers rule.
    @Test func cutsEitherSideOfTheMaximumAreDecided() throws {
        let allocator = CheckedAllocator(try Self.fixture("near-maximum-cut.toml"))
        let maximum = try #require(try allocator.maximumFeasibleCut())
        #expect(abs(maximum - 59.066867767) < 1e-6)
        // In order, each warm from the one before, as a sweep solves them.
        let below = try allocator.result(maximum - 1e-3)
        let justBelow = try allocator.result(maximum - 1e-6)
        let justPast = try allocator.result(maximum + 0.999e-6)
        let past = try allocator.result(maximum + 1e-3)
        #expect(below.status == .optimal)
        #expect(justBelow.status == .optimal)
        #expect(justPast.status == .infeasible)
        #expect(past.status == .infeasible)
        // D is linear just past the maximum cut: 1,000 times the overshoot, 1,000 times the deficit
        // (£0.0455 and £45.53: the cut takes 0.01% of the cut funds, £4,553,000, per point).
        let small = try #require(justPast.deficit), large = try #require(past.deficit)
        #expect(small > 0.04 && small < 0.05, "\(small)")
        #expect(abs(large / small - 1000 / 0.999) < 0.01 * 1000, "\(large) / \(small)")
        #expect(abs(large - 45.53) < 0.01, "\(large)")
        // Within the envelope, to the documented tolerance.
        for result in [below, justBelow] {
            #expect(result.allocated <= result.envelope * (1 + 1e-9))
        }
        // Alone, on a fresh allocator, the same cut is decided the same way.
        let fresh = try CheckedAllocator(try Self.fixture("near-maximum-cut.toml")).result(maximum + 0.999e-6)
        #expect(fresh.status == .infeasible)
        #expect(fresh.deficit.map { abs($0 - small) < 1e-3 } == true)
    }

    /// `crosscheck/generate.py --seed 117`: an amount minimum of £970,000 on one group and a
    /// maximum of 66.5% of the envelope on another with the services between them; past the
    /// maximum cut no money helps. 1e-6 points past it the deficit LP ended in numericalFailure.
    @Test func noMoneyHelpsJustPastTheMaximumCut() throws {
        let allocator = CheckedAllocator(try Self.fixture("amount-minimum-against-percent-maximum.toml"))
        let maximum = try #require(try allocator.maximumFeasibleCut())
        #expect(abs(maximum - 63.234027143) < 1e-6)
        #expect(try allocator.result(maximum - 1e-6).status == .optimal)
        for overshoot in [1e-6, 1e-3] {
            let result = try allocator.result(maximum + overshoot)
            #expect(result.status == .infeasible)
            #expect(result.deficit == nil, "a deficit of \(result.deficit ?? .nan) where no money helps")
            // Neither limit fails alone: Group 1's 66.5% maximum and Group 3's £970,000 minimum
            // fail together, named by the multipliers.
            let hopeless = try #require(result.hopeless)
            let first = try #require(hopeless.limits.first)
            #expect(first.groupID == "g1" && first.reason == .combined && first.minimum == nil)
            #expect(first.maximum.map { abs($0 - 0.665 * result.envelope) < 1e-6 } == true)
            #expect(hopeless.limits.contains(HopelessLimit(groupID: "g3", minimum: 970_000, maximum: nil, reason: .combined)))
        }
    }

    /// An allocation error names the cut as given: the shortest decimal that reads back the same.
    @Test func allocationErrorsPrintTheCutAsGiven() {
        #expect(AllocationError(cutPercent: 99.000001, reason: "r").description == "cut 99.000001%: r")
        #expect(AllocationError(cutPercent: 0.00001, reason: "r").description == "cut 0.00001%: r")
        #expect(AllocationError(cutPercent: -2.5, reason: "r").description == "cut -2.5%: r")
        #expect(AllocationError(cutPercent: 12, reason: "r").description == "cut 12%: r")
        #expect(AllocationError(cutPercent: 38.18181818181818, reason: "r").description == "cut 38.18181818181818%: r")
    }
}
