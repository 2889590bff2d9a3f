import Foundation

/// Fast, locale-independent decimal text for whole numbers and fixed decimals,
/// used on every figure of a sweep (Foundation's `String(format:)` is far slower).
public enum DecimalText {
    /// Integers of this magnitude or less convert exactly through `Int64`.
    private static let exactLimit = 9.0e15

    /// `value` rounded to a whole number (halves away from zero), as digits with a
    /// leading `-` when negative; never `-0`; `0` when not finite.
    public static func integer(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let whole = value.rounded(.toNearestOrAwayFromZero)
        if abs(whole) <= exactLimit { return String(Int64(whole)) }
        return String(format: "%.0f", whole)
    }

    /// `value` with `places` decimals (rounded half away from zero): `-22.0`, `5.3`.
    /// Falls back to `String(format:)` beyond the exactly representable range.
    public static func fixed(_ value: Double, places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (value * scale).rounded(.toNearestOrAwayFromZero)
        guard value.isFinite, abs(scaled) <= exactLimit else { return String(format: "%.\(places)f", value) }
        let digits = String(Int64(abs(scaled)))
        let padded = String(repeating: "0", count: max(0, places + 1 - digits.count)) + digits
        let split = padded.index(padded.endIndex, offsetBy: -places)
        let sign = scaled < 0 ? "-" : ""
        return places == 0 ? sign + padded : sign + padded[..<split] + "." + padded[split...]
    }
}
