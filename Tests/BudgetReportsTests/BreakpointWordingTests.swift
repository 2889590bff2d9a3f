import BudgetModel
import BudgetReports
import Testing

/// The words `scenario breakpoints` prints for each kind of event: names, never ids.
@Suite struct BreakpointWordingTests {
    private static let scenario = Scenario(
        title: "Wording", funds: [
            Fund(id: "grant", amount: 1_000_000),
            Fund(id: "dv", name: "Domestic violence fund", amount: 50_000, ringFencedFor: ["idva"]),
        ],
        services: [
            Service(id: "hub", name: "Victims' Hub", baseline: 400_000, isProtected: true),
            Service(id: "idva", name: "IDVA service", baseline: 200_000, minimum: .percent(50), priority: 1),
            Service(id: "rj", name: "Restorative Justice", baseline: 300_000, minimum: .percent(60), maximum: .percent(120)),
        ],
        groups: [ServiceGroup(id: "cs", name: "Community services", services: ["idva", "rj"], minimum: .amount(250_000))])

    private func lines(_ breakpoints: [Breakpoint]) -> [String] {
        let document = ScenarioDocument(scenario: Self.scenario, fileName: "wording.toml", sha256: String(repeating: "0", count: 64))
        let header = SweepHeader(document: document, toolVersion: "0.1.0", maximumFeasibleCut: nil)
        let text = BreakpointReport(header: header, range: 0...50, breakpoints: breakpoints).text()
        return text.components(separatedBy: "\n")
    }

    @Test func everyKindInWords() {
        let events: [BreakpointEvent] = [
            BreakpointEvent(kind: .minimum, id: "rj", starts: true),
            BreakpointEvent(kind: .minimum, id: "hub", starts: false),
            BreakpointEvent(kind: .maximum, id: "rj", starts: false),
            BreakpointEvent(kind: .maximum, id: "idva", starts: false),
            BreakpointEvent(kind: .groupMinimum, id: "cs", starts: true),
            BreakpointEvent(kind: .ringFence, id: "dv", starts: false),
            BreakpointEvent(kind: .ringFence, id: "dv", starts: true),
        ]
        let printed = lines([Breakpoint(cutPercent: 12.5, events: events)])
        #expect(printed.contains("12.5000%  Restorative Justice reaches its minimum of £180,000"))
        #expect(printed.contains("          Victims' Hub rises above its protected baseline of £400,000"))
        #expect(printed.contains("          Restorative Justice falls below its maximum of £360,000"))
        #expect(printed.contains("          IDVA service starts to be cut"))
        #expect(printed.contains("          the Community services group minimum starts to bind"))
        #expect(printed.contains("          Domestic violence fund: the services it is ring-fenced for take more than all of it, so it no longer holds them up"))
        #expect(printed.contains("          Domestic violence fund: the services it is ring-fenced for come down to all of it, and it holds them there"))
        #expect(!printed.joined().contains("rj ") && !printed.joined().contains(" cs "))
    }

    @Test func aPriorityStartingToBeCutIsSaidOnce() {
        let printed = lines([Breakpoint(cutPercent: 30, events: [
            BreakpointEvent(kind: .tier, id: "1", starts: true), BreakpointEvent(kind: .maximum, id: "idva", starts: false),
        ])])
        #expect(printed.contains("30.0000%  priority 1 starts to be cut"))
        #expect(!printed.contains { $0.contains("IDVA service") })
    }

    @Test func cutsWithoutEvents() {
        let printed = lines([
            Breakpoint(cutPercent: 1, events: [], isSmallestFeasibleCut: true),
            Breakpoint(cutPercent: 2, events: []),
            Breakpoint(cutPercent: 40, events: [], isMaximumFeasibleCut: true),
        ])
        #expect(printed.contains(" 1.0000%  the smallest feasible cut: below it the hard constraints cannot all be met"))
        #expect(printed.contains(" 2.0000%  the allocation changes slope"))
        #expect(printed.contains("40.0000%  the maximum feasible cut: beyond it the hard constraints cannot all be met"))
    }
}
