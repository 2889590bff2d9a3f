import BudgetModel
import Testing

/// Breakpoint events checked against the slack of their limits on both sides of the
/// breakpoint (SCENARIO-SPEC section 10): a limit starts to bind where its slack is positive
/// just before and zero just after, and stops binding the other way round.
@Suite struct BreakpointEventTests {
    /// The slack of an event's limit in a feasible result, in money; for a tier, the largest cut
    /// (baseline less allocation) among its services, which binds (is cut) where that is positive.
    private func slack(of event: BreakpointEvent, in result: CutResult, scenario: Scenario) -> Double {
        let x = Dictionary(uniqueKeysWithValues: result.services.map { ($0.serviceID, $0.allocation) })
        let envelope = scenario.envelope(afterCut: result.cutPercent)
        switch event.kind {
        case .minimum:
            return x[event.id]! - scenario.services.first { $0.id == event.id }!.lowerBound
        case .maximum:
            return scenario.services.first { $0.id == event.id }!.maximumAmount - x[event.id]!
        case .groupMinimum:
            let group = scenario.groups.first { $0.id == event.id }!
            return group.services.reduce(0) { $0 + x[$1]! } - group.minimum!.resolved(against: envelope)
        case .groupMaximum:
            let group = scenario.groups.first { $0.id == event.id }!
            return group.maximum!.resolved(against: envelope) - group.services.reduce(0) { $0 + x[$1]! }
        case .ringFence:
            let fund = scenario.funds.first { $0.id == event.id }!
            return fund.ringFencedFor!.reduce(0) { $0 + x[$1]! } - fund.amount(afterCut: result.cutPercent)
        case .tier:
            let cuts = scenario.services.filter { String($0.priority) == event.id }.map { $0.baseline - x[$0.id]! }
            return cuts.max() ?? 0
        case .closure, .jump:
            // Events of a change of closures (ClosureTests); these scenarios have no closable service.
            Issue.record("a closure or jump event in a scenario without closable services")
            return 0
        }
    }

    /// Every limit of a scenario that an event can be about.
    private func limits(of scenario: Scenario) -> [BreakpointEvent] {
        var limits: [BreakpointEvent] = []
        for service in scenario.services {
            limits += [BreakpointEvent(kind: .minimum, id: service.id, starts: true), BreakpointEvent(kind: .maximum, id: service.id, starts: true)]
        }
        for group in scenario.groups {
            if group.minimum != nil { limits.append(BreakpointEvent(kind: .groupMinimum, id: group.id, starts: true)) }
            if group.maximum != nil { limits.append(BreakpointEvent(kind: .groupMaximum, id: group.id, starts: true)) }
        }
        for fund in scenario.funds where fund.ringFencedFor != nil {
            limits.append(BreakpointEvent(kind: .ringFence, id: fund.id, starts: true))
        }
        for priority in Set(scenario.services.map(\.priority)) {
            limits.append(BreakpointEvent(kind: .tier, id: String(priority), starts: true))
        }
        return limits
    }

    /// The events of every breakpoint in `range` are exactly the limits whose slack is positive
    /// on one side and zero on the other, compared in the middle of the linear pieces either
    /// side (between neighbouring breakpoints or the ends of the range).
    private func expectEventsMatchSlack(_ scenario: Scenario, in range: ClosedRange<Double>) throws -> [Breakpoint] {
        let checked = CheckedAllocator(scenario)
        let found = try BreakpointFinder(allocator: checked.allocator).breakpoints(in: range)
        let probe = CheckedAllocator(scenario)
        let tolerance = 1e-8 * (scenario.funds.map(\.amount) + scenario.services.map(\.baseline)).max()!
        let all = limits(of: scenario)
        for (k, breakpoint) in found.enumerated() where !breakpoint.isMaximumFeasibleCut && !breakpoint.isSmallestFeasibleCut {
            let cut = breakpoint.cutPercent
            let previous = k > 0 ? found[k - 1].cutPercent : range.lowerBound
            let next = k + 1 < found.count ? found[k + 1].cutPercent : range.upperBound
            let before = try probe.result((previous + cut) / 2)
            let after = try probe.result((cut + next) / 2)
            var expected: [BreakpointEvent] = []
            for limit in all {
                let tight: (CutResult) -> Bool = { result in
                    let value = slack(of: limit, in: result, scenario: scenario)
                    return limit.kind == .tier ? value > tolerance : value <= tolerance
                }
                let (wasTight, isTight) = (tight(before), tight(after))
                if wasTight != isTight { expected.append(BreakpointEvent(kind: limit.kind, id: limit.id, starts: isTight)) }
            }
            #expect(Set(breakpoint.events) == Set(expected), "at \(cut)%: \(breakpoint.events) vs \(expected)")
            #expect(breakpoint.events.count == Set(breakpoint.events).count)
        }
        #expect(checked.failures.isEmpty && probe.failures.isEmpty)
        return found
    }

    @Test func workedExampleEvents() throws {
        let found = try expectEventsMatchSlack(workedExample(), in: 1...50)
        #expect(found.map { $0.events.count } == [1, 3, 0])
    }

    @Test func aGroupMinimumStartsAndNeverStops() throws {
        // a + b (£200,000 each of £1m) reach the £100,000 minimum at 1m (1 - c) x 0.4 = 100,000:
        // c = 75%. It binds from there to the maximum cut of 90% (1m (1 - c) = 100,000).
        let scenario = Scenario(
            title: "group minimum", funds: [Fund(id: "grant", amount: 1_000_000)],
            services: [
                Service(id: "a", baseline: 200_000), Service(id: "b", baseline: 200_000), Service(id: "c", baseline: 600_000),
            ],
            groups: [ServiceGroup(id: "community", services: ["a", "b"], minimum: .amount(100_000))])
        let found = try expectEventsMatchSlack(scenario, in: 50...95)
        #expect(found.count == 2)
        #expect(abs(found[0].cutPercent - 75) < 1e-9)
        #expect(found[0].events == [BreakpointEvent(kind: .groupMinimum, id: "community", starts: true)])
        #expect(found[1].isMaximumFeasibleCut && abs(found[1].cutPercent - 90) < 1e-9)
    }

    /// b (priority 1) can be paid only from the grant of £1,000; a (priority 0) also from a
    /// fence of £200 of its own. Up to 20% b keeps £800 and a takes the rest, 400 - 1,200c,
    /// more than the fence's 200 (1 - c); at 20% both equal £160 and the grant no longer
    /// covers b. Past it the fence holds a at 200 (1 - c): without it a would get less. So
    /// the fence starts to bind at 20%, as b's tier does (b leaves its maximum, its baseline).
    @Test func aFenceStartsToBindWhereItHoldsItsServiceUp() throws {
        let scenario = Scenario(
            title: "fence", funds: [Fund(id: "grant", amount: 1000), Fund(id: "fence", amount: 200, ringFencedFor: ["a"])],
            services: [Service(id: "a", baseline: 400), Service(id: "b", baseline: 800, priority: 1)])
        let found = try expectEventsMatchSlack(scenario, in: 5...40)
        let atTwenty = try #require(found.first { abs($0.cutPercent - 20) < 1e-9 })
        #expect(Set(atTwenty.events) == [
            BreakpointEvent(kind: .tier, id: "1", starts: true), BreakpointEvent(kind: .maximum, id: "b", starts: false),
            BreakpointEvent(kind: .ringFence, id: "fence", starts: true),
        ])
        let past = try CheckedAllocator(scenario).result(30)
        #expect(past.services.first { $0.serviceID == "a" }?.binding == .ringFence("fence"))
    }

    @Test(arguments: BreakpointTests.sampled)
    func eventsMatchSlackOnSampledScenarios(name: String) throws {
        _ = try expectEventsMatchSlack(try BreakpointTests.scenario(name), in: 0...30)
    }
}
