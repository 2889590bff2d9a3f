import BudgetModel

/// The `markdown` sweep report: the tables of the text report as
/// GitHub-flavoured Markdown, in blocks of up to six cuts.
///
/// Layout: `## <title>`; per block, the tables "Allocation by cut" and
/// "Change from baseline" (each under a bold caption) and a paragraph per
/// infeasible cut with its explanation; last, one paragraph per provenance line.
public struct MarkdownSweepWriter<Output: TextOutputStream>: SweepWriter {
    /// The sink, with everything written so far.
    public private(set) var output: Output
    private let header: SweepHeader
    private var block = SweepBlock()

    /// Writes the title as a heading.
    public init(header: SweepHeader, output: Output) {
        self.header = header
        self.output = output
        self.output.write("## " + ReportTable.markdownEscaped(header.scenario.title) + "\n")
    }

    /// Holds the cut until its block of columns is full, then writes the block.
    public mutating func write(_ result: CutResult) {
        block.append(result)
        if block.isFull { writeBlock() }
    }

    /// Writes the last block and the provenance paragraphs.
    public mutating func finish() {
        if !block.isEmpty { writeBlock() }
        for line in header.provenanceLines { output.write("\n" + ReportTable.markdownEscaped(line) + "\n") }
    }

    private mutating func writeBlock() {
        var lines = ["", "**Allocation by cut**", ""]
        lines += block.allocationTable(header: header).renderedAsMarkdown()
        lines += ["", "**Change from baseline**", ""]
        lines += block.changeTable(header: header).renderedAsMarkdown()
        if let areas = block.areaTable(header: header) {
            lines += ["", "### By area", ""] + areas.renderedAsMarkdown() + ["", ReportTable.markdownEscaped(SweepBlock.areaNote)]
        }
        for note in block.notes(header: header) { lines += ["", ReportTable.markdownEscaped(note)] }
        for line in lines { output.write(line + "\n") }
        block.removeAll()
    }
}
