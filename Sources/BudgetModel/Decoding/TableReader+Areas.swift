import TOMLKit

extension TableReader {
    /// A fund's `cut`: `true` (1), `false` (0) or a number, the cut multiplier `m`
    /// (SCENARIO-SPEC section 13; its range is checked by validation).
    mutating func cutMultiplier(_ key: String) -> Field<Double> {
        guard let value = table[key] else { return .absent }
        if let flag = value.bool { return .given(flag ? 1 : 0) }
        if let integer = value.int { return .given(Double(integer)) }
        if let double = value.double { return .given(double) }
        report("\(quoted(key)) must be true, false or a number from 0 to 2 (a rate of cut), not \(describe(value))", key: key)
        return .unreadable
    }

    /// A shared service's `contributions`: `"equal"`, or a table of area ids and proportions
    /// written as fractions `"a/b"` or percentages `"P%"` (`ContributionSyntax`).
    mutating func contributions(_ key: String) -> Field<Contributions> {
        guard let value = table[key] else { return .absent }
        let expected = "\"equal\" or a table of areas and proportions such as { essex = \"1/6\", herts = \"50%\" }"
        if let text = value.string {
            if text == "equal" { return .given(.equal) }
            report("\(quoted(key)) must be \(expected), not \(quoted(text))", key: key)
            return .unreadable
        }
        guard let entries = value.table else {
            report("\(quoted(key)) must be \(expected), not \(describe(value))", key: key)
            return .unreadable
        }
        var shares: [ContributionShare] = []
        var readable = true
        for area in entries.keys.sorted() {
            guard let entry = entries[area] else { continue }
            guard let text = entry.string, let fraction = ContributionSyntax.fraction(in: text) else {
                let got = entry.string.map(quoted) ?? describe(entry)
                report(
                    "\(quoted(key)) gives \(quoted(area)) \(got): a proportion is a fraction such as \"1/6\" "
                        + "or a percentage such as \"25%\"",
                    key: key)
                readable = false
                continue
            }
            shares.append(ContributionShare(area: area, fraction: fraction))
        }
        return readable ? .given(.shares(shares)) : .unreadable
    }
}

/// The written forms of a proportion in `contributions`: a fraction `"a/b"` (two decimal
/// numbers, `b` not zero, no spaces) or a percentage `"P%"` (`PercentSyntax`).
enum ContributionSyntax {
    /// The proportion `text` stands for, or nil when it is not of either form.
    static func fraction(in text: String) -> Double? {
        if let percent = PercentSyntax.percentage(in: text) { return percent / 100 }
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let numerator = decimal(parts[0]), let denominator = decimal(parts[1]), denominator != 0
        else { return nil }
        return numerator / denominator
    }

    /// A plain decimal number: digits with at most one point between digits.
    private static func decimal(_ text: Substring) -> Double? {
        let pieces = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard (1...2).contains(pieces.count),
              pieces.allSatisfy({ !$0.isEmpty && $0.unicodeScalars.allSatisfy { ("0"..."9").contains($0) } })
        else { return nil }
        return Double(text)
    }
}
