import BudgetModel

/// A streaming sweep report: it writes each cut as it arrives, or holds back a
/// bounded number of cuts to round them as one table (a block of six in text,
/// Markdown and LaTeX; up to 200 in JSON and CSV, which then stream), and its
/// closing on `finish()`, so memory stays flat however many cuts are swept.
public protocol SweepWriter<Output> {
    /// Where the text goes.
    associatedtype Output: TextOutputStream
    /// The sink, with everything written so far.
    var output: Output { get }
    /// Reports one cut. Cuts arrive in sweep order; services in file order.
    mutating func write(_ result: CutResult)
    /// Writes whatever is still held and the closing; call once, after the last cut.
    mutating func finish()
}

/// The sweep report formats.
public enum SweepFormat: String, Sendable, CaseIterable {
    /// Aligned tables for a terminal or a board paper.
    case text
    /// GitHub-flavoured Markdown tables.
    case markdown
    /// Long CSV (RFC 4180): one row per cut and service.
    case csv
    /// One JSON object (SCENARIO-SPEC section 5), exact and rounded figures.
    case json
    /// LaTeX `booktabs` longtables for a board paper (a fragment, or a whole
    /// document when the writer is made `standalone`).
    case latex
    /// One standalone HTML page: the tables and two inline SVG charts.
    case html
    /// The board table as one CSV table, services by cuts with the totals, UTF-8 with a
    /// byte-order mark (`CSVWideSweepWriter`).
    case csvWide = "csv-wide"
    /// An Excel workbook (`XLSXSweepWriter`); binary, so written to a `ByteOutputStream`.
    case xlsx

    /// The most cuts a report in this format takes, or nil for no limit: 200
    /// for `latex`, `html`, `csv-wide` and `xlsx`, which are meant for board papers (the HTML
    /// page, the wide CSV table and the workbook hold every cut in memory); the others stream (JSON
    /// and CSV after holding back their first 200 cuts, see `RoundedTable`).
    public var maximumCuts: Int? {
        switch self {
        case .text, .markdown, .csv, .json: return nil
        case .latex, .html, .csvWide, .xlsx: return 200
        }
    }

    /// Throws `SweepFormatError.tooManyCuts` when a sweep of `count` cuts is
    /// over this format's `maximumCuts`; call it before sweeping.
    public func checkCutCount(_ count: Int) throws(SweepFormatError) {
        if let limit = maximumCuts, count > limit {
            throw .tooManyCuts(format: self, count: count, limit: limit)
        }
    }

    /// The format implied by a file name's extension (`.txt`, `.md`, `.csv`,
    /// `.json`, `.tex`, `.html`, `.htm`, `.xlsx`, case-insensitive), or nil for any other.
    public init?(fileExtensionOf path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "txt", "text": self = .text
        case "md", "markdown": self = .markdown
        case "csv": self = .csv
        case "json": self = .json
        case "tex": self = .latex
        case "html", "htm": self = .html
        case "xlsx": self = .xlsx
        default: return nil
        }
    }

    /// A writer of this format that writes its opening for `header` to `output` at once.
    /// `standalone` makes the `latex` report a complete document rather than a
    /// fragment; the other formats ignore it (the HTML page is always standalone). The `xlsx`
    /// writer needs an `output` that is a `ByteOutputStream`.
    public func makeWriter<Output: TextOutputStream>(
        header: SweepHeader, output: Output, standalone: Bool = false
    ) -> any SweepWriter<Output> {
        switch self {
        case .text: return TextSweepWriter(header: header, output: output)
        case .markdown: return MarkdownSweepWriter(header: header, output: output)
        case .csv: return CSVSweepWriter(header: header, output: output)
        case .json: return JSONSweepWriter(header: header, output: output)
        case .latex: return LaTeXSweepWriter(header: header, output: output, standalone: standalone)
        case .html: return HTMLSweepWriter(header: header, output: output)
        case .csvWide: return CSVWideSweepWriter(header: header, output: output)
        case .xlsx: return XLSXSweepWriter(header: header, output: output)
        }
    }
}
