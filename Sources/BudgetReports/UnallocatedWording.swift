import BudgetModel

/// One sentence per fund that holds unallocated money at a feasible cut, with the fund's name
/// and why the money cannot be spent (SCENARIO-SPEC section 10). The amounts are rounded over
/// the printed unallocated total by the largest-remainder method, so they add up to it.
struct UnallocatedWording {
    let scenario: Scenario
    let money: MoneyFormatter

    init(scenario: Scenario) {
        self.scenario = scenario
        money = MoneyFormatter(currency: scenario.currency, unit: scenario.unit)
    }

    /// "£65,000 of the Domestic Abuse Fund is left unallocated: every service its ring-fence
    /// names is at its maximum." One per fund, in file order.
    func sentences(_ result: CutResult) -> [String] {
        let funds = result.unallocatedByFund
        guard !funds.isEmpty else { return [] }
        let amounts = funds.map(\.amount)
        let rest = result.unallocated - amounts.reduce(0, +)
        let units = LargestRemainderRounding.distribute(
            amounts + [rest], overUnits: RoundedCut(result, unit: scenario.unit).unallocated, unit: scenario.unit)
        return zip(funds, units).map { fund, units in
            let name = scenario.funds.first { $0.id == fund.fundID }?.name ?? fund.fundID
            return "\(money.format(units: units)) of \(name) is left unallocated: \(Self.reason(fund.reason))."
        }
    }

    private static func reason(_ reason: UnallocatedFund.Reason) -> String {
        switch reason {
        case .fenceFull: return "every service its ring-fence names is at its maximum"
        case .allAtMaximum: return "every service is at its maximum"
        case .groupFull: return "every service that may draw on it is at its maximum or in a group at its maximum"
        case .areaFull:
            return "every service its area may pay is at its maximum, in a group at its maximum, "
                + "or shared with areas whose funds can give no more"
        case .fenceAbsent: return "no service its ring-fence names runs in the year"
        case .step:
            return "every service that may draw on it is at its maximum or in a group at its maximum, "
                + "but for services paid in whole posts, for which another post does not fit"
        }
    }
}
