/// Says in words what happens at a breakpoint, by comparing what holds each
/// service just before it and just after it.
struct BreakpointDescriber {
    let allocator: Allocator
    private var scenario: Scenario { allocator.scenario }
    private var money: MoneyFormatter { MoneyFormatter(currency: scenario.currency, unit: scenario.unit) }

    /// How far either side of a breakpoint the two allocations are compared, in percentage points.
    static let probe = 1e-4

    /// The events at a kink of the allocation.
    func events(at cut: Double) throws(AllocationError) -> [String] {
        let before = try allocator.result(atCut: cut - Self.probe)
        let after = try allocator.result(atCut: cut + Self.probe)
        guard before.status == .optimal, after.status == .optimal else {
            if before.status != .optimal, after.status == .optimal {
                return ["the smallest feasible cut: below it the hard constraints cannot all be met"]
            }
            return ["the allocation changes slope"]
        }
        var events: [String] = []
        var startingToBeCut: [Int: [Int]] = [:]
        for s in scenario.services.indices {
            let (was, now) = (before.services[s].binding, after.services[s].binding)
            guard was != now else { continue }
            let service = scenario.services[s]
            switch (was, now) {
            case (_, .minimum):
                events.append("\(service.name) reaches its minimum of \(money.format(amount: service.lowerBound))")
            case (_, .maximum):
                events.append("\(service.name) reaches its maximum of \(money.format(amount: service.maximumAmount))")
            case (_, .group(let id)):
                events.append("the \(groupName(id)) group limit starts to bind")
            case (_, .ringFence(let id)):
                events.append("\(service.name) is held by the \(fundName(id)) ring-fence")
            case (.maximum, _):
                startingToBeCut[service.priority, default: []].append(s)
            case (.minimum, _):
                events.append("\(service.name) rises above its minimum")
            case (.group(let id), _):
                events.append("the \(groupName(id)) group limit stops binding")
            case (.ringFence(let id), _):
                events.append("\(service.name) is no longer held by the \(fundName(id)) ring-fence")
            default:
                events.append("\(service.name) changes from \(was.label) to \(now.label)")
            }
        }
        for priority in startingToBeCut.keys.sorted(by: >) {
            let members = startingToBeCut[priority] ?? []
            let tier = scenario.services.indices.filter { scenario.services[$0].priority == priority }
            let wasUncut = tier.allSatisfy { before.services[$0].change >= 0 }
            if wasUncut {
                events.append("priority \(priority) starts to be cut")
            } else {
                events += members.map { "\(scenario.services[$0].name) starts to be cut" }
            }
        }
        var seen = Set<String>()
        let distinct = events.filter { seen.insert($0).inserted }
        return distinct.isEmpty ? ["the allocation changes slope"] : distinct
    }

    /// The breakpoint at the maximum feasible cut, explained by the conflict just beyond it.
    func maximumCutBreakpoint(_ cut: Double) throws(AllocationError) -> Breakpoint {
        let beyond = try allocator.result(atCut: min(cut + Self.probe, 99.9999))
        return Breakpoint(
            cutPercent: cut, events: ["the maximum feasible cut: beyond it the hard constraints cannot all be met"],
            isMaximumFeasibleCut: true, beyond: beyond)
    }

    private func groupName(_ id: String) -> String { scenario.groups.first { $0.id == id }?.name ?? id }
    private func fundName(_ id: String) -> String { scenario.funds.first { $0.id == id }?.name ?? id }
}
