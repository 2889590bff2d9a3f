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
            #expect(abs(breakpoint.cutPercent - cut) < 1e-9, "\(breakpoint.cutPercent) vs \(cut)")
        }
        #expect(found[0].events == [BreakpointEvent(kind: .minimum, id: "rj", starts: true)])
        #expect(found[1].events == [
            BreakpointEvent(kind: .minimum, id: "counselling", starts: true), BreakpointEvent(kind: .tier, id: "1", starts: true),
            BreakpointEvent(kind: .maximum, id: "idva", starts: false),
        ])
        #expect(found[2].isMaximumFeasibleCut && found[2].events.isEmpty)
        let beyond = try #require(found[2].beyond)
        // The maximum is 420/11 = 38.1818...%; it is explained at the next four-decimal cut.
        #expect(beyond.status == .infeasible && abs(beyond.cutPercent - 38.1819) < 1e-12)
        #expect(beyond.conflict.map(\.id) == ["hub", "idva", "rj", "grant", "dv"])
    }

    /// At a 10% cut of the worked example (envelope £990,000), priority 1 (idva) is whole and
    /// the hub protected, so rj and counselling share 990,000 - 600,000 = 390,000 in the ratio
    /// of their baselines: each point of cut (£11,000) takes £6,600 from rj and £4,400 from
    /// counselling. The line holds from 0% (where they reach their baselines) to 18.1818%
    /// (where rj reaches its minimum).
    @Test func workedExampleLineAtTenPercent() throws {
        let checked = CheckedAllocator(workedExample())
        let piece = try checked.allocator.linearPiece(atCut: 10)
        #expect(checked.failures.isEmpty, "\(checked.failures)")
        expectAllocations(piece.result, ["hub": 400_000, "idva": 200_000, "rj": 234_000, "counselling": 156_000])
        let slopes = try #require(piece.slopes)
        for (slope, expected) in zip(slopes, [0, 0, -6_600, -4_400.0]) {
            #expect(abs(slope - expected) < 1e-6, "\(slopes)")
        }
        #expect(abs(piece.forward - (100 * (1 - 900.0 / 1100) - 10)) < 1e-9)
        #expect(abs(piece.backward - 10) < 1e-9)
    }

    /// Below a 0% cut every service of the worked example is at its baseline (its maximum) with
    /// money left over; from 0% on priority 0 is cut. The line-intersection finder this walk
    /// replaced missed this kink on a grid point.
    @Test func growthEndsAtZero() throws {
        let checked = CheckedAllocator(workedExample())
        let found = try BreakpointFinder(allocator: checked.allocator).breakpoints(in: -20...10)
        #expect(checked.failures.isEmpty, "\(checked.failures)")
        #expect(found.count == 1)
        #expect(abs((found.first?.cutPercent ?? .nan) - 0) < 1e-9)
        #expect(found.first?.events == [
            BreakpointEvent(kind: .tier, id: "0", starts: true), BreakpointEvent(kind: .maximum, id: "rj", starts: false),
            BreakpointEvent(kind: .maximum, id: "counselling", starts: false),
        ])
    }

    /// A group share in per cent that the members' maxima cap at a 0% cut: every negative cut
    /// is infeasible, so the walk starts where the feasible cuts do, and says so.
    @Test func feasibleCutsThatStartAtZero() throws {
        let checked = CheckedAllocator(Scenario(
            title: "share", objective: .tiers, funds: [Fund(id: "grant", amount: 1000)],
            services: [Service(id: "a", baseline: 400, maximum: .amount(450)), Service(id: "b", baseline: 600)],
            groups: [ServiceGroup(id: "share", services: ["a"], minimum: .percent(45))]))
        let found = try BreakpointFinder(allocator: checked.allocator).breakpoints(in: -20...30)
        #expect(checked.failures.isEmpty, "\(checked.failures)")
        #expect(found.count == 1)
        #expect(abs((found.first?.cutPercent ?? .nan) - 0) < 1e-6)
        #expect(found.first?.isSmallestFeasibleCut == true && found.first?.events == [])
    }

    /// Beyond the maximum feasible cut there is no line.
    @Test func anInfeasibleCutHasNoLine() throws {
        let checked = CheckedAllocator(workedExample())
        let piece = try checked.allocator.linearPiece(atCut: 45)
        #expect(checked.failures.isEmpty, "\(checked.failures)")
        #expect(piece.result.status == .infeasible && piece.slopes == nil)
        #expect(piece.forward == 0 && piece.backward == 0)
    }

    /// Every scenario the dense-sampling and slope tests run on: the three in `scenarios/`
    /// (the bundled one also in weighted mode; Norfolk's own mode is weighted) and generated ones,
    /// each measure of `[objective] fairness` among them.
    static let sampled: [String] = [
        "cambridgeshire-2015-16.toml", "cambridgeshire-2015-16.toml weighted", "thames-valley-2017-18.toml",
        "norfolk-2014.toml", "generated 1", "generated 5", "generated 4 weighted",
        "cambridgeshire-2015-16.toml cash", "thames-valley-2017-18.toml award", "generated 1 cash",
        "generated 5 award", "generated 4 weighted cash",
    ]

    /// The scenario a name of `sampled` stands for: a file or a generated seed, then `weighted`
    /// for weighted mode and `cash` or `award` for that fairness measure.
    static func scenario(_ name: String) throws -> Scenario {
        let words = name.split(separator: " ").map(String.init)
        var scenario: Scenario
        if words[0] == "generated" {
            let mode: ObjectiveMode = words.contains("weighted") ? .weighted : .tiers
            let seed = UInt64(words[1]) ?? 0
            scenario = try ScenarioGenerator.scenario(GenerationSettings(services: 16, funds: 4, groups: 3, seed: seed, mode: mode))
        } else {
            scenario = try ScenariosTests.document(words[0]).scenario
            if words.contains("weighted") { scenario.objective = .weighted }
        }
        if let measure = words.dropFirst().compactMap(FairnessMeasure.init(rawValue:)).first { scenario.fairness = measure }
        return scenario
    }

    @Test(arguments: sampled)
    func breakpointsAgreeWithDenseSampling(name: String) throws {
        let checked = CheckedAllocator(try Self.scenario(name))
        let allocator = checked.allocator
        let found = try BreakpointFinder(allocator: allocator).breakpoints(in: 0...30).map(\.cutPercent)
        #expect(!found.isEmpty)
        #expect(checked.failures.isEmpty, "\(checked.failures)")

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
            #expect(found.contains { abs($0 - bend) <= step + 1e-9 }, "\(name): bend near \(bend) has no breakpoint")
        }
        // A kink within a tenth of a step of the first sample (Norfolk's priority 0 starts to be
        // cut 2.7e-7 points into the range) barely bends the first second difference.
        for breakpoint in found where breakpoint > step / 10 && breakpoint < cuts[cuts.count - 2] {
            let feasibleBeyond = samples.contains { $0.cutPercent > breakpoint + step && $0.status == .optimal }
            guard feasibleBeyond else { continue }
            #expect(bends.contains { abs($0 - breakpoint) <= step + 1e-9 }, "\(name): breakpoint \(breakpoint) shows no bend")
        }
    }

    /// The slopes of a line are the allocation's: a step along it (inside its interval) lands
    /// where the allocator does.
    @Test(arguments: sampled)
    func linesPredictTheAllocation(name: String) throws {
        let checked = CheckedAllocator(try Self.scenario(name))
        let allocator = checked.allocator
        let envelope = allocator.scenario.envelope(afterCut: 0)
        var predicted = 0
        for cut in stride(from: 0.0, through: 30, by: 0.75) {
            let piece = try allocator.linearPiece(atCut: cut)
            guard let slopes = piece.slopes else { continue }
            let step = min(0.5, piece.forward / 2)
            guard step > 1e-3 else { continue }
            let later = try allocator.result(atCut: cut + step)
            for (s, service) in later.services.enumerated() {
                let line = piece.result.services[s].allocation + step * slopes[s]
                #expect(abs(service.allocation - line) <= 1e-7 * envelope, "\(name) at \(cut) + \(step): \(service.serviceID)")
            }
            predicted += 1
        }
        #expect(predicted >= 20)
        #expect(checked.failures.isEmpty, "\(checked.failures)")
    }
}
