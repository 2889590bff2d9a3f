import BudgetModel

/// How a plan report names one year of a cut path in its notes: the year with its cut (and,
/// after the first year, its cumulative cut), and the `scenario solve` options that show the
/// year on its own.
struct PlanYearWording {
    let path: PlanPathResult

    /// `Note (2019/20, 15% cut, 38.5875% cumulative)`; the first planned year, whose cut is its
    /// cumulative cut, is `Note (2017/18, 15% cut)`.
    func noteLabel(year y: Int) -> String {
        let year = path.years[y]
        let cut = PercentFormatter.cut(year.cutPercent)
        guard y > 0 else { return "Note (\(year.year), \(cut) cut)" }
        return "Note (\(year.year), \(cut) cut, \(PercentFormatter.fourDecimals(year.cumulativeCutPercent))% cumulative)"
    }

    /// The command that reports year `y` of the path alone, with its fallback table:
    /// `scenario solve --year 2019/20 --path 15% --cut 15%` (the years before it as one cut
    /// when they are all alike, else one per year, `5,3%`).
    func solveCommand(year y: Int) -> String {
        let year = path.years[y]
        var command = "scenario solve --year \(year.year)"
        let before = path.path.prefix(y)
        if let first = before.first {
            let cuts = before.allSatisfy({ $0 == first }) ? [first] : Array(before)
            command += " --path " + cuts.map(PercentFormatter.number).joined(separator: ",") + "%"
        }
        return command + " --cut " + PercentFormatter.cut(year.cutPercent)
    }
}
