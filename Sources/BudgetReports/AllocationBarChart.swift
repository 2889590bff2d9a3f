import BudgetModel

/// Chart (a) of the HTML report: the allocation of each service across the
/// cuts as stacked bars, the baseline first and then one bar per cut, with the
/// money left unallocated on top in grey. Heights are the rounded figures of
/// the table, so chart and table agree. An infeasible cut is a hatched bar as
/// high as its envelope, labelled "Infeasible" when there is room.
///
/// Each service has its own colour and fill pattern (`ChartPalette`) and a number,
/// the number in the legend before its name and on each of its segments tall
/// enough to hold it, so services stay apart however many there are (the plot grows
/// 16 units a service from 17 services, up to 1,000 units high). Segments are
/// parted by white gaps, against which every colour has a contrast of at least 3:1.
struct AllocationBarChart {
    let header: SweepHeader
    let baselines: RoundedBaselines
    let results: [CutResult]
    let rounded: [RoundedCut]

    /// The chart as SVG lines, its ids prefixed with `id`.
    func svg(id: String) -> [String] {
        let money = header.money
        let services = header.scenario.services
        let columns = [baselines.services] + zip(results, rounded).map { result, figures in
            result.status == .optimal ? allocationsInFileOrder(result, figures) : []
        }
        let heights = [baselines.total] + rounded.map(\.envelope)
        let scale = ChartScale(covering: heights, minimumStep: 1)
        var legend = services.indices.map { index in
            ChartFrame.LegendItem(swatch: .fill(fill(ofService: index, id: id)), label: "\(index + 1) \(services[index].name)")
        }
        let patterns = services.indices.compactMap { index in
            ChartPalette.pattern(ofService: index)
                .definition(id: patternID(ofService: index, id: id), colour: ChartPalette.colour(ofService: index))
        }
        legend.append(.init(swatch: .fill(ChartPalette.unallocated), label: "Unallocated"))
        let infeasible = results.filter { $0.status == .infeasible }
        if !infeasible.isEmpty { legend.append(.init(swatch: .hatch, label: "Infeasible cut")) }
        let frame = ChartFrame(
            id: id, columnLabels: ["Baseline"] + results.map { PercentFormatter.cut($0.cutPercent) },
            scale: scale, tickLabel: { money.format(units: $0) }, legend: legend,
            plotHeight: max(ChartFrame.plotHeight, min(1_000, 16 * Double(services.count))))

        var lines = frame.opening(title: title, description: description(infeasible: infeasible), definitions: patterns)
        let c = HTMLText.coordinate
        let barWidth = min(frame.slot * 0.7, 64)
        for (column, segments) in columns.enumerated() {
            let left = c(frame.centre(ofColumn: column) - barWidth / 2)
            let cut = column == 0 ? nil : results[column - 1]
            if let cut, cut.status == .infeasible {
                let top = frame.y(rounded[column - 1].envelope)
                lines.append("<rect x=\"\(left)\" y=\"\(c(top))\" width=\"\(c(barWidth))\" height=\"\(c(frame.y(0) - top))\" fill=\"url(#\(frame.hatchID))\" stroke=\"#555555\"><title>\(HTMLText.escaped(PercentFormatter.cut(cut.cutPercent))) cut: infeasible</title></rect>")
                if barWidth >= 12 {
                    let x = frame.centre(ofColumn: column) + 4
                    let y = frame.y(0) - 6
                    lines.append("<text x=\"\(c(x))\" y=\"\(c(y))\" transform=\"rotate(-90 \(c(x)) \(c(y)))\" font-weight=\"bold\" fill=\"#000000\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">Infeasible</text>")
                }
                continue
            }
            var base = 0.0
            let unallocated = column == 0 ? 0 : rounded[column - 1].unallocated
            let parts = segments.enumerated().map { ($0.offset, $0.element, fill(ofService: $0.offset, id: id)) }
                + [(-1, unallocated, ChartPalette.unallocated)]
            for (index, value, fill) in parts where value > 0 {
                let top = frame.y(base + value)
                let height = frame.y(base) - top
                let name = index >= 0 ? services[index].name : "Unallocated"
                let label = (column == 0 ? "Baseline" : PercentFormatter.cut(cut?.cutPercent ?? 0) + " cut")
                    + ", " + name + ": " + money.format(units: value)
                lines.append("<rect x=\"\(left)\" y=\"\(c(top))\" width=\"\(c(barWidth))\" height=\"\(c(height))\" fill=\"\(fill)\" stroke=\"\(ChartPalette.background)\" stroke-width=\"1\"><title>\(HTMLText.escaped(label))</title></rect>")
                let number = String(index + 1)
                if index >= 0, height >= 13, barWidth >= Double(number.count) * 7 + 6 {
                    // The number on a ground of the service's colour, clear of the pattern's marks.
                    let colour = ChartPalette.colour(ofService: index)
                    lines.append("<text x=\"\(c(frame.centre(ofColumn: column)))\" y=\"\(c(top + height / 2 + 4))\" text-anchor=\"middle\" font-size=\"11\" fill=\"\(ChartPalette.labelColour(on: colour))\" stroke=\"\(colour)\" stroke-width=\"3\" paint-order=\"stroke\" pointer-events=\"none\">\(number)</text>")
                }
                base += value
            }
        }
        return lines + frame.closing()
    }

    /// The fill of service `index`'s segments: its colour, or its pattern in its colour.
    private func fill(ofService index: Int, id: String) -> String {
        ChartPalette.pattern(ofService: index) == .solid
            ? ChartPalette.colour(ofService: index) : "url(#\(patternID(ofService: index, id: id)))"
    }

    private func patternID(ofService index: Int, id: String) -> String { "\(id)-service-\(index + 1)" }

    /// The chart's heading, also its SVG `<title>`.
    var title: String { "Allocation to each service at each cut, \(header.scenario.title)" }

    /// The rounded allocations of a feasible cut in the scenario's service order.
    private func allocationsInFileOrder(_ result: CutResult, _ figures: RoundedCut) -> [Double] {
        var values = Array(repeating: 0.0, count: header.scenario.services.count)
        for (position, service) in result.services.enumerated() {
            if let index = header.serviceIndex(of: service.serviceID, near: position), figures.services.indices.contains(position) {
                values[index] = figures.services[position]
            }
        }
        return values
    }

    private func description(infeasible: [CutResult]) -> String {
        var text = "Stacked bars of the money allocated to each of \(header.scenario.services.count) services, "
            + "rounded to multiples of \(header.money.unitDescription) as in the table: the baseline, then one bar per cut "
            + "(\(CutRangeCaption.text(results))); money left unallocated is grey on top. "
            + "Each service has its own colour and pattern and its number from the legend on its segments."
        if !infeasible.isEmpty {
            text += " Infeasible, drawn hatched to the height of the envelope: "
                + infeasible.map { PercentFormatter.cut($0.cutPercent) }.joined(separator: ", ") + "."
        }
        return text + " The table Allocation by cut gives every figure."
    }
}
