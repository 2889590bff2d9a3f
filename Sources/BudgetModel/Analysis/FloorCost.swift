import LinearProgramming

/// What one binding protection or minimum costs the other services at a cut (tiers mode).
///
/// The cost of a floor is measured by lifting it and allocating the same cut again: a
/// protection is lifted to the service's minimum (unprotected), a minimum to zero. For every
/// other service, its allocation without the floor less its allocation with it is what it loses
/// because of the floor (negative when it gains). The figures are exact differences of two
/// allocations by the tiers rule, in money.
public struct FloorCost: Sendable, Equatable {
    /// Which floor.
    public enum Kind: String, Sendable, Equatable {
        /// The baseline of a protected service.
        case protection
        /// A minimum-service level.
        case minimum
    }

    /// What one other service loses because of the floor.
    public struct Loss: Sendable, Equatable {
        /// The other service's id.
        public var serviceID: String
        /// Its priority.
        public var priority: Int
        /// Its allocation without the floor less its allocation with it.
        public var amount: Double
    }

    /// The service whose floor it is.
    public var serviceID: String
    /// A protection or a minimum.
    public var kind: Kind
    /// The floor in money (what the service is held at).
    public var floor: Double
    /// The service's allocation once the floor is lifted.
    public var allocationWithoutFloor: Double
    /// Per other service in file order, what it loses because of the floor.
    public var losses: [Loss]

    /// `scenario solve --sensitivity auto` computes floor costs for scenarios of at most this many
    /// services: each binding floor costs one more allocation of the cut.
    public static let automaticServiceLimit = 100

    /// The total the other services lose.
    public var total: Double { losses.reduce(0) { $0 + $1.amount } }

    /// The total per priority, highest priority first, for priorities that lose or gain anything
    /// above `tolerance`.
    public func totalsByPriority(tolerance: Double) -> [(priority: Int, amount: Double)] {
        let priorities = Set(losses.map(\.priority)).sorted(by: >)
        return priorities.compactMap { p in
            let amount = losses.filter { $0.priority == p }.reduce(0) { $0 + $1.amount }
            return abs(amount) > tolerance ? (p, amount) : nil
        }
    }

    /// The cost of every protection and non-zero minimum that holds a service at `result`, a
    /// feasible cut of `scenario`, in file order.
    public static func costs(
        at result: CutResult, of scenario: Scenario, observer: ((LinearProgram, Solution) -> Void)? = nil
    ) throws(AllocationError) -> [FloorCost] {
        guard result.status == .optimal else { return [] }
        var costs: [FloorCost] = []
        for (s, service) in scenario.services.enumerated() {
            var lifted = scenario
            let kind: Kind
            switch result.services[s].binding {
            case .protected:
                kind = .protection
                lifted.services[s].isProtected = false
            case .minimum where service.minimumAmount > 0:
                kind = .minimum
                lifted.services[s].minimum = .amount(0)
            default:
                continue
            }
            let allocator = Allocator(scenario: lifted)
            allocator.solveObserver = observer
            let without = try allocator.result(atCut: result.cutPercent)
            guard without.status == .optimal else {
                throw AllocationError(cutPercent: result.cutPercent, reason: "lifting the floor of \(service.id) made the cut infeasible")
            }
            let losses = scenario.services.indices.filter { $0 != s }.map { t in
                Loss(
                    serviceID: scenario.services[t].id, priority: scenario.services[t].priority,
                    amount: without.services[t].allocation - result.services[t].allocation)
            }
            costs.append(FloorCost(
                serviceID: service.id, kind: kind, floor: service.lowerBound,
                allocationWithoutFloor: without.services[s].allocation, losses: losses))
        }
        return costs
    }
}
