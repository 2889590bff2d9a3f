import BudgetModel

/// `scenario check`: a few lines that summarise a valid scenario file.
///
///     worked-example.toml: valid
///       Title: Worked example
///       Funds: 2 (1 ring-fenced, 0 not cut), £1,100,000 at a 0% cut
///       Services: 4 (1 protected, 2 priority tiers), baselines £1,100,000
///       Groups: 0
///       Envelope at 0%: £1,100,000
///
/// A plan file is summarised by its first year, with a line after the title:
/// `Plan: 3 years (2017/18 to 2019/20); the figures below are 2017/18's`.
///
/// A scenario with areas adds, after the groups, `Areas: 6 (1 shared service, 1 fund cut at
/// another rate)`.
///       Maximum feasible cut: 38.18%
public struct ScenarioSummary: Sendable {
    /// The scenario and its file name.
    public var document: ScenarioDocument
    /// The largest feasible cut in per cent; 100 when every cut is; nil when none is.
    public var maximumFeasibleCut: Double?
    /// The least feasible cut from 0% up, when a 0% cut is infeasible and a larger one is not
    /// (a group floor in per cent of the envelope that the members cannot reach until the
    /// envelope shrinks); nil otherwise.
    public var leastFeasibleCut: Double?
    /// For a plan file, its plan: `document` is then the scenario of its first year, and a
    /// line after the title says so.
    public var plan: Plan?

    /// A summary of `document`.
    public init(document: ScenarioDocument, maximumFeasibleCut: Double?, leastFeasibleCut: Double? = nil, plan: Plan? = nil) {
        self.document = document
        self.maximumFeasibleCut = maximumFeasibleCut
        self.leastFeasibleCut = leastFeasibleCut
        self.plan = plan
    }

    /// The summary lines, without line breaks; money rounded to the scenario's unit.
    public var lines: [String] {
        let scenario = document.scenario
        let money = MoneyFormatter(currency: scenario.currency, unit: scenario.unit)
        let fundTotal = scenario.funds.reduce(0) { $0 + $1.amount }
        let ringFenced = scenario.funds.filter { $0.ringFencedFor != nil }.count
        let uncut = scenario.funds.filter { !$0.isCut }.count
        let protected = scenario.services.filter(\.isProtected).count
        let tiers = Set(scenario.services.map(\.priority)).count
        let baselines = scenario.services.reduce(0) { $0 + $1.baseline }
        var areaLines: [String] = []
        if !scenario.areas.isEmpty {
            let shared = scenario.services.filter { $0.contributions != nil }.count
            let rated = scenario.funds.filter { $0.cutMultiplier != 0 && $0.cutMultiplier != 1 }.count
            areaLines = ["  Areas: \(scenario.areas.count) (\(shared) shared \(shared == 1 ? "service" : "services"), "
                + "\(rated) \(rated == 1 ? "fund" : "funds") cut at another rate)"]
        }
        let planLines: [String] = plan.map { plan -> [String] in
            let span = plan.years.count == 1 ? "\(plan.years[0])" : "\(plan.years[0]) to \(plan.years[plan.years.count - 1])"
            return ["  Plan: \(plan.years.count) \(plan.years.count == 1 ? "year" : "years") (\(span)); the figures below are \(plan.years[0])'s"]
        } ?? []
        let bids = scenario.services.compactMap(\.request)
        let bidClause = bids.isEmpty
            ? "" : "; \(bids.count) new \(bids.count == 1 ? "bid" : "bids") requesting \(money.format(amount: bids.reduce(0, +)))"
        var lines = ["\(document.fileName): valid", "  Title: \(scenario.title)"]
        lines += planLines
        lines += [
            "  Funds: \(scenario.funds.count) (\(ringFenced) ring-fenced, \(uncut) not cut), \(money.format(amount: fundTotal)) at a 0% cut",
            "  Services: \(scenario.services.count) (\(protected) protected, \(tiers) priority \(tiers == 1 ? "tier" : "tiers")), baselines \(money.format(amount: baselines))\(bidClause)",
            "  Groups: \(scenario.groups.count)",
        ]
        lines += areaLines
        lines += [
            "  Envelope at 0%: \(money.format(amount: scenario.envelope(afterCut: 0)))",
            "  Maximum feasible cut: \(PercentFormatter.maximumCut(maximumFeasibleCut))",
        ]
        if let leastFeasibleCut {
            lines.append("  Least feasible cut: \(PercentFormatter.leastCut(leastFeasibleCut)) (below it, 0% included, the hard constraints cannot all be met)")
        }
        return lines
    }
}
