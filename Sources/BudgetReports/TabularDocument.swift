import BudgetModel

/// A report made of captioned tables and notes (`scenario commit` and `scenario compare`),
/// laid out in each table format with the conventions of the sweep report: aligned text,
/// GitHub-flavoured Markdown, `booktabs` longtables that fit a 345pt text width, and a
/// standalone accessible HTML page with no outside files.
struct TabularDocument {
    /// One captioned table.
    struct Section {
        var caption: String
        var table: ReportTable
        /// How many leading columns a LaTeX table repeats when its other columns are split.
        var fixedColumns = 1
    }

    /// The scenario title or another heading.
    var title: String
    /// The tables, in order.
    var sections: [Section]
    /// Sentences under the tables (one per paragraph).
    var notes: [String]
    /// The provenance sentences at the foot (rounding rule, source, file, version).
    var footer: [String]
    /// What produced the report, for the LaTeX comment and the HTML generator tag.
    var generator: String

    /// Aligned plain text, ending with a line break.
    func text() -> String {
        var lines = [title]
        for section in sections {
            lines += ["", section.caption]
            lines += section.table.renderedAsText()
        }
        if !notes.isEmpty { lines.append("") }
        lines += notes
        lines.append("")
        lines += footer
        return lines.joined(separator: "\n") + "\n"
    }

    /// Markdown: the title as a heading, each table under its bold caption, a paragraph per note.
    func markdown() -> String {
        var lines = ["## " + ReportTable.markdownEscaped(title)]
        for section in sections {
            lines += ["", "**" + ReportTable.markdownEscaped(section.caption) + "**", ""]
            lines += section.table.renderedAsMarkdown()
        }
        for note in notes + footer { lines += ["", ReportTable.markdownEscaped(note)] }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A LaTeX fragment (a whole `article` when `standalone`): each table as `booktabs`
    /// longtables, split into parts that fit the text width; the notes and footer in footnote size.
    func latex(standalone: Bool = false) -> String {
        var lines = [
            "% \(generator.map { $0.isNewline ? " " : $0 }).",
            "% Needs \\usepackage{booktabs} and \\usepackage{longtable} in the preamble; typeset with pdflatex (LaTeX 2018 or later).",
        ]
        if standalone { lines += ["\\documentclass{article}", "\\usepackage{booktabs}", "\\usepackage{longtable}", "\\begin{document}"] }
        for section in sections {
            var table = section.table
            table.alignments = table.alignments.indices.map { $0 == 0 ? .left : .right }
            for part in LaTeXTableLayout.parts(table, fixedColumns: section.fixedColumns) {
                lines += LaTeXTableLayout(table, fixedColumns: section.fixedColumns, cuts: part)
                    .longtable(caption: "\(title): \(section.caption)")
            }
        }
        lines += ["", "\\begingroup\\footnotesize\\raggedright"]
        lines += (notes + footer).map { LaTeXText.escaped($0, breakingWordsLongerThan: 16) + "\\par" }
        lines += ["\\endgroup"]
        if standalone { lines.append("\\end{document}") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A standalone HTML page: the title, each table with its caption, the notes and the footer.
    func html() -> String {
        let title = HTMLText.escaped(self.title)
        var lines = [
            "<!DOCTYPE html>",
            "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\" xml:lang=\"en\">",
            "<head>",
            "<meta charset=\"utf-8\"/>",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>",
            "<meta name=\"generator\" content=\"\(HTMLText.escaped(generator))\"/>",
            "<title>\(title)</title>",
            "<style>", HTMLStyle.sheet, "</style>",
            "</head>", "<body>", "<main>", "<h1>\(title)</h1>",
        ]
        for (index, section) in sections.enumerated() {
            lines += HTMLTable.render(section.table, id: "table-\(index + 1)", caption: "Table \(index + 1): \(section.caption)")
        }
        lines += notes.map { "<p class=\"note\">\(HTMLText.escaped($0))</p>" }
        lines.append("<footer>")
        lines += footer.map { "<p class=\"source\">\(HTMLText.escaped($0))</p>" }
        lines += ["</footer>", "</main>", "</body>", "</html>"]
        return lines.joined(separator: "\n") + "\n"
    }
}
