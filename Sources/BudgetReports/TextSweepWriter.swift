import BudgetModel

/// The `text` sweep report: the board-paper tables, aligned for a fixed-width font.
///
/// Layout: the title; then for every block of up to six cuts, a table
/// "Allocation by cut" (services as rows in file order, the Baseline and one
/// column per cut with the rounded allocation, then Total allocated,
/// Unallocated, Envelope, Status and, when a cut in the block is infeasible,
/// Deficit) and a table "Change from baseline" (per service and cut the change
/// in per cent and what holds the service there, such as `-22.0% share`), for a scenario with
/// areas a table "By area" (`SweepBlock.areaTable`),
/// followed by a note with the explanation of each infeasible cut; last, the
/// rounding, source, scenario provenance and maximum feasible cut.
public struct TextSweepWriter<Output: TextOutputStream>: SweepWriter {
    /// The sink, with everything written so far.
    public private(set) var output: Output
    private let header: SweepHeader
    private var block = SweepBlock()

    /// Writes the title.
    public init(header: SweepHeader, output: Output) {
        self.header = header
        self.output = output
        self.output.write(header.scenario.title + "\n")
    }

    /// Holds the cut until its block of columns is full, then writes the block.
    public mutating func write(_ result: CutResult) {
        block.append(result)
        if block.isFull { writeBlock() }
    }

    /// Writes the last block and the provenance lines.
    public mutating func finish() {
        if !block.isEmpty { writeBlock() }
        output.write("\n")
        for line in header.provenanceLines { output.write(line + "\n") }
    }

    private mutating func writeBlock() {
        var lines = ["", "Allocation by cut"]
        lines += block.allocationTable(header: header).renderedAsText()
        lines += ["", "Change from baseline"]
        lines += block.changeTable(header: header).renderedAsText()
        if let areas = block.areaTable(header: header) {
            lines += ["", "By area"] + areas.renderedAsText() + ["", SweepBlock.areaNote]
        }
        for note in block.notes(header: header) { lines += ["", note] }
        for line in lines { output.write(line + "\n") }
        block.removeAll()
    }
}
