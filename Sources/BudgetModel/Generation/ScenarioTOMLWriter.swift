/// Writes a scenario as the text of a scenario file (SCENARIO-SPEC section 2) that
/// `ScenarioDecoder` reads back to an equal `Scenario`.
///
/// Keys equal to their defaults are left out (a name equal to its id, `cut = true`, a zero
/// minimum, a maximum of 100%, priority 0, weight 1, `relative` fairness). A contribution is written
/// `"p/1"` with `p` the proportion in Swift's shortest round-tripping form. Whole numbers are written
/// as TOML integers, others in Swift's shortest round-tripping form.
public enum ScenarioTOMLWriter {
    /// The file text for `scenario`.
    public static func text(of scenario: Scenario) -> String {
        var lines: [String] = [
            "title = \(quoted(scenario.title))",
            "currency = \(quoted(scenario.currency))",
        ]
        if let source = scenario.source { lines.append("source = \(quoted(source))") }
        lines.append("unit = \(number(scenario.unit))")
        lines += ["", "[objective]", "mode = \(quoted(scenario.objective.rawValue))"]
        if scenario.fairness != .relative { lines.append("fairness = \(quoted(scenario.fairness.rawValue))") }
        for area in scenario.areas {
            lines += ["", "[[area]]", "id = \(quoted(area.id))"]
            if area.name != area.id { lines.append("name = \(quoted(area.name))") }
        }
        for fund in scenario.funds {
            lines += ["", "[[fund]]", "id = \(quoted(fund.id))"]
            if fund.name != fund.id { lines.append("name = \(quoted(fund.name))") }
            lines.append("amount = \(number(fund.amount))")
            if fund.cutMultiplier == 0 { lines.append("cut = false") }
            if fund.cutMultiplier != 0 && fund.cutMultiplier != 1 { lines.append("cut = \(fund.cutMultiplier)") }
            if let members = fund.ringFencedFor { lines.append("ring_fenced_for = \(list(members))") }
            if let area = fund.area { lines.append("area = \(quoted(area))") }
        }
        for service in scenario.services {
            lines += ["", "[[service]]", "id = \(quoted(service.id))"]
            if service.name != service.id { lines.append("name = \(quoted(service.name))") }
            lines.append("baseline = \(number(service.baseline))")
            if let request = service.request { lines.append("request = \(number(request))") }
            if service.minimum != .amount(0) { lines.append("min = \(amountOrPercent(service.minimum))") }
            if service.maximum != .percent(100) { lines.append("max = \(amountOrPercent(service.maximum))") }
            if service.isProtected { lines.append("protected = true") }
            if service.priority != 0 { lines.append("priority = \(service.priority)") }
            if service.weight != 1 { lines.append("weight = \(number(service.weight))") }
            if let area = service.area { lines.append("area = \(quoted(area))") }
            switch service.contributions {
            case .none: break
            case .equal: lines.append("contributions = \"equal\"")
            case .shares(let shares):
                let entries = shares.map { "\(quoted($0.area)) = \(quoted("\($0.fraction)/1"))" }
                lines.append("contributions = { " + entries.joined(separator: ", ") + " }")
            }
        }
        for group in scenario.groups {
            lines += ["", "[[group]]", "id = \(quoted(group.id))"]
            if group.name != group.id { lines.append("name = \(quoted(group.name))") }
            lines.append("services = \(list(group.services))")
            if let minimum = group.minimum { lines.append("min = \(amountOrPercent(minimum))") }
            if let maximum = group.maximum { lines.append("max = \(amountOrPercent(maximum))") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A TOML basic string with `"`, `\` and control characters escaped.
    static func quoted(_ text: String) -> String {
        EscapedString.doubleQuoted(text)
    }

    /// A whole number as a TOML integer, any other as a float.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    static func amountOrPercent(_ value: AmountOrPercent) -> String {
        switch value {
        case .amount(let value): return number(value)
        case .percent(let p): return quoted(number(p) + "%")
        }
    }

    static func list(_ ids: [String]) -> String {
        "[" + ids.map(quoted).joined(separator: ", ") + "]"
    }
}
