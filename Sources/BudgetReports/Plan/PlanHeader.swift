import BudgetModel

/// What a plan report says around its tables: the scenario with its provenance, the plan, the
/// tool version and the maximum sustainable yearly cut.
public struct PlanHeader: Sendable, Equatable {
    /// The scenario file, with its plan.
    public var document: ScenarioDocument
    /// The plan being reported.
    public var plan: Plan
    /// The version of `scenario` that produced the report.
    public var toolVersion: String
    /// The largest cut every planned year can absorb when it repeats every year, per cent;
    /// 100 when every cut is, nil when a 0% cut is not.
    public var maximumSustainableCut: Double?

    /// A header from its parts.
    public init(document: ScenarioDocument, plan: Plan, toolVersion: String, maximumSustainableCut: Double?) {
        self.document = document
        self.plan = plan
        self.toolVersion = toolVersion
        self.maximumSustainableCut = maximumSustainableCut
    }

    /// The base-year scenario.
    public var scenario: Scenario { document.scenario }

    /// The money formatter for the scenario's currency and unit.
    public var money: MoneyFormatter { MoneyFormatter(currency: scenario.currency, unit: scenario.unit) }

    /// The base year's label with what it is: `2016/17 (base)`.
    var baseYearHeading: String { "\(plan.baseYear) (base)" }

    /// How the real-terms change is deflated, in words: `deflated by 2% a year (2016/17 prices)`.
    var deflation: String {
        "in \(plan.baseYear) prices, deflated by the plan's inflation of \(PercentFormatter.cut(plan.inflationPercent)) a year"
    }

    /// The maximum sustainable cut for a footer: two decimals rounded down, so that the printed
    /// cut is itself sustainable.
    var sustainableCutText: String {
        guard let cut = maximumSustainableCut else { return "none: even a 0% cut in every year leaves a year infeasible" }
        if cut >= 100 { return "100% (every year is feasible whatever the yearly cut)" }
        return PercentFormatter.maximumCut(cut) + " a year (the largest cut that every planned year absorbs when it is made in every year)"
    }

    /// The sentences printed under the tables, one per line.
    var provenanceLines: [String] {
        var lines = [
            "Figures rounded to multiples of \(money.unitDescription), each up or down from its exact amount, so that in every column the services add up exactly to the total allocated and, with the unallocated money, to the envelope; an amount that is the same in neighbouring columns is rounded alike.",
            "Cash figures are in each year's own prices; real-terms changes are \(deflation).",
        ]
        if let source = scenario.source { lines.append("Source: \(source)") }
        lines.append("Scenario: \(document.fileName) (sha256 \(document.sha256)), scenario \(toolVersion)")
        lines.append("Maximum sustainable yearly cut: \(sustainableCutText)")
        return lines
    }
}
