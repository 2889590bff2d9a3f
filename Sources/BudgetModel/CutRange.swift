/// The cut levels of a sweep, parsed from the `--cut` and `--step` options
/// (SCENARIO-SPEC section 7).
///
/// Accepted forms, all in per cent (the `%` is optional after any number):
/// - a range `A..B%`, inclusive: `A, A+S, A+2S, …` up to and including `B`
///   when `B - A` is a multiple of the step `S` (default 5), otherwise up to
///   the last value below `B`;
/// - a list `5,7.5,10%`, in the order given;
/// - one value `10%`.
///
/// Numbers are plain decimals (`-5`, `7.5`, `.5`); exponents, `NaN` and
/// infinities are rejected. Every cut satisfies `-100 < c < 100`.
///
/// The cuts of a range are generated lazily as `A + k·S`, computed exactly
/// in integer multiples of the finest decimal place written, so
/// `0..30%` step `0.01` yields exactly 3,001 values, the last exactly 30, and
/// each value is the `Double` nearest its decimal (so it prints as written).
public struct CutRange: Sequence, Sendable, Equatable {
    /// The step used for a range when `--step` is not given, in percentage points.
    public static let defaultStep = 5.0

    fileprivate enum Form: Sendable, Equatable {
        /// `count` values `(start + k * step) / scale` for k in 0..<count.
        case arithmetic(start: Int64, step: Int64, count: Int64, scale: Double)
        case list([Double])
    }

    private let form: Form
    /// The smallest and largest cut written: a range's two ends, or a list's extremes.
    public let bounds: ClosedRange<Double>

    /// Parses `text` (the `--cut` value) with an optional `step` (the `--step`
    /// value, meaningful only with a range).
    ///
    /// - Throws: `CutRangeError` with a one-line message naming the problem.
    public init(parsing text: String, step: String? = nil) throws(CutRangeError) {
        let trimmed = text.trimmingSpaces()
        guard !trimmed.isEmpty else { throw .empty }
        if trimmed.contains("..") {
            guard !trimmed.contains(",") else { throw .rangeInList(trimmed) }
            (form, bounds) = try Self.parseRange(trimmed, step: step)
        } else {
            if let step { throw .stepWithoutRange(step) }
            let items = trimmed.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            var values: [Double] = []
            values.reserveCapacity(items.count)
            for item in items {
                let number = try CutNumber(parsing: item)
                try number.checkInRange()
                values.append(number.value)
            }
            form = .list(values)
            bounds = (values.min() ?? 0)...(values.max() ?? 0)
        }
    }

    private static func parseRange(_ text: String, step stepText: String?) throws(CutRangeError) -> (Form, ClosedRange<Double>) {
        let ends = text.splitOnDoubleDots()
        guard ends.count == 2 else { throw .malformedRange(text) }
        let lowerText = ends[0].trimmingSpaces(), upperText = ends[1].trimmingSpaces()
        guard !lowerText.isEmpty else { throw .missingRangeStart(text) }
        guard !upperText.isEmpty else { throw .missingRangeEnd(text) }
        let lower = try CutNumber(parsing: lowerText)
        let upper = try CutNumber(parsing: upperText)
        let step = try CutNumber(parsing: stepText ?? "5")
        try lower.checkInRange()
        try upper.checkInRange()
        guard step.value > 0 else { throw .stepNotPositive(stepText ?? "") }
        guard lower.value <= upper.value else { throw .descending(text) }
        let decimals = Swift.max(lower.decimals, upper.decimals, step.decimals)
        guard decimals <= CutNumber.maximumDecimals else { throw .tooPrecise(stepText ?? text) }
        let a = lower.scaled(to: decimals), b = upper.scaled(to: decimals), s = step.scaled(to: decimals)
        let count = (b - a) / s + 1
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        return (.arithmetic(start: a, step: s, count: count, scale: scale), lower.value...upper.value)
    }

    /// How many cuts the sequence yields.
    public var count: Int {
        switch form {
        case .arithmetic(_, _, let count, _): return Int(count)
        case .list(let values): return values.count
        }
    }

    /// Whether the text given was a range `A..B%` (rather than a list or one value).
    public var isRange: Bool {
        if case .arithmetic = form { return true }
        return false
    }

    /// Iterates the cuts in order, computing each one on demand.
    public struct Iterator: IteratorProtocol {
        fileprivate let form: Form
        fileprivate var index: Int64 = 0

        /// The next cut in per cent, or nil after the last.
        public mutating func next() -> Double? {
            switch form {
            case .arithmetic(let start, let step, let count, let scale):
                guard index < count else { return nil }
                defer { index += 1 }
                return Double(start + index * step) / scale
            case .list(let values):
                guard index < values.count else { return nil }
                defer { index += 1 }
                return values[Int(index)]
            }
        }
    }

    /// An iterator over the cuts, in order.
    public func makeIterator() -> Iterator { Iterator(form: form) }

    /// The number of cuts, for `Sequence` consumers that preallocate.
    public var underestimatedCount: Int { count }
}

/// Why a `--cut` or `--step` value was rejected; `description` is the one-line message.
public enum CutRangeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Nothing was given.
    case empty
    /// Text that is not a plain decimal percentage.
    case notANumber(String)
    /// A cut outside `-100 < c < 100`.
    case outOfRange(String)
    /// `..B%` with no start.
    case missingRangeStart(String)
    /// `A..` with no end.
    case missingRangeEnd(String)
    /// More than one `..`.
    case malformedRange(String)
    /// `A..B%` with `A > B`.
    case descending(String)
    /// A step of zero or less.
    case stepNotPositive(String)
    /// `--step` given with a list or a single value.
    case stepWithoutRange(String)
    /// A list with a range inside it, such as `5,10..20`.
    case rangeInList(String)
    /// More decimal places than the range generator can represent exactly.
    case tooPrecise(String)

    /// A one-line message for standard error.
    public var description: String {
        switch self {
        case .empty:
            return "--cut is empty: give a range such as 5..20%, a list such as 5,7.5,10%, or one value such as 10%"
        case .notANumber(let text):
            return "'\(Self.oneLine(text))' is not a percentage: write a plain decimal number such as 7.5 or 7.5%"
        case .outOfRange(let text):
            return "cut \(Self.oneLine(text)) is out of range: a cut must be greater than -100% and less than 100%"
        case .missingRangeStart(let text):
            return "range '\(Self.oneLine(text))' has no start: write A..B%, for example 5..20%"
        case .missingRangeEnd(let text):
            return "range '\(Self.oneLine(text))' has no end: write A..B%, for example 5..20%"
        case .malformedRange(let text):
            return "range '\(Self.oneLine(text))' has more than one '..': write A..B%, for example 5..20%"
        case .descending(let text):
            return "range '\(Self.oneLine(text))' runs downwards: the start must not exceed the end"
        case .stepNotPositive(let text):
            return "--step \(Self.oneLine(text)) is not positive: the step must be greater than 0 percentage points"
        case .stepWithoutRange(let text):
            return "--step \(Self.oneLine(text)) applies only to a range A..B%, not to a list or a single cut"
        case .rangeInList(let text):
            return "'\(Self.oneLine(text))' mixes a list and a range: give either A..B% or a list such as 5,7.5,10%"
        case .tooPrecise(let text):
            return "'\(Self.oneLine(text))' has more than \(CutNumber.maximumDecimals) decimal places"
        }
    }

    /// `text` with control characters (and `'`) escaped, so that a newline typed into `--cut`
    /// or `--step` cannot break the message over lines.
    private static func oneLine(_ text: String) -> String {
        escaped(text, quote: "'")
    }
}

/// One percentage as written: its value and how many decimal places it has.
private struct CutNumber {
    static let maximumDecimals = 9
    /// Most digits before the point, so the scaled integer fits comfortably in Int64.
    static let maximumWholeDigits = 6

    let text: String
    let value: Double
    let decimals: Int
    /// The digits without the decimal point, as an integer, with the sign.
    let digits: Int64

    /// Parses `-?digits[.digits]` or `-?.digits`, with an optional single trailing `%`.
    init(parsing raw: String) throws(CutRangeError) {
        var body = Substring(raw.trimmingSpaces())
        text = String(body)
        if body.hasSuffix("%") { body = body.dropLast() }
        var negative = false
        if body.hasPrefix("-") {
            negative = true
            body = body.dropFirst()
        } else if body.hasPrefix("+") {
            body = body.dropFirst()
        }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { throw .notANumber(text) }
        let whole = parts[0], fraction = parts.count == 2 ? parts[1] : ""
        let isDigits = { (s: Substring) in s.allSatisfy { $0 >= "0" && $0 <= "9" } }
        guard isDigits(whole), isDigits(fraction), !(whole.isEmpty && fraction.isEmpty) else {
            throw .notANumber(text)
        }
        let significantWhole = whole.drop(while: { $0 == "0" })
        guard significantWhole.count <= Self.maximumWholeDigits else { throw .outOfRange(text) }
        let significantFraction = String(fraction.reversed().drop(while: { $0 == "0" }).reversed())
        guard significantFraction.count <= Self.maximumDecimals else { throw .tooPrecise(text) }
        decimals = significantFraction.count
        var integer: Int64 = 0
        var power = 1.0
        for character in significantWhole + significantFraction {
            integer = integer * 10 + Int64(character.wholeNumberValue ?? 0)
        }
        for _ in 0..<decimals { power *= 10 }
        digits = negative ? -integer : integer
        // Both operands are exact, so the quotient is the Double nearest the decimal written.
        value = Double(digits) / power
    }

    /// Rejects values outside `-100 < c < 100`.
    func checkInRange() throws(CutRangeError) {
        guard value > -100, value < 100 else { throw .outOfRange(text) }
    }

    /// The value times `10^places` as an exact integer (`places >= decimals`).
    func scaled(to places: Int) -> Int64 {
        var result = digits
        for _ in decimals..<places { result *= 10 }
        return result
    }
}

extension String {
    /// The pieces between occurrences of `..` (one piece when there is none).
    fileprivate func splitOnDoubleDots() -> [String] {
        var pieces: [String] = []
        var current = ""
        var index = startIndex
        while index < endIndex {
            let next = self.index(after: index)
            if self[index] == ".", next < endIndex, self[next] == "." {
                pieces.append(current)
                current = ""
                index = self.index(after: next)
            } else {
                current.append(self[index])
                index = next
            }
        }
        pieces.append(current)
        return pieces
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    fileprivate func trimmingSpaces() -> String {
        let isSpace = { (c: Character) in c == " " || c == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }),
            let last = lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(self[first...last])
    }
}
