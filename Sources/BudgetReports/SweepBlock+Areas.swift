import BudgetModel

extension SweepBlock {
    /// The areas by cut (SCENARIO-SPEC section 13), nil when the scenario has no areas: per area
    /// four rows, its funds after the cut, what they pay to its own services and to its shares of
    /// shared services, and its unallocated money, each area's figures rounded to add up exactly
    /// (`RoundedArea`); a dash where a cut has no allocation.
    func areaTable(header: SweepHeader) -> ReportTable? {
        let scenario = header.scenario
        guard !scenario.areas.isEmpty else { return nil }
        let money = header.money
        let shared = Set(scenario.services.filter { $0.contributions != nil }.map(\.id))
        var rows: [[String]] = []
        for area in scenario.areas {
            var cells: [[String]] = [[], [], [], []]
            for result in results {
                guard result.status == .optimal, let figures = result.areas.first(where: { $0.areaID == area.id }) else {
                    for k in cells.indices { cells[k].append(Self.none) }
                    continue
                }
                let rounded = RoundedArea(figures, unit: scenario.unit)
                var own = 0.0, sharedUnits = 0.0
                for (payment, units) in zip(figures.pays, rounded.pays) {
                    if shared.contains(payment.serviceID) { sharedUnits += units } else { own += units }
                }
                for (k, units) in [rounded.funds, own, sharedUnits, rounded.unallocated].enumerated() {
                    cells[k].append(money.format(units: units))
                }
            }
            let labels = ["\(area.name): funds after the cut", "\(area.name): own services", "\(area.name): shared services", "\(area.name): unallocated"]
            for (label, row) in zip(labels, cells) { rows.append([label] + row) }
        }
        return ReportTable(
            header: ["Area"] + results.map { PercentFormatter.cut($0.cutPercent) + " cut" },
            alignments: [.left] + Array(repeating: .right, count: results.count), rows: rows, totalsStart: nil)
    }

    /// The sentence under the area table.
    static let areaNote = "Each area's own services, shared services and unallocated money add up to its funds after the cut; "
        + "shared services are paid in the stated contributions. " + AreaSection.roundingNote + " " + AreaSection.splitNote
}
