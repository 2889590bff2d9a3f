import BudgetModel

/// An imported scenario (`ScenarioImport`) as a scenario file: TOML with comments saying where
/// each table came from, in the order the scenario file documents (title, objective, funds,
/// services, groups). Strings are TOML basic strings; money and weights plain numbers with no
/// exponent (`446000`, `315282.75`); shares given in per cent are strings (`"50%"`).
public enum ImportedScenarioWriter {
    /// The scenario file's text.
    public static func text(_ scenario: ImportedScenario, sources: [String]) -> String {
        var lines = [
            "# Made by `scenario import` from " + sources.joined(separator: ", ") + ".",
            "# Each table below names the spreadsheet row it came from. Check the file with",
            "# `scenario check` before sweeping it; docs/scenario-files.md describes every key.",
            "",
            "title = " + EscapedString.doubleQuoted(scenario.title),
        ]
        if let objective = scenario.objective {
            lines += ["", "[objective]", "mode = " + EscapedString.doubleQuoted(objective.rawValue)]
        }
        if scenario.fundsMadeUp {
            lines += [
                "", "# No funds file was given: one fund holding the total of the baselines, cut by",
                "# the sweep. Replace it with the real funds (scenario import --funds FUNDS.csv).",
            ]
            lines += table("fund", scenario.funds[0], comment: nil)
        } else {
            for fund in scenario.funds { lines += [""] + table("fund", fund, comment: "\(fund.file) row \(fund.row)") }
        }
        for service in scenario.services { lines += [""] + table("service", service, comment: "\(service.file) row \(service.row)") }
        for group in scenario.groups { lines += [""] + table("group", group, comment: "\(group.file) row \(group.row)") }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func table(_ name: String, _ entry: ImportedScenario.Entry, comment: String?) -> [String] {
        var lines = ["[[\(name)]]"]
        if let comment { lines.append("# " + comment.replacingOccurrences(of: "\n", with: " ")) }
        for (key, value) in entry.values { lines.append(key + " = " + literal(value)) }
        return lines
    }

    /// A value as TOML.
    static func literal(_ value: ImportedScenario.Value) -> String {
        switch value {
        case .string(let text): return EscapedString.doubleQuoted(text)
        case .number(let number): return PercentFormatter.number(number)
        case .percent(let number): return EscapedString.doubleQuoted(PercentFormatter.number(number) + "%")
        case .integer(let number): return String(number)
        case .boolean(let flag): return flag ? "true" : "false"
        case .list(let ids): return "[" + ids.map(EscapedString.doubleQuoted).joined(separator: ", ") + "]"
        }
    }
}
