import BudgetModel

/// The `xlsx` sweep report: a workbook laid out after the Government Analysis Function's
/// "Releasing statistics in spreadsheets" (`SweepWorkbook` lists its sheets), written to a
/// `ByteOutputStream` on `finish()`.
///
/// The workbook needs every cut, so the writer holds them until `finish()`: at most
/// `SweepFormat.xlsx.maximumCuts` (200); cuts beyond are not shown (check the count first with
/// `SweepFormat.checkCutCount(_:)`). Nothing in it depends on the time or the machine, so the
/// same sweep gives the same bytes.
///
/// The output must be a `ByteOutputStream` (a workbook is binary); the writer stops the
/// program with a message when given any other, a mistake of the calling code and not of
/// the input. If the archive cannot be made, `finish()` calls `fail(reason:)` on the output.
public struct XLSXSweepWriter<Output: TextOutputStream>: SweepWriter {
    /// The sink, with everything written so far.
    public private(set) var output: Output
    private let header: SweepHeader
    private var results: [CutResult] = []
    private let limit = SweepFormat.xlsx.maximumCuts ?? RoundedTable.maximumCuts

    /// A writer to `output`, which must be a `ByteOutputStream`.
    public init(header: SweepHeader, output: Output) {
        precondition(output is any ByteOutputStream, "the xlsx report is binary: write it to a ByteOutputStream")
        self.header = header
        self.output = output
    }

    /// Holds the cut (up to the limit of 200).
    public mutating func write(_ result: CutResult) {
        guard results.count < limit else { return }
        results.append(result)
    }

    /// Writes the workbook.
    public mutating func finish() {
        guard let sink = output as? any ByteOutputStream else { return }
        do {
            sink.write(bytes: try SweepWorkbook(header: header, results: results).package.bytes())
        } catch {
            sink.fail(reason: "the workbook could not be zipped: \(error.description)")
        }
    }
}
