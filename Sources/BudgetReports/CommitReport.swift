import BudgetModel

/// `scenario commit`: what each service is guaranteed whatever the cut turns out to be in a
/// range, the cut where that least amount is reached and the money at risk (SCENARIO-SPEC
/// section 14), in every table format.
///
///     Guaranteed whatever the cut from 5% to 25%
///     Service      Baseline  Guaranteed  Lowest at   At risk
///     -----------  --------  ----------  ---------  --------
///     Victims' Hub  £400,000    £400,000         5%        £0
///     ...
public struct CommitReport: Sendable {
    /// The scenario, its provenance and the maximum feasible cut.
    public var header: SweepHeader
    /// The guarantees.
    public var commitment: Commitment

    /// A report from its parts.
    public init(header: SweepHeader, commitment: Commitment) {
        self.header = header
        self.commitment = commitment
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

    /// A cut to four decimals, as the breakpoints are given: `18.1818%`.
    static func cutText(_ percent: Double) -> String { PercentFormatter.fourDecimals(percent) + "%" }

    private var rangeText: String {
        "from \(PercentFormatter.cut(commitment.range.lowerBound)) to \(PercentFormatter.cut(commitment.range.upperBound))"
    }

    /// The baseline, guarantee and at-risk columns, each rounded on its own.
    private var rounding: (baselines: ColumnRounding, guaranteed: ColumnRounding, atRisk: ColumnRounding) {
        let unit = header.scenario.unit
        return (
            ColumnRounding(commitment.services.map(\.baseline), unit: unit),
            ColumnRounding(commitment.services.map(\.guaranteed), unit: unit),
            ColumnRounding(commitment.services.map(\.atRisk), unit: unit)
        )
    }

    private var table: ReportTable {
        let money = header.money
        let (baselines, guaranteed, atRisk) = rounding
        func cell(_ units: Double?) -> String { units.map(money.format(units:)) ?? SweepBlock.none }
        var rows: [[String]] = []
        for (index, service) in commitment.services.enumerated() {
            let name = header.serviceName(of: service.serviceID, near: index)
            let reached = service.atCutPercent.map { Self.cutText($0) + (service.isOpen ? " (approached)" : "") } ?? SweepBlock.none
            rows.append([name, cell(baselines.parts[index]), cell(guaranteed.parts[index]), reached, cell(atRisk.parts[index])])
        }
        let anyGuarantee = commitment.feasible != nil
        rows.append([
            "Total", money.format(units: baselines.total), anyGuarantee ? money.format(units: guaranteed.total) : SweepBlock.none, "",
            anyGuarantee ? money.format(units: atRisk.total) : SweepBlock.none,
        ])
        return ReportTable(
            header: ["Service", "Baseline", "Guaranteed", "Lowest at", "At risk"],
            alignments: [.left, .right, .right, .right, .right], rows: rows, totalsStart: commitment.services.count)
    }

    /// The sentences under the table: which cuts the guarantees cover and which are infeasible.
    var notes: [String] {
        var notes: [String] = []
        guard let feasible = commitment.feasible else {
            return ["No cut \(rangeText) is feasible: no allocation meets the hard constraints anywhere in the range, so nothing can be guaranteed over it."]
        }
        notes.append(
            "Each guarantee is the least the service gets at any feasible cut from \(Self.cutText(feasible.lowerBound)) to "
                + "\(Self.cutText(feasible.upperBound)), found from the breakpoints of the allocation (each allocation is linear in the cut between them), "
                + "and \"Lowest at\" is the smallest cut where it is reached. At risk is the baseline less the guarantee, when positive. "
                + "The total guaranteed is the sum of the services' guarantees.")
        for interval in commitment.infeasible {
            let atMaximum = interval.lowerBound == feasible.upperBound
            let span = atMaximum
                ? "above \(Self.cutText(interval.lowerBound)) (the maximum feasible cut) up to \(Self.cutText(interval.upperBound))"
                : "from \(Self.cutText(interval.lowerBound)) up to \(Self.cutText(interval.upperBound))"
            notes.append("At cuts \(span) no allocation meets the hard constraints; the guarantees do not cover them (scenario sweep gives each such cut's deficit and what would give way).")
        }
        return notes
    }

    private var footer: [String] {
        ["Figures rounded to multiples of \(header.money.unitDescription), each up or down from its exact amount, each column on its own so that it adds up exactly to its total; a rounded amount at risk can therefore differ by \(header.money.unitDescription) from the rounded baseline less the rounded guarantee."]
            + header.provenanceLines.dropFirst()
    }

    private var document: TabularDocument {
        TabularDocument(
            title: header.scenario.title,
            sections: [TabularDocument.Section(caption: "Guaranteed whatever the cut \(rangeText)", table: table)],
            notes: notes, footer: footer,
            generator: "scenario commit \(header.document.fileName) by scenario \(header.toolVersion)")
    }

    /// RFC 4180 CSV, one row per service: `service_id, service_name, baseline, guaranteed,
    /// guaranteed_rounded, at_cut_pct, open, at_risk, at_risk_rounded` (exact figures at full
    /// precision, rounded ones as in the table; empty when no cut of the range is feasible).
    public func csv() -> String {
        let money = header.money
        let (_, guaranteed, atRisk) = rounding
        var lines = [["service_id", "service_name", "baseline", "guaranteed", "guaranteed_rounded", "at_cut_pct", "open", "at_risk", "at_risk_rounded"]]
        for (index, service) in commitment.services.enumerated() {
            lines.append([
                service.serviceID, header.serviceName(of: service.serviceID, near: index), JSONText.exact(service.baseline),
                service.guaranteed.map(JSONText.exact) ?? "", guaranteed.parts[index].map(money.plain(units:)) ?? "",
                service.atCutPercent.map(JSONText.exact) ?? "", service.atCutPercent == nil ? "" : String(service.isOpen),
                service.atRisk.map(JSONText.exact) ?? "", atRisk.parts[index].map(money.plain(units:)) ?? "",
            ])
        }
        return lines.map { $0.map(csvQuoted).joined(separator: ",") + "\r\n" }.joined()
    }

    /// One JSON object: `tool_version`, `scenario`, `rounding`, `max_feasible_cut_pct`, then
    /// SCENARIO-SPEC section 14's `range_pct`, `infeasible_pct` (intervals `[from, to]`) and
    /// `services` (`id`, `baseline`, `guaranteed`, `at_cut_pct`, `open`, `at_risk`, exact; null
    /// when no cut of the range is feasible), with each service's `name` and rounded figures,
    /// and `feasible_pct` (the feasible cuts of the range, or null).
    public func json() -> String {
        let money = header.money
        let (_, guaranteed, atRisk) = rounding
        func interval(_ range: ClosedRange<Double>) -> String {
            "[\(JSONText.exact(range.lowerBound)), \(JSONText.exact(range.upperBound))]"
        }
        var text = JSONText.reportOpening(header, rounding: "largest-remainder-per-column")
        text += "  \"range_pct\": [\(JSONText.number(commitment.range.lowerBound)), \(JSONText.number(commitment.range.upperBound))],\n"
        text += "  \"infeasible_pct\": [\(commitment.infeasible.map(interval).joined(separator: ", "))],\n"
        text += "  \"feasible_pct\": \(commitment.feasible.map(interval) ?? "null"),\n"
        let items = commitment.services.enumerated().map { index, service in
            "    {\"id\": \(JSONText.string(service.serviceID)), \"name\": \(JSONText.string(header.serviceName(of: service.serviceID, near: index)))"
                + ", \"baseline\": \(JSONText.exact(service.baseline))"
                + ", \"guaranteed\": \(service.guaranteed.map(JSONText.exact) ?? "null")"
                + ", \"guaranteed_rounded\": \(guaranteed.parts[index].map(money.plain(units:)) ?? "null")"
                + ", \"at_cut_pct\": \(service.atCutPercent.map(JSONText.exact) ?? "null")"
                + ", \"open\": \(service.isOpen)"
                + ", \"at_risk\": \(service.atRisk.map(JSONText.exact) ?? "null")"
                + ", \"at_risk_rounded\": \(atRisk.parts[index].map(money.plain(units:)) ?? "null")}"
        }
        text += "  \"services\": [" + (items.isEmpty ? "" : "\n" + items.joined(separator: ",\n") + "\n  ") + "]\n"
        return text + "}\n"
    }
}
