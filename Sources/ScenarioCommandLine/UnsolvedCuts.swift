import BudgetReports

/// The closing line of a sweep that reported some cuts as unsolved.
public enum UnsolvedCuts {
    /// The most unsolved cuts the line names one by one.
    public static let named = 10

    /// `scenario COMMAND: 2 cuts unsolved (52.2%, 60%); the report gives each one's reason`,
    /// naming the first `named` cuts and counting the rest ("and 3 more").
    public static func summary(_ cuts: [Double], command: String) -> String {
        let listed = cuts.prefix(named).map { PercentFormatter.cut($0) }.joined(separator: ", ")
        let more = cuts.count > named ? " and \(cuts.count - named) more" : ""
        let count = cuts.count == 1 ? "1 cut" : "\(cuts.count) cuts"
        return "scenario \(command): \(count) unsolved (\(listed)\(more)); the report gives each one's reason"
    }
}
