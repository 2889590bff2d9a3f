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

    /// One line: "cut 12.5%: <reason>".
    public var description: String { "cut \(PercentText.format(cutPercent))%: \(reason)" }
}

/// Plain, locale-independent rendering of a percentage figure for messages.
enum PercentText {
    /// Up to four decimals, trailing zeros removed: `12.5`, `38.1818`, `5`.
    static func format(_ value: Double) -> String {
        let rounded = (value * 10_000).rounded() / 10_000
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        var text = String(rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}
