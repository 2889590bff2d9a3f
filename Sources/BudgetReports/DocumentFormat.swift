/// The formats of a report that is one document of tables (`commit`, `compare`, `rules`,
/// `plan`): each `SweepFormat` of the same name, that is all but the two that hold a sweep's
/// board table by cuts, `csv-wide` and `xlsx`.
public enum DocumentFormat: String, Sendable, CaseIterable {
    case text, markdown, csv, json, latex, html

    /// The document format `format` names, or nil for `csv-wide` and `xlsx`, which only a
    /// sweep writes.
    public init?(_ format: SweepFormat) {
        self.init(rawValue: format.rawValue)
    }
}
