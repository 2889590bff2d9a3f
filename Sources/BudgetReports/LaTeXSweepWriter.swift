import BudgetModel

/// The `latex` sweep report: the tables of the text report as `booktabs`
/// tables, for a board paper typeset with pdflatex.
///
/// Layout: a comment naming the preamble it needs (`\usepackage{booktabs}`,
/// nothing else); then per block of up to six cuts one `table` float holding
/// two tabulars, each under a `\caption` made of the scenario title, the
/// table's subject and the block's cut range: "Allocation by cut" (services,
/// Baseline and one right-aligned column per cut, a `\midrule` above the
/// totals rows) and "Change from baseline"; under them a footnote-size note
/// with the explanation of each infeasible cut, the rounding rule, the source,
/// the scenario file with its SHA-256 and the tool version, and the maximum
/// feasible cut. No timestamps, so the output is the same on every run.
///
/// Row headings over 28 characters wrap in a 13em column; in the change
/// table, what holds a service prints under its change, so blocks of six cuts
/// fit an `article` page with most scenarios' names.
///
/// Money prints with `\pounds{}` and `\texteuro{}`, dashes as `---`, minus
/// signs as `$-$`; every LaTeX special character in names is escaped. With
/// `standalone` the fragment is wrapped in a minimal `article` document.
public struct LaTeXSweepWriter<Output: TextOutputStream>: SweepWriter {
    /// The sink, with everything written so far.
    public private(set) var output: Output
    private let header: SweepHeader
    private let standalone: Bool
    private var block = SweepBlock()

    /// Writes the opening comment, and the preamble when `standalone`.
    public init(header: SweepHeader, output: Output, standalone: Bool = false) {
        self.header = header
        self.output = output
        self.standalone = standalone
        let fileName = header.document.fileName.map { $0.isNewline ? " " : $0 }
        self.output.write("% Sweep of \(String(fileName)) by scenario \(header.toolVersion).\n")
        self.output.write("% Needs \\usepackage{booktabs} in the preamble; typeset with pdflatex (LaTeX 2018 or later).\n")
        if standalone {
            self.output.write("\\documentclass{article}\n\\usepackage{booktabs}\n\\begin{document}\n")
        }
    }

    /// Holds the cut until its block of columns is full, then writes the block.
    public mutating func write(_ result: CutResult) {
        block.append(result)
        if block.isFull { writeBlock() }
    }

    /// Writes the last block, and ends the document when `standalone`.
    public mutating func finish() {
        if !block.isEmpty { writeBlock() }
        if standalone { output.write("\\end{document}\n") }
    }

    private mutating func writeBlock() {
        let range = CutRangeCaption.text(block.results)
        let title = header.scenario.title
        var lines = ["", "\\begin{table}[htbp]", "\\centering", "\\footnotesize", "\\setlength{\\tabcolsep}{4pt}"]
        lines.append("\\caption{" + LaTeXText.escaped("\(title): allocation by cut, \(range)") + "}")
        lines += Self.tabular(block.allocationTable(header: header))
        lines += ["", "\\bigskip"]
        lines.append("\\caption{" + LaTeXText.escaped("\(title): change from baseline, \(range)") + "}")
        var changes = block.changeTable(header: header)
        changes.alignments = changes.alignments.indices.map { $0 == 0 ? .left : .right }
        lines += Self.tabular(changes, stackingFigures: true)
        lines += ["", "\\medskip", "\\begin{minipage}{\\linewidth}", "\\footnotesize\\raggedright"]
        let notes = block.notes + header.provenanceLines
        lines += notes.map { LaTeXText.escaped($0, breakingLong: header.document.sha256) + "\\par" }
        lines += ["\\end{minipage}", "\\end{table}"]
        for line in lines { output.write(line + "\n") }
        block.removeAll()
    }

    /// A `booktabs` tabular: heading, `\midrule`, body, `\midrule` above the totals,
    /// `\bottomrule`. A long row heading wraps (`\parbox[t]`, ragged right); with
    /// `stackingFigures`, a cell "figure detail" (such as `-22.0% share`) prints the
    /// detail on a second line under the figure, so the columns stay narrow.
    static func tabular(_ table: ReportTable, stackingFigures: Bool = false) -> [String] {
        let columns = table.alignments.map { $0 == .right ? "r" : "l" }.joined()
        let longName = 28  // characters; longer row headings wrap in a column of nameWidth
        let nameWidth = "13em"
        func heading(_ text: String) -> String {
            let escaped = LaTeXText.escaped(text)
            return text.count > longName ? "\\parbox[t]{\(nameWidth)}{\\raggedright " + escaped + "}" : escaped
        }
        func figure(_ text: String) -> String {
            guard stackingFigures, let space = text.firstIndex(of: " ") else { return LaTeXText.escaped(text) }
            let value = LaTeXText.escaped(String(text[..<space]))
            let detail = LaTeXText.escaped(String(text[text.index(after: space)...]))
            return "\\begin{tabular}[t]{@{}r@{}}" + value + "\\\\" + detail + "\\end{tabular}"
        }
        func row(_ cells: [String]) -> String {
            cells.enumerated().map { $0.offset == 0 ? heading($0.element) : figure($0.element) }
                .joined(separator: " & ") + " \\\\"
        }
        var lines = ["\\begin{tabular}{@{}\(columns)@{}}", "\\toprule", row(table.header), "\\midrule"]
        for (index, cells) in table.rows.enumerated() {
            if index == table.totalsStart { lines.append("\\midrule") }
            lines.append(row(cells))
        }
        lines += ["\\bottomrule", "\\end{tabular}"]
        return lines
    }
}
