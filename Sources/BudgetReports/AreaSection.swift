import BudgetModel

/// The per-area part of a report (SCENARIO-SPEC section 13): for each area of a feasible cut,
/// its funds after the cut, what they pay to its own services and to its shares of shared
/// services, and its unallocated money, rounded so that each area's figures add up exactly.
struct AreaSection {
    let header: SweepHeader
    let result: CutResult

    private var scenario: Scenario { header.scenario }
    private var money: MoneyFormatter { header.money }

    /// Whether the cut has area figures to show.
    var isEmpty: Bool { result.areas.isEmpty }

    private func area(_ id: String) -> Area? { scenario.areas.first { $0.id == id } }
    private func serviceIndex(_ id: String) -> Int? { scenario.services.firstIndex { $0.id == id } }
    private func isShared(_ serviceID: String) -> Bool {
        serviceIndex(serviceID).map { scenario.services[$0].contributions != nil } ?? false
    }

    /// What the rounding of area figures promises, under every area table.
    static let roundingNote = "Each area's figures are rounded so that they add up to its rounded funds after the cut; "
        + "a payment may therefore differ by one unit of rounding from the same money rounded in another table."

    /// The note under an area table whose split is one of several.
    static let splitNote = "Payments are one valid split where funds with no area, or several of an area's funds, may pay the same service."

    /// The joint table: one row per area with its funds after the cut, what it pays to its own
    /// services and to shared ones, and its unallocated money; then the totals.
    func jointTable() -> ReportTable {
        var rows: [[String]] = []
        var totals = [0.0, 0.0, 0.0, 0.0]
        for areaResult in result.areas {
            let rounded = RoundedArea(areaResult, unit: scenario.unit)
            var own = 0.0, shared = 0.0
            for (payment, units) in zip(areaResult.pays, rounded.pays) {
                if isShared(payment.serviceID) { shared += units } else { own += units }
            }
            let figures = [rounded.funds, own, shared, rounded.unallocated]
            for k in totals.indices { totals[k] += figures[k] }
            let name = (area(areaResult.areaID)?.name ?? areaResult.areaID) + (areaResult.isOneValidSplit ? " *" : "")
            rows.append([name] + figures.map { money.format(units: $0) })
        }
        let totalsStart = rows.count
        rows.append(["All areas"] + totals.map { money.format(units: $0) })
        return ReportTable(
            header: ["Area", "Funds after the cut", "Own services", "Shared services", "Unallocated"],
            alignments: [.left, .right, .right, .right, .right], rows: rows, totalsStart: totalsStart)
    }

    /// The shared services: per shared service and paying area, the area's proportion and what it pays.
    func sharedTable() -> ReportTable? {
        var rows: [[String]] = []
        for (s, service) in scenario.services.enumerated() {
            guard let shares = scenario.contributionShares(ofService: s) else { continue }
            var first = true
            for share in shares {
                guard let areaResult = result.areas.first(where: { $0.areaID == share.area }),
                      let k = areaResult.pays.firstIndex(where: { $0.serviceID == service.id }) else { continue }
                let units = RoundedArea(areaResult, unit: scenario.unit).pays[k]
                rows.append([
                    first ? service.name : "", area(share.area)?.name ?? share.area,
                    PercentFormatter.number((share.fraction * 1e6).rounded() / 1e4) + "%", money.format(units: units),
                ])
                first = false
            }
        }
        guard !rows.isEmpty else { return nil }
        return ReportTable(
            header: ["Shared service", "Paid by", "Proportion", "Amount"],
            alignments: [.left, .left, .right, .right], rows: rows, totalsStart: nil)
    }

    /// The text lines of the section: the joint table, the shared services, and the split note
    /// when an area's split is one of several.
    func textLines() -> [String] {
        guard !isEmpty else { return [] }
        var lines = ["", "Areas (each row adds up: own services + shared services + unallocated = funds after the cut)"]
        lines += jointTable().renderedAsText()
        if let shared = sharedTable() {
            lines += ["", "Shared services by area"]
            lines += shared.renderedAsText()
        }
        lines += ["", Self.roundingNote]
        if result.areas.contains(where: \.isOneValidSplit) { lines += ["", "* " + Self.splitNote] }
        return lines
    }

    /// One area's view, as text lines: its funds after the cut, then every service it may pay
    /// with the service's allocation and what the area pays of it, then its unallocated money.
    func areaViewLines(_ id: String) -> [String] {
        guard let areaResult = result.areas.first(where: { $0.areaID == id }) else { return [] }
        let name = area(id)?.name ?? id
        let rounded = RoundedArea(areaResult, unit: scenario.unit)
        let allocations = RoundedTable(header: header, results: [result]).cuts[0].services
        var rows: [[String]] = []
        for (payment, units) in zip(areaResult.pays, rounded.pays) {
            guard let s = serviceIndex(payment.serviceID) else { continue }
            let service = scenario.services[s]
            let share = scenario.contributionShares(ofService: s)?.first { $0.area == id }
            let how = share.map { "shared: " + PercentFormatter.number(($0.fraction * 1e6).rounded() / 1e4) + "% of the areas' part" } ?? "own service"
            let position = result.services.firstIndex { $0.serviceID == service.id }
            rows.append([
                service.name, position.map { money.format(units: allocations[$0]) } ?? SweepBlock.none,
                money.format(units: units), how,
            ])
        }
        let totalsStart = rows.count
        rows.append(["Paid by \(name)", "", money.format(units: rounded.paid), ""])
        rows.append(["Unallocated", "", money.format(units: rounded.unallocated), ""])
        rows.append(["Funds after the cut", "", money.format(units: rounded.funds), ""])
        var lines = ["", "\(name): what its funds pay" + (areaResult.isOneValidSplit ? " (one valid split)" : "")]
        lines += ReportTable(
            header: ["Service", "Allocation", "Paid by \(name)", "How"],
            alignments: [.left, .right, .right, .left], rows: rows, totalsStart: totalsStart
        ).renderedAsText()
        lines += ["", Self.roundingNote]
        if areaResult.isOneValidSplit { lines += ["", Self.splitNote] }
        return lines
    }
}

extension JSONText {
    /// The `areas` of a cut (SCENARIO-SPEC section 13): per area `id`, `name`, `funds`,
    /// `unallocated`, `pays` (`service`, `amount`, `amount_rounded`), the rounded `funds_rounded`
    /// and `unallocated_rounded`, and `one_valid_split`. At a feasible cut they are the
    /// allocation's; at an infeasible cut the funds after the cut, with what they pay and leave
    /// in the fallback allocation when the cut has one, and without one `pays` empty and
    /// `unallocated`, `unallocated_rounded` and `one_valid_split` null.
    static func areas(_ result: CutResult, header: SweepHeader) -> String {
        switch (result.status, result.fallback) {
        case (.optimal, _): return areas(result.areas, header: header)
        case (_, .fallback(let fallback)?): return areas(fallback.areas, header: header)
        default:
            let objects = header.scenario.areas.map { area in
                let funds = AreaResult.funds(of: area.id, in: header.scenario, atCut: result.cutPercent)
                return "{" + [
                    "\"id\": " + string(area.id), "\"name\": " + string(area.name),
                    "\"funds\": " + exact(funds),
                    "\"funds_rounded\": " + header.money.plain(units: LargestRemainderRounding.roundToUnits(funds, unit: header.scenario.unit)),
                    "\"unallocated\": null", "\"unallocated_rounded\": null", "\"one_valid_split\": null", "\"pays\": []",
                ].joined(separator: ", ") + "}"
            }
            return "[" + objects.joined(separator: ", ") + "]"
        }
    }

    private static func areas(_ areas: [AreaResult], header: SweepHeader) -> String {
        let money = header.money
        let objects = areas.map { area in
            let rounded = RoundedArea(area, unit: header.scenario.unit)
            let pays = zip(area.pays, rounded.pays).map { payment, units in
                "{\"service\": \(string(payment.serviceID)), \"amount\": \(exact(payment.amount)), \"amount_rounded\": \(money.plain(units: units))}"
            }
            return "{" + [
                "\"id\": " + string(area.areaID),
                "\"name\": " + string(header.scenario.areas.first { $0.id == area.areaID }?.name ?? area.areaID),
                "\"funds\": " + exact(area.funds), "\"funds_rounded\": " + money.plain(units: rounded.funds),
                "\"unallocated\": " + exact(area.unallocated), "\"unallocated_rounded\": " + money.plain(units: rounded.unallocated),
                "\"one_valid_split\": " + (area.isOneValidSplit ? "true" : "false"),
                "\"pays\": [" + pays.joined(separator: ", ") + "]",
            ].joined(separator: ", ") + "}"
        }
        return "[" + objects.joined(separator: ", ") + "]"
    }
}
