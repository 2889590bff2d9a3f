import Foundation

/// Services, funds and groups from spreadsheet tables (SCENARIO-SPEC section 15): a header row
/// naming keys of section 2, one entry a row.
///
/// - Services: `id`, `name`, `baseline`, `request`, `min`, `max`, `protected`, `priority`, `weight`,
///   `closable` and `step` (section 12).
/// - Funds: `id`, `name`, `amount`, `cut`, `ring_fenced_for` (ids separated by `;`).
/// - Groups: `id`, `name`, `services` (ids separated by `;`), `min`, `max`.
///
/// Cells are read as the scenario file reads the same keys: money a plain number (a leading
/// `£`, `€` or `$` and commas between thousands, as a spreadsheet shows money, are allowed);
/// a share a number or `P%` (a workbook cell in a per-cent format is a percentage); `protected`,
/// `closable` and `cut` TRUE or FALSE (any case; also yes/no, 1/0); `priority` a whole number. Spaces
/// around a cell are trimmed. An empty cell leaves the key out, so it takes its default.
///
/// Every problem is collected, each at its cell (`FILE:ROW:COLUMN`): unknown or repeated
/// header names (with a did-you-mean hint), a missing required column or cell, a value of the
/// wrong kind, an id not of the form `[a-z0-9][a-z0-9_-]*` or repeated, a list naming a
/// service that is not in the services table, a services table with no row (a funds or groups
/// table may have none: the scenario file then says what it lacks). Checks between keys (such as `min` above `max`)
/// are the scenario file's own, made when the file is read.
public enum ScenarioImport {
    /// The keys of a services table, in the order the scenario file lists them.
    public static let serviceKeys = [
        "id", "name", "baseline", "request", "min", "max", "protected", "priority", "weight", "closable", "step",
    ]
    /// The keys of a funds table.
    public static let fundKeys = ["id", "name", "amount", "cut", "ring_fenced_for"]
    /// The keys of a groups table.
    public static let groupKeys = ["id", "name", "services", "min", "max"]

    /// The kinds of value a key takes.
    enum Kind {
        case id, text, money, positiveMoney, share, boolean, integer, weight, idList
    }

    static let kinds: [String: Kind] = [
        "id": .id, "name": .text, "baseline": .money, "request": .positiveMoney, "step": .positiveMoney, "amount": .money, "min": .share, "max": .share,
        "protected": .boolean, "closable": .boolean, "cut": .boolean, "priority": .integer, "weight": .weight,
        "ring_fenced_for": .idList, "services": .idList,
    ]

    /// The scenario from a services table and, when given, a funds and a groups table.
    ///
    /// Without a funds table the scenario gets one fund, `funding`, holding the total of the
    /// baselines and cut by the sweep (the scenario file says so, to be edited).
    /// - Throws: every problem in the tables, in file and row order.
    public static func scenario(
        title: String, services: SpreadsheetTable, funds: SpreadsheetTable?, groups: SpreadsheetTable? = nil,
        objective: ObjectiveMode? = nil
    ) throws(ImportErrors) -> ImportedScenario {
        var issues: [ImportIssue] = []
        let serviceEntries = entries(of: services, keys: serviceKeys, required: ["id", "baseline"], noun: "service", issues: &issues)
        let serviceIDs = Set(serviceEntries.map(\.id))
        var fundEntries: [ImportedScenario.Entry] = []
        if let funds {
            fundEntries = entries(of: funds, keys: fundKeys, required: ["id", "amount"], noun: "fund", issues: &issues)
            checkReferences(fundEntries, key: "ring_fenced_for", known: serviceIDs, issues: &issues)
        } else {
            let total = serviceEntries.reduce(0.0) { sum, entry in
                for (key, value) in entry.values where key == "baseline" { if case .number(let amount) = value { return sum + amount } }
                return sum
            }
            fundEntries = [ImportedScenario.Entry(file: services.file, row: 0, values: [("id", .string("funding")), ("name", .string("Funding")), ("amount", .number(total))])]
        }
        var groupEntries: [ImportedScenario.Entry] = []
        if let groups {
            groupEntries = entries(of: groups, keys: groupKeys, required: ["id", "services"], noun: "group", issues: &issues)
            checkReferences(groupEntries, key: "services", known: serviceIDs, issues: &issues)
        }
        guard issues.isEmpty else { throw ImportErrors(issues: issues) }
        return ImportedScenario(
            title: title, objective: objective, services: serviceEntries, funds: fundEntries, groups: groupEntries,
            fundsMadeUp: funds == nil)
    }

    /// The entries of `table`, every problem added to `issues`.
    static func entries(
        of table: SpreadsheetTable, keys: [String], required: [String], noun: String, issues: inout [ImportIssue]
    ) -> [ImportedScenario.Entry] {
        let file = table.file
        let headerRow = table.headerRow
        var columns: [(index: Int, key: String)] = []
        var seen: Set<String> = []
        for (index, raw) in table.header.enumerated() {
            let key = raw.trimmingCharacters(in: .whitespaces)
            if key.isEmpty {
                if table.rows.contains(where: { index < $0.cells.count && $0.cells[index] != nil }) {
                    issues.append(ImportIssue(file: file, row: headerRow, column: ColumnLetters.name(index),
                        message: "the header row names no key over column \(ColumnLetters.name(index)), which has values"))
                }
                continue
            }
            guard keys.contains(key) else {
                issues.append(ImportIssue(file: file, row: headerRow, column: key,
                    message: "unknown key \(quoted(key)) for a \(noun)\(didYouMeanHint(for: key, among: keys)); a \(noun) table has the keys \(keys.joined(separator: ", "))"))
                continue
            }
            guard seen.insert(key).inserted else {
                issues.append(ImportIssue(file: file, row: headerRow, column: key, message: "the key \(quoted(key)) heads more than one column"))
                continue
            }
            columns.append((index, key))
        }
        let missing = required.filter { !seen.contains($0) }
        for key in missing {
            issues.append(ImportIssue(file: file, row: headerRow, column: nil, message: "the header row has no column \(quoted(key)), which every \(noun) needs"))
        }
        guard missing.isEmpty else { return [] }
        if table.rows.isEmpty, noun == "service" {
            issues.append(ImportIssue(file: file, row: nil, column: nil, message: "has a header row but no \(noun); give one \(noun) a row"))
        }
        var entries: [ImportedScenario.Entry] = []
        var firstRowOfID: [String: Int] = [:]
        for row in table.rows {
            var values: [(key: String, value: ImportedScenario.Value)] = []
            for (index, key) in columns {
                let cell = index < row.cells.count ? row.cells[index] : nil
                let text: String? = {
                    if case .text(let text) = cell { return text.trimmingCharacters(in: .whitespaces) }
                    return nil
                }()
                if cell == nil || text == "" {
                    if required.contains(key) {
                        issues.append(ImportIssue(file: file, row: row.number, column: key, message: "is empty: every \(noun) needs \(quoted(key))"))
                    }
                    continue
                }
                switch value(cell!, kind: kinds[key] ?? .text) {
                case .success(let value):
                    if key == "id", case .string(let id) = value {
                        if let first = firstRowOfID[id] {
                            issues.append(ImportIssue(file: file, row: row.number, column: key,
                                message: "the \(noun) id \(quoted(id)) is already used in row \(first); ids must be unique"))
                        } else {
                            firstRowOfID[id] = row.number
                        }
                    }
                    values.append((key, value))
                case .failure(let problem):
                    issues.append(ImportIssue(file: file, row: row.number, column: key, message: problem.message))
                }
            }
            for (index, cell) in row.cells.enumerated() where cell != nil && index >= table.header.count {
                issues.append(ImportIssue(file: file, row: row.number, column: ColumnLetters.name(index),
                    message: "has a value in column \(ColumnLetters.name(index)), which the header row does not name"))
            }
            entries.append(ImportedScenario.Entry(file: file, row: row.number, values: values))
        }
        return entries
    }

    /// Reports each id in `key`'s lists that is not a service.
    private static func checkReferences(_ entries: [ImportedScenario.Entry], key: String, known: Set<String>, issues: inout [ImportIssue]) {
        for entry in entries {
            for (entryKey, value) in entry.values where entryKey == key {
                guard case .list(let ids) = value else { continue }
                for id in ids where !known.contains(id) {
                    issues.append(ImportIssue(file: entry.file, row: entry.row, column: key,
                        message: "names the service \(quoted(id)), which is not in the services table\(didYouMeanHint(for: id, among: known.sorted()))"))
                }
            }
        }
    }

    struct Problem: Error {
        let message: String
    }

    /// A cell read as a value of `kind`.
    static func value(_ cell: SpreadsheetTable.Cell, kind: Kind) -> Result<ImportedScenario.Value, Problem> {
        let shown: String
        switch cell {
        case .text(let text): shown = quoted(text.trimmingCharacters(in: .whitespaces))
        case .number(let number): shown = PercentText.exact(number)
        case .percent(let number): shown = PercentText.exact(number) + "%"
        case .boolean(let flag): shown = flag ? "TRUE" : "FALSE"
        }
        func fail(_ message: String) -> Result<ImportedScenario.Value, Problem> { .failure(Problem(message: shown + " " + message)) }
        let text: String? = {
            if case .text(let text) = cell { return text.trimmingCharacters(in: .whitespaces) }
            return nil
        }()
        switch kind {
        case .id:
            let id = text ?? {
                if case .number(let number) = cell, number == number.rounded(), number >= 0 { return PercentText.exact(number) }
                return ""
            }()
            guard DraftChecker.isValidID(id) else {
                return fail("is not an id: an id is lower-case letters, digits, \"_\" and \"-\", starting with a letter or digit")
            }
            return .success(.string(id))
        case .text:
            switch cell {
            case .text(let text): return .success(.string(text.trimmingCharacters(in: .whitespaces)))
            case .number(let number): return .success(.string(PercentText.exact(number)))
            case .percent(let number): return .success(.string(PercentText.exact(number) + "%"))
            case .boolean(let flag): return .success(.string(flag ? "TRUE" : "FALSE"))
            }
        case .money, .positiveMoney, .weight:
            let amount: Double
            switch cell {
            case .number(let number): amount = number
            case .text(let text):
                guard let number = money(in: text) else { return fail("is not an amount: write a plain number such as 42000 or 42000.50") }
                amount = number
            case .percent, .boolean: return fail("is not an amount: write a plain number such as 42000")
            }
            let noun = kind == .weight ? "a weight" : "money"
            guard amount.isFinite else { return fail("is not a finite number") }
            if kind == .positiveMoney, amount <= 0 { return fail("is not above 0: a request or a step must be more than 0") }
            if amount < 0 { return fail("is below 0: \(noun) cannot be negative") }
            return .success(.number(amount))
        case .share:
            switch cell {
            case .number(let number) where number >= 0: return .success(.number(number))
            case .percent(let number) where number >= 0: return .success(.percent(number))
            case .number, .percent: return fail("is below 0: a share cannot be negative")
            case .text(let text):
                if let percent = PercentSyntax.percentage(in: text) {
                    return percent < 0 ? fail("is below 0%: a percentage cannot be negative") : .success(.percent(percent))
                }
                if let amount = money(in: text) { return amount < 0 ? fail("is below 0: a share cannot be negative") : .success(.number(amount)) }
                return fail("is not a share: write an amount such as 25000 or a percentage such as 50%")
            case .boolean: return fail("is not a share: write an amount such as 25000 or a percentage such as 50%")
            }
        case .boolean:
            switch cell {
            case .boolean(let flag): return .success(.boolean(flag))
            case .number(let number) where number == 0 || number == 1: return .success(.boolean(number == 1))
            case .text(let text):
                switch text.lowercased() {
                case "true", "yes", "1": return .success(.boolean(true))
                case "false", "no", "0": return .success(.boolean(false))
                default: break
                }
            default: break
            }
            return fail("is not TRUE or FALSE")
        case .integer:
            switch cell {
            case .number(let number) where number == number.rounded() && abs(number) <= 1e9: return .success(.integer(Int(number)))
            case .text(let text):
                if let integer = Int(text), abs(integer) <= 1_000_000_000 { return .success(.integer(integer)) }
            default: break
            }
            return fail("is not a whole number such as 0, 1 or 2")
        case .idList:
            let source: String
            switch cell {
            case .text(let text): source = text
            case .number(let number) where number == number.rounded() && number >= 0: source = PercentText.exact(number)
            default: return fail("is not a list of ids separated by \";\"")
            }
            let ids = source.split(separator: ";", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            if let bad = ids.first(where: { !DraftChecker.isValidID($0) }) {
                return fail(bad.isEmpty ? "has an empty id: separate ids with one \";\"" : "names \(quoted(bad)), which is not an id")
            }
            return .success(.list(ids))
        }
    }

    /// An amount written as a spreadsheet shows it: an optional `-`, an optional `£`, `€` or
    /// `$`, then digits with commas between thousands (or none), then an optional fraction;
    /// nil for anything else (an exponent, a misplaced comma, a bare point).
    public static func money(in text: String) -> Double? {
        var body = Substring(text)
        var negative = false
        if body.hasPrefix("-") { negative = true; body = body.dropFirst() }
        if let first = body.first, "£€$".contains(first) { body = body.dropFirst() }
        if !negative, body.hasPrefix("-") { negative = true; body = body.dropFirst() }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty else { return nil }
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        let isDigits: (Substring) -> Bool = { !$0.isEmpty && $0.unicodeScalars.allSatisfy { ("0"..."9").contains($0) } }
        guard groups.allSatisfy(isDigits) else { return nil }
        if groups.count > 1, !(groups.first!.count <= 3 && groups.dropFirst().allSatisfy { $0.count == 3 }) { return nil }
        if parts.count == 2, !isDigits(parts[1]) { return nil }
        let plain = groups.joined() + (parts.count == 2 ? "." + parts[1] : "")
        guard let value = Double(plain) else { return nil }
        return negative ? -value : value
    }
}

/// Spreadsheet column letters for messages: `A`, `Z`, `AA`.
enum ColumnLetters {
    static func name(_ index: Int) -> String {
        var number = index + 1
        var letters = ""
        while number > 0 {
            letters = String(UnicodeScalar(UInt8(65 + (number - 1) % 26))) + letters
            number = (number - 1) / 26
        }
        return letters
    }
}
