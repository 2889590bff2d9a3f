import BudgetModel
import Testing

@Suite struct BreakpointTests {
    @Test func workedExampleBreakpoints() throws {
        // rj reaches its 180,000 floor when rj + counselling = 300,000: 1.1m (1 - c) = 900,000.
        // counselling reaches 0 and priority 1 starts to be cut at 1.1m (1 - c) = 780,000.
        // The maximum feasible cut is 1.1m (1 - c) = 680,000.
        let checked = CheckedAllocator(workedExample())
        let found = try BreakpointFinder(allocator: checked.allocator).breakpoints(in: 1...50)
        #expect(checked.solvesChecked > 0 && checked.failures.isEmpty, "\(checked.failures)")
        #expect(found.count == 3)
        let expected = [100 * (1 - 900.0 / 1100), 100 * (1 - 780.0 / 1100), 100 * (1 - 680.0 / 1100)]
        for (breakpoint, cut) in zip(found, expected) {
            #expect(abs(breakpoint.cutPercent - cut) < 1e-6, "\(breakpoint.cutPercent) vs \(cut)")
        }
        #expect(found[0].events == ["rj reaches its minimum of £180,000"])
        #expect(found[1].events == ["counselling reaches its minimum of £0", "priority 1 starts to be cut"])
        #expect(found[2].isMaximumFeasibleCut)
        #expect(found[2].events == ["the maximum feasible cut: beyond it the hard constraints cannot all be met"])
        #expect(found[2].explanation?.hasPrefix("At a 38.1819% cut the envelope is £679,999.") == true)
    }

    @Test(arguments: [ObjectiveMode.tiers, .weighted])
    func breakpointsAgreeWithDenseSampling(mode: ObjectiveMode) throws {
        let document = try ScenarioDecoder.decode(BundledScenario.text, fileName: BundledScenario.fileName)
        var scenario = document.scenario
        scenario.objective = mode
        let allocator = Allocator(scenario: scenario)
        let found = try BreakpointFinder(allocator: allocator).breakpoints(in: 0...30).map(\.cutPercent)
        #expect(!found.isEmpty)

        // Sample every 0.01 points: wherever the second difference is not zero, a
        // breakpoint must lie within the three samples; and every breakpoint must show up as a bend.
        let step = 0.01
        let cuts = (0...3000).map { Double($0) * step }
        let samples = try cuts.map { try allocator.result(atCut: $0) }
        var bends: [Double] = []
        for k in 1..<(cuts.count - 1) where samples[k + 1].status == .optimal {
            let bent = samples[k].services.indices.contains { s in
                let a = samples[k - 1].services[s].allocation, b = samples[k].services[s].allocation
                let c = samples[k + 1].services[s].allocation
                return abs(a - 2 * b + c) > 1e-3
            }
            if bent { bends.append(cuts[k]) }
        }
        for bend in bends {
            #expect(found.contains { abs($0 - bend) <= step + 1e-9 }, "bend near \(bend) has no breakpoint")
        }
        for breakpoint in found where breakpoint < cuts[cuts.count - 2] {
            let feasibleBeyond = samples.contains { $0.cutPercent > breakpoint + step && $0.status == .optimal }
            guard feasibleBeyond else { continue }
            #expect(bends.contains { abs($0 - breakpoint) <= step + 1e-9 }, "breakpoint \(breakpoint) shows no bend")
        }
    }
}
