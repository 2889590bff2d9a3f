/// Turns a plan and the money a year opens with into an ordinary scenario for that year
/// (SCENARIO-SPEC section 11), so that the allocation rule, deficits, binding reasons and
/// reports serve each year unchanged.
///
/// In year `k` each service runs `a` of the year's `n` days, its baseline is `B_k a / n` and
/// its bounds are those of `Plan.serviceYear`; a `step` is cash and is kept as it is, so each
/// year's posts are whole multiples of it (SCENARIO-SPEC section 12). A service absent that year (`a = 0`) is left out
/// of the year's scenario, of its groups and of the fences that name it; a group with no member
/// left is dropped; a fund fenced only for absent services keeps its fence with no one in it,
/// so its money stays unallocated.
public struct PlanYearBuilder: Sendable {
    /// The base-year scenario.
    public let scenario: Scenario
    /// Its plan.
    public let plan: Plan

    /// A builder for `scenario` and its `plan`.
    public init(scenario: Scenario, plan: Plan) {
        self.scenario = scenario
        self.plan = plan
    }

    /// The id of the fund that holds `fundID`'s money carried from the year before.
    public static func carriedFundID(_ fundID: String) -> String { fundID + "+carried" }

    /// Which services of the base scenario run in year `k`.
    public func presence(year k: Int) -> [Bool] {
        scenario.services.indices.map { plan.serviceYear($0, of: scenario, year: k).isPresent }
    }

    /// Each service's base-year column: its baseline pro-rated by the days it runs in the base
    /// year; nil where it does not run.
    public func baseYearBaselines() -> [Double?] {
        scenario.services.indices.map { s in
            let year = plan.serviceYear(s, of: scenario, year: 0)
            return year.isPresent ? year.baseline : nil
        }
    }

    /// Year `k`'s scenario (1 for the first planned year). Fund `f` holds
    /// `amount_f * openingFactors[f]` before the year's own cut (the product of the earlier
    /// years' factors, `PlanFundCut`), and `carried[f]` more, uncut and with the same fence, in a
    /// fund of its own (`carriedFundID`, in the fund's area) when that is positive.
    public func scenario(year k: Int, openingFactors: [Double], carried: [Double]) -> Scenario {
        let years = scenario.services.indices.map { plan.serviceYear($0, of: scenario, year: k) }
        var services: [Service] = []
        var presentIDs = Set<String>()
        for (service, year) in zip(scenario.services, years) where year.isPresent {
            var yearService = service
            yearService.baseline = year.baseline
            if service.isBid { yearService.request = year.reference }
            yearService.minimum = .amount(year.minimum)
            yearService.maximum = .amount(year.maximum)
            services.append(yearService)
            presentIDs.insert(service.id)
        }
        var funds: [Fund] = []
        for (f, fund) in scenario.funds.enumerated() {
            var opening = fund
            opening.amount = fund.amount * openingFactors[f]
            opening.ringFencedFor = fund.ringFencedFor.map { $0.filter(presentIDs.contains) }
            funds.append(opening)
        }
        for (f, fund) in scenario.funds.enumerated() where f < carried.count && carried[f] > 0 {
            funds.append(Fund(
                id: Self.carriedFundID(fund.id), name: fund.name + " (carried forward)", amount: carried[f],
                isCut: false, ringFencedFor: fund.ringFencedFor.map { $0.filter(presentIDs.contains) }, area: fund.area))
        }
        let groups = scenario.groups.compactMap { group -> ServiceGroup? in
            var yearGroup = group
            yearGroup.services = group.services.filter(presentIDs.contains)
            return yearGroup.services.isEmpty ? nil : yearGroup
        }
        var yearScenario = scenario
        yearScenario.funds = funds
        yearScenario.services = services
        yearScenario.groups = groups
        return yearScenario
    }
}
