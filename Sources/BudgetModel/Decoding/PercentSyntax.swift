/// The written form of a percentage (`AmountOrPercent.percent`): a decimal number followed at once by `%`.
///
/// Accepted: `"50%"`, `"12.5%"`, `"0%"`, `"150%"`, and `"-5%"` (read, so that validation can
/// say that a percentage must not be below 0). Not accepted: spaces (`"5 %"`, `" 5%"`),
/// a missing number or `%` (`"%"`, `"50"`), exponents (`"1e2%"`), a `+` sign, underscores,
/// a bare point (`"5.%"`, `".5%"`), or anything else such as `"abc%"`.
enum PercentSyntax {
    /// The percentage `P` written as `"P%"`, or nil when the text is not of that form.
    static func percentage(in text: String) -> Double? {
        var scalars = Substring(text).unicodeScalars
        guard scalars.last == "%" else { return nil }
        scalars.removeLast()
        let number = String(scalars)
        var digits = Substring(number).unicodeScalars
        if digits.first == "-" { digits.removeFirst() }
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard
            parts.count == 1 || parts.count == 2,
            parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.properties.numericType != nil && $0.isASCII } })
        else { return nil }
        return Double(number)
    }
}
