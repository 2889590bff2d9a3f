/// The funds of a scenario grouped by who may draw on them.
///
/// Funds of the same area (or of none) that admit exactly the same services (every
/// unrestricted fund, or ring-fenced funds with the same list) are interchangeable for the
/// allocation, shares of shared services included:
/// any amounts the services take from their pool fit into the pool's funds
/// exactly when the total fits into the pool's total. So the allocation LP
/// needs one row per pool, not per fund, and one valid split by fund is
/// recovered afterwards by filling the pool's funds in file order.
struct FundPools {
    /// Fund indices per pool, in file order; pools ordered by their first fund.
    let members: [[Int]]
    /// The pools each service may draw on, in pool order.
    let poolsOfService: [[Int]]

    init(scenario: Scenario) {
        var members: [[Int]] = []
        var poolOfAdmission: [PoolKey: Int] = [:]
        for (f, fund) in scenario.funds.enumerated() {
            let admission = PoolKey(area: fund.area, fence: fund.ringFencedFor.map { Array(Set($0)).sorted() })
            if let pool = poolOfAdmission[admission] {
                members[pool].append(f)
            } else {
                poolOfAdmission[admission] = members.count
                members.append([f])
            }
        }
        self.members = members
        poolsOfService = scenario.services.indices.map { s in
            members.indices.filter { scenario.fund(members[$0][0], mayPay: s) }
        }
    }

    /// What makes funds interchangeable: the same area and the same fence.
    private struct PoolKey: Hashable {
        var area: String?
        var fence: [String]?
    }

    /// The area of pool `p`'s funds (nil: no area).
    func area(_ p: Int, of scenario: Scenario) -> String? { scenario.funds[members[p][0]].area }

    /// The money pool `p` holds after the cut: the sum of its funds.
    func capacity(_ p: Int, of scenario: Scenario, cut: Double) -> Double {
        members[p].reduce(0) { $0 + scenario.funds[$1].amount(afterCut: cut) }
    }

    /// One valid split by fund of what each service takes from each pool.
    ///
    /// `drawn[p][s]` is the money service `s` takes from pool `p`; each pool's funds
    /// are filled in file order, services in file order, and the last fund of a pool
    /// takes whatever rounding leaves over. Returns `split[f][s]`.
    func fundSplit(drawn: [[Double]], of scenario: Scenario, cut: Double) -> [[Double]] {
        let serviceCount = scenario.services.count
        var split = [[Double]](repeating: [Double](repeating: 0, count: serviceCount), count: scenario.funds.count)
        for (p, funds) in members.enumerated() {
            var fundPosition = 0
            var room = scenario.funds[funds[0]].amount(afterCut: cut)
            for s in 0..<serviceCount {
                var remaining = drawn[p][s]
                while remaining > 0 {
                    let isLastFund = fundPosition == funds.count - 1
                    let taken = isLastFund ? remaining : min(remaining, room)
                    split[funds[fundPosition]][s] += taken
                    remaining -= taken
                    room -= taken
                    if remaining > 0 {
                        fundPosition += 1
                        room = scenario.funds[funds[fundPosition]].amount(afterCut: cut)
                    }
                }
            }
        }
        return split
    }
}
