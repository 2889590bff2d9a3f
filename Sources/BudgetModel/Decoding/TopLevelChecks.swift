extension DraftChecker {
    /// `title` present, `currency` three upper-case letters, `unit` a positive finite
    /// number, at least one fund and one service.
    mutating func checkTopLevel() {
        require(draft.title, "title", in: nil)
        if let currency = draft.currency.given, !Self.isCurrencyCode(currency) {
            report(
                "\"currency\" must be three upper-case letters (an ISO 4217 code such as \"GBP\"), not \(quoted(currency))",
                in: nil, key: "currency")
        }
        if let unit = draft.unit.given {
            checkMoney(unit, "unit", in: nil, positive: true)
        }
        if draft.funds == .absent || draft.funds == .given([]) {
            report("a scenario needs at least one [[fund]]", in: nil)
        }
        if draft.services == .absent || draft.services == .given([]) {
            report("a scenario needs at least one [[service]]", in: nil)
        }
    }

    private static func isCurrencyCode(_ text: String) -> Bool {
        text.unicodeScalars.count == 3 && text.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) }
    }
}
