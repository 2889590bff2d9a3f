import BudgetModel

/// What a sweep report says before and after its cuts: the scenario and its
/// provenance, the tool version and the maximum feasible cut.
public struct SweepHeader: Sendable, Equatable {
    /// The scenario with its file name and SHA-256.
    public var document: ScenarioDocument
    /// The version of `scenario` that produced the report.
    public var toolVersion: String
    /// The largest feasible cut in `[0, 100)` in per cent; 100 when every cut
    /// is feasible; nil when even a 0% cut is infeasible.
    public var maximumFeasibleCut: Double?

    /// A header from its parts.
    public init(document: ScenarioDocument, toolVersion: String, maximumFeasibleCut: Double?) {
        self.document = document
        self.toolVersion = toolVersion
        self.maximumFeasibleCut = maximumFeasibleCut
    }

    /// The scenario being reported.
    public var scenario: Scenario { document.scenario }

    /// The money formatter for the scenario's currency and unit.
    public var money: MoneyFormatter { MoneyFormatter(currency: scenario.currency, unit: scenario.unit) }

    /// The index in the scenario of the service with this id, looking first at
    /// `hint` (results list services in file order, so this is usually it).
    func serviceIndex(of id: String, near hint: Int) -> Int? {
        let services = scenario.services
        if services.indices.contains(hint), services[hint].id == id { return hint }
        return services.firstIndex { $0.id == id }
    }

    /// The display name of the service with this id (the id itself if the scenario has no such service).
    func serviceName(of id: String, near hint: Int) -> String {
        serviceIndex(of: id, near: hint).map { scenario.services[$0].name } ?? id
    }

    /// The sentences every human-readable report prints under its tables, one per line.
    public var provenanceLines: [String] {
        var lines = [
            "Figures rounded to multiples of \(money.unitDescription), each up or down from its exact amount, so that in every column the services add up exactly to the total allocated and, with the unallocated money, to the envelope; an amount that is the same in neighbouring columns, a service at its baseline included, is rounded alike."
        ]
        if let source = scenario.source { lines.append("Source: \(source)") }
        lines.append(FairnessWording.ruleLine(scenario))
        lines.append("Scenario: \(document.fileName) (sha256 \(document.sha256)), scenario \(toolVersion)")
        lines.append("Maximum feasible cut: \(PercentFormatter.maximumCut(maximumFeasibleCut))")
        return lines
    }
}
