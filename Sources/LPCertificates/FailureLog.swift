import Foundation

/// Collects failure sentences, keeping at most `limitPerKind` per kind so a
/// badly wrong solution of a large programme gives a readable report.
struct FailureLog {
    /// Sentences kept per kind of check before the rest are only counted.
    static let limitPerKind = 5

    private(set) var sentences: [String] = []
    private var counts: [String: Int] = [:]
    private var order: [String] = []

    /// Records a failure of kind `kind`.
    mutating func add(_ kind: String, _ sentence: @autoclosure () -> String) {
        let count = counts[kind, default: 0]
        if count == 0 { order.append(kind) }
        counts[kind] = count + 1
        if count < FailureLog.limitPerKind { sentences.append(sentence()) }
    }

    /// The kept sentences followed by one sentence per kind that had more.
    var all: [String] {
        var result = sentences
        for kind in order {
            let extra = counts[kind, default: 0] - FailureLog.limitPerKind
            if extra > 0 { result.append("\(extra) more \(kind) failures not listed.") }
        }
        return result
    }
}

/// Short, exact-enough rendering of a number inside a failure sentence.
func show(_ value: Double) -> String {
    String(format: "%.6g", value)
}
