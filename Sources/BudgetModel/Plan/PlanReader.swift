import TOMLKit

/// Reads and checks the `[plan]` table and the plan keys of each `[[service]]`
/// (SCENARIO-SPEC section 11), reporting every problem with its table and key.
///
/// Checked: `[plan]` keys known (with a did-you-mean hint); `base_year` and `years` present,
/// each year written `"YYYY/YY"`, at least one and at most `maximumYears` planned years, the
/// first following `base_year` and each following the one before; `year_starts` a day every
/// year has; `inflation` and `uplift` percentages from 0% to 100%; `carry_forward` a boolean;
/// `starts`, `ends`, `fixed_until` dates that exist (TOML local dates or strings
/// `"YYYY-MM-DD"`); no service that ends before it starts; no contract that outlives its
/// service or ends before it starts; and no plan key on a service of a file without `[plan]`.
enum PlanReader {
    /// The top-level key this reader adds to a scenario file.
    static let topLevelKeys = ["plan"]
    static let planKeys = ["base_year", "years", "year_starts", "inflation", "carry_forward"]
    static let serviceKeys = ["uplift", "starts", "ends", "fixed_until"]
    /// The most years one plan may hold.
    static let maximumYears = 50
    /// The largest yearly uplift or inflation, in per cent.
    static let largestUplift = 100.0

    /// The plan of the file whose root table is `root` (nil without `[plan]`, or when a problem
    /// was found) and the problems found.
    static func read(_ root: TOMLTable) -> (Plan?, [ScenarioProblem]) {
        var problems: [ScenarioProblem] = []
        let serviceTables = root["service"]?.array.map { $0.compactMap(\.table) } ?? []
        var schedules: [ServiceSchedule] = []
        for (ordinal, table) in serviceTables.enumerated() {
            let reference = TableReference(kind: .service, ordinal: ordinal, id: table["id"]?.string)
            var reader = TableReader(table, reference: reference)
            schedules.append(schedule(&reader))
            problems += reader.problems
        }
        guard let planValue = root["plan"] else {
            for (ordinal, table) in serviceTables.enumerated() {
                for key in serviceKeys where table[key] != nil {
                    problems.append(ScenarioProblem(
                        "\(quoted(key)) needs a [plan] table: a service's dates and uplift mean something only in a plan "
                            + "over years (add [plan] with base_year and years)",
                        table: TableReference(kind: .service, ordinal: ordinal, id: table["id"]?.string), key: key))
                }
            }
            return (nil, problems)
        }
        guard let planTable = planValue.table else {
            problems.append(ScenarioProblem("\"plan\" must be a table ([plan]), not \(describe(planValue))", table: nil, key: "plan"))
            return (nil, problems)
        }
        var reader = TableReader(planTable, reference: TableReference(kind: .plan, ordinal: 0))
        reader.rejectUnknownKeys(allowed: planKeys)
        let plan = self.plan(&reader, schedules: schedules)
        problems += reader.problems
        return (problems.isEmpty ? plan : nil, problems)
    }

    private static func plan(_ reader: inout TableReader, schedules: [ServiceSchedule]) -> Plan? {
        var baseYear: FinancialYear?
        switch reader.string("base_year") {
        case .absent: reader.report("missing required key \"base_year\"", key: nil)
        case .unreadable: break
        case .given(let text):
            baseYear = FinancialYear(parsing: text)
            if baseYear == nil { reader.report(yearFormMessage("base_year", text), key: "base_year") }
        }
        let years = self.years(&reader, after: baseYear)
        var yearStart = YearStart.april
        if case .given(let text) = reader.string("year_starts") {
            if let parsed = YearStart(parsing: text) {
                yearStart = parsed
            } else {
                reader.report(
                    "\"year_starts\" must be a day written \"MM-DD\" that every year has, such as \"04-01\" (got \(quoted(text)))",
                    key: "year_starts")
            }
        }
        let inflation = percent(&reader, "inflation") ?? 0
        let carryForward = reader.bool("carry_forward").given ?? false
        guard let baseYear, let years else { return nil }
        return Plan(
            baseYear: baseYear, years: years, yearStart: yearStart, inflationPercent: inflation,
            carryForward: carryForward, schedules: schedules)
    }

    private static func yearFormMessage(_ key: String, _ text: String) -> String {
        "\(quoted(key)) must be a financial year written \"YYYY/YY\", such as \"2017/18\" (got \(quoted(text)))"
    }

    /// The planned years: present, non-empty, well-formed, consecutive after `baseYear`.
    private static func years(_ reader: inout TableReader, after baseYear: FinancialYear?) -> [FinancialYear]? {
        let labels: [String]
        switch reader.stringList("years") {
        case .absent:
            reader.report("missing required key \"years\"", key: nil)
            return nil
        case .unreadable: return nil
        case .given(let list): labels = list
        }
        guard !labels.isEmpty else {
            reader.report("\"years\" must name at least one year, such as [\"2017/18\"]", key: "years")
            return nil
        }
        guard labels.count <= maximumYears else {
            reader.report("\"years\" names \(labels.count) years; a plan holds at most \(maximumYears)", key: "years")
            return nil
        }
        var years: [FinancialYear] = []
        var readable = true
        for label in labels {
            guard let year = FinancialYear(parsing: label) else {
                reader.report(yearFormMessage("years", label), key: "years")
                readable = false
                continue
            }
            years.append(year)
        }
        guard readable else { return nil }
        var consecutive = true
        if let baseYear, let first = years.first, first != baseYear.next {
            reader.report(
                "\"years\" must start with the year after base_year \(quoted(baseYear.description)), "
                    + "that is \(quoted(baseYear.next?.description ?? "")), not \(quoted(first.description))",
                key: "years")
            consecutive = false
        }
        for (previous, year) in zip(years, years.dropFirst()) where year != previous.next {
            reader.report(
                "\"years\" are not consecutive: \(quoted(year.description)) does not follow \(quoted(previous.description))",
                key: "years")
            consecutive = false
        }
        return consecutive && baseYear != nil ? years : nil
    }

    /// A percentage written `"P%"`, from 0% to `largestUplift`; nil when absent or reported.
    private static func percent(_ reader: inout TableReader, _ key: String) -> Double? {
        guard let value = reader.table[key] else { return nil }
        guard let text = value.string, let percent = PercentSyntax.percentage(in: text) else {
            let got = value.string.map(quoted) ?? describe(value)
            reader.report("\(quoted(key)) must be a yearly percentage such as \"2.5%\" (got \(got))", key: key)
            return nil
        }
        guard percent >= 0, percent <= largestUplift else {
            reader.report(
                "\(quoted(key)) must be from 0% to \(formatted(largestUplift))% a year (got \(quoted(text)))", key: key)
            return nil
        }
        return percent
    }

    /// A date: a TOML local date or a string `"YYYY-MM-DD"` naming a day that exists.
    private static func date(_ reader: inout TableReader, _ key: String) -> PlanDate? {
        guard let value = reader.table[key] else { return nil }
        if let date = value.date {
            if let planDate = PlanDate(year: date.year, month: date.month, day: date.day) { return planDate }
            reader.report("\(quoted(key)) names a day that does not exist", key: key)
            return nil
        }
        guard let text = value.string else {
            reader.report("\(quoted(key)) must be a date such as 2017-10-01, not \(describe(value))", key: key)
            return nil
        }
        if let planDate = PlanDate(parsing: text) { return planDate }
        let form = text.split(separator: "-", omittingEmptySubsequences: false)
        if form.count == 3, form.map(\.count) == [4, 2, 2], form.allSatisfy({ $0.utf8.allSatisfy { (48...57).contains($0) } }) {
            reader.report("\(quoted(key)) names a day that does not exist: \(quoted(text))", key: key)
        } else {
            reader.report("\(quoted(key)) must be a date written YYYY-MM-DD, such as 2017-10-01 (got \(quoted(text)))", key: key)
        }
        return nil
    }

    /// A service's plan keys, with the order of its dates checked.
    private static func schedule(_ reader: inout TableReader) -> ServiceSchedule {
        let schedule = ServiceSchedule(
            upliftPercent: percent(&reader, "uplift"), starts: date(&reader, "starts"),
            ends: date(&reader, "ends"), fixedUntil: date(&reader, "fixed_until"))
        if let starts = schedule.starts, let ends = schedule.ends, ends < starts {
            reader.report("the service ends on \(ends), before it starts on \(starts)", key: "ends")
        }
        if let fixed = schedule.fixedUntil, let ends = schedule.ends, fixed > ends {
            reader.report("the contract runs to \(fixed), after the service ends on \(ends)", key: "fixed_until")
        }
        if let fixed = schedule.fixedUntil, let starts = schedule.starts, fixed < starts {
            reader.report("the contract ends on \(fixed), before the service starts on \(starts)", key: "fixed_until")
        }
        return schedule
    }
}

extension PlanReader {
    /// The services whose uplifted rate, minimum or maximum in the plan's last year is above
    /// 1e15, too large to compute with to the penny.
    static func growthProblems(of plan: Plan, in scenario: Scenario) -> [ScenarioProblem] {
        let last = plan.years.count
        return scenario.services.indices.compactMap { s in
            let service = scenario.services[s]
            let growth = Plan.compounded(plan.schedules[s].upliftPercent ?? plan.inflationPercent, years: last)
            let largest = max(service.baseline, service.maximumAmount, service.minimumAmount) * growth
            guard largest > largestComputableValue else { return nil }
            return ScenarioProblem(
                "uplifted to \(plan.year(last)) the service's figures reach \(formatted(largest)), too large to compute "
                    + "with to the penny (the limit is 1e+15)",
                table: TableReference(kind: .service, ordinal: s, id: service.id),
                key: plan.schedules[s].upliftPercent == nil ? "baseline" : "uplift")
        }
    }
}

extension PlanReader {
    /// The services with a `step` (SCENARIO-SPEC section 12) none of whose whole multiples lies
    /// in the service's `[lo, hi]` of some planned year it runs in, each reported once, for the
    /// first such year. The step is cash and is not uplifted; `lo` and `hi` are the year's
    /// (`Plan.serviceYear`), `lo` at least the year's baseline for a protected service. The
    /// base year is not allocated in a plan, so its bounds are not checked.
    static func stepProblems(of plan: Plan, in scenario: Scenario) -> [ScenarioProblem] {
        scenario.services.indices.compactMap { s -> ScenarioProblem? in
            let service = scenario.services[s]
            guard let step = service.step else { return nil }
            for k in 1...plan.years.count {
                let year = plan.serviceYear(s, of: scenario, year: k)
                guard year.isPresent else { continue }
                let lower = service.isProtected ? max(year.minimum, year.baseline) : year.minimum
                guard !Service.hasMultiple(of: step, from: lower, to: year.maximum) else { continue }
                return ScenarioProblem(
                    "in \(plan.year(k)) no whole multiple of \"step\" \(formatted(step)) lies between the service's "
                        + "lower bound \(formatted(pennies(lower, .up))) and its max \(formatted(pennies(year.maximum, .down))) "
                        + "(the step is cash; the bounds are the year's, uplifted and pro-rated)",
                    table: TableReference(kind: .service, ordinal: s, id: service.id), key: "step")
            }
            return nil
        }
    }

    /// `value` to two decimal places, rounded outwards from the interval a message prints.
    private static func pennies(_ value: Double, _ rule: FloatingPointRoundingRule) -> Double {
        (value * 100).rounded(rule) / 100
    }
}
