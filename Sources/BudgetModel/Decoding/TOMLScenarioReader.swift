import TOMLKit

/// Walks a parsed TOML document into a `DraftScenario`, reporting unknown keys, values of
/// the wrong type and malformed amounts or percentages (the semantic checks are `ScenarioValidator`'s).
enum TOMLScenarioReader {
    static let topLevelKeys = ["title", "currency", "source", "unit", "objective", "fund", "service", "group", "area"]
        + PlanReader.topLevelKeys
    static let objectiveKeys = ["mode", "fairness"]
    static let fundKeys = ["id", "name", "amount", "cut", "ring_fenced_for", "area"]
    static let serviceKeys = ["id", "name", "baseline", "request", "min", "max", "protected", "priority", "weight", "area", "contributions", "closable", "step"]
        + PlanReader.serviceKeys
    static let areaKeys = ["id", "name"]
    static let groupKeys = ["id", "name", "services", "min", "max"]

    /// The draft the document describes and the problems found reading it.
    static func read(_ root: TOMLTable) -> (DraftScenario, [ScenarioProblem]) {
        var reader = TableReader(root, reference: nil)
        reader.rejectUnknownKeys(allowed: topLevelKeys)
        var draft = DraftScenario()
        draft.title = reader.string("title")
        draft.currency = reader.string("currency")
        draft.source = reader.string("source")
        draft.unit = reader.number("unit")
        let objectiveTable = reader.tables("objective", arrayOfTables: false)
        let fundTables = reader.tables("fund", arrayOfTables: true)
        let serviceTables = reader.tables("service", arrayOfTables: true)
        let groupTables = reader.tables("group", arrayOfTables: true)
        let areaTables = reader.tables("area", arrayOfTables: true)
        var problems = reader.problems

        let objectives = read(objectiveTable) { table, _ in objective(table, into: &problems) }
        draft.objective = objectives.flatMapGiven { $0.first?.mode ?? .unreadable }
        draft.fairness = objectives.flatMapGiven { $0.first?.fairness ?? .unreadable }
        draft.funds = read(fundTables) { table, ordinal in fund(table, ordinal: ordinal, into: &problems) }
        draft.services = read(serviceTables) { table, ordinal in service(table, ordinal: ordinal, into: &problems) }
        draft.groups = read(groupTables) { table, ordinal in group(table, ordinal: ordinal, into: &problems) }
        draft.areas = read(areaTables) { table, ordinal in area(table, ordinal: ordinal, into: &problems) }
        return (draft, problems)
    }

    private static func read<Value>(
        _ tables: Field<[TOMLTable]>, _ each: (TOMLTable, Int) -> Value
    ) -> Field<[Value]> {
        switch tables {
        case .absent: return .absent
        case .unreadable: return .unreadable
        case .given(let list): return .given(list.enumerated().map { each($1, $0) })
        }
    }

    private static func objective(
        _ table: TOMLTable, into problems: inout [ScenarioProblem]
    ) -> (mode: Field<ObjectiveMode>, fairness: Field<FairnessMeasure>) {
        var reader = TableReader(table, reference: TableReference(kind: .objective, ordinal: 0))
        reader.rejectUnknownKeys(allowed: objectiveKeys)
        let mode = choice("mode", of: ObjectiveMode.self, among: ["tiers", "weighted"], in: &reader)
        let fairness = choice("fairness", of: FairnessMeasure.self, among: FairnessMeasure.allCases.map(\.rawValue), in: &reader)
        problems += reader.problems
        return (mode, fairness)
    }

    /// The string `key` read as one of the values `names` of `Choice`, reporting any other
    /// string with the names it may take and the nearest of them.
    private static func choice<Choice: RawRepresentable<String>>(
        _ key: String, of _: Choice.Type, among names: [String], in reader: inout TableReader
    ) -> Field<Choice> {
        switch reader.string(key) {
        case .absent: return .absent
        case .unreadable: return .unreadable
        case .given(let text):
            if let known = Choice(rawValue: text) { return .given(known) }
            let listed = names.map { "\"\($0)\"" }
            let alternatives = listed.count == 2
                ? "\(listed[0]) or \(listed[1])"
                : listed.dropLast().joined(separator: ", ") + " or " + listed.last!
            reader.report(
                "\"\(key)\" must be \(alternatives), not \(quoted(text))" + didYouMeanHint(for: text, among: names),
                key: key)
            return .unreadable
        }
    }

    private static func fund(_ table: TOMLTable, ordinal: Int, into problems: inout [ScenarioProblem]) -> DraftFund {
        var reader = TableReader(table, reference: TableReference(kind: .fund, ordinal: ordinal))
        var fund = DraftFund()
        fund.id = reader.string("id")
        reader.reference?.id = fund.id.given
        reader.rejectUnknownKeys(allowed: fundKeys)
        fund.name = reader.string("name")
        fund.amount = reader.number("amount")
        fund.cutMultiplier = reader.cutMultiplier("cut")
        fund.ringFencedFor = reader.stringList("ring_fenced_for")
        fund.area = reader.string("area")
        problems += reader.problems
        return fund
    }

    private static func service(_ table: TOMLTable, ordinal: Int, into problems: inout [ScenarioProblem]) -> DraftService {
        var reader = TableReader(table, reference: TableReference(kind: .service, ordinal: ordinal))
        var service = DraftService()
        service.id = reader.string("id")
        reader.reference?.id = service.id.given
        reader.rejectUnknownKeys(allowed: serviceKeys)
        service.name = reader.string("name")
        service.baseline = reader.number("baseline")
        service.request = reader.number("request")
        service.minimum = reader.amountOrPercent("min")
        service.maximum = reader.amountOrPercent("max")
        service.isProtected = reader.bool("protected")
        service.priority = reader.integer("priority")
        service.weight = reader.number("weight")
        service.area = reader.string("area")
        service.contributions = reader.contributions("contributions")
        service.isClosable = reader.bool("closable")
        service.step = reader.number("step")
        problems += reader.problems
        return service
    }

    private static func area(_ table: TOMLTable, ordinal: Int, into problems: inout [ScenarioProblem]) -> DraftArea {
        var reader = TableReader(table, reference: TableReference(kind: .area, ordinal: ordinal))
        var area = DraftArea()
        area.id = reader.string("id")
        reader.reference?.id = area.id.given
        reader.rejectUnknownKeys(allowed: areaKeys)
        area.name = reader.string("name")
        problems += reader.problems
        return area
    }

    private static func group(_ table: TOMLTable, ordinal: Int, into problems: inout [ScenarioProblem]) -> DraftGroup {
        var reader = TableReader(table, reference: TableReference(kind: .group, ordinal: ordinal))
        var group = DraftGroup()
        group.id = reader.string("id")
        reader.reference?.id = group.id.given
        reader.rejectUnknownKeys(allowed: groupKeys)
        group.name = reader.string("name")
        group.services = reader.stringList("services")
        group.minimum = reader.amountOrPercent("min")
        group.maximum = reader.amountOrPercent("max")
        problems += reader.problems
        return group
    }
}

extension Field {
    /// The field with its given value transformed into another field.
    func flatMapGiven<Other>(_ transform: (Value) -> Field<Other>) -> Field<Other> {
        switch self {
        case .absent: return .absent
        case .unreadable: return .unreadable
        case .given(let value): return transform(value)
        }
    }
}
