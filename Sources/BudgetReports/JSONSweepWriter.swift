import BudgetModel

/// The `json` sweep report: one JSON object, exactly the keys of
/// SCENARIO-SPEC section 5 plus a few more, written as the cuts arrive.
///
/// Added keys: `tool_version`; `scenario.source`; `rounding` (`method` and
/// `unit`); per cut `envelope_rounded`, `allocated_rounded`,
/// `unallocated_rounded` (or `deficit_rounded`, rounded up, when infeasible);
/// per service `name` and `change` (money). Exact values are full-precision
/// numbers; rounded ones are multiples of the unit (integers when the unit is).
/// Layout: one cut object per line group, one service object per line.
public struct JSONSweepWriter<Output: TextOutputStream>: SweepWriter {
    /// The sink, with everything written so far.
    public private(set) var output: Output
    private let header: SweepHeader
    private var cutsWritten = 0

    /// Writes the opening of the object, up to the start of the `cuts` array.
    public init(header: SweepHeader, output: Output) {
        self.header = header
        self.output = output
        let scenario = header.scenario
        let money = header.money
        let scenarioObject = [
            "\"title\": " + JSONText.string(scenario.title),
            "\"file\": " + JSONText.string(header.document.fileName),
            "\"sha256\": " + JSONText.string(header.document.sha256),
            "\"currency\": " + JSONText.string(scenario.currency),
            "\"unit\": " + JSONText.number(scenario.unit),
            "\"source\": " + JSONText.string(scenario.source),
        ].joined(separator: ", ")
        self.output.write("{\n")
        self.output.write("  \"tool_version\": \(JSONText.string(header.toolVersion)),\n")
        self.output.write("  \"scenario\": {\(scenarioObject)},\n")
        self.output.write("  \"rounding\": {\"method\": \"largest-remainder\", \"unit\": \(money.plain(units: 1))},\n")
        self.output.write("  \"max_feasible_cut_pct\": \(header.maximumFeasibleCut.map(JSONText.exact) ?? "null"),\n")
        self.output.write("  \"cuts\": [")
    }

    /// Writes one cut object.
    public mutating func write(_ result: CutResult) {
        let money = header.money
        let rounded = RoundedCut(result, unit: header.scenario.unit)
        output.write(cutsWritten == 0 ? "\n" : ",\n")
        cutsWritten += 1
        var fields = [
            "\"cut_pct\": " + JSONText.number(result.cutPercent),
            "\"envelope\": " + JSONText.exact(result.envelope),
            "\"envelope_rounded\": " + money.plain(units: rounded.envelope),
            "\"status\": " + JSONText.string(result.status.rawValue),
        ]
        guard result.status == .optimal else {
            fields.append("\"deficit\": " + JSONText.exact(result.deficit ?? .nan))
            fields.append("\"deficit_rounded\": " + (rounded.deficit.map(money.plain(units:)) ?? "null"))
            fields.append("\"explanation\": " + JSONText.string(result.explanation))
            output.write("    {" + fields.joined(separator: ", ") + "}")
            return
        }
        fields += [
            "\"allocated\": " + JSONText.exact(result.allocated),
            "\"allocated_rounded\": " + money.plain(units: rounded.allocated),
            "\"unallocated\": " + JSONText.exact(result.unallocated),
            "\"unallocated_rounded\": " + money.plain(units: rounded.unallocated),
        ]
        output.write("    {" + fields.joined(separator: ", ") + ",\n     \"services\": [")
        for (index, service) in result.services.enumerated() {
            let serviceFields = [
                "\"id\": " + JSONText.string(service.serviceID),
                "\"name\": " + JSONText.string(header.serviceName(of: service.serviceID, near: index)),
                "\"baseline\": " + JSONText.number(service.baseline),
                "\"allocation\": " + JSONText.exact(service.allocation),
                "\"allocation_rounded\": " + money.plain(units: rounded.services[index]),
                "\"change\": " + JSONText.exact(service.change),
                "\"change_pct\": " + JSONText.exact(service.changePercent),
                "\"binding\": " + JSONText.string(service.binding.label),
            ]
            output.write(index == 0 ? "\n" : ",\n")
            output.write("       {" + serviceFields.joined(separator: ", ") + "}")
        }
        output.write("\n     ]}")
    }

    /// Closes the `cuts` array and the object.
    public mutating func finish() {
        output.write(cutsWritten == 0 ? "]\n}\n" : "\n  ]\n}\n")
    }
}
