/// A failure to compute an allocation that is not the scenario's fault:
/// the solver could not reach a trustworthy answer.
public struct AllocationError: Error, Sendable, CustomStringConvertible {
    /// The cut being solved, in per cent.
    public var cutPercent: Double
    /// What went wrong, in a sentence.
    public var reason: String

    /// An error from its parts.
    public init(cutPercent: Double, reason: String) {
        self.cutPercent = cutPercent
        self.reason = reason
    }

    /// One line: "cut 12.5%: <reason>", the cut as the shortest decimal that reads back as
    /// the same number (`99.000001`, not rounded).
    public var description: String { "cut \(PercentText.exact(cutPercent))%: \(reason)" }
}

/// Plain, locale-independent rendering of a percentage figure for messages.
enum PercentText {
    /// The shortest decimal that reads back as `value`, without an exponent: `99.000001`,
    /// `0.00001`, `12.5`, `5`.
    static func exact(_ value: Double) -> String {
        guard value.isFinite else { return value.description }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        let shortest = value.description
        guard shortest.contains("e") else { return shortest }
        // Exponent form (below 1e-4 or from 1e16): the same digits written out in full.
        let parts = shortest.split(separator: "e")
        guard parts.count == 2, let exponent = Int(parts[1]) else { return shortest }
        var mantissa = Substring(parts[0])
        let sign = mantissa.hasPrefix("-") ? "-" : ""
        if !sign.isEmpty { mantissa = mantissa.dropFirst() }
        let integerDigits = mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) } ?? mantissa.count
        let digits = mantissa.filter { $0 != "." }
        let point = integerDigits + exponent
        if point <= 0 { return sign + "0." + String(repeating: "0", count: -point) + digits }
        if point >= digits.count { return sign + digits + String(repeating: "0", count: point - digits.count) }
        return sign + digits.prefix(point) + "." + digits.dropFirst(point)
    }
}
