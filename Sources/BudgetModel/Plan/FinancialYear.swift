/// A financial year as plan files name it, `"2017/18"`: the year that starts in 2017.
public struct FinancialYear: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The calendar year in which the financial year starts.
    public let startYear: Int

    /// The financial year starting in `startYear` (1 to 9998).
    public init?(startYear: Int) {
        guard (1...9998).contains(startYear) else { return nil }
        self.startYear = startYear
    }

    /// The year written `YYYY/YY`, where `YY` is the last two digits of `YYYY + 1`;
    /// nil for any other text (`2017/19`, `2017-18`, `17/18`).
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            parts.allSatisfy({ $0.utf8.allSatisfy { (48...57).contains($0) } }),
            let start = Int(parts[0]), let end = Int(parts[1]), end == (start + 1) % 100
        else { return nil }
        self.init(startYear: start)
    }

    /// The year after this one.
    public var next: FinancialYear? { FinancialYear(startYear: startYear + 1) }

    /// `YYYY/YY`.
    public var description: String {
        let end = (startYear + 1) % 100
        return "\(startYear)/\(end < 10 ? "0" : "")\(end)"
    }

    public static func < (left: FinancialYear, right: FinancialYear) -> Bool { left.startYear < right.startYear }
}

/// The first day of every financial year, `"MM-DD"` in a plan (`"04-01"` by default).
public struct YearStart: Sendable, Hashable {
    /// The month, 1 to 12.
    public let month: Int
    /// The day of the month; a day every year has (never 29 February).
    public let day: Int

    /// 1 April, the United Kingdom's financial year.
    public static let april = YearStart(uncheckedMonth: 4, day: 1)

    private init(uncheckedMonth month: Int, day: Int) {
        self.month = month
        self.day = day
    }

    /// The day written `MM-DD`, or nil when the text has another form or names a day that
    /// some year lacks (`02-29`, `04-31`).
    public init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.utf8.allSatisfy { (48...57).contains($0) } }),
            let month = Int(parts[0]), let day = Int(parts[1]),
            PlanDate(year: 2001, month: month, day: day) != nil
        else { return nil }
        self.init(uncheckedMonth: month, day: day)
    }

    /// The first day of `year`.
    public func firstDay(of year: FinancialYear) -> PlanDate {
        // Every year has this day: the initialiser rejects 29 February and days a month lacks.
        PlanDate(uncheckedYear: year.startYear, month: month, day: day)
    }

    /// The days of `year`, from its first day up to the day before the next year's first day.
    public func days(of year: FinancialYear) -> ClosedRange<Int> {
        let first = firstDay(of: year).dayNumber
        let nextFirst = PlanDate(uncheckedYear: year.startYear + 1, month: month, day: day).dayNumber
        return first...(nextFirst - 1)
    }
}
