import BudgetModel
import Foundation

/// Percentages for reports, independent of the machine's locale.
public enum PercentFormatter {
    /// A change from baseline with one decimal place: `-22.0%`, `+5.0%`, and `0.0%`
    /// for anything that rounds to zero (never `-0.0%`). `new` when there is no baseline to
    /// compare with (a new bid, `nil`); `n/a` if not finite.
    public static func change(_ percent: Double?) -> String {
        guard let percent else { return "new" }
        guard percent.isFinite else { return "n/a" }
        let text = DecimalText.fixed(percent, places: 1)
        if text == "0.0" || text == "-0.0" { return "0.0%" }
        return (percent > 0 ? "+" : "") + text + "%"
    }

    /// A cut level as written: `5%`, `7.5%`, `-10%`, `0.01%` (no trailing `.0`, no exponent).
    public static func cut(_ percent: Double) -> String {
        number(percent) + "%"
    }

    /// The indefinite article before a figure as printed: "an" when it is read aloud from a
    /// vowel sound (eight, eleven, eighteen: `8`, `8.5`, `11`, `18`, `80` to `89`, `11,000`),
    /// else "a" (`a 5% cut`, `a 12.5% cut`, `a -5% cut`, read "minus five").
    public static func indefiniteArticle(before figure: String) -> String {
        let digits = figure.prefix { $0 == "," || ($0.isASCII && $0.isNumber) }.filter { $0 != "," }
        if digits.hasPrefix("8") { return "an" }
        if digits.hasPrefix("11") || digits.hasPrefix("18"), digits.count % 3 == 2 { return "an" }
        return "a"
    }

    /// `indefiniteArticle(before:)` of an ASCII figure given as its UTF-8 bytes (such as
    /// `appendNumber(_:to:)` writes), so that no String is made: this runs for every infeasible
    /// cut of a sweep.
    public static func indefiniteArticle(beforeNumber figure: ArraySlice<UInt8>) -> String {
        var digitCount = 0
        var first: UInt8 = 0, second: UInt8 = 0
        for byte in figure {
            if byte == UInt8(ascii: ",") { continue }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { break }
            if digitCount == 0 { first = byte } else if digitCount == 1 { second = byte }
            digitCount += 1
        }
        if digitCount >= 1, first == UInt8(ascii: "8") { return "an" }
        if digitCount >= 2, first == UInt8(ascii: "1"), second == UInt8(ascii: "1") || second == UInt8(ascii: "8"),
           digitCount % 3 == 2 { return "an" }
        return "a"
    }

    /// A figure to at most four decimals, trailing zeros removed: `12.5`, `38.1818`, `5`.
    public static func fourDecimals(_ value: Double) -> String {
        let rounded = (value * 10_000).rounded() / 10_000
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        var text = String(rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    /// A number in its shortest exact decimal form without exponent: `5`, `7.5`, `0.0001`.
    public static func number(_ value: Double) -> String {
        var text: [UInt8] = []
        appendNumber(value, to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// Appends `number(value)` to `text` as UTF-8.
    public static func appendNumber(_ value: Double, to text: inout [UInt8]) {
        guard value.isFinite else {
            text.append(contentsOf: "n/a".utf8)
            return
        }
        if value == value.rounded(), abs(value) < 1e15 {
            DecimalText.appendInteger(value, to: &text)
            return
        }
        // The shortest digits written in place, taken back when they carry an exponent.
        let start = text.count
        DecimalText.appendDescription(value, to: &text)
        guard text[start...].contains(UInt8(ascii: "e")) else { return }
        text.removeSubrange(start...)
        var fixed = String(format: "%.17f", value)
        while fixed.hasSuffix("0") { fixed.removeLast() }
        text.append(contentsOf: fixed.utf8)
    }

    /// The least feasible cut for a summary: two decimals rounded up, so the printed cut is
    /// itself feasible (`16.67%` for 16.666…%).
    public static func leastCut(_ percent: Double) -> String {
        let hundredths = (percent * 100 - 1e-7).rounded(.up)
        return DecimalText.fixed(hundredths / 100, places: 2) + "%"
    }

    /// The maximum feasible cut for a footer: two decimals rounded down, so the
    /// printed cut is itself feasible (`38.18%` for 38.1818…%); `100%` when every
    /// cut is feasible; a sentence when even a 0% cut is not.
    public static func maximumCut(_ percent: Double?) -> String {
        guard let percent, percent.isFinite else { return "none: even a 0% cut is infeasible" }
        if percent >= 100 { return "100% (every cut from 0% up to 100% is feasible)" }
        let hundredths = (percent * 100 + 1e-7).rounded(.down)
        return DecimalText.fixed(hundredths / 100, places: 2) + "%"
    }
}
