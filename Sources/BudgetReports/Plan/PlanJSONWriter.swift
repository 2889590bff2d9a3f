import BudgetModel

/// The `json` plan report: one object with the keys of SCENARIO-SPEC section 11.
///
/// `{"tool_version", "scenario": {...}, "rounding", "plan": {"base_year", "years",
/// "year_starts", "inflation_pct", "carry_forward"}, "max_sustainable_cut_pct", "paths":
/// [{"path_pct": [...], "base_year": {"year", "services": [{"id", "amount",
/// "amount_rounded"}]}, "years": [{"year", "cut_pct", "cumulative_cut_pct", "envelope",
/// "envelope_rounded", "status", "carried_in", with closable services "closed" and
/// "closures_explanation" (as a sweep's cut, SCENARIO-SPEC section 12), then when optimal "allocated", "unallocated"
/// (each also rounded), "unallocated_by_fund", "services": [{"id", "name", "baseline",
/// "base_year_amount", "allocation", "allocation_rounded", "binding", "change", "change_pct",
/// "real_change_pct"} and for a service with a step "posts", "posts_of" and "posts_text" (the
/// year's whole posts, `floor(hi / step)` of the year's `hi`, and "1 post of 2", as a sweep's
/// cut, SCENARIO-SPEC section 12)], or when infeasible "deficit", "deficit_rounded", "conflict",
/// "explanation", "fallback" and, when there is none, "fallback_reason" (as a sweep's cut,
/// SCENARIO-SPEC section 14)}]}]}`.
///
/// `baseline` is the year's (`B_k a / n`); `base_year_amount` the service's base-year column
/// (null for a service that does not run in the base year). `change` and `change_pct` are
/// the change from the base-year amount in cash, `real_change_pct` the same with the year's
/// allocation deflated by the plan's inflation, `(1 + inflation)^k`; both null for a new
/// service. A service that does not run in a year is left out of that year's `services`.
/// Exact figures are full precision; rounded ones are those of the path's table.
public struct PlanJSONWriter {
    /// A writer.
    public init() {}

    /// The report of `paths` under `header`.
    public func write(_ paths: [PlanPathResult], header: PlanHeader, to output: inout some TextOutputStream) {
        let scenario = header.scenario
        let plan = header.plan
        let money = header.money
        let scenarioObject = [
            "\"title\": " + JSONText.string(scenario.title),
            "\"file\": " + JSONText.string(header.document.fileName),
            "\"sha256\": " + JSONText.string(header.document.sha256),
            "\"currency\": " + JSONText.string(scenario.currency),
            "\"unit\": " + JSONText.number(scenario.unit),
            "\"source\": " + JSONText.string(scenario.source),
        ].joined(separator: ", ")
        let planObject = [
            "\"base_year\": " + JSONText.string(plan.baseYear.description),
            "\"years\": [" + plan.years.map { JSONText.string($0.description) }.joined(separator: ", ") + "]",
            "\"year_starts\": " + JSONText.string(monthDay(plan.yearStart)),
            "\"inflation_pct\": " + JSONText.number(plan.inflationPercent),
            "\"carry_forward\": \(plan.carryForward)",
        ].joined(separator: ", ")
        output.write("{\n")
        output.write("  \"tool_version\": \(JSONText.string(header.toolVersion)),\n")
        output.write("  \"scenario\": {\(scenarioObject)},\n")
        output.write("  \"rounding\": {\"method\": \"controlled\", \"unit\": \(money.plain(units: 1))},\n")
        output.write("  \"plan\": {\(planObject)},\n")
        output.write("  \"max_sustainable_cut_pct\": \(header.maximumSustainableCut.map(JSONText.exact) ?? "null"),\n")
        output.write("  \"paths\": [")
        for (p, path) in paths.enumerated() {
            output.write(p == 0 ? "\n" : ",\n")
            output.write(pathObject(path, header: header))
        }
        output.write(paths.isEmpty ? "]\n}\n" : "\n  ]\n}\n")
    }

    private func monthDay(_ start: YearStart) -> String {
        (start.month < 10 ? "0" : "") + "\(start.month)-" + (start.day < 10 ? "0" : "") + "\(start.day)"
    }

    private func pathObject(_ path: PlanPathResult, header: PlanHeader) -> String {
        let figures = PlanFigures(header: header, path: path)
        let money = header.money
        let services = header.scenario.services
        let baseServices = services.indices.compactMap { s -> String? in
            guard let amount = figures.baseYear[s], let rounded = figures.roundedBaseYear[s] else { return nil }
            return "{\"id\": \(JSONText.string(services[s].id)), \"amount\": \(JSONText.exact(amount)), "
                + "\"amount_rounded\": \(money.plain(units: rounded))}"
        }
        var text = "    {\"path_pct\": [" + path.path.map(JSONText.number).joined(separator: ", ") + "],\n"
        text += "     \"base_year\": {\"year\": \(JSONText.string(header.plan.baseYear.description)), \"services\": ["
            + baseServices.joined(separator: ", ") + "]},\n"
        text += "     \"years\": ["
        for (y, year) in path.years.enumerated() {
            text += (y == 0 ? "\n" : ",\n") + yearObject(year, y: y, figures: figures, header: header)
        }
        return text + (path.years.isEmpty ? "]}" : "\n     ]}")
    }

    private func yearObject(_ year: PlanYearResult, y: Int, figures: PlanFigures, header: PlanHeader) -> String {
        let money = header.money
        let result = year.result
        let rounded = figures.years[y]
        var fields = [
            "\"year\": " + JSONText.string(year.year.description),
            "\"cut_pct\": " + JSONText.number(year.cutPercent),
            "\"cumulative_cut_pct\": " + JSONText.exact(year.cumulativeCutPercent),
            "\"envelope\": " + JSONText.exact(result.envelope),
            "\"envelope_rounded\": " + money.plain(units: rounded.envelope),
            "\"status\": " + JSONText.string(result.status.rawValue),
            "\"carried_in\": " + JSONText.exact(year.carriedIn.reduce(0, +)),
        ]
        if year.scenario.services.contains(where: \.isClosable), result.status != .unsolved {
            fields.append("\"closed\": [" + result.closedServices.map { JSONText.string(year.scenario.services[$0].id) }.joined(separator: ", ") + "]")
            fields.append("\"closures_explanation\": " + JSONText.string(ClosureWording(scenario: year.scenario).sentence(result)))
        }
        switch result.status {
        case .unsolved:
            fields.append("\"reason\": " + JSONText.string(result.reason))
            return "       {" + fields.joined(separator: ", ") + "}"
        case .infeasible:
            fields.append("\"deficit\": " + JSONText.exact(result.deficit ?? .nan))
            fields.append("\"deficit_rounded\": " + (rounded.deficit.map(money.plain(units:)) ?? "null"))
            let conflict = result.conflict.map { member in
                "{\"kind\": \(JSONText.string(member.kind.rawValue)), \"id\": \(JSONText.string(member.id)), "
                    + "\"amount\": \(JSONText.exact(member.amount)), \"limit\": \(JSONText.exact(member.limit))}"
            }
            fields.append("\"conflict\": [" + conflict.joined(separator: ", ") + "]")
            fields.append("\"explanation\": " + JSONText.string(ConflictWording(scenario: year.scenario).explanation(result)))
            fields.append("\"fallback\": " + FallbackWording.json(result.fallback))
            if let reason = FallbackWording(scenario: year.scenario).reasonForNone(result) {
                fields.append("\"fallback_reason\": " + JSONText.string(reason))
            }
            return "       {" + fields.joined(separator: ", ") + "}"
        case .optimal:
            break
        }
        fields += [
            "\"allocated\": " + JSONText.exact(result.allocated),
            "\"allocated_rounded\": " + money.plain(units: rounded.allocated),
            "\"unallocated\": " + JSONText.exact(result.unallocated),
            "\"unallocated_rounded\": " + money.plain(units: rounded.unallocated),
            "\"unallocated_by_fund\": [" + result.unallocatedByFund.map { fund in
                "{\"fund\": \(JSONText.string(fund.fundID)), \"amount\": \(JSONText.exact(fund.amount)), \"reason\": \(JSONText.string(fund.reason.rawValue))}"
            }.joined(separator: ", ") + "]",
        ]
        var text = "       {" + fields.joined(separator: ", ") + ",\n        \"services\": ["
        let services = header.scenario.services
        var first = true
        for s in services.indices {
            guard let position = figures.positions[y][s] else { continue }
            let service = result.services[position]
            let change = figures.change(ofService: s, year: y, plan: header.plan)
            let base = figures.baseYear[s]
            var serviceFields = [
                "\"id\": " + JSONText.string(service.serviceID),
                "\"name\": " + JSONText.string(services[s].name),
                "\"baseline\": " + JSONText.exact(service.baseline),
                "\"base_year_amount\": " + (base.map(JSONText.exact) ?? "null"),
                "\"allocation\": " + JSONText.exact(service.allocation),
                "\"allocation_rounded\": " + money.plain(units: rounded.services[position]),
                "\"binding\": " + JSONText.string(service.binding.label),
                "\"change\": " + (base.map { JSONText.exact(service.allocation - $0) } ?? "null"),
                "\"change_pct\": " + (change.map { JSONText.exact($0.cash) } ?? "null"),
                "\"real_change_pct\": " + (change.map { JSONText.exact($0.real) } ?? "null"),
            ]
            if let posts = service.posts, let most = PostsWording.most(service, in: year.scenario) {
                serviceFields.append("\"posts\": \(posts)")
                serviceFields.append("\"posts_of\": \(most)")
                serviceFields.append("\"posts_text\": " + JSONText.string(PostsWording.phrase(service, in: year.scenario)))
            }
            text += (first ? "\n" : ",\n") + "         {" + serviceFields.joined(separator: ", ") + "}"
            first = false
        }
        return text + (first ? "]}" : "\n        ]}")
    }
}
