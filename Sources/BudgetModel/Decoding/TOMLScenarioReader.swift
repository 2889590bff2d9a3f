import TOMLKit

/// Walks a parsed TOML document into a `DraftScenario`, reporting unknown keys, values of
/// the wrong type and malformed amounts or percentages (the semantic checks are `ScenarioValidator`'s).
enum TOMLScenarioReader {
    static let topLevelKeys = ["title", "currency", "source", "unit", "objective", "fund", "service", "group"]
        + PlanReader.topLevelKeys
    static let objectiveKeys = ["mode"]
    static let fundKeys = ["id", "name", "amount", "cut", "ring_fenced_for"]
    static let serviceKeys = ["id", "name", "baseline", "min", "max", "protected", "priority", "weight"]
        + PlanReader.serviceKeys
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
        var problems = reader.problems

        draft.objective = read(objectiveTable) { table, _ in objective(table, into: &problems) }
            .flatMapGiven { $0.first ?? .unreadable }
        draft.funds = read(fundTables) { table, ordinal in fund(table, ordinal: ordinal, into: &problems) }
        draft.services = read(serviceTables) { table, ordinal in service(table, ordinal: ordinal, into: &problems) }
        draft.groups = read(groupTables) { table, ordinal in group(table, ordinal: ordinal, into: &problems) }
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

    private static func objective(_ table: TOMLTable, into problems: inout [ScenarioProblem]) -> Field<ObjectiveMode> {
        var reader = TableReader(table, reference: TableReference(kind: .objective, ordinal: 0))
        reader.rejectUnknownKeys(allowed: objectiveKeys)
        var mode = Field<ObjectiveMode>.absent
        switch reader.string("mode") {
        case .absent: mode = .absent
        case .unreadable: mode = .unreadable
        case .given(let text):
            if let known = ObjectiveMode(rawValue: text) {
                mode = .given(known)
            } else {
                let names = ["tiers", "weighted"]
                reader.report(
                    "\"mode\" must be \"tiers\" or \"weighted\", not \(quoted(text))" + didYouMeanHint(for: text, among: names),
                    key: "mode")
                mode = .unreadable
            }
        }
        problems += reader.problems
        return mode
    }

    private static func fund(_ table: TOMLTable, ordinal: Int, into problems: inout [ScenarioProblem]) -> DraftFund {
        var reader = TableReader(table, reference: TableReference(kind: .fund, ordinal: ordinal))
        var fund = DraftFund()
        fund.id = reader.string("id")
        reader.reference?.id = fund.id.given
        reader.rejectUnknownKeys(allowed: fundKeys)
        fund.name = reader.string("name")
        fund.amount = reader.number("amount")
        fund.isCut = reader.bool("cut")
        fund.ringFencedFor = reader.stringList("ring_fenced_for")
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
        service.minimum = reader.amountOrPercent("min")
        service.maximum = reader.amountOrPercent("max")
        service.isProtected = reader.bool("protected")
        service.priority = reader.integer("priority")
        service.weight = reader.number("weight")
        problems += reader.problems
        return service
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
