import BudgetModel

/// The cuts a table or chart covers, for captions: "10% to 40% cuts" (first
/// and last, in sweep order), "10% cut" for one, "" for none.
enum CutRangeCaption {
    static func text(_ results: [CutResult]) -> String {
        guard let first = results.first, let last = results.last else { return "" }
        if results.count == 1 { return PercentFormatter.cut(first.cutPercent) + " cut" }
        return PercentFormatter.cut(first.cutPercent) + " to " + PercentFormatter.cut(last.cutPercent) + " cuts"
    }
}
