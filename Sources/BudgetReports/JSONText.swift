import BudgetModel

/// Pieces of JSON text, always valid.
enum JSONText {
    /// A JSON string literal: quotes, backslashes and control characters escaped.
    static func string(_ value: String) -> String {
        EscapedString.doubleQuoted(value)
    }

    /// An optional string, `null` when absent.
    static func string(_ value: String?) -> String {
        value.map { string($0) } ?? "null"
    }

    /// An exact value at full precision (the shortest text that reads back as
    /// the same Double, such as `234000.00000000003`).
    ///
    /// JSON has no NaN or infinity. A non-finite value can arise only from a
    /// solver failure; it is written as `null` rather than as invalid JSON.
    static func exact(_ value: Double) -> String {
        value.isFinite ? value.description : "null"
    }

    /// Appends `exact(value)` to `text` as UTF-8.
    static func appendExact(_ value: Double, to text: inout [UInt8]) {
        if value.isFinite { DecimalText.appendDescription(value, to: &text) } else { text.append(literal: "null") }
    }

    /// An optional exact value, `null` when absent (a new bid's `change_pct`).
    static func exact(_ value: Double?) -> String {
        value.map { exact($0) } ?? "null"
    }

    /// A number as written (`5`, `7.5`, `420000`): integral values without `.0`.
    static func number(_ value: Double) -> String {
        value.isFinite ? PercentFormatter.number(value) : "null"
    }
}
