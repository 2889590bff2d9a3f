import BudgetModel

/// A scenario's services, funds or groups as a CSV table that `scenario import` reads back
/// (`scenario export --format services-csv`, `funds-csv`, `groups-csv`): a header row of the
/// scenario file's keys and one row per entry, every key written, values as the scenario holds
/// them (numbers in their shortest exact decimal form, shares in per cent as `50%`, lists
/// separated by `;`). RFC 4180 with CRLF line ends, UTF-8 with no byte-order mark.
public enum ScenarioTablesWriter {
    /// The services table.
    public static func services(_ scenario: Scenario) -> String {
        csv(ScenarioImport.serviceKeys, scenario.services.map { service in
            [service.id, service.name, PercentFormatter.number(service.baseline), service.request.map(PercentFormatter.number) ?? "",
             share(service.minimum), share(service.maximum),
             service.isProtected ? "true" : "false", String(service.priority), PercentFormatter.number(service.weight),
             service.isClosable ? "true" : "false", service.step.map(PercentFormatter.number) ?? ""]
        })
    }

    /// The funds table.
    public static func funds(_ scenario: Scenario) -> String {
        csv(ScenarioImport.fundKeys, scenario.funds.map { fund in
            [fund.id, fund.name, PercentFormatter.number(fund.amount), fund.isCut ? "true" : "false",
             (fund.ringFencedFor ?? []).joined(separator: ";")]
        })
    }

    /// The groups table (a header row alone when the scenario has no group).
    public static func groups(_ scenario: Scenario) -> String {
        csv(ScenarioImport.groupKeys, scenario.groups.map { group in
            [group.id, group.name, group.services.joined(separator: ";"), group.minimum.map(share) ?? "", group.maximum.map(share) ?? ""]
        })
    }

    /// What a scenario file holds that decides an allocation or a printed figure and that the
    /// three tables do not carry, so `scenario import` cannot give it back: each as a phrase
    /// (`the plan`, `fairness = "cash"`, `fund grant's cut multiplier 0.5`), in the file's
    /// order. The title, the source and the objective mode are not listed: the import takes
    /// the title and the mode as `--title` and `--objective`, and the source decides nothing.
    public static func leftOut(_ document: ScenarioDocument) -> [String] {
        let scenario = document.scenario
        var phrases: [String] = []
        if scenario.currency != "GBP" { phrases.append("currency = \"\(scenario.currency)\"") }
        if scenario.unit != 1 { phrases.append("unit = \(PercentFormatter.number(scenario.unit))") }
        if scenario.fairness != .relative { phrases.append("fairness = \"\(scenario.fairness.rawValue)\"") }
        for fund in scenario.funds where fund.cutMultiplier != 0 && fund.cutMultiplier != 1 {
            phrases.append("fund \(fund.id)'s cut multiplier \(PercentFormatter.number(fund.cutMultiplier))")
        }
        if !scenario.areas.isEmpty { phrases.append("the areas") }
        let contributing = scenario.services.filter { $0.contributions != nil }.map(\.id)
        if !contributing.isEmpty { phrases.append("the contributions of \(contributing.joined(separator: ", "))") }
        if document.plan != nil { phrases.append("the plan") }
        return phrases
    }

    /// The one sentence that names what the tables leave out (``leftOut(_:)``), or nil when
    /// they carry everything that decides an allocation.
    public static func leftOutNote(_ document: ScenarioDocument) -> String? {
        let phrases = leftOut(document)
        if phrases.isEmpty { return nil }
        return "the tables leave out \(phrases.joined(separator: ", ")); scenario import cannot restore them"
    }

    /// The sentence that says the tables carry neither the title nor the source, which every
    /// report prints, and how each comes back after `scenario import`.
    public static func descriptionNote(_ document: ScenarioDocument) -> String {
        let title = "the title (scenario import takes it as --title)"
        guard document.scenario.source != nil else { return "the tables leave out \(title)" }
        return "the tables leave out \(title) and the source (add it to the file scenario import writes)"
    }

    private static func share(_ value: AmountOrPercent) -> String {
        switch value {
        case .amount(let amount): return PercentFormatter.number(amount)
        case .percent(let percent): return PercentFormatter.number(percent) + "%"
        }
    }

    private static func csv(_ header: [String], _ rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(csvQuoted).joined(separator: ",") + "\r\n" }.joined()
    }
}
