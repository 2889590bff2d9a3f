import BudgetModel

/// The `csv-wide` sweep report: the board table "Allocation by cut" as one CSV table, for a
/// spreadsheet: services as rows in file order, the Baseline and one column per cut, then the
/// rows Total allocated, Unallocated, Envelope, Status and (when a cut is infeasible or
/// unsolved) Deficit.
///
/// - Figures are the table's rounded figures (`WideTable`: every cut rounded together with the
///   baselines, so a service's column adds up to Total allocated, and Total allocated plus
///   Unallocated to the Envelope), written as plain numbers in the currency, not in the unit:
///   `1234000` for £1,234k, `1234.56` for unit 0.01. No symbol, no grouping, no exponent, no
///   floating-point noise, so a spreadsheet reads each as a number.
/// - A cell with no figure is empty: a service or total at an infeasible or unsolved cut, and
///   the Baseline column of Unallocated, Envelope, Status and Deficit.
/// - The header row names the currency: `Service,Baseline (GBP),5% cut (GBP),...`.
/// - RFC 4180: CRLF line ends, a field quoted when it holds a comma, quote or line break.
/// - UTF-8 with a byte-order mark first: Excel reads a CSV without one in the machine's
///   ANSI code page, which turns `£` and accented names into mojibake; with it Excel,
///   LibreOffice, pandas (`utf-8-sig`) and Python's `csv` (`encoding="utf-8-sig"`) all read
///   the text as written.
///
/// The writer holds every cut until `finish()` (a wide table needs all its columns before its
/// first row): at most `SweepFormat.csvWide.maximumCuts` (200). Cuts beyond are not written;
/// check the count first with `SweepFormat.checkCutCount(_:)`.
public struct CSVWideSweepWriter<Output: TextOutputStream>: SweepWriter {
    /// The UTF-8 byte-order mark the report starts with.
    public static var byteOrderMark: String { "\u{FEFF}" }

    /// The sink, with everything written so far.
    public private(set) var output: Output
    private let header: SweepHeader
    private var results: [CutResult] = []
    private let limit = SweepFormat.csvWide.maximumCuts ?? RoundedTable.maximumCuts

    /// Writes the byte-order mark.
    public init(header: SweepHeader, output: Output) {
        self.header = header
        self.output = output
        self.output.write(Self.byteOrderMark)
    }

    /// Holds the cut (up to the limit of 200).
    public mutating func write(_ result: CutResult) {
        guard results.count < limit else { return }
        results.append(result)
    }

    /// Writes the table.
    public mutating func finish() {
        let table = WideTable(header: header, results: results)
        let money = header.money
        let cuts = results.indices
        let currency = " (" + header.scenario.currency + ")"
        func figure(_ units: Double?) -> String { units.map(money.plain(units:)) ?? "" }
        var rows: [[String]] = [["Service", "Baseline" + currency] + cuts.map { table.cutHeading($0) + currency }]
        for (index, service) in header.scenario.services.enumerated() {
            rows.append([service.name, figure(table.baseline(index))] + cuts.map { figure(table.allocation(index, atCut: $0)) })
        }
        rows.append(["Total allocated", figure(table.baselineTotal)] + cuts.map { figure(table.allocated(atCut: $0)) })
        rows.append(["Unallocated", ""] + cuts.map { figure(table.unallocated(atCut: $0)) })
        rows.append(["Envelope", ""] + cuts.map { figure(table.envelope(atCut: $0)) })
        rows.append(["Status", ""] + results.map(\.status.rawValue))
        if table.hasCutWithoutAllocation {
            rows.append(["Deficit", ""] + cuts.map { figure(table.deficit(atCut: $0)) })
        }
        for row in rows { output.write(row.map(csvQuoted).joined(separator: ",") + "\r\n") }
    }
}
