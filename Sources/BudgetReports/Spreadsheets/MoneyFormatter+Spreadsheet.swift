import BudgetModel

extension MoneyFormatter {
    /// The spreadsheet number format (Excel's and LibreOffice's syntax) of money in this
    /// currency and unit, for a cell holding the full amount: `"£"#,##0`; `"£"#,##0,"k"` for
    /// unit 1000 and `"£"#,##0,,"m"` for 1,000,000 (the cell holds pounds, shown in thousands
    /// or millions); the unit's decimals otherwise (`"€"#,##0.00` for 0.01); another currency
    /// by its code (`"CHF "#,##0`). With `decimals`, that many decimals and no abbreviation.
    public func spreadsheetFormat(decimals: Int?) -> String {
        let quotedSymbol = "\"" + symbol.filter { $0 != "\"" } + "\""
        func digits(_ places: Int) -> String { places == 0 ? "#,##0" : "#,##0." + String(repeating: "0", count: places) }
        if let decimals { return quotedSymbol + digits(decimals) }
        switch unit {
        case 1000: return quotedSymbol + "#,##0,\"k\""
        case 1_000_000: return quotedSymbol + "#,##0,,\"m\""
        default: return quotedSymbol + digits(Self.decimalPlaces(of: unit) ?? Self.maximumDecimalPlaces)
        }
    }
}
