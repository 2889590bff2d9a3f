import BudgetModel

/// Chart (b) of the HTML report: each service's change from baseline in per
/// cent at each cut, one line per service with its own colour, marker shape
/// and dash (`ChartPalette`), numbered in the legend as in the bar chart (a
/// service whose line lies on an earlier one's says "same line as" its number),
/// the zero line drawn darker. Each point's tooltip names its service and
/// figure. An infeasible cut has no figures: the lines break there and its column is hatched and labelled "Infeasible".
/// The lines also break between two cuts whose closed services differ: the
/// allocations jump somewhere between them (SCENARIO-SPEC section 12), so a
/// line across would show a gradual change that does not happen.
/// A service with a zero baseline has no percentage and is left out.
struct ChangeLineChart {
    let header: SweepHeader
    let results: [CutResult]

    /// The chart as SVG lines, its ids prefixed with `id`.
    func svg(id: String) -> [String] {
        let services = header.scenario.services
        // changes[service][cut], nil where there is no figure.
        var changes = Array(repeating: [Double?](repeating: nil, count: results.count), count: services.count)
        for (cut, result) in results.enumerated() where result.status == .optimal {
            for (position, service) in result.services.enumerated() {
                if let index = header.serviceIndex(of: service.serviceID, near: position), let percent = service.changePercent, percent.isFinite {
                    changes[index][cut] = percent
                }
            }
        }
        let scale = ChartScale(covering: changes.flatMap { $0.compactMap { $0 } })
        var legend = services.indices.map { index in
            let shared = Self.firstSameLine(as: index, in: changes).map { " (same line as \($0 + 1))" } ?? ""
            return ChartFrame.LegendItem(
                swatch: .marker(.ofService(index), ChartPalette.colour(ofService: index), ChartPalette.dash(ofService: index)),
                label: "\(index + 1) \(services[index].name)\(shared)")
        }
        let infeasible = results.filter { $0.status == .infeasible }
        if !infeasible.isEmpty { legend.append(.init(swatch: .hatch, label: "Infeasible cut")) }
        let decimals = scale.tickDecimals
        let frame = ChartFrame(
            id: id, columnLabels: results.map { PercentFormatter.cut($0.cutPercent) }, scale: scale,
            tickLabel: { tick in
                let text = DecimalText.fixed(tick, places: decimals)
                return (tick > 0 ? "+" : "") + (Double(text) == 0 ? DecimalText.fixed(0, places: decimals) : text) + "%"
            },
            legend: legend)

        var lines = frame.opening(title: title, description: description(infeasible: infeasible))
        let c = HTMLText.coordinate
        for (column, result) in results.enumerated() where result.status == .infeasible {
            let left = frame.centre(ofColumn: column) - frame.slot * 0.35
            lines.append("<rect x=\"\(c(left))\" y=\"\(c(frame.plotTop))\" width=\"\(c(frame.slot * 0.7))\" height=\"\(c(frame.plotBottom - frame.plotTop))\" fill=\"url(#\(frame.hatchID))\" opacity=\"0.6\"><title>\(HTMLText.escaped(PercentFormatter.cut(result.cutPercent))) cut: infeasible</title></rect>")
            if frame.slot * 0.7 >= 12 {
                let x = frame.centre(ofColumn: column) + 4
                let y = frame.plotBottom - 6
                lines.append("<text x=\"\(c(x))\" y=\"\(c(y))\" transform=\"rotate(-90 \(c(x)) \(c(y)))\" font-weight=\"bold\" fill=\"#000000\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">Infeasible</text>")
            }
        }
        let jumps = Set(jumpColumns)
        for (index, series) in changes.enumerated() {
            let colour = ChartPalette.colour(ofService: index)
            var path = ""
            var drawing = false
            for (column, value) in series.enumerated() {
                guard let value else {
                    drawing = false
                    continue
                }
                let joined = drawing && !jumps.contains(column)
                path += (joined ? "L" : "M") + c(frame.centre(ofColumn: column)) + " " + c(frame.y(value))
                drawing = true
            }
            if !path.isEmpty {
                lines.append("<path d=\"\(path)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"\(ChartPalette.dash(ofService: index).attribute)/>")
            }
            let marker = ChartPalette.Marker.ofService(index)
            for (column, value) in series.enumerated() {
                guard let value else { continue }
                let tip = "\(index + 1) \(services[index].name), \(PercentFormatter.cut(results[column].cutPercent)) cut: "
                    + PercentFormatter.change(value)
                lines.append("<g><title>\(HTMLText.escaped(tip))</title>"
                    + marker.svg(x: frame.centre(ofColumn: column), y: frame.y(value), colour: colour) + "</g>")
            }
        }
        return lines + frame.closing()
    }

    /// The first service before `index` whose line is the same as `index`'s, so that one lies
    /// under the other: a figure at the same cuts, each within 1e-9 points of the other; nil
    /// when there is none or `index`'s line has no point.
    static func firstSameLine(as index: Int, in changes: [[Double?]]) -> Int? {
        let series = changes[index]
        guard series.contains(where: { $0 != nil }) else { return nil }
        return (0..<index).first { other in
            zip(changes[other], series).allSatisfy { a, b in
                switch (a, b) {
                case (nil, nil): true
                case let (a?, b?): abs(a - b) <= 1e-9
                default: false
                }
            }
        }
    }

    /// The chart's heading, also its SVG `<title>`.
    var title: String { "Change from baseline of each service at each cut, \(header.scenario.title)" }

    private func description(infeasible: [CutResult]) -> String {
        var text = "Lines of each service's change from its baseline in per cent, one point per cut "
            + "(\(CutRangeCaption.text(results))), each service with its own colour, marker and dash."
        if !infeasible.isEmpty {
            text += " Infeasible cuts have no allocation and are hatched: "
                + infeasible.map { PercentFormatter.cut($0.cutPercent) }.joined(separator: ", ") + "."
        }
        let jumps = jumpColumns
        if !jumps.isEmpty {
            text += " The lines break where the closed services change, as the allocations jump between those cuts: "
                + jumps.map { "between \(PercentFormatter.cut(results[$0 - 1].cutPercent)) and \(PercentFormatter.cut(results[$0].cutPercent))" }
                    .joined(separator: ", ") + "."
        }
        return text + " The table Change from baseline gives every figure."
    }

    /// The columns whose closed services differ from the feasible column before them.
    private var jumpColumns: [Int] {
        results.indices.dropFirst().filter { column in
            results[column].status == .optimal && results[column - 1].status == .optimal
                && results[column - 1].closedServices != results[column].closedServices
        }
    }
}
