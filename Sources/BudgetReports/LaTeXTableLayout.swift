import BudgetModel

/// One `longtable` of the LaTeX report: some of a table's cut columns beside its fixed
/// columns (the row headings, and the baseline in the allocation table), laid out to
/// fit `LaTeXWidth.textWidth`.
///
/// The row headings take a wrapping column as wide as the longest heading, at most
/// `LaTeXWidth.widestNameColumn` and never squeezed below `narrowestNameColumn`; the
/// other columns take the width of their widest cell. A block whose cut columns do not
/// fit beside the fixed ones is split into the fewest tables of consecutive cuts that
/// do, as even as possible (six cuts: three and three rather than five and one).
struct LaTeXTableLayout {
    let table: ReportTable
    /// How many leading columns every part repeats.
    let fixedColumns: Int
    /// The cut columns of this part, counted from the first column after the fixed ones.
    let cuts: Range<Int>
    /// Whether a cell "figure detail" prints the detail under the figure.
    let stackingFigures: Bool
    /// The width of the row-heading column in points.
    let nameWidth: Double

    init(_ table: ReportTable, fixedColumns: Int, cuts: Range<Int>, stackingFigures: Bool = false) {
        self.table = table
        self.fixedColumns = fixedColumns
        self.cuts = cuts
        self.stackingFigures = stackingFigures
        let widths = Self.columnWidths(table, stackingFigures: stackingFigures)
        let available = Self.room(for: widths, fixedColumns: fixedColumns, cuts: cuts)
        nameWidth = max(0, min(widths[0], LaTeXWidth.widestNameColumn, available))
    }

    /// The ranges of cut columns, one per table, that split `table`'s cuts so that each
    /// table fits the text width (one cut per table when even a pair does not fit).
    static func parts(_ table: ReportTable, fixedColumns: Int, stackingFigures: Bool = false) -> [Range<Int>] {
        let count = table.header.count - fixedColumns
        guard count > 1 else { return [0..<max(count, 0)] }
        let widths = columnWidths(table, stackingFigures: stackingFigures)
        let needed = min(widths[0], LaTeXWidth.narrowestNameColumn)
        for partCount in 1...count {
            let parts = evenParts(count: count, into: partCount)
            let fits = parts.allSatisfy { room(for: widths, fixedColumns: fixedColumns, cuts: $0) >= needed }
            if fits { return parts }
        }
        return evenParts(count: count, into: count)
    }

    /// `count` consecutive columns in `partCount` runs whose lengths differ by at most one.
    private static func evenParts(count: Int, into partCount: Int) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        var start = 0
        for index in 0..<partCount {
            let length = count / partCount + (index < count % partCount ? 1 : 0)
            parts.append(start..<(start + length))
            start += length
        }
        return parts
    }

    /// The width left for the row headings beside the other fixed columns and `cuts`.
    private static func room(for widths: [Double], fixedColumns: Int, cuts: Range<Int>) -> Double {
        let others = Array(widths[1..<fixedColumns]) + cuts.map { widths[fixedColumns + $0] }
        let separations = 2 * LaTeXWidth.columnSeparation * Double(others.count)
        // A point short of the text width, so rounding in the estimate never overfills a line.
        return LaTeXWidth.textWidth - 1 - separations - others.reduce(0, +)
    }

    /// The width of each column's widest cell, heading included.
    private static func columnWidths(_ table: ReportTable, stackingFigures: Bool) -> [Double] {
        var widths = table.header.indices.map { column in
            column == 0 ? LaTeXWidth.of(table.header[0]) : cellWidth(table.header[column], stacking: stackingFigures)
        }
        for row in table.rows {
            for (column, cell) in row.enumerated() where column < widths.count {
                let width = column == 0 ? LaTeXWidth.of(cell) : cellWidth(cell, stacking: stackingFigures)
                widths[column] = max(widths[column], width)
            }
        }
        return widths
    }

    private static func cellWidth(_ text: String, stacking: Bool) -> Double {
        guard stacking, let space = text.firstIndex(of: " ") else { return LaTeXWidth.ofFigure(text) }
        let detail = detailLines(String(text[text.index(after: space)...]))
        return ([LaTeXWidth.ofFigure(String(text[..<space]))] + detail.map(LaTeXWidth.of)).max() ?? 0
    }

    /// A figure's detail (`share`, `group: Domestic and sexual violence services`) in lines
    /// no wider than `LaTeXWidth.widestDetail`: broken after a comma where it has one
    /// (`maximum,` above `2 posts of 2`), else between words; a word wider than that is a
    /// line of its own.
    static func detailLines(_ detail: String) -> [String] {
        if LaTeXWidth.of(detail) <= LaTeXWidth.widestDetail { return [detail] }
        let phrases = detail.components(separatedBy: ", ")
        if phrases.count > 1 {
            return phrases.enumerated().flatMap { index, phrase in
                detailLines(index < phrases.count - 1 ? phrase + "," : phrase)
            }
        }
        var lines: [String] = []
        for word in detail.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            if let last = lines.last, LaTeXWidth.of(last + " " + word) <= LaTeXWidth.widestDetail {
                lines[lines.count - 1] = last + " " + word
            } else {
                lines.append(word)
            }
        }
        return lines
    }

    /// The part as a `booktabs` `longtable`: caption, heading and `\midrule` (repeated,
    /// with the caption marked continued, on each page the table runs onto), body,
    /// `\midrule` above the totals, `\bottomrule`; "Continued on the next page" under
    /// each page's part but the last. In `\footnotesize`, columns 4pt apart.
    func longtable(caption: String) -> [String] {
        let columns = [0] + Array(1..<fixedColumns) + cuts.map { fixedColumns + $0 }
        let spec = "@{}p{" + DecimalText.fixed((nameWidth * 10).rounded(.down) / 10, places: 1) + "pt}"
            + String(repeating: "r", count: columns.count - 1) + "@{}"
        let heading = row(columns.map { table.header[$0] })
        let caption = LaTeXText.escaped(caption, breakingWordsLongerThan: 16)
        var lines = [
            "", "\\begingroup", "\\footnotesize", "\\setlength{\\tabcolsep}{4pt}",
            "\\begin{longtable}{\(spec)}",
            "\\caption{\(caption)}\\\\", "\\toprule", heading, "\\midrule", "\\endfirsthead",
            "\\caption[]{\(caption) (continued)}\\\\", "\\toprule", heading, "\\midrule", "\\endhead",
            "\\midrule", "\\multicolumn{\(columns.count)}{@{}r@{}}{Continued on the next page}\\\\", "\\endfoot",
            "\\bottomrule", "\\endlastfoot",
        ]
        for (index, cells) in table.rows.enumerated() {
            if index == table.totalsStart { lines.append("\\midrule") }
            lines.append(row(columns.map { cells[$0] }))
        }
        lines += ["\\end{longtable}", "\\endgroup"]
        return lines
    }

    /// A row: the heading ragged right in its wrapping column, then the figures; with
    /// `stackingFigures`, a cell "figure detail" (such as `-22.0% share`) prints the
    /// detail under the figure, in lines as `detailLines` breaks it, so the columns stay narrow.
    private func row(_ cells: [String]) -> String {
        func figure(_ text: String) -> String {
            guard stackingFigures, let space = text.firstIndex(of: " ") else { return LaTeXText.escaped(text) }
            let value = LaTeXText.escaped(String(text[..<space]))
            let detail = Self.detailLines(String(text[text.index(after: space)...])).map { LaTeXText.escaped($0) }
            return "\\begin{tabular}[t]{@{}r@{}}" + ([value] + detail).joined(separator: "\\\\") + "\\end{tabular}"
        }
        let heading = "\\raggedright " + LaTeXText.escaped(cells[0], breakingWordsLongerThan: 16)
        return ([heading] + cells.dropFirst().map(figure)).joined(separator: " & ") + " \\\\"
    }
}
