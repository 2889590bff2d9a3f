/// Locale-independent money text for messages: `£682,500`, `-€1,250`, `CHF 12,000`,
/// and `£683k` for a scenario whose `unit` is 1,000.
public struct MoneyText: Sendable {
    /// ISO 4217 code.
    public var currency: String
    /// Amounts are rounded to multiples of this.
    public var unit: Double

    /// A formatter for a currency and rounding unit.
    public init(currency: String, unit: Double) {
        self.currency = currency
        self.unit = unit
    }

    /// The symbol printed before amounts, or the code and a space for currencies without one.
    public var prefix: String {
        switch currency {
        case "GBP": return "£"
        case "EUR": return "€"
        case "USD": return "$"
        default: return currency + " "
        }
    }

    /// The suffix for amounts in thousands or millions (`k`, `m`), empty otherwise.
    public var unitSuffix: String {
        switch unit {
        case 1_000: return "k"
        case 1_000_000: return "m"
        default: return ""
        }
    }

    /// An amount rounded to the nearest `unit`, with its sign, symbol and thousands separators.
    public func format(_ amount: Double) -> String {
        let suffix = unitSuffix
        let divisor = suffix.isEmpty ? 1 : unit
        let step = suffix.isEmpty ? unit : 1
        let units = ((amount / divisor) / step).rounded() * step
        return (units < 0 ? "-" : "") + prefix + Self.grouped(abs(units)) + suffix
    }

    /// The digits of a whole number with a comma every three places (`1234567` → `1,234,567`).
    /// Fractions are truncated; callers round first.
    public static func grouped(_ value: Double) -> String {
        let whole = abs(value).rounded(.towardZero)
        guard whole.isFinite, whole < 9e18 else { return String(value) }
        var digits = String(Int64(whole))
        var groups: [Substring] = []
        while digits.count > 3 {
            groups.insert(digits.suffix(3), at: 0)
            digits.removeLast(3)
        }
        groups.insert(Substring(digits), at: 0)
        return groups.joined(separator: ",")
    }
}
