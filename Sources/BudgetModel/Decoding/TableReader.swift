import TOMLKit

/// Reads typed values from one TOML table of a scenario, recording a problem for every
/// unknown key and every value of the wrong type or form.
struct TableReader {
    let table: TOMLTable
    /// The table being read (nil for the top level); its id is filled in once read.
    var reference: TableReference?
    private(set) var problems: [ScenarioProblem] = []

    init(_ table: TOMLTable, reference: TableReference?) {
        self.table = table
        self.reference = reference
    }

    mutating func report(_ message: String, key: String?) {
        problems.append(ScenarioProblem(message, table: reference, key: key))
    }

    /// Reports every key of the table that is not in `allowed`, with a did-you-mean hint.
    mutating func rejectUnknownKeys(allowed: [String]) {
        for key in table.keys where !allowed.contains(key) {
            report("unknown key \(quoted(key))" + didYouMeanHint(for: key, among: allowed), key: key)
        }
    }

    /// A string value.
    mutating func string(_ key: String) -> Field<String> {
        guard let value = table[key] else { return .absent }
        guard let text = value.string else { return wrongType(key, expected: "a string", got: value) }
        return .given(text)
    }

    /// A boolean value.
    mutating func bool(_ key: String) -> Field<Bool> {
        guard let value = table[key] else { return .absent }
        guard let flag = value.bool else { return wrongType(key, expected: "true or false", got: value) }
        return .given(flag)
    }

    /// A number: a TOML integer or float.
    mutating func number(_ key: String) -> Field<Double> {
        guard let value = table[key] else { return .absent }
        if let integer = value.int { return .given(Double(integer)) }
        if let double = value.double { return .given(double) }
        return wrongType(key, expected: "a number", got: value)
    }

    /// A TOML integer.
    mutating func integer(_ key: String) -> Field<Int> {
        guard let value = table[key] else { return .absent }
        guard let integer = value.int else { return wrongType(key, expected: "an integer", got: value) }
        return .given(integer)
    }

    /// An amount or a percentage: a number (an amount) or a string `"P%"` (a percentage, see `PercentSyntax`).
    mutating func amountOrPercent(_ key: String) -> Field<AmountOrPercent> {
        guard let value = table[key] else { return .absent }
        if let integer = value.int { return .given(.amount(Double(integer))) }
        if let double = value.double { return .given(.amount(double)) }
        let expected = "a number or a percentage such as \"50%\""
        guard let text = value.string else { return wrongType(key, expected: expected, got: value) }
        guard let percent = PercentSyntax.percentage(in: text) else {
            report("\(quoted(key)) must be \(expected) (got \(quoted(text)))", key: key)
            return .unreadable
        }
        return .given(.percent(percent))
    }

    /// An array of strings (service ids).
    mutating func stringList(_ key: String) -> Field<[String]> {
        guard let value = table[key] else { return .absent }
        guard let array = value.array else { return wrongType(key, expected: "an array of service ids", got: value) }
        var items: [String] = []
        for (index, element) in array.enumerated() {
            guard let item = element.string else {
                report(
                    "\(quoted(key)) must list service ids as strings, but item \(index + 1) is \(describe(element))",
                    key: key)
                return .unreadable
            }
            items.append(item)
        }
        return .given(items)
    }

    /// An array of tables (`[[fund]]`), or a sub-table (`[objective]`) as a one-element list.
    mutating func tables(_ key: String, arrayOfTables: Bool) -> Field<[TOMLTable]> {
        guard let value = table[key] else { return .absent }
        guard arrayOfTables else {
            guard let subtable = value.table else {
                return wrongType(key, expected: "a table ([\(key)])", got: value)
            }
            return .given([subtable])
        }
        let expected = "an array of tables ([[\(key)]])"
        guard let array = value.array else { return wrongType(key, expected: expected, got: value) }
        var tables: [TOMLTable] = []
        for (index, element) in array.enumerated() {
            guard let subtable = element.table else {
                report("\(quoted(key)) must be \(expected), but item \(index + 1) is \(describe(element))", key: key)
                return .unreadable
            }
            tables.append(subtable)
        }
        return .given(tables)
    }

    private mutating func wrongType<Value>(_ key: String, expected: String, got value: TOMLValueConvertible) -> Field<Value> {
        report("\(quoted(key)) must be \(expected), not \(describe(value))", key: key)
        return .unreadable
    }
}

/// A TOML value's type with its article, as messages name it: `a string`, `an integer`, ...
func describe(_ value: TOMLValueConvertible) -> String {
    switch value.type {
    case .table: return "a table"
    case .array: return "an array"
    case .string: return "a string"
    case .int: return "an integer"
    case .double: return "a floating-point number"
    case .bool: return "a boolean"
    case .date: return "a date"
    case .time: return "a time"
    case .dateTime: return "a date-time"
    }
}
