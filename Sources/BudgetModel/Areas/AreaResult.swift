/// What one area's funds do at a feasible cut (SCENARIO-SPEC section 13): what they hold after
/// the cut, what they pay to which service, and what is left.
public struct AreaResult: Sendable, Equatable {
    /// The area's id.
    public var areaID: String
    /// Its funds after the cut, exact.
    public var funds: Double
    /// What its funds pay to each service they may pay (its own services, then its shares of
    /// shared services, in the file's service order), exact; zero payments included.
    public var pays: [AreaPayment]
    /// Whether the payments shown are one valid split among several: some service the area pays
    /// may also be paid by funds with no area, or by more than one of the area's funds.
    public var isOneValidSplit: Bool

    /// An area's result from its parts.
    public init(areaID: String, funds: Double, pays: [AreaPayment], isOneValidSplit: Bool) {
        self.areaID = areaID
        self.funds = funds
        self.pays = pays
        self.isOneValidSplit = isOneValidSplit
    }

    /// What its funds pay in all.
    public var paid: Double { pays.reduce(0) { $0 + $1.amount } }
    /// What its funds hold and do not pay: `funds - paid`, never below zero.
    public var unallocated: Double { max(0, funds - paid) }

    /// Each area's result at a cut, in the file's area order, from one valid split of the money
    /// by fund and service (`split[fund][service]`, as `CutResult.fundSplit`).
    public static func results(of scenario: Scenario, atCut cut: Double, split: [[Double]]) -> [AreaResult] {
        guard !split.isEmpty else { return [] }
        return scenario.areas.map { area in
            let funds = scenario.funds.indices.filter { scenario.funds[$0].area == area.id }
            let payable = scenario.services.indices.filter { s in funds.contains { scenario.fund($0, mayPay: s) } }
            let pays = payable.map { s in
                AreaPayment(serviceID: scenario.services[s].id, amount: funds.reduce(0) { $0 + split[$1][s] })
            }
            let shared = payable.contains { s in
                let payers = scenario.funds.indices.filter { scenario.fund($0, mayPay: s) }
                let ownPayers = payers.filter { scenario.funds[$0].area == area.id }
                return ownPayers.count > 1 || payers.contains { scenario.funds[$0].area == nil }
            }
            return AreaResult(
                areaID: area.id, funds: Self.funds(of: area.id, in: scenario, atCut: cut), pays: pays, isOneValidSplit: shared)
        }
    }

    /// What the funds of the area `areaID` hold after a cut of `cut` per cent, exact.
    public static func funds(of areaID: String, in scenario: Scenario, atCut cut: Double) -> Double {
        scenario.funds.filter { $0.area == areaID }.reduce(0) { $0 + $1.amount(afterCut: cut) }
    }
}

/// What an area's funds pay one service.
public struct AreaPayment: Sendable, Equatable {
    /// The service's id.
    public var serviceID: String
    /// The money, exact.
    public var amount: Double

    /// A payment from its parts.
    public init(serviceID: String, amount: Double) {
        self.serviceID = serviceID
        self.amount = amount
    }
}
