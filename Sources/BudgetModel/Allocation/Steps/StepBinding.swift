/// The posts and binding reasons of the services with a step at a cut (SCENARIO-SPEC sections
/// 10 and 12), from the result of the scenario with the posts held: there every such service
/// sits on a minimum equal to its maximum, so its reason is decided again against its own
/// bounds, in the spec's order:
///
/// - `closed` stays;
/// - at its own lower bound: `protected` (a protected service whose bound is its baseline) or
///   `minimum`;
/// - at its own upper bound: `maximum` where that is not its reference or another service of
///   its tier has a larger shortfall; otherwise `not-cut` where its whole tier is at its
///   references and a lower tier is cut, else `share`;
/// - otherwise `step` when its shortfall differs from its tier's common shortfall (that of the
///   tier's services without a step whose reason is `share`), or when the tier has no such
///   service; `share` when it equals it.
struct StepBinding {
    let scenario: Scenario
    let result: CutResult

    /// Relative tolerance (to the money scale) for "at a bound" and "the same shortfall".
    static let tolerance = 1e-8

    /// `result` with the posts and reasons of the services with a step set.
    var marked: CutResult {
        guard result.status == .optimal else { return result }
        var marked = result
        let schedule = TierSchedule(services: scenario.services)
        let money = Self.tolerance * scenario.moneyScale
        let shortfalls = scenario.services.indices.map { s in
            scenario.fairness.shortfall(allocation: result.services[s].allocation, baseline: scenario.services[s].reference)
        }
        func sameShortfall(_ a: Int, _ b: Int) -> Bool {
            let unit = scenario.fairness == .relative ? 1 / scenario.services[a].reference : 1
            return abs(shortfalls[a] - shortfalls[b]) <= money * unit
        }
        for s in scenario.steppedServices {
            let service = scenario.services[s]
            guard let step = service.step else { continue }
            let x = result.services[s].allocation
            marked.services[s].posts = Int((x / step).rounded())
            guard result.services[s].binding != .closed else { continue }
            let tier = schedule.tiers[schedule.tierOfService[s]]
            let binding: Binding
            if abs(x - service.lowerBound) <= money {
                binding = service.isProtected && service.lowerBound == service.reference ? .protected : .minimum
            } else if abs(x - service.maximumAmount) <= money {
                let cutMore = tier.contains { shortfalls[$0] > shortfalls[s] && !sameShortfall($0, s) }
                if abs(service.maximumAmount - service.reference) > money || cutMore {
                    binding = .maximum
                } else {
                    binding = isNotCut(s, schedule: schedule, money: money) ? .notCut : .share
                }
            } else {
                let common = tier.first { scenario.services[$0].step == nil && result.services[$0].binding == .share }
                binding = common.map { sameShortfall($0, s) } == true ? .share : .step
            }
            marked.services[s].binding = binding
        }
        marked.unallocatedByFund = unallocatedByFund(money: money)
        return marked
    }

    /// The result's unallocated funds with their reasons decided against the services' own
    /// bounds: where a service with a step that may draw on the fund is open, below its own
    /// maximum and in no group at its maximum, the money is left because another whole post
    /// does not fit (`UnallocatedFund.Reason.step`); the reason found with the posts held
    /// (every such service at a maximum equal to its posts) stands otherwise.
    private func unallocatedByFund(money: Double) -> [UnallocatedFund] {
        let allocations = result.services.map(\.allocation)
        let inFullGroup = UnallocatedFund.inFullGroups(of: scenario, atCut: result.cutPercent, allocations: allocations, tolerance: money)
        return result.unallocatedByFund.map { fund in
            guard let f = scenario.funds.firstIndex(where: { $0.id == fund.fundID }) else { return fund }
            let heldByStep = scenario.steppedServices.contains { s in
                scenario.fund(f, mayPay: s) && result.services[s].binding != .closed && !inFullGroup[s]
                    && allocations[s] < scenario.services[s].maximumAmount - money
            }
            guard heldByStep else { return fund }
            return UnallocatedFund(fundID: fund.fundID, amount: fund.amount, reason: .step)
        }
    }

    /// At its reference, no service of its tier below its reference, and some service of a
    /// lower tier below its reference.
    private func isNotCut(_ s: Int, schedule: TierSchedule, money: Double) -> Bool {
        let isCut: (Int) -> Bool = { result.services[$0].allocation < scenario.services[$0].reference - money }
        let position = schedule.tierOfService[s]
        return !schedule.tiers[position].contains(where: isCut) && schedule.tiers[(position + 1)...].contains { $0.contains(where: isCut) }
    }
}
