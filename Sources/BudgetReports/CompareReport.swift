import BudgetModel

/// `scenario compare`: several scenarios' allocations side by side at each cut, with each
/// one's difference from the first (SCENARIO-SPEC section 14), in every table format.
///
/// Scenarios are labelled A, B, C… in the order given, each named with its title and file
/// under the tables. A service is matched across scenarios by id; where a scenario has no
/// such service, or the cut is infeasible in it, the cell shows "—" (null in JSON), and a
/// table with an infeasible scenario adds its deficit, rounded up to a whole unit.
/// Each scenario's allocations at a cut are rounded by the largest-remainder method so that
/// they add up exactly to its rounded total allocated; the differences printed are those of
/// the rounded figures.
public struct CompareReport: Sendable {
    /// The scenarios compared, with their files and SHA-256, in order.
    public var documents: [ScenarioDocument]
    /// The allocations.
    public var comparison: Comparison
    /// The version of `scenario` that produced the report.
    public var toolVersion: String

    /// A report from its parts; `documents` are those of `comparison.scenarios`, in order.
    public init(documents: [ScenarioDocument], comparison: Comparison, toolVersion: String) {
        self.documents = documents
        self.comparison = comparison
        self.toolVersion = toolVersion
    }

    /// The report in `format`; `standalone` makes LaTeX a whole document.
    public func rendered(_ format: DocumentFormat, standalone: Bool = false) -> String {
        switch format {
        case .text: return document.text()
        case .markdown: return document.markdown()
        case .latex: return document.latex(standalone: standalone)
        case .html: return document.html()
        case .csv: return csv()
        case .json: return json()
        }
    }

    /// A, B, …, Z, then A2, B2, …
    static func label(_ index: Int) -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        return String(letters[index % 26]) + (index >= 26 ? String(index / 26 + 1) : "")
    }

    private var money: MoneyFormatter {
        let first = comparison.scenarios[0]
        return MoneyFormatter(currency: first.currency, unit: first.unit)
    }

    /// One cut's allocations rounded: per scenario, its services' units and its total's, nil
    /// when the cut is infeasible there.
    private func rounded(_ cut: Comparison.Cut) -> [(parts: [Double], total: Double)?] {
        let unit = comparison.scenarios[0].unit
        return cut.allocations.map { amounts in
            amounts.map { amounts in
                let rounded = LargestRemainderRounding.round(amounts, summingTo: amounts.reduce(0, +), unit: unit)
                return (rounded.parts, rounded.total)
            }
        }
    }

    /// For a service at a cut: the rounded units in each scenario, nil where missing.
    private func roundedUnits(_ service: Comparison.ComparedService, _ rounding: [(parts: [Double], total: Double)?]) -> [Double?] {
        zip(rounding, service.indices).map { scenario, index in
            guard let scenario, let index else { return nil }
            return scenario.parts[index]
        }
    }

    private func table(_ cut: Comparison.Cut) -> ReportTable {
        let money = self.money, unit = comparison.scenarios[0].unit
        let rounding = rounded(cut)
        let count = comparison.scenarios.count
        func cells(_ units: [Double?]) -> [String] {
            var row: [String] = []
            for k in 0..<count {
                row.append(units[k].map(money.format(units:)) ?? SweepBlock.none)
                if k > 0 {
                    let difference = units[k].flatMap { value in units[0].map { value - $0 } }
                    row.append(difference.map(Self.signed(money)) ?? SweepBlock.none)
                }
            }
            return row
        }
        var rows = comparison.services.map { [$0.name] + cells(roundedUnits($0, rounding)) }
        let totalsStart = rows.count
        rows.append(["Total allocated"] + cells(rounding.map { $0?.total }))
        rows.append(["Envelope"] + cells(cut.envelopes.map { LargestRemainderRounding.roundToUnits($0, unit: comparison.scenarios[0].unit) }))
        var status = ["Status"]
        for k in 0..<count {
            status.append(cut.allocations[k] == nil ? "infeasible" : "optimal")
            if k > 0 { status.append("") }
        }
        rows.append(status)
        if cut.allocations.contains(where: { $0 == nil }) {
            var deficit = ["Deficit"]
            for k in 0..<count {
                deficit.append(cut.allocations[k] == nil ? cut.deficits[k].map { money.format(units: RoundedCut.deficitUnits($0, unit: unit)) } ?? "—" : "")
                if k > 0 { deficit.append("") }
            }
            rows.append(deficit)
        }
        var header = ["Service"]
        for k in 0..<count {
            header.append(Self.label(k))
            if k > 0 { header.append("\(Self.label(k)) − A") }
        }
        return ReportTable(
            header: header, alignments: [.left] + Array(repeating: .right, count: header.count - 1),
            rows: rows, totalsStart: totalsStart)
    }

    /// A difference in units with its sign: `+£1,000`, `−£500`, `£0`.
    static func signed(_ money: MoneyFormatter) -> (Double) -> String {
        { units in
            if units > 0 { return "+" + money.format(units: units) }
            if units < 0 { return "−" + money.format(units: -units) }
            return money.format(units: 0)
        }
    }

    private var legend: [String] {
        documents.enumerated().map { index, document in
            "\(Self.label(index)): \(document.scenario.title), \(document.fileName) (sha256 \(document.sha256))"
                + (document.scenario.source.map { "; source: \($0)" } ?? "")
        }
    }

    private var document: TabularDocument {
        let titles = comparison.scenarios.enumerated().map { "\(Self.label($0)) \($1.title)" }
        let sections = comparison.cuts.map { cut in
            TabularDocument.Section(
                caption: "Allocation at \(PercentFormatter.indefiniteArticle(before: PercentFormatter.cut(cut.cutPercent))) "
                    + "\(PercentFormatter.cut(cut.cutPercent)) cut", table: table(cut))
        }
        var notes = [
            "Services are matched by id; \"—\" marks a service a scenario does not have, or a cut at which the scenario is infeasible. "
                + "Each column after A is followed by its difference from A. At a cut infeasible in a scenario, Deficit is the extra money "
                + "that would make it feasible there (rounded up; \"—\" where no amount would)."
        ]
        notes += legend
        return TabularDocument(
            title: "Comparison: " + titles.joined(separator: "; "), sections: sections, notes: notes,
            footer: [
                "Figures rounded to multiples of \(money.unitDescription), each up or down from its exact amount, so that in each scenario's column the services add up exactly to its total allocated; differences are those of the rounded figures.",
                "Produced by scenario \(toolVersion).",
            ],
            generator: "scenario compare by scenario \(toolVersion)")
    }

    /// RFC 4180 CSV, one row per cut, service and scenario: `cut_pct, service_id, service_name,
    /// scenario, file, status, allocation, allocation_rounded, difference, difference_rounded`
    /// (`scenario` is the label A, B, …; allocation and difference empty where missing).
    public func csv() -> String {
        let money = self.money
        var lines = [["cut_pct", "service_id", "service_name", "scenario", "file", "status", "allocation", "allocation_rounded", "difference", "difference_rounded"]]
        for cut in comparison.cuts {
            let rounding = rounded(cut)
            for service in comparison.services {
                let exact = cut.allocations(of: service), differences = cut.differences(of: service)
                let units = roundedUnits(service, rounding)
                for k in comparison.scenarios.indices {
                    let roundedDifference = units[k].flatMap { value in units[0].map { value - $0 } }
                    lines.append([
                        JSONText.number(cut.cutPercent), service.id, service.name, Self.label(k), documents[k].fileName,
                        cut.allocations[k] == nil ? "infeasible" : "optimal",
                        exact[k].map(JSONText.exact) ?? "", units[k].map(money.plain(units:)) ?? "",
                        differences[k].map(JSONText.exact) ?? "", roundedDifference.map(money.plain(units:)) ?? "",
                    ])
                }
            }
        }
        return lines.map { $0.map(csvQuoted).joined(separator: ",") + "\r\n" }.joined()
    }

    /// One JSON object (SCENARIO-SPEC section 14): `tool_version`; `scenarios`, each
    /// `{"title", "file", "sha256"}`; `cuts`, each `{"cut_pct", "statuses", "deficits", "services"}`
    /// (a deficit null where the scenario is feasible at the cut or no money helps) where a
    /// service is `{"id", "name", "allocations", "differences"}`, one exact figure per scenario
    /// (null where the scenario lacks the service or the cut is infeasible in it; a difference
    /// is from the first scenario), with `allocations_rounded` beside.
    public func json() -> String {
        let money = self.money
        var text = "{\n  \"tool_version\": \(JSONText.string(toolVersion)),\n"
        let scenarios = documents.map { document in
            "    {\"title\": \(JSONText.string(document.scenario.title)), \"file\": \(JSONText.string(document.fileName)), \"sha256\": \(JSONText.string(document.sha256))}"
        }
        text += "  \"scenarios\": [\n" + scenarios.joined(separator: ",\n") + "\n  ],\n"
        func list(_ values: [Double?], _ format: (Double) -> String) -> String {
            "[" + values.map { $0.map(format) ?? "null" }.joined(separator: ", ") + "]"
        }
        let cuts = comparison.cuts.map { cut in
            let rounding = rounded(cut)
            let statuses = cut.allocations.map { JSONText.string($0 == nil ? "infeasible" : "optimal") }.joined(separator: ", ")
            let services = comparison.services.map { service in
                "       {\"id\": \(JSONText.string(service.id)), \"name\": \(JSONText.string(service.name))"
                    + ", \"allocations\": \(list(cut.allocations(of: service), JSONText.exact))"
                    + ", \"differences\": \(list(cut.differences(of: service), JSONText.exact))"
                    + ", \"allocations_rounded\": \(list(roundedUnits(service, rounding), money.plain(units:)))}"
            }
            return "    {\"cut_pct\": \(JSONText.number(cut.cutPercent)), \"statuses\": [\(statuses)]"
                + ", \"deficits\": \(list(cut.deficits, JSONText.exact)), \"services\": [\n"
                + services.joined(separator: ",\n") + "\n     ]}"
        }
        text += "  \"cuts\": [" + (cuts.isEmpty ? "" : "\n" + cuts.joined(separator: ",\n") + "\n  ") + "]\n"
        return text + "}\n"
    }
}
