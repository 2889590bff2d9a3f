import BudgetModel

/// The `text` and `markdown` plan reports (SCENARIO-SPEC section 11): the title, then per cut
/// path its caption, the tables "Allocation by year (cash, each year's prices)", "Change from
/// <base year> in cash" (with what holds each service) and "Change from <base year> in real
/// terms", and its notes; last, the rounding, deflation, source and provenance lines and the
/// maximum sustainable yearly cut.
public struct PlanTextWriter {
    /// Whether the tables are Markdown rather than aligned text.
    public var markdown: Bool

    /// A writer of aligned text, or of Markdown when `markdown`.
    public init(markdown: Bool = false) {
        self.markdown = markdown
    }

    /// The report of `paths` under `header`.
    public func write(_ paths: [PlanPathResult], header: PlanHeader, to output: inout some TextOutputStream) {
        func line(_ text: String) { output.write(text + "\n") }
        func escaped(_ text: String) -> String { markdown ? ReportTable.markdownEscaped(text) : text }
        line(markdown ? "## " + escaped(header.scenario.title) : header.scenario.title)
        for path in paths {
            let tables = PlanTables(header: header, path: path)
            line("")
            line(markdown ? "### " + escaped(tables.caption) : tables.caption)
            let bodies = [tables.allocationTable(), tables.changeTable(real: false), tables.changeTable(real: true)]
            for (title, table) in zip(tables.titles, bodies) {
                line("")
                line(markdown ? "**" + escaped(title) + "**" : title)
                if markdown { line("") }
                for row in markdown ? table.renderedAsMarkdown() : table.renderedAsText() { line(row) }
            }
            for note in tables.notes() {
                line("")
                line(escaped(note))
            }
        }
        if !markdown { line("") }
        for provenance in header.provenanceLines {
            if markdown { line("") }
            line(markdown ? escaped(provenance) : provenance)
        }
    }
}
