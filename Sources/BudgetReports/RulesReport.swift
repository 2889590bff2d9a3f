import BudgetModel

/// `scenario rules`: one cut under every allocation rule side by side (SCENARIO-SPEC section
/// 14): tiers mode with each fairness measure, then weighted mode.
///
/// Text, Markdown, LaTeX and HTML print two tables, "Allocation by rule" (services, Baseline
/// and one column per rule, then Total allocated, Unallocated, Envelope and Status) and "Change
/// from baseline by rule" (the change in per cent and what holds each service there), then a
/// line per rule saying what it equalises, the scenario's own rule and the provenance lines.
/// The baselines and the rules' allocations are rounded as one table (`RoundedTable`): every
/// column adds up, and a service with the same exact amount under two neighbouring rules
/// shows the same figure under both. CSV has one row per rule and service (one row per rule
/// when the cut is infeasible); JSON is exactly the object of section 14.
public struct RulesReport: Sendable {
    /// The scenario, its provenance and the maximum feasible cut.
    public var header: SweepHeader
    /// The cut, in per cent.
    public var cutPercent: Double
    /// Each rule's outcome, in the order of `RuleComparison.rules(of:)`.
    public var outcomes: [RuleOutcome]

    /// A report of `outcomes` at a cut of `cutPercent` per cent for the scenario in `header`.
    public init(header: SweepHeader, cutPercent: Double, outcomes: [RuleOutcome]) {
        self.header = header
        self.cutPercent = cutPercent
        self.outcomes = outcomes
    }

    /// The report in `format`, ending with a line break.
    public func rendered(as format: DocumentFormat) -> String {
        switch format {
        case .text: return text()
        case .markdown: return markdown()
        case .csv: return csv()
        case .json: return json()
        case .latex: return latex()
        case .html: return html()
        }
    }

    private var cut: String { PercentFormatter.cut(cutPercent) }
    private var title: String {
        "\(header.scenario.title): the allocation rules at \(PercentFormatter.indefiniteArticle(before: cut)) \(cut) cut"
    }

    /// A column heading per rule.
    private var headings: [String] {
        outcomes.map { $0.fairness.map(FairnessWording.heading) ?? "Weighted" }
    }

    /// The sentences under the tables: what each rule does, whether the cut is infeasible, and
    /// the provenance (which names the scenario's own rule).
    private var notes: [String] {
        var lines: [String] = []
        for outcome in outcomes {
            if let fairness = outcome.fairness {
                lines.append("\(FairnessWording.heading(fairness)) (fairness = \"\(fairness.rawValue)\"): "
                    + FairnessWording.definition(fairness))
            } else {
                let tieBreak = outcome.tieBreak ?? header.scenario.fairness
                lines.append("Weighted (mode = \"weighted\"): the largest total of weight x allocation; ties broken by "
                    + "\(FairnessWording.name(tieBreak)) (fairness = \"\(tieBreak.rawValue)\").")
            }
        }
        lines.append("Every rule cuts the lowest priority first and keeps every hard constraint: protected services, "
            + "minimums, maxima, ring-fences and group limits.")
        if outcomes.contains(where: { $0.result.status == .infeasible }) {
            lines.append("At \(PercentFormatter.indefiniteArticle(before: cut)) \(cut) cut no allocation meets every hard constraint, whatever the rule; "
                + "scenario solve --cut \(cut) gives the deficit and the constraints that cannot all be met.")
        }
        return lines + header.provenanceLines
    }

    // MARK: - Tables

    private var rounding: RoundedTable { RoundedTable(header: header, results: outcomes.map(\.result)) }

    private func allocationTable(_ table: RoundedTable) -> ReportTable {
        let money = header.money
        let services = header.scenario.services
        var rows: [[String]] = services.indices.map { s in
            [services[s].name, money.format(units: table.baselines.services[s])]
                + zip(outcomes, table.cuts).map { outcome, figures in
                    outcome.result.status == .optimal && s < figures.services.count
                        ? money.format(units: figures.services[s]) : SweepBlock.none
                }
        }
        let totalsStart = rows.count
        func figures(_ value: (RoundedCut) -> Double) -> [String] {
            table.cuts.map { $0.optimal ? money.format(units: value($0)) : SweepBlock.none }
        }
        rows.append(["Total allocated", money.format(units: table.baselines.total)] + figures(\.allocated))
        rows.append(["Unallocated", ""] + figures(\.unallocated))
        rows.append(["Envelope", ""] + table.cuts.map { money.format(units: $0.envelope) })
        rows.append(["Status", ""] + outcomes.map(\.result.status.rawValue))
        return ReportTable(
            header: ["Service", "Baseline"] + headings,
            alignments: [.left] + Array(repeating: .right, count: outcomes.count + 1),
            rows: rows, totalsStart: totalsStart)
    }

    private func changeTable() -> ReportTable {
        let services = header.scenario.services
        let rows = services.indices.map { s in
            [services[s].name]
                + outcomes.map { outcome in
                    guard outcome.result.status == .optimal, s < outcome.result.services.count else { return SweepBlock.none }
                    let service = outcome.result.services[s]
                    return PercentFormatter.change(service.changePercent) + " "
                        + BindingText.phrase(service, in: header.scenario)
                }
        }
        return ReportTable(
            header: ["Service"] + headings, alignments: Array(repeating: .left, count: outcomes.count + 1),
            rows: rows, totalsStart: nil)
    }

    // MARK: - Formats

    private func text() -> String {
        let table = rounding
        var lines = [title, "", "Allocation by rule"]
        lines += allocationTable(table).renderedAsText()
        lines += ["", "Change from baseline by rule"]
        lines += changeTable().renderedAsText()
        lines += [""] + notes
        return lines.joined(separator: "\n") + "\n"
    }

    private func markdown() -> String {
        let table = rounding
        var lines = ["## " + ReportTable.markdownEscaped(title), "", "### Allocation by rule", ""]
        lines += allocationTable(table).renderedAsMarkdown()
        lines += ["", "### Change from baseline by rule", ""]
        lines += changeTable().renderedAsMarkdown()
        lines += [""] + notes.flatMap { [ReportTable.markdownEscaped($0), ""] }
        return lines.joined(separator: "\n")
    }

    private func csv() -> String {
        let columns = ["cut_pct", "fairness", "mode", "status", "service_id", "service_name", "baseline",
                       "allocation", "allocation_rounded", "change_pct", "binding"]
        var rows = [columns.map(csvQuoted).joined(separator: ",")]
        let money = header.money
        for (outcome, figures) in zip(outcomes, rounding.cuts) {
            let rule = [PercentFormatter.number(cutPercent), outcome.fairness?.rawValue ?? "", outcome.mode.rawValue,
                        outcome.result.status.rawValue]
            guard outcome.result.status == .optimal else {
                rows.append((rule + Array(repeating: "", count: 7)).map(csvQuoted).joined(separator: ","))
                continue
            }
            for (s, service) in outcome.result.services.enumerated() {
                let name = header.scenario.services.first { $0.id == service.serviceID }?.name ?? service.serviceID
                let fields = rule + [
                    service.serviceID, name, PercentFormatter.number(service.baseline), JSONText.exact(service.allocation),
                    money.plain(units: figures.services[s]), service.changePercent.map { JSONText.exact($0) } ?? "", service.binding.label,
                ]
                rows.append(fields.map(csvQuoted).joined(separator: ","))
            }
        }
        return rows.joined(separator: "\r\n") + "\r\n"
    }

    private func json() -> String {
        let rules = outcomes.map { outcome in
            let services = outcome.result.status != .optimal ? "" : outcome.result.services.map { service in
                "\n      {\"id\": \(JSONText.string(service.serviceID)), \"allocation\": \(JSONText.exact(service.allocation))}"
            }.joined(separator: ",") + "\n    "
            return "    {\"fairness\": \(JSONText.string(outcome.fairness?.rawValue)), "
                + "\"mode\": \(JSONText.string(outcome.mode.rawValue)), "
                + "\"status\": \(JSONText.string(outcome.result.status.rawValue)), "
                + "\"services\": [\(services)]}"
        }
        return "{\n  \"cut_pct\": \(JSONText.number(cutPercent)),\n  \"rules\": [\n"
            + rules.joined(separator: ",\n") + "\n  ]\n}\n"
    }

    private func latex() -> String {
        let table = rounding
        var lines = [
            "% The allocation rules of \(header.document.fileName.map { $0.isNewline ? " " : $0 }) by scenario \(header.toolVersion).",
            "% Needs \\usepackage{booktabs} and \\usepackage{longtable} in the preamble; typeset with pdflatex (LaTeX 2018 or later).",
        ]
        let allocation = allocationTable(table)
        for part in LaTeXTableLayout.parts(allocation, fixedColumns: 2) {
            lines += LaTeXTableLayout(allocation, fixedColumns: 2, cuts: part)
                .longtable(caption: "\(title): allocation by rule")
        }
        let changes = changeTable()
        for part in LaTeXTableLayout.parts(changes, fixedColumns: 1, stackingFigures: true) {
            lines += LaTeXTableLayout(changes, fixedColumns: 1, cuts: part, stackingFigures: true)
                .longtable(caption: "\(title): change from baseline by rule")
        }
        lines += ["", "\\begingroup\\footnotesize\\raggedright"]
        lines += notes.map { LaTeXText.escaped($0, breakingWordsLongerThan: 16) + "\\par" }
        lines += ["\\endgroup"]
        return lines.joined(separator: "\n") + "\n"
    }

    private func html() -> String {
        let table = rounding
        let escapedTitle = HTMLText.escaped(title)
        var lines = [
            "<!DOCTYPE html>",
            "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\" xml:lang=\"en\">",
            "<head>",
            "<meta charset=\"utf-8\"/>",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>",
            "<meta name=\"generator\" content=\"scenario \(HTMLText.escaped(header.toolVersion))\"/>",
            "<title>\(escapedTitle)</title>",
            "<style>", HTMLStyle.sheet, "</style>",
            "</head>", "<body>", "<main>",
            "<h1>\(escapedTitle)</h1>",
        ]
        lines += HTMLTable.render(allocationTable(table), id: "table-rules", caption: "Table 1: Allocation by rule, \(header.scenario.title), \(cut) cut")
        lines += HTMLTable.render(changeTable(), id: "table-rules-change", caption: "Table 2: Change from baseline by rule, \(header.scenario.title), \(cut) cut")
        lines.append("<footer>")
        lines += notes.map { "<p class=\"source\">\(HTMLText.escaped($0))</p>" }
        lines += ["</footer>", "</main>", "</body>", "</html>"]
        return lines.joined(separator: "\n") + "\n"
    }
}
