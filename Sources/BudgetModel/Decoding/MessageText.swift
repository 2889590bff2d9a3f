/// The largest amount of money (and the largest percentage) a scenario may state: beyond
/// 1e15 a double can no longer hold every penny exactly.
let largestComputableValue = 1e15

/// The smallest baseline a scenario may have, as a fraction of its largest amount (fund or
/// baseline). The allocation LP measures money in units of that largest amount with
/// tolerances of 1e-9, so a baseline below a millionth of it is lost in the tolerance: a
/// service of £1 beside a £1e8 fund was given nothing at a 0% cut (1e7 already gave wrong
/// amounts and percentages; 1e6 is the widest ratio found exact, see `ValidationTests`).
let smallestBaselineFraction = 1e-6

/// `text` in double quotes, with quotes, backslashes and control characters escaped so that
/// any message stays on one line.
func quoted(_ text: String) -> String {
    "\"" + escaped(text, quote: "\"") + "\""
}

/// `text` with unprintable characters (`isUnprintable`) escaped (`\n`, `\t`, `\u{1b}`,
/// `\u{2028}`), and `quote` and backslashes
/// too when a quote is given, so that it can stand between two `quote` characters, or
/// anywhere, in a one-line message.
func escaped(_ text: String, quote: Unicode.Scalar? = nil) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\" where quote != nil, quote: result += "\\" + String(scalar)
        case "\n": result += "\\n"
        case "\r": result += "\\r"
        case "\t": result += "\\t"
        default:
            if isUnprintable(scalar) {
                result += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
    }
    return result
}

/// A number as a message shows it: whole numbers below 1e15 without a fraction (`50000`),
/// larger ones in scientific notation (`2e+15`, `1e+300`), others as Swift prints them
/// (`12.5`, `nan`, `inf`).
func formatted(_ value: Double) -> String {
    if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
        return String(Int64(value))
    }
    let text = "\(value)"
    guard text.hasSuffix(".0") else { return text }
    // A large whole number that Swift writes out in full: rewrite it as `d.ddde+N`.
    let sign = text.hasPrefix("-") ? "-" : ""
    let digits = text.dropFirst(sign.count).dropLast(2)
    var significant = Substring(digits)
    while significant.count > 1, significant.last == "0" { significant.removeLast() }
    let fraction = significant.dropFirst()
    return sign + String(significant.prefix(1)) + (fraction.isEmpty ? "" : "." + fraction) + "e+\(digits.count - 1)"
}

/// An amount or a percentage as a message shows it: `50000` for an amount, `"80%"` for a percentage.
func formatted(_ value: AmountOrPercent) -> String {
    switch value {
    case .amount(let value): return formatted(value)
    case .percent(let value): return "\"\(formatted(value))%\""
    }
}

/// An amount or a percentage of a reference as a message shows it: `50000`, or `"80%" (40000)` for a percentage.
func formatted(_ value: AmountOrPercent, of reference: Double) -> String {
    switch value {
    case .amount: return formatted(value)
    case .percent: return "\(formatted(value)) (\(formatted(value.resolved(against: reference))))"
    }
}

/// A count and what it counts as a message shows them, digits grouped in thousands:
/// `99,999 times`.
func counted(_ count: Int, _ noun: String) -> String {
    let digits = Array(String(count).reversed())
    var grouped = ""
    for (index, digit) in digits.enumerated() {
        if index > 0, index % 3 == 0 { grouped.append(",") }
        grouped.append(digit)
    }
    return String(grouped.reversed()) + " " + noun
}
