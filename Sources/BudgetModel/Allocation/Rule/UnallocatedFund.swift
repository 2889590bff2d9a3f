/// Money a fund holds after the allocation of a feasible cut, and why no service can take it
/// (SCENARIO-SPEC section 10).
public struct UnallocatedFund: Sendable, Equatable {
    /// Why the money cannot be spent.
    public enum Reason: String, Sendable, Equatable {
        /// A ring-fenced fund whose services are all at their maxima.
        case fenceFull = "fence-full"
        /// An unrestricted fund, with every service at its maximum.
        case allAtMaximum = "all-at-maximum"
        /// Every service that may draw on the fund is at its maximum or in a group at its maximum.
        case groupFull = "group-full"
        /// A fund of an area (not ring-fenced): every service it may pay is at its maximum, in a
        /// group at its maximum, or a shared service whose other payers can give no more.
        case areaFull = "area-full"
        /// A ring-fenced fund none of whose services runs in the planned year (SCENARIO-SPEC section 11).
        case fenceAbsent = "fence-absent"
        /// Every service that may draw on the fund is at its maximum or in a group at its
        /// maximum, except services with a `step` (SCENARIO-SPEC section 12) below their maxima,
        /// for which another whole post does not fit.
        case step
    }

    /// The fund's id.
    public var fundID: String
    /// The money left in it, exact.
    public var amount: Double
    /// Why no service can take it.
    public var reason: Reason

    /// A fund's unallocated money from its parts.
    public init(fundID: String, amount: Double, reason: Reason) {
        self.fundID = fundID
        self.amount = amount
        self.reason = reason
    }

    /// Each fund of `scenario` with more than `tolerance` (money) left at a feasible cut, given
    /// the services' allocations (file order) and the money each fund gives each service
    /// (`split[fund][service]`), in file order. A service counts as at a limit within `tolerance`.
    /// A fund with money left while one of its services is below its maximum and in no group at
    /// its maximum is not listed: the allocation rule leaves no such money.
    static func funds(
        of scenario: Scenario, atCut cut: Double, allocations: [Double], split: [[Double]], tolerance: Double
    ) -> [UnallocatedFund] {
        let services = scenario.services
        let atMaximum = services.indices.map { allocations[$0] >= services[$0].maximumAmount - tolerance }
        let inFullGroup = inFullGroups(of: scenario, atCut: cut, allocations: allocations, tolerance: tolerance)
        return scenario.funds.indices.compactMap { f in
            let fund = scenario.funds[f]
            let left = fund.amount(afterCut: cut) - split[f].reduce(0, +)
            guard left > tolerance else { return nil }
            let drawing = services.indices.filter { scenario.fund(f, mayPay: $0) }
            let reason: Reason
            if drawing.isEmpty, fund.ringFencedFor != nil {
                reason = .fenceAbsent
            } else if drawing.allSatisfy({ atMaximum[$0] }) {
                reason = fund.ringFencedFor != nil ? .fenceFull : fund.area != nil ? .areaFull : .allAtMaximum
            } else if drawing.allSatisfy({ atMaximum[$0] || inFullGroup[$0] }) {
                reason = .groupFull
            } else if fund.area != nil,
                drawing.allSatisfy({ atMaximum[$0] || inFullGroup[$0] || services[$0].contributions != nil }) {
                reason = .areaFull
            } else {
                return nil
            }
            return UnallocatedFund(fundID: fund.id, amount: left, reason: reason)
        }
    }

    /// Whether each service of `scenario` is in a group at its maximum at `cut`, given the
    /// allocations (file order), within `tolerance`.
    static func inFullGroups(of scenario: Scenario, atCut cut: Double, allocations: [Double], tolerance: Double) -> [Bool] {
        let services = scenario.services
        let fullGroups = scenario.groups.indices.filter { g in
            let total = services.indices.filter { scenario.groups[g].services.contains(services[$0].id) }
                .reduce(0) { $0 + allocations[$1] }
            return total >= scenario.groupBounds(g, afterCut: cut).upper - tolerance
        }
        return services.map { service in fullGroups.contains { scenario.groups[$0].services.contains(service.id) } }
    }
}
