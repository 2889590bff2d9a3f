import Foundation

/// Fast, locale-independent decimal text for whole numbers and fixed decimals,
/// used on every figure of a sweep (Foundation's `String(format:)` is far slower).
public enum DecimalText {
    /// Integers of this magnitude or less convert exactly through `Int64`.
    private static let exactLimit = 9.0e15

    /// `value` rounded to a whole number (halves away from zero), as digits with a
    /// leading `-` when negative; never `-0`; `0` when not finite.
    public static func integer(_ value: Double) -> String {
        var text: [UInt8] = []
        appendInteger(value, to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// Appends `integer(value)` to `text` as UTF-8.
    public static func appendInteger(_ value: Double, to text: inout [UInt8]) {
        withIntegerDigits(value) { negative, digits in
            if negative { text.append(UInt8(ascii: "-")) }
            text.append(contentsOf: digits)
        }
    }

    /// Calls `body` with the sign of `integer(value)` and its digits, most significant first,
    /// without the sign. The digits of a value within `Int64`'s exact range are made on the stack.
    public static func withIntegerDigits<Result>(
        _ value: Double, _ body: (_ negative: Bool, _ digits: UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        let whole = value.isFinite ? value.rounded(.toNearestOrAwayFromZero) : 0
        guard abs(whole) <= exactLimit else {
            let text = Array(String(format: "%.0f", whole).utf8)
            let negative = text.first == UInt8(ascii: "-")
            return text.withUnsafeBufferPointer { body(negative, UnsafeBufferPointer(rebasing: $0[(negative ? 1 : 0)...])) }
        }
        let integer = Int64(whole)
        var magnitude = integer.magnitude
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buffer in
            var start = buffer.count
            repeat {
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            return body(integer < 0, UnsafeBufferPointer(rebasing: buffer[start...]))
        }
    }

    /// Appends decimal `digits` (most significant first, no sign) to `text`: with
    /// `fractionDigits` above 0, padded with leading zeros to more digits than that and a point
    /// before the last `fractionDigits`; with `grouped`, a comma between each three digits of
    /// the whole part (`1,234.56`).
    public static func appendDigits(
        _ digits: UnsafeBufferPointer<UInt8>, fractionDigits: Int, grouped: Bool, to text: inout [UInt8]
    ) {
        let padding = fractionDigits > 0 ? max(0, fractionDigits + 1 - digits.count) : 0
        let total = digits.count + padding
        let wholeCount = total - fractionDigits
        // Made on the stack and appended at once: one capacity check, not one per byte.
        let capacity = total + 1 + (grouped ? total / 3 + 1 : 0)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            var count = 0
            for index in 0..<total {
                if fractionDigits > 0, index == wholeCount {
                    buffer[count] = UInt8(ascii: ".")
                    count += 1
                }
                if grouped, index > 0, index < wholeCount, (wholeCount - index) % 3 == 0 {
                    buffer[count] = UInt8(ascii: ",")
                    count += 1
                }
                buffer[count] = index < padding ? UInt8(ascii: "0") : digits[index - padding]
                count += 1
            }
            text.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<count]))
        }
    }

    /// Appends `fixed(value, places: places)` to `text` as UTF-8, its digits made on the stack.
    public static func appendFixed(_ value: Double, places: Int, to text: inout [UInt8]) {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (value * scale).rounded(.toNearestOrAwayFromZero)
        guard value.isFinite, abs(scaled) <= exactLimit else {
            text.append(contentsOf: fixed(value, places: places).utf8)
            return
        }
        if scaled < 0 { text.append(UInt8(ascii: "-")) }
        withIntegerDigits(abs(scaled)) { _, digits in
            if places == 0 {
                text.append(contentsOf: digits)
            } else {
                appendDigits(digits, fractionDigits: places, grouped: false, to: &text)
            }
        }
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
