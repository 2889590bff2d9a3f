import BudgetModel

/// `scenario solve`: one cut in detail, as text or JSON.
///
/// For a feasible cut: per service its baseline, rounded allocation, change
/// in money and per cent and what holds it there; the totals; each fund after
/// the cut with the money used and left; and the money by fund and service,
/// labelled as one valid split. For an infeasible cut: the envelope, the
/// deficit and the explanation. Both end with the provenance lines, which
/// include the maximum feasible cut.
public struct CutDetailReport: Sendable {
    /// The scenario, its provenance and the maximum feasible cut.
    public var header: SweepHeader
    /// The cut to report.
    public var result: CutResult
    /// The cut's sensitivity, when computed (feasible cuts only).
    public var sensitivity: CutSensitivity?
    /// When set, the report shows this area's view (`solve --area`) in place of the per-area tables.
    public var areaID: String?

    /// A report of `result` for the scenario in `header`, with its sensitivity when given, and
    /// one area's view when `areaID` is given.
    public init(header: SweepHeader, result: CutResult, sensitivity: CutSensitivity? = nil, areaID: String? = nil) {
        self.header = header
        self.result = result
        self.sensitivity = sensitivity
        self.areaID = areaID
    }

    private var sensitivitySection: SensitivitySection? {
        sensitivity.map { SensitivitySection(header: header, sensitivity: $0) }
    }

    /// The report as aligned text, ending with a line break.
    public func text() -> String {
        let money = header.money
        let scenario = header.scenario
        let table = RoundedTable(header: header, results: [result])
        let rounded = table.cuts[0]
        let cut = PercentFormatter.cut(result.cutPercent)
        var lines = ["\(scenario.title): \(PercentFormatter.indefiniteArticle(before: cut)) \(cut) cut", ""]
        lines.append("Envelope after the cut: \(money.format(units: rounded.envelope))")
        lines.append("Status: \(result.status.rawValue)")
        if let closures = ClosureWording(scenario: scenario).sentence(result) { lines += ["", closures] }
        if result.status == .infeasible {
            lines.append("Deficit: \(rounded.deficit.map(money.format(units:)) ?? SweepBlock.none)")
            if let explanation = ConflictWording(scenario: scenario).explanation(result) { lines += ["", explanation] }
            lines += FallbackTable(header: header, result: result).textLines()
        } else {
            lines += ["", "Services"]
            lines += serviceTable(rounded, baselines: table.baselines).renderedAsText()
            let unallocated = UnallocatedWording(scenario: scenario).sentences(result)
            if !unallocated.isEmpty { lines += [""] + unallocated }
            if let usage = FundUsage(result: result, scenario: scenario, allocationUnits: rounded.services) {
                lines += ["", "Funds after the cut"]
                lines += fundTable(usage).renderedAsText()
                lines += ["", "Money by fund and service (one valid split)"]
                lines += splitTable(usage).renderedAsText()
            }
            let areas = AreaSection(header: header, result: result)
            lines += areaID.map { areas.areaViewLines($0) } ?? areas.textLines()
            lines += sensitivitySection?.textLines() ?? []
        }
        lines.append("")
        lines += header.provenanceLines
        return lines.joined(separator: "\n") + "\n"
    }

    private func serviceTable(_ rounded: RoundedCut, baselines: RoundedBaselines) -> ReportTable {
        let money = header.money
        var rows: [[String]] = []
        var baselineTotal = 0.0
        for (index, service) in result.services.enumerated() {
            let scenarioIndex = header.serviceIndex(of: service.serviceID, near: index)
            let baselineUnits = scenarioIndex.map { baselines.services[$0] }
                ?? LargestRemainderRounding.roundToUnits(service.baseline, unit: header.scenario.unit)
            baselineTotal += baselineUnits
            rows.append([
                header.serviceName(of: service.serviceID, near: index), money.format(units: baselineUnits),
                money.format(units: rounded.services[index]), money.format(units: rounded.services[index] - baselineUnits),
                PercentFormatter.change(service.changePercent), BindingText.phrase(service, in: header.scenario),
            ])
        }
        let totalsStart = rows.count
        let exactBaselines = result.services.reduce(0) { $0 + $1.baseline }
        rows.append([
            "Total allocated", money.format(units: baselineTotal), money.format(units: rounded.allocated),
            money.format(units: rounded.allocated - baselineTotal),
            PercentFormatter.change((result.allocated - exactBaselines) / exactBaselines * 100), "",
        ])
        rows.append(["Unallocated", "", money.format(units: rounded.unallocated), "", "", ""])
        rows.append(["Envelope", "", money.format(units: rounded.envelope), "", "", ""])
        return ReportTable(
            header: ["Service", "Baseline", "Allocation", "Change", "Change %", "Held by"],
            alignments: [.left, .right, .right, .right, .right, .left], rows: rows, totalsStart: totalsStart)
    }

    private func fundTable(_ usage: FundUsage) -> ReportTable {
        let money = header.money
        let rows = usage.rows.map { row in
            [
                row.fund.name, Self.cutWord(row.fund), money.format(units: row.afterCutUnits),
                money.format(units: row.usedUnits), money.format(units: row.leftUnits),
            ]
        }
        return ReportTable(
            header: ["Fund", "Cut", "After the cut", "Used", "Left"],
            alignments: [.left, .left, .right, .right, .right], rows: rows, totalsStart: nil)
    }

    /// How a fund's cut reads in the fund table: `yes` (multiplier 1), `no` (0), or the
    /// multiplier as a rate, `0.5x`.
    static func cutWord(_ fund: Fund) -> String {
        switch fund.cutMultiplier {
        case 1: return "yes"
        case 0: return "no"
        default: return PercentFormatter.number(fund.cutMultiplier) + "x"
        }
    }

    /// A fund's `cut` in JSON: `true`, `false`, or the multiplier.
    static func cutJSON(_ fund: Fund) -> String {
        switch fund.cutMultiplier {
        case 1: return "true"
        case 0: return "false"
        default: return JSONText.number(fund.cutMultiplier)
        }
    }

    private func splitTable(_ usage: FundUsage) -> ReportTable {
        let money = header.money
        var previous: Int?
        let rows = usage.pieces.map { piece -> [String] in
            defer { previous = piece.serviceIndex }
            let name = previous == piece.serviceIndex ? "" : header.scenario.services[piece.serviceIndex].name
            return [name, usage.rows[piece.fundIndex].fund.name, money.format(units: piece.units)]
        }
        return ReportTable(
            header: ["Service", "Fund", "Amount"], alignments: [.left, .left, .right], rows: rows, totalsStart: nil)
    }

    /// The report as one JSON object, ending with a line break: the opening
    /// members of the sweep JSON, then `cut` (the sweep's cut object), `funds`
    /// (`id`, `name`, `cut`, `after_cut`, `used`, `left` exact, and `*_rounded`)
    /// and `split` (one valid split: `service`, `fund`, `amount`,
    /// `amount_rounded`, non-zero pieces only); the cut object carries `conflict` or
    /// `unallocated_by_fund`. `funds` and `split` are empty when the cut is infeasible. With a sensitivity,
    /// `sensitivity` ends the object (docs/REPORTS.md describes it).
    public func json() -> String {
        let money = header.money
        let table = RoundedTable(header: header, results: [result])
        var text = JSONText.opening(header, roundsEachCut: !table.isControlled)
        text += "  \"cut\":\n" + JSONText.cutObject(result, rounded: table.cuts[0], header: header) + ",\n"
        let usage = FundUsage(result: result, scenario: header.scenario, allocationUnits: table.cuts[0].services)
        let funds = (usage?.rows ?? []).map { row in
            "    {" + [
                "\"id\": " + JSONText.string(row.fund.id), "\"name\": " + JSONText.string(row.fund.name),
                "\"cut\": " + Self.cutJSON(row.fund),
                "\"after_cut\": " + JSONText.exact(row.afterCut), "\"used\": " + JSONText.exact(row.used),
                "\"left\": " + JSONText.exact(row.left),
                "\"after_cut_rounded\": " + money.plain(units: row.afterCutUnits),
                "\"used_rounded\": " + money.plain(units: row.usedUnits),
                "\"left_rounded\": " + money.plain(units: row.leftUnits),
            ].joined(separator: ", ") + "}"
        }
        let pieces = (usage?.pieces ?? []).map { piece in
            "    {" + [
                "\"service\": " + JSONText.string(header.scenario.services[piece.serviceIndex].id),
                "\"fund\": " + JSONText.string(header.scenario.funds[piece.fundIndex].id),
                "\"amount\": " + JSONText.exact(piece.amount), "\"amount_rounded\": " + money.plain(units: piece.units),
            ].joined(separator: ", ") + "}"
        }
        text += "  \"funds\": [" + (funds.isEmpty ? "" : "\n" + funds.joined(separator: ",\n") + "\n  ") + "],\n"
        text += "  \"split_note\": \"one valid split: the split of money across funds need not be unique\",\n"
        text += "  \"split\": [" + (pieces.isEmpty ? "" : "\n" + pieces.joined(separator: ",\n") + "\n  ") + "]"
        if let areaID {
            var view = result
            view.areas = result.areas.filter { $0.areaID == areaID }
            text += ",\n  \"area\": " + (view.areas.isEmpty ? "null" : String(JSONText.areas(view, header: header).dropFirst().dropLast()))
        }
        if let section = sensitivitySection { text += ",\n  \"sensitivity\": " + section.json() }
        text += "\n"
        return text + "}\n"
    }
}
