import ArgumentParser
import BudgetModel

/// The one reading of `--cut` and `--step` that every command uses (SCENARIO-SPEC section 7):
/// plain decimal per cents, `-100 < cut < 100`, with no exponents, so `--cut 1e1` is the same
/// usage error for `solve`, `export`, `sweep`, `breakpoints` and `bench`.
public enum CutOption {
    /// The most cuts one sweep takes unless `--max-cuts` raises it.
    public static let defaultMaximumCount = 10_000_000

    /// The cuts written, or exit status 64 after a one-line message `scenario COMMAND: reason`.
    /// - Parameter maximumCount: the most cuts accepted, or nil for no limit; the message of a
    ///   longer sweep names `--max-cuts`, the option that raises it.
    public static func cuts(_ text: String, step: String?, command: String, maximumCount: Int? = nil) throws -> CutRange {
        let cuts: CutRange
        do {
            cuts = try CutRange(parsing: text, step: step)
        } catch {
            throw failing(["scenario \(command): \(error.description)"], status: ExitStatus.usage)
        }
        if let maximumCount, cuts.count > maximumCount {
            throw failing(
                ["scenario \(command): --cut \(text) gives \(grouped(cuts.count)) cuts, more than the limit of \(grouped(maximumCount)); "
                    + "use a larger --step, or raise the limit with --max-cuts"],
                status: ExitStatus.usage)
        }
        return cuts
    }

    /// The one cut written, or exit status 64 after a one-line message when `text` is not one
    /// valid cut (a range or a list names `scenario sweep`, which takes several).
    public static func single(_ text: String, command: String) throws -> Double {
        let cuts = try cuts(text, step: nil, command: command)
        guard cuts.count == 1, !cuts.isRange, let cut = Array(cuts).first else {
            throw failing(
                ["scenario \(command): --cut takes one value, such as 12.5%; use scenario sweep for several"],
                status: ExitStatus.usage)
        }
        return cut
    }

    /// A `--cut` range `A..B%` with `A < B`, or exit status 64 after a one-line message.
    public static func range(_ text: String, command: String) throws -> ClosedRange<Double> {
        let cuts = try cuts(text, step: nil, command: command)
        guard cuts.isRange, cuts.bounds.lowerBound < cuts.bounds.upperBound else {
            throw failing(["scenario \(command): --cut takes a range A..B%, such as 0..30%"], status: ExitStatus.usage)
        }
        return cuts.bounds
    }

    /// The value of `--max-cuts`: a whole number of at least 1, or exit status 64 after a one-line message.
    public static func maximumCount(_ text: String, command: String) throws -> Int {
        guard let count = Int(text), count >= 1 else {
            throw failing(["scenario \(command): --max-cuts must be a whole number of at least 1, not \(text)"], status: ExitStatus.usage)
        }
        return count
    }

    /// `count` with thousands separated by commas (10,000,000).
    static func grouped(_ count: Int) -> String {
        let digits = Array(String(count.magnitude))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return (count < 0 ? "-" : "") + text
    }
}
