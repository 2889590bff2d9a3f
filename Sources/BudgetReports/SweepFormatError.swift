/// A sweep that a report format cannot take.
public enum SweepFormatError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The sweep has more cuts than the format's `maximumCuts`.
    case tooManyCuts(format: SweepFormat, count: Int, limit: Int)

    /// The message for the user, naming the limit and what to do instead.
    public var description: String {
        switch self {
        case .tooManyCuts(let format, let count, let limit):
            return "the \(format.rawValue) format takes at most \(limit) cuts, and this sweep has \(count); "
                + "use a larger --step or the csv or json format"
        }
    }
}
