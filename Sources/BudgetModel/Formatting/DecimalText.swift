import Foundation

/// Fast, locale-independent decimal text for whole numbers and fixed decimals,
/// used on every figure of a sweep (Foundation's `String(format:)` is far slower).
public enum DecimalText {
    /// Integers of this magnitude or less convert exactly through `Int64`.
    static let exactLimit = 9.0e15

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

    /// Appends `value.description` (the shortest digits that read back as `value`, such as
    /// `234000.00000000003`, `1e-05`, `5.0`) to `text` as UTF-8, without making a String: the
    /// standard library writes a `Double` to a `TextOutputStream` as one buffer of ASCII
    /// (`_writeASCII`), which `DescriptionBytes` appends as it is. A String of more than 15 bytes
    /// is allocated on the heap, and most exact figures of a sweep are longer.
    public static func appendDescription(_ value: Double, to text: inout [UInt8]) {
        // A NaN writes its sign and payload (`-nan`, `snan`), which its description leaves out.
        guard !value.isNaN else {
            text.append(contentsOf: value.description.utf8)
            return
        }
        var sink = DescriptionBytes()
        // Swapped in and out, not copied: `text` stays uniquely referenced and is appended in place.
        swap(&sink.bytes, &text)
        value.write(to: &sink)
        swap(&sink.bytes, &text)
    }

    /// Appends the decimal digits of `magnitude` to `text` as `appendDigits` lays them out: with
    /// `fractionDigits` above 0, padded with leading zeros to more digits than that and a point
    /// before the last `fractionDigits`; with `grouped`, a comma between each three digits of the
    /// whole part. Written from the last digit back on the stack and appended at once, without
    /// the intermediate digit buffer: this runs for every figure of a sweep's rows and words.
    public static func appendMagnitude(_ magnitude: UInt64, fractionDigits: Int, grouped: Bool, to text: inout [UInt8]) {
        // 20 digits, 6 commas, a point and up to 7 places of padding fit in 40 bytes.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 40 + max(0, fractionDigits)) { buffer in
            var start = buffer.count
            var rest = magnitude
            for _ in 0..<max(0, fractionDigits) {
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
            if fractionDigits > 0 {
                start -= 1
                buffer[start] = UInt8(ascii: ".")
            }
            var wholeDigits = 0
            repeat {
                if grouped, wholeDigits > 0, wholeDigits % 3 == 0 {
                    start -= 1
                    buffer[start] = UInt8(ascii: ",")
                }
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                wholeDigits += 1
            } while rest > 0
            text.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start...]))
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

/// The text a `Double` writes of itself, appended as bytes (`DecimalText.appendDescription`).
private struct DescriptionBytes: TextOutputStream {
    var bytes: [UInt8] = []

    mutating func write(_ string: String) { bytes.append(contentsOf: string.utf8) }

    mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: buffer) }
}
