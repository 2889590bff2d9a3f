import Foundation

/// Formats money for reports, independent of the machine's locale.
///
/// - The currency prints as `£` (GBP), `€` (EUR), `$` (USD), or else as its
///   code and a space (`CHF 1,234`).
/// - Digits are grouped in thousands with commas; negatives print as `-£1,234`.
/// - Amounts are whole multiples of the scenario's unit. With unit 1000 they
///   print as thousands with a `k` (`£1,234k` is £1,234,000), with unit
///   1,000,000 as millions with an `m`; any other unit prints the full amount
///   with as many decimal places as the unit has (unit 0.01: `£1,234.56`).
public struct MoneyFormatter: Sendable, Equatable {
    /// The ISO 4217 code.
    public let currency: String
    /// The rounding unit, greater than 0.
    public let unit: Double

    /// What `append(units:to:)` and `appendPlain(units:to:)` write around the digits, worked
    /// out once: the symbol and suffix as UTF-8, the decimal places shown, and the unit in its
    /// last decimal place.
    private let symbolBytes: [UInt8]
    private let suffixBytes: [UInt8]
    private let places: Int
    private let unitInLastPlace: Double

    /// A formatter for `currency` rounding to multiples of `unit`.
    public init(currency: String, unit: Double) {
        self.currency = currency
        self.unit = unit
        let suffix: String
        switch unit {
        case 1000: suffix = "k"
        case 1_000_000: suffix = "m"
        default: suffix = ""
        }
        suffixBytes = Array(suffix.utf8)
        switch currency {
        case "GBP": symbolBytes = Array("£".utf8)
        case "EUR": symbolBytes = Array("€".utf8)
        case "USD": symbolBytes = Array("$".utf8)
        default: symbolBytes = Array((currency + " ").utf8)
        }
        places = suffix.isEmpty ? Self.decimalPlaces(of: unit) ?? Self.maximumDecimalPlaces : 0
        var unitScale = 1.0
        for _ in 0..<places { unitScale *= 10 }
        unitInLastPlace = (unit * unitScale).rounded()
    }

    /// What goes before the digits: `£`, `€`, `$`, or the code and a space.
    public var symbol: String { String(decoding: symbolBytes, as: UTF8.self) }

    /// The most decimal places an amount prints with, so the finest unit is 0.000001.
    public static let maximumDecimalPlaces = 6

    /// The largest whole number a `Double` holds with every smaller whole number: 2^53.
    public static let largestExactInteger = 9_007_199_254_740_992.0

    /// The decimal places of `unit` (0 for a whole unit): the fewest, at most six, that
    /// write it exactly (to within 1e-9 of it); nil when it needs more than six.
    public static func decimalPlaces(of unit: Double) -> Int? {
        var scaled = unit
        for places in 0...maximumDecimalPlaces {
            if abs(scaled - scaled.rounded()) < 1e-9 * max(1, scaled) { return places }
            scaled *= 10
        }
        return nil
    }

    /// Whether every amount up to `amount` prints exactly: the unit has at most six decimal
    /// places, and the whole number printed for `amount` (the amount in the unit's last decimal
    /// place, `0.01` for unit 0.05; in thousands for `k`, millions for `m`) is at most 2^53, so
    /// that it and every count of units below it are exact in a `Double`.
    public func printsExactly(upTo amount: Double) -> Bool {
        guard unit.isFinite, unit > 0, let places = Self.decimalPlaces(of: unit) else { return false }
        guard suffixBytes.isEmpty else { return amount / unit <= Self.largestExactInteger }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return amount * scale <= Self.largestExactInteger
    }

    /// A count of units (as produced by `LargestRemainderRounding`) as money: `£1,234`, `-£1,234k`.
    public func format(units count: Double) -> String {
        var text: [UInt8] = []
        append(units: count, to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// Appends `format(units:)` to `text` as UTF-8.
    public func append(units count: Double, to text: inout [UInt8]) {
        // In display units (thousands for `k`), or in the unit's last decimal place.
        let printed = suffixBytes.isEmpty ? count * unitInLastPlace : count
        let whole = printed.isFinite ? printed.rounded(.toNearestOrAwayFromZero) : 0
        guard abs(whole) <= DecimalText.exactLimit else {
            DecimalText.withIntegerDigits(printed) { negative, digits in
                if negative { text.append(UInt8(ascii: "-")) }
                text.append(contentsOf: symbolBytes)
                DecimalText.appendDigits(digits, fractionDigits: places, grouped: true, to: &text)
                text.append(contentsOf: suffixBytes)
            }
            return
        }
        let integer = Int64(whole)
        if integer < 0 { text.append(UInt8(ascii: "-")) }
        text.append(contentsOf: symbolBytes)
        DecimalText.appendMagnitude(integer.magnitude, fractionDigits: places, grouped: true, to: &text)
        text.append(contentsOf: suffixBytes)
    }

    /// An exact amount rounded to the nearest unit, as money.
    public func format(amount: Double) -> String {
        format(units: LargestRemainderRounding.roundToUnits(amount, unit: unit))
    }

    /// The rounding unit itself as money: `£1`, `£1k`, `£50`, `£0.01`.
    public var unitDescription: String { format(units: 1) }

    /// A count of units as a plain decimal amount of money (no symbol, no grouping,
    /// not abbreviated): `1234000` for 1,234 units of 1000. For machine-readable output.
    public func plain(units count: Double) -> String {
        var text: [UInt8] = []
        appendPlain(units: count, to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// Appends `plain(units:)` to `text` as UTF-8.
    public func appendPlain(units count: Double, to text: inout [UInt8]) {
        let printed = suffixBytes.isEmpty ? count * unitInLastPlace : count * unit
        let whole = printed.isFinite ? printed.rounded(.toNearestOrAwayFromZero) : 0
        guard abs(whole) <= DecimalText.exactLimit else {
            DecimalText.withIntegerDigits(printed) { negative, digits in
                if negative { text.append(UInt8(ascii: "-")) }
                DecimalText.appendDigits(digits, fractionDigits: places, grouped: false, to: &text)
            }
            return
        }
        let integer = Int64(whole)
        if integer < 0 { text.append(UInt8(ascii: "-")) }
        DecimalText.appendMagnitude(integer.magnitude, fractionDigits: places, grouped: false, to: &text)
    }
}
