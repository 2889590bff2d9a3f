import BudgetModel

/// The `latex` sweep report: the tables of the text report as `booktabs`
/// tables in `longtable`s, for a board paper typeset with pdflatex.
///
/// Layout: a comment naming the preamble it needs (`\usepackage{booktabs}` and
/// `\usepackage{longtable}`, nothing else); then per block of up to six cuts the
/// "Allocation by cut" table (services, Baseline and one right-aligned column per
/// cut, a `\midrule` above the totals rows) and the "Change from baseline" table
/// (what holds a service prints under its change), each captioned with the
/// scenario title, the table's subject and its cut range; under them, in
/// footnote size, the explanation of each infeasible cut, the rounding rule, the
/// source, the scenario file with its SHA-256 and the tool version, and the maximum
/// feasible cut. No floats: the tables break across pages (the heading repeats,
/// "Continued on the next page" at each break) and nothing is lost however many
/// services there are. No timestamps, so the output is the same on every run.
///
/// Every table fits a text width of 345pt (`article` at 10pt; wider pages leave
/// room): row headings wrap in a column of 70 to 104pt, and a block whose cut
/// columns do not fit beside them is split into tables of fewer cuts (see
/// `LaTeXTableLayout`). Long words (paths, ids, the SHA-256) may break anywhere.
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
        self.output.write("% Needs \\usepackage{booktabs} and \\usepackage{longtable} in the preamble; typeset with pdflatex (LaTeX 2018 or later).\n")
        self.output.write("% The tables fit a text width of 345pt or more and break across pages.\n")
        if standalone {
            self.output.write("\\documentclass{article}\n\\usepackage{booktabs}\n\\usepackage{longtable}\n\\begin{document}\n")
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
        let title = header.scenario.title
        var lines: [String] = []
        let allocation = block.allocationTable(header: header)
        for cuts in LaTeXTableLayout.parts(allocation, fixedColumns: 2) {
            let range = CutRangeCaption.text(Array(block.results[cuts]))
            lines += LaTeXTableLayout(allocation, fixedColumns: 2, cuts: cuts)
                .longtable(caption: "\(title): allocation by cut, \(range)")
        }
        var changes = block.changeTable(header: header)
        changes.alignments = changes.alignments.indices.map { $0 == 0 ? .left : .right }
        for cuts in LaTeXTableLayout.parts(changes, fixedColumns: 1, stackingFigures: true) {
            let range = CutRangeCaption.text(Array(block.results[cuts]))
            lines += LaTeXTableLayout(changes, fixedColumns: 1, cuts: cuts, stackingFigures: true)
                .longtable(caption: "\(title): change from baseline, \(range)")
        }
        if let areas = block.areaTable(header: header) {
            for cuts in LaTeXTableLayout.parts(areas, fixedColumns: 1) {
                let range = CutRangeCaption.text(Array(block.results[cuts]))
                lines += LaTeXTableLayout(areas, fixedColumns: 1, cuts: cuts).longtable(caption: "\(title): by area, \(range)")
            }
        }
        lines += ["", "\\begingroup\\footnotesize\\raggedright"]
        let notes = block.notes(header: header) + (header.scenario.areas.isEmpty ? [] : [SweepBlock.areaNote]) + header.provenanceLines
        lines += notes.map { LaTeXText.escaped($0, breakingWordsLongerThan: 16) + "\\par" }
        lines += ["\\endgroup"]
        for line in lines { output.write(line + "\n") }
        block.removeAll()
    }
}
