/// The frame of a chart with one column per category (the baseline or a cut):
/// the SVG element with its title and description, the legend, the value axis
/// with grid lines and the column labels. Bar and line charts draw inside it.
///
/// The SVG has a `viewBox` and no fixed size, so it scales to the width of the
/// page; its text is 12-unit sans-serif. Column labels turn 45° when the
/// columns are too narrow for them, and only every so many are shown when
/// even that would make them overlap.
struct ChartFrame {
    /// One entry of the legend.
    struct LegendItem {
        /// What the entry shows beside its label.
        enum Swatch {
            case fill(String)
            case hatch
            case marker(ChartPalette.Marker, String, ChartPalette.Dash)
        }

        var swatch: Swatch
        var label: String
    }

    /// The prefix of every `id` inside the chart (unique in the page).
    let id: String
    let columnLabels: [String]
    let scale: ChartScale
    let tickLabels: [String]
    let legend: [LegendItem]

    let width: Double
    let plotLeft: Double
    let plotRight: Double
    let plotTop: Double
    let plotBottom: Double
    let height: Double
    let slot: Double
    let labelsTurned: Bool
    private let legendLines: [[(item: LegendItem, x: Double)]]

    private static let charWidth = 7.0
    private static let legendLineHeight = 20.0
    /// The height of the plot area unless a chart asks for more.
    static let plotHeight = 260.0

    /// Lays out a chart of `columnLabels.count` columns on `scale`, its ticks labelled by
    /// `tickLabel`, its plot area `plotHeight` high.
    init(
        id: String, columnLabels: [String], scale: ChartScale, tickLabel: (Double) -> String, legend: [LegendItem],
        plotHeight: Double = Self.plotHeight
    ) {
        self.id = id
        self.columnLabels = columnLabels
        self.scale = scale
        self.legend = legend
        tickLabels = scale.ticks.map(tickLabel)
        let longestTick = Double(tickLabels.map(\.count).max() ?? 1)
        plotLeft = 16 + longestTick * Self.charWidth
        let plotWidth = max(560, Double(columnLabels.count) * 10)
        width = plotLeft + plotWidth + 16
        plotRight = plotLeft + plotWidth
        slot = plotWidth / Double(max(1, columnLabels.count))
        let longestLabel = Double(columnLabels.map(\.count).max() ?? 1)
        labelsTurned = longestLabel * Self.charWidth + 8 > slot

        var lines: [[(item: LegendItem, x: Double)]] = [[]]
        var x = 0.0
        for item in legend {
            let itemWidth = 24 + Double(item.label.count) * Self.charWidth + 16
            if x > 0, x + itemWidth > width - 16 {
                lines.append([])
                x = 0
            }
            lines[lines.count - 1].append((item, 16 + x))
            x += itemWidth
        }
        legendLines = lines
        plotTop = 12 + Double(lines.count) * Self.legendLineHeight + 12
        plotBottom = plotTop + plotHeight
        height = plotBottom + (labelsTurned ? 12 + longestLabel * Self.charWidth * 0.75 : 28)
    }

    /// The x of the centre of column `index`.
    func centre(ofColumn index: Int) -> Double { plotLeft + slot * (Double(index) + 0.5) }

    /// The y of `value` on the scale.
    func y(_ value: Double) -> Double { scale.position(of: value, bottom: plotBottom, top: plotTop) }

    /// The id of the hatch pattern that marks infeasible cuts.
    var hatchID: String { id + "-hatch" }

    /// The opening of the SVG: the element with `role="img"`, its `<title>` and
    /// `<desc>`, the hatch pattern and the chart's other `definitions` (fill patterns),
    /// the legend, the grid lines and tick labels.
    func opening(title: String, description: String, definitions: [String] = []) -> [String] {
        let c = HTMLText.coordinate
        var lines = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(c(width)) \(c(height))\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" font-family=\"Arial, Helvetica, sans-serif\" font-size=\"12\">",
            "<title id=\"\(id)-title\">\(HTMLText.escaped(title))</title>",
            "<desc id=\"\(id)-desc\">\(HTMLText.escaped(description))</desc>",
            "<defs><pattern id=\"\(hatchID)\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#ffffff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#555555\" stroke-width=\"2\"/></pattern>",
        ]
        lines += definitions
        lines.append("</defs>")
        for (line, items) in legendLines.enumerated() {
            let y = 12 + Double(line) * Self.legendLineHeight
            for (item, x) in items {
                lines.append(swatch(item.swatch, x: x, y: y))
                lines.append("<text x=\"\(c(x + 22))\" y=\"\(c(y + 12))\">\(HTMLText.escaped(item.label))</text>")
            }
        }
        for (tick, label) in zip(scale.ticks, tickLabels) {
            let y = c(self.y(tick))
            let stroke = tick == 0 ? "#333333" : "#dddddd"
            lines.append("<line x1=\"\(c(plotLeft))\" y1=\"\(y)\" x2=\"\(c(plotRight))\" y2=\"\(y)\" stroke=\"\(stroke)\"/>")
            lines.append("<text x=\"\(c(plotLeft - 6))\" y=\"\(y)\" dy=\"4\" text-anchor=\"end\">\(HTMLText.escaped(label))</text>")
        }
        return lines
    }

    /// The column labels (every `k`-th when crowded) and the end of the SVG.
    func closing() -> [String] {
        let c = HTMLText.coordinate
        let every = labelsTurned ? max(1, Int((16 / slot).rounded(.up))) : 1
        var lines: [String] = []
        for (index, label) in columnLabels.enumerated() where index % every == 0 {
            let x = centre(ofColumn: index)
            let text = HTMLText.escaped(label)
            if labelsTurned {
                let y = plotBottom + 12
                lines.append("<text x=\"\(c(x))\" y=\"\(c(y))\" text-anchor=\"end\" transform=\"rotate(-45 \(c(x)) \(c(y)))\">\(text)</text>")
            } else {
                lines.append("<text x=\"\(c(x))\" y=\"\(c(plotBottom + 18))\" text-anchor=\"middle\">\(text)</text>")
            }
        }
        lines.append("</svg>")
        return lines
    }

    private func swatch(_ swatch: LegendItem.Swatch, x: Double, y: Double) -> String {
        let c = HTMLText.coordinate
        switch swatch {
        case .fill(let colour):
            return "<rect x=\"\(c(x))\" y=\"\(c(y + 2))\" width=\"14\" height=\"12\" fill=\"\(colour)\"/>"
        case .hatch:
            return "<rect x=\"\(c(x))\" y=\"\(c(y + 2))\" width=\"14\" height=\"12\" fill=\"url(#\(hatchID))\" stroke=\"#555555\"/>"
        case .marker(let marker, let colour, let dash):
            return "<line x1=\"\(c(x - 2))\" y1=\"\(c(y + 8))\" x2=\"\(c(x + 16))\" y2=\"\(c(y + 8))\" stroke=\"\(colour)\" stroke-width=\"2\"\(dash.attribute)/>"
                + marker.svg(x: x + 7, y: y + 8, colour: colour)
        }
    }
}
