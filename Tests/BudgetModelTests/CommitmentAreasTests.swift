import BudgetModel
import Testing

/// `scenario commit` and `scenario breakpoints` on scenarios with areas (SCENARIO-SPEC sections
/// 13 and 14), whose stage LPs have large optimal faces: at a 0% cut every area's money fits its
/// services exactly, and the walk meets bases that hold for almost no distance.
@Suite struct CommitmentAreasTests {
    /// Four areas whose grants pay their own services exactly and an equal share of a regional
    /// service, cut at different rates: a protected hub, an advocacy service (priority 1,
    /// minimum 60%) and a restorative service (minimum 25%) in each.
    static func fourAreas() -> Scenario {
        let areas = ["a", "b", "c", "d"]
        let sizes = [400_000.0, 650_000, 900_000, 2_500_000]
        let multipliers = [1.0, 1.0, 0.8, 1.3]
        var funds: [Fund] = []
        var services: [Service] = [
            Service(id: "regional", baseline: 40_000, minimum: .percent(50), priority: 2, contributions: .equal),
        ]
        for (k, area) in areas.enumerated() {
            let own = sizes[k] - 10_000
            funds.append(Fund(id: "\(area)-grant", amount: sizes[k], cutMultiplier: multipliers[k], area: area))
            services.append(Service(id: "\(area)-hub", baseline: 0.4 * own, isProtected: true, area: area))
            services.append(Service(id: "\(area)-advocacy", baseline: 0.35 * own, minimum: .percent(60), priority: 1, area: area))
            services.append(Service(id: "\(area)-restorative", baseline: 0.25 * own, minimum: .percent(25), area: area))
        }
        return Scenario(title: "Four areas", funds: funds, services: services, areas: areas.map { Area(id: $0) })
    }

    /// The guarantee of every service over `range` against the allocations at `samples` cuts
    /// solved by a fresh allocator in random order: none below the guarantee, and the guarantee
    /// met at the cut reported, each to `tolerance`.
    private func checkAgainstResolving(
        _ scenario: Scenario, over range: ClosedRange<Double>, samples: Int, seed: UInt64, tolerance: Double
    ) throws -> Commitment {
        let checked = CheckedAllocator(scenario)
        checked.allocator.findsFallbacks = false
        let commitment = try CommitmentFinder(allocator: checked.allocator).commitment(over: range)
        #expect(checked.solvesChecked > 0 && checked.failures.isEmpty, "\(checked.failures)")
        let feasible = try #require(commitment.feasible)
        let sampler = Allocator(scenario: scenario)
        var random = SplitMix64(seed: seed)
        var cuts = (0...samples).map { feasible.lowerBound + (feasible.upperBound - feasible.lowerBound) * Double($0) / Double(samples) }
        for k in stride(from: cuts.count - 1, to: 0, by: -1) { cuts.swapAt(k, Int(random.next() % UInt64(k + 1))) }
        var sampledLeast = [Double](repeating: .infinity, count: scenario.services.count)
        for cut in cuts {
            guard let amounts = try sampler.allocations(atCut: cut) ?? sampler.allocations(atCut: cut - 1e-9) else {
                Issue.record("\(cut) inside the feasible cuts \(feasible) came back infeasible")
                continue
            }
            for s in amounts.indices { sampledLeast[s] = min(sampledLeast[s], amounts[s]) }
        }
        for (s, service) in commitment.services.enumerated() {
            let guaranteed = try #require(service.guaranteed)
            let at = try #require(service.atCutPercent)
            #expect(sampledLeast[s] >= guaranteed - tolerance, "\(service.serviceID): sampled \(sampledLeast[s]) < \(guaranteed)")
            let fresh = Allocator(scenario: scenario)
            let there = try #require(try fresh.allocations(atCut: at) ?? fresh.allocations(atCut: at - 1e-9))
            #expect(abs(there[s] - guaranteed) <= tolerance, "\(service.serviceID): \(there[s]) at \(at) vs \(guaranteed)")
        }
        return commitment
    }

    /// The hand-made four areas over 0..40%: every guarantee agrees with 2,000 cuts re-solved in
    /// random order, to a penny.
    @Test func fourAreasAgreeWithResolving() throws {
        let scenario = Self.fourAreas()
        let commitment = try checkAgainstResolving(scenario, over: 0...40, samples: 2000, seed: 5, tolerance: 0.01)
        // The restorative services are cut first and reach their 25% minimums inside the range.
        let restorative = commitment.services.filter { $0.serviceID.hasSuffix("-restorative") }
        #expect(restorative.allSatisfy { abs(($0.guaranteed ?? .nan) - 0.25 * $0.baseline) < 0.01 })
    }

    /// The national model over 0..30%: the walk reaches the maximum feasible cut (29.39%) and
    /// every guarantee agrees with 600 cuts re-solved in random order, to a relative 1e-8 of the
    /// envelope.
    @Test func nationalModelAgreesWithResolving() throws {
        let scenario = try NationalScenarioTests.scenario()
        let tolerance = 1e-8 * scenario.envelope(afterCut: 0)
        let commitment = try checkAgainstResolving(scenario, over: 0...30, samples: 600, seed: 11, tolerance: tolerance)
        let feasible = try #require(commitment.feasible)
        #expect(abs(feasible.upperBound - 29.392228670912402) < 1e-9)
        #expect(commitment.infeasible.count == 1)
    }

    /// Between consecutive breakpoints of the national model over 0..30% every allocation is
    /// linear: at random cuts between two breakpoints (kept 2e-4 points inside, beyond the
    /// breakpoints' accuracy) the allocation is the one interpolated from the ends.
    @Test func nationalBreakpointsBoundLinearPieces() throws {
        let scenario = try NationalScenarioTests.scenario()
        let breakpoints = try BreakpointFinder(allocator: Allocator(scenario: scenario)).breakpoints(in: 0...30)
        let cuts = breakpoints.map(\.cutPercent)
        #expect(cuts.count >= 5 && cuts.last.map { abs($0 - 29.392228670912402) < 1e-9 } == true)
        try expectLinear(scenario, between: [0] + cuts, seed: 3)
    }

    /// The national model's last stretch, 29..30%, where the walk meets thin pieces one after
    /// another and leaps past them (`ThinPieceLeap`), allocating for its leaps between the
    /// allocations of its events: two breakpoints, one where the allocations bend near 29.25%
    /// (the allocations at 29.2%, 29.25% and 29.3%, solved afresh, are not on one line) and the
    /// maximum feasible cut, with every allocation linear between them.
    @Test func nationalLastStretchBreakpoints() throws {
        let scenario = try NationalScenarioTests.scenario()
        let cuts = try BreakpointFinder(allocator: Allocator(scenario: scenario)).breakpoints(in: 29...30).map(\.cutPercent)
        #expect(cuts.count == 2)
        #expect(abs((cuts.first ?? .nan) - 29.25) < 1e-4)
        #expect(abs((cuts.last ?? .nan) - 29.392228670912402) < 1e-9)
        let fresh = Allocator(scenario: scenario)
        let left = try #require(try fresh.allocations(atCut: 29.2))
        let middle = try #require(try fresh.allocations(atCut: 29.25))
        let right = try #require(try fresh.allocations(atCut: 29.3))
        let tolerance = 1e-8 * scenario.envelope(afterCut: 0)
        #expect(middle.indices.contains { abs(middle[$0] - (left[$0] + right[$0]) / 2) > 1e3 * tolerance })
        try expectLinear(scenario, between: [29] + cuts, seed: 7)
    }

    /// At random cuts between consecutive `ends` (kept 2e-4 points inside, beyond the
    /// breakpoints' accuracy), the allocation a fresh allocator gives is the one interpolated
    /// from the ends, to a relative 1e-8 of the envelope.
    private func expectLinear(_ scenario: Scenario, between ends: [Double], seed: UInt64) throws {
        let sampler = Allocator(scenario: scenario)
        var random = SplitMix64(seed: seed)
        let tolerance = 1e-8 * scenario.envelope(afterCut: 0)
        for (p, q) in zip(ends, ends.dropFirst()) where q - p > 1e-3 {
            let (a, b) = (p + 2e-4, q - 2e-4)
            let left = try #require(try sampler.allocations(atCut: a))
            let right = try #require(try sampler.allocations(atCut: b))
            for _ in 0..<5 {
                let cut = a + (b - a) * Double(random.next() % 1000) / 1000
                let amounts = try #require(try sampler.allocations(atCut: cut))
                for s in amounts.indices {
                    let line = left[s] + (right[s] - left[s]) * (cut - a) / (b - a)
                    #expect(abs(amounts[s] - line) <= tolerance, "\(scenario.services[s].id) at \(cut) between \(p) and \(q): \(amounts[s]) vs \(line)")
                }
            }
        }
    }
}
