/// Collects the semantic problems of a draft scenario; the checks themselves are in
/// `TopLevelChecks.swift`, `FundChecks.swift`, `ServiceChecks.swift` and `GroupChecks.swift`.
struct DraftChecker {
    let draft: DraftScenario
    private(set) var problems: [ScenarioProblem] = []
    /// The ids of the services in file order, when the service list is readable (for references).
    let serviceIDs: [String]?
    /// The same ids as a set, for checking references in constant time.
    private let serviceIDSet: Set<String>
    /// How many more did-you-mean hints may be looked for: each compares a word with every
    /// service id, so a file with thousands of bad references must not take minutes.
    private var hintBudget = 100
    /// Whether the file is a plan (SCENARIO-SPEC section 11): a `step` is then checked against
    /// the bounds of each planned year (`PlanReader.stepProblems`), not of the base year.
    let stepsCheckedPerYear: Bool

    init(draft: DraftScenario, stepsCheckedPerYear: Bool = false) {
        self.draft = draft
        self.stepsCheckedPerYear = stepsCheckedPerYear
        serviceIDs = draft.services.given.map { $0.compactMap(\.id.given) }
        serviceIDSet = Set(serviceIDs ?? [])
    }

    /// Records a problem.
    mutating func report(
        _ message: String, in table: TableReference?, key: String? = nil, item: String? = nil, itemOccurrence: Int = 1
    ) {
        problems.append(ScenarioProblem(message, table: table, key: key, item: item, itemOccurrence: itemOccurrence))
    }

    /// Reports a required key that is absent.
    mutating func require<Value>(_ field: Field<Value>, _ key: String, in table: TableReference?) {
        if case .absent = field { report("missing required key \(quoted(key))", in: table, key: nil) }
    }

    // MARK: Numbers

    /// Checks an amount of money: finite, not negative (greater than 0 when `positive`), not above 1e15.
    /// Returns whether it passed.
    @discardableResult
    mutating func checkMoney(_ value: Double, _ key: String, in table: TableReference?, positive: Bool = false) -> Bool {
        guard value.isFinite else {
            report("\(quoted(key)) must be a finite number, not \(formatted(value))", in: table, key: key)
            return false
        }
        if positive, value <= 0 {
            report("\(quoted(key)) must be greater than 0 (got \(formatted(value)))", in: table, key: key)
            return false
        }
        if value < 0 {
            report("\(quoted(key)) must not be negative (got \(formatted(value)))", in: table, key: key)
            return false
        }
        if value > largestComputableValue {
            reportTooLarge(key, got: formatted(value), in: table)
            return false
        }
        return true
    }

    /// Checks an amount or a percentage: an amount as money; a percentage finite and not below 0%, and not above
    /// 1e15 (the percentage itself, or the amount it stands for when `reference` is known).
    /// Returns whether it passed.
    @discardableResult
    mutating func checkAmountOrPercent(_ value: AmountOrPercent, _ key: String, in table: TableReference?, reference: Double?) -> Bool {
        switch value {
        case .amount(let value):
            return checkMoney(value, key, in: table)
        case .percent(let percent):
            guard percent.isFinite else {
                report("\(quoted(key)) must be a finite percentage, not \(formatted(value))", in: table, key: key)
                return false
            }
            if percent < 0 {
                report("\(quoted(key)) must not be below 0% (got \(formatted(value)))", in: table, key: key)
                return false
            }
            if let reference, value.resolved(against: reference) > largestComputableValue {
                reportTooLarge(key, got: formatted(value, of: reference), in: table)
                return false
            }
            if percent > largestComputableValue {
                reportTooLarge(key, got: formatted(value), in: table)
                return false
            }
            return true
        }
    }

    private mutating func reportTooLarge(_ key: String, got: String, in table: TableReference?) {
        report(
            "\(quoted(key)) is too large to compute with to the penny (got \(got); the limit is 1e+15)",
            in: table, key: key)
    }

    // MARK: Ids

    /// Checks an id against `[a-z0-9][a-z0-9_-]*`.
    mutating func checkIDPattern(_ id: String, in table: TableReference?) {
        if !Self.isValidID(id) {
            report(
                "id \(quoted(id)) is not allowed: an id is lower-case letters, digits, \"_\" and \"-\", "
                    + "starting with a letter or digit",
                in: table, key: "id")
        }
    }

    /// Whether `id` matches `[a-z0-9][a-z0-9_-]*`.
    static func isValidID(_ id: String) -> Bool {
        let scalars = id.unicodeScalars
        guard let first = scalars.first, isLowerAlphanumeric(first) else { return false }
        return scalars.allSatisfy { isLowerAlphanumeric($0) || $0 == "_" || $0 == "-" }
    }

    private static func isLowerAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    /// Reports ids used by more than one table of a kind: once per id, at its second table,
    /// with how many more use it after that.
    mutating func checkUniqueIDs(_ ids: [String?], kind: TableKind) {
        var uses: [String: (count: Int, second: Int?)] = [:]
        for (ordinal, id) in ids.enumerated() {
            guard let id else { continue }
            let previous = uses[id] ?? (0, nil)
            uses[id] = (previous.count + 1, previous.second ?? (previous.count == 1 ? ordinal : nil))
        }
        for (ordinal, id) in ids.enumerated() {
            guard let id, let use = uses[id], use.second == ordinal else { continue }
            let later = use.count - 2
            report(
                "id \(quoted(id)) is already used by an earlier [[\(kind.rawValue)]]"
                    + (later > 0 ? " (and by \(counted(later, "more [[\(kind.rawValue)]]")) after this one)" : ""),
                in: TableReference(kind: kind, ordinal: ordinal, id: id), key: "id")
        }
    }

    /// Checks a list of service ids (`ring_fenced_for`, a group's `services`): non-empty,
    /// every item a service, none twice.
    mutating func checkServiceList(_ list: [String], _ key: String, in table: TableReference, emptyAdvice: String) {
        if list.isEmpty {
            report("\(quoted(key)) must not be empty\(emptyAdvice)", in: table, key: key)
            return
        }
        var occurrences: [String: Int] = [:]
        for item in list { occurrences[item, default: 0] += 1 }
        var seen = Set<String>()
        for item in list where seen.insert(item).inserted {
            if let known = serviceIDs, !serviceIDSet.contains(item) {
                var hint = ""
                if hintBudget > 0 {
                    hintBudget -= 1
                    hint = didYouMeanHint(for: item, among: known)
                }
                report(
                    "\(quoted(key)) names \(quoted(item)), which is not a service id" + hint,
                    in: table, key: key, item: item)
            }
            let count = occurrences[item] ?? 1
            if count > 1 {
                let times = count == 2 ? "twice" : "\(counted(count, "times")) (\(counted(count - 1, "repeats")))"
                report("\(quoted(key)) names \(quoted(item)) \(times)", in: table, key: key, item: item, itemOccurrence: 2)
            }
        }
    }
}
