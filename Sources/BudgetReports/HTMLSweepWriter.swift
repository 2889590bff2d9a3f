import BudgetModel

/// The `html` sweep report: one standalone XHTML-compatible page with no
/// external files or scripts, for a board paper or the web.
///
/// Layout: the title; chart (a), the allocation of each service across the
/// cuts as stacked bars (`AllocationBarChart`), and chart (b), each service's
/// change in per cent per cut (`ChangeLineChart`), each an inline SVG with
/// `role="img"`, `<title>` and `<desc>`, a heading above and the source below;
/// the tables "Allocation by cut" (services, Baseline and every cut, the
/// totals rows in their own `<tbody>`) and "Change from baseline", each with a
/// `<caption>`, `scope` on every header cell, figures right-aligned with
/// thousands separators, inside a box that scrolls sideways in a narrow
/// window; a note per infeasible cut with its explanation; the rounding rule,
/// source, provenance and maximum feasible cut. Colours are the Okabe–Ito
/// palette; a print style sheet drops the scrolling and keeps charts whole.
/// Nothing depends on the time or the machine, so runs are byte-identical. With the
/// `--interactive` pieces, a live section comes first (`HTMLLiveSection`).
///
/// The page needs every cut to draw its charts, so the writer holds them
/// until `finish()`: at most `SweepFormat.html.maximumCuts` (200). Cuts
/// beyond that are not shown, and the page says how many were left out;
/// check the count first with `SweepFormat.checkCutCount(_:)`.
public struct HTMLSweepWriter<Output: TextOutputStream>: SweepWriter {
    /// The sink, with everything written so far.
    public private(set) var output: Output
    private let header: SweepHeader
    private var cuts = SweepBlock()
    private var cutsLeftOut = 0
    private let limit = SweepFormat.html.maximumCuts ?? 200
    /// The pieces of the live section (`--interactive`), if any.
    private let live: PiecewiseAllocation?

    /// Writes the head of the page and the title. With `live`, the page opens with a cut
    /// slider over `live.range` showing the exact allocation at any cut (`HTMLLiveSection`).
    public init(header: SweepHeader, output: Output, live: PiecewiseAllocation? = nil) {
        self.header = header
        self.output = output
        self.live = live
        let title = HTMLText.escaped(header.scenario.title)
        self.output.write(
            """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="en" xml:lang="en">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <meta name="generator" content="scenario \(HTMLText.escaped(header.toolVersion))"/>
            <title>\(title)</title>
            <style>
            \(HTMLStyle.sheet)
            </style>
            </head>
            <body>
            <main>
            <h1>\(title)</h1>

            """)
    }

    /// Holds the cut (up to the limit of 200) for the charts and tables.
    public mutating func write(_ result: CutResult) {
        guard cuts.results.count < limit else {
            cutsLeftOut += 1
            return
        }
        cuts.append(result)
    }

    /// Writes the charts, the tables, the notes and the end of the page.
    public mutating func finish() {
        var lines: [String] = []
        if cutsLeftOut > 0 {
            lines.append("<p class=\"warning\">This page shows the first \(limit) cuts of the sweep; the other \(cutsLeftOut) are left out. Use a larger step, or the csv or json format for every cut.</p>")
        }
        if let live { lines += HTMLLiveSection(header: header, allocation: live).lines() }
        let results = cuts.results
        let range = CutRangeCaption.text(results)
        let rounding = cuts.rounding(header: header)
        if !results.isEmpty {
            let bars = AllocationBarChart(
                header: header, baselines: rounding.baselines, results: results, rounded: rounding.cuts)
            lines += figure(number: 1, title: bars.title, svg: bars.svg(id: "chart-allocation"))
            let changes = ChangeLineChart(header: header, results: results)
            lines += figure(number: 2, title: changes.title, svg: changes.svg(id: "chart-change"))
        }
        lines.append("<h2>Tables</h2>")
        let allocation = cuts.allocationTable(header: header, rounding: rounding)
        lines += HTMLTable.render(
            allocation, id: "table-allocation",
            caption: "Table 1: Allocation by cut, \(header.scenario.title)" + (range.isEmpty ? "" : ", \(range)"))
        lines += HTMLTable.render(
            changeTable(), id: "table-change",
            caption: "Table 2: Change from baseline, \(header.scenario.title)" + (range.isEmpty ? "" : ", \(range)"))
        if let areas = cuts.areaTable(header: header) {
            lines += HTMLTable.render(
                areas, id: "table-areas",
                caption: "Table 3: By area, \(header.scenario.title)" + (range.isEmpty ? "" : ", \(range)"))
            lines.append("<p class=\"note\">\(HTMLText.escaped(SweepBlock.areaNote))</p>")
        }
        for (heading, notes) in [
            ("Closures", cuts.closureNotes(header: header)), ("Infeasible cuts", cuts.infeasibleNotes(header: header)), ("Unallocated money", cuts.unallocatedNotes(header: header)),
        ] where !notes.isEmpty {
            lines.append("<h2>\(heading)</h2>")
            lines += notes.map { "<p class=\"note\">\(HTMLText.escaped($0))</p>" }
        }
        lines.append("<footer>")
        lines += header.provenanceLines.map { "<p class=\"source\">\(HTMLText.escaped($0))</p>" }
        lines += ["</footer>", "</main>", "</body>", "</html>"]
        for line in lines { output.write(line + "\n") }
    }

    /// A chart in a `<figure>`: heading, the SVG, and the source under it.
    private func figure(number: Int, title: String, svg: [String]) -> [String] {
        var source = "Source: "
        if let scenarioSource = header.scenario.source { source += scenarioSource + "; " }
        source += "scenario file \(header.document.fileName). Money rounded to multiples of \(header.money.unitDescription) as in Table 1."
        return ["<figure>", "<h2 class=\"chart-title\">Figure \(number): \(HTMLText.escaped(title))</h2>"]
            + ["<div class=\"chart-scroll\">"] + svg + ["</div>", "<p class=\"source\">\(HTMLText.escaped(source))</p>", "</figure>"]
    }

    /// Per service and cut the change in per cent, with what holds the service there under it.
    private func changeTable() -> HTMLTable.Content {
        let services = header.scenario.services
        let rows = services.indices.map { index in
            cuts.results.map { result -> HTMLTable.Cell in
                guard result.status == .optimal,
                    let position = result.services.firstIndex(where: { $0.serviceID == services[index].id })
                else { return HTMLTable.Cell(text: SweepBlock.none) }
                let service = result.services[position]
                return HTMLTable.Cell(text: PercentFormatter.change(service.changePercent), detail: BindingText.phrase(service, in: header.scenario))
            }
        }
        return HTMLTable.Content(
            header: ["Service"] + cuts.results.map { PercentFormatter.cut($0.cutPercent) + " cut" },
            rowHeadings: services.map(\.name), rows: rows, totalsStart: nil)
    }
}
