import BudgetModel

/// Says in words what happens at a breakpoint, from its events (SCENARIO-SPEC section 10):
/// names, never ids; money in the scenario's currency.
struct BreakpointWording {
    let scenario: Scenario
    let money: MoneyFormatter

    /// One sentence per event, in the events' order; the services of a priority that starts to
    /// be cut are said once for the whole priority.
    func sentences(for breakpoint: Breakpoint) -> [String] {
        if breakpoint.isSmallestFeasibleCut {
            return ["the smallest feasible cut: below it the hard constraints cannot all be met"]
        }
        if breakpoint.isMaximumFeasibleCut {
            return ["the maximum feasible cut: beyond it the hard constraints cannot all be met"]
        }
        let tiersStarting = Set(breakpoint.events.filter { $0.kind == .tier && $0.starts }.map(\.id))
        var sentences: [String] = []
        for event in breakpoint.events {
            if event.kind == .maximum, !event.starts, let service = service(event.id),
               service.maximumAmount == service.baseline, tiersStarting.contains(String(service.priority)) {
                continue
            }
            sentences.append(sentence(for: event, in: breakpoint))
        }
        return sentences.isEmpty ? ["the allocation changes slope"] : sentences
    }

    private func sentence(for event: BreakpointEvent, in breakpoint: Breakpoint) -> String {
        switch event.kind {
        case .closure:
            let name = service(event.id)?.name ?? event.id
            return event.starts ? "\(name) closes: the cut cannot be met with it open" : "\(name) reopens"
        case .jump:
            guard let s = scenario.services.firstIndex(where: { $0.id == event.id }), let jump = breakpoint.jump else { return event.id }
            func side(_ amount: Double, _ posts: Int?) -> String {
                let phrase = posts.flatMap { PostsWording.phrase(posts: $0, of: scenario.services[s]) }
                return money.format(amount: amount) + (phrase.map { " (\($0))" } ?? "")
            }
            return "\(scenario.services[s].name) jumps from \(side(jump.before[s], jump.postsBefore[s])) to \(side(jump.after[s], jump.postsAfter[s]))"
        case .minimum:
            guard let service = service(event.id) else { return event.id }
            let protected = service.isProtected && service.lowerBound == service.baseline
            let floor = (protected ? "its protected baseline of " : "its minimum of ") + money.format(amount: service.lowerBound)
            return service.name + (event.starts ? " reaches " : " rises above ") + floor
        case .maximum:
            guard let service = service(event.id) else { return event.id }
            if event.starts { return "\(service.name) reaches its maximum of \(money.format(amount: service.maximumAmount))" }
            if service.maximumAmount == service.baseline { return "\(service.name) starts to be cut" }
            return "\(service.name) falls below its maximum of \(money.format(amount: service.maximumAmount))"
        case .groupMinimum, .groupMaximum:
            let name = scenario.groups.first { $0.id == event.id }?.name ?? event.id
            let side = event.kind == .groupMinimum ? "minimum" : "maximum"
            return "the \(name) group \(side) " + (event.starts ? "starts to bind" : "stops binding")
        case .ringFence:
            let name = scenario.funds.first { $0.id == event.id }?.name ?? event.id
            return event.starts
                ? "\(name): the services it is ring-fenced for come down to all of it, and it holds them there"
                : "\(name): the services it is ring-fenced for take more than all of it, so it no longer holds them up"
        case .tier:
            return "priority \(event.id) " + (event.starts ? "starts to be cut" : "is no longer cut")
        }
    }

    private func service(_ id: String) -> Service? { scenario.services.first { $0.id == id } }
}
