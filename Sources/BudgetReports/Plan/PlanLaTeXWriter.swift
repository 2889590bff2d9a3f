import BudgetModel

/// The `latex` plan report: the tables of the text report as `booktabs` longtables (see
/// `LaTeXSweepWriter` for the layout rules: 345pt text width, tables split by years when too
/// wide, every special character escaped), captioned with the title, the table's subject and
/// the path; under each path's tables its notes, and at the end the rounding, deflation,
/// source and provenance lines and the maximum sustainable cut, in footnote size.
public struct PlanLaTeXWriter {
    /// Whether to write a complete `article` document rather than a fragment.
    public var standalone: Bool

    /// A writer of a fragment, or of a whole document when `standalone`.
    public init(standalone: Bool = false) {
        self.standalone = standalone
    }

    /// The report of `paths` under `header`.
    public func write(_ paths: [PlanPathResult], header: PlanHeader, to output: inout some TextOutputStream) {
        var lines = [
            "% Plan of \(String(header.document.fileName.map { $0.isNewline ? " " : $0 })) by scenario \(header.toolVersion).",
            "% Needs \\usepackage{booktabs} and \\usepackage{longtable} in the preamble; typeset with pdflatex (LaTeX 2018 or later).",
        ]
        if standalone {
            lines += ["\\documentclass{article}", "\\usepackage{booktabs}", "\\usepackage{longtable}", "\\begin{document}"]
        }
        let title = header.scenario.title
        for path in paths {
            let tables = PlanTables(header: header, path: path)
            let bodies = [
                (tables.allocationTable(), 2, false), (tables.changeTable(real: false), 1, true),
                (tables.changeTable(real: true), 1, false),
            ]
            for ((table, fixed, stacking), subject) in zip(bodies, tables.titles) {
                var table = table
                table.alignments = table.alignments.indices.map { $0 == 0 ? .left : .right }
                for years in LaTeXTableLayout.parts(table, fixedColumns: fixed, stackingFigures: stacking) {
                    lines += LaTeXTableLayout(table, fixedColumns: fixed, cuts: years, stackingFigures: stacking)
                        .longtable(caption: "\(title): \(subject); \(tables.caption)")
                }
            }
            let notes = tables.notes()
            if !notes.isEmpty {
                lines += ["", "\\begingroup\\footnotesize\\raggedright"]
                lines += notes.map { LaTeXText.escaped($0, breakingWordsLongerThan: 16) + "\\par" }
                lines += ["\\endgroup"]
            }
        }
        lines += ["", "\\begingroup\\footnotesize\\raggedright"]
        lines += header.provenanceLines.map { LaTeXText.escaped($0, breakingWordsLongerThan: 16) + "\\par" }
        lines += ["\\endgroup"]
        if standalone { lines.append("\\end{document}") }
        for line in lines { output.write(line + "\n") }
    }
}
