import BudgetModel

extension JSONText {
    /// The members the `commit` and `compare` JSON reports open with, one per line after `{`:
    /// `tool_version`, `scenario` (as in the sweep JSON), `rounding` (`method` as given, `unit`)
    /// and `max_feasible_cut_pct`, each followed by a comma.
    static func reportOpening(_ header: SweepHeader, rounding method: String) -> String {
        "{\n"
            + "  \"tool_version\": \(string(header.toolVersion)),\n"
            + "  \"scenario\": \(scenarioObject(header)),\n"
            + "  \"rounding\": {\"method\": \(string(method)), \"unit\": \(header.money.plain(units: 1))},\n"
            + "  \"max_feasible_cut_pct\": \(header.maximumFeasibleCut.map(number) ?? "null"),\n"
    }

    /// `{"title", "file", "sha256", "currency", "unit", "source"}` of a report's scenario.
    static func scenarioObject(_ header: SweepHeader) -> String {
        let scenario = header.scenario
        return "{" + [
            "\"title\": " + string(scenario.title),
            "\"file\": " + string(header.document.fileName),
            "\"sha256\": " + string(header.document.sha256),
            "\"currency\": " + string(scenario.currency),
            "\"unit\": " + number(scenario.unit),
            "\"source\": " + string(scenario.source),
        ].joined(separator: ", ") + "}"
    }
}
