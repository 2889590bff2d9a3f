import BudgetModel

extension JSONText {
    /// The members every JSON report opens with, one per line after `{`:
    /// `tool_version`, `scenario`, `rounding`, `max_feasible_cut_pct`, each followed by a comma.
    /// `rounding.method` is `controlled` when the report's figures are rounded as one
    /// table (`RoundedTable`), `largest-remainder-per-cut` when `roundsEachCut`.
    static func opening(_ header: SweepHeader, roundsEachCut: Bool = false) -> String {
        let scenario = header.scenario
        let scenarioObject = [
            "\"title\": " + string(scenario.title),
            "\"file\": " + string(header.document.fileName),
            "\"sha256\": " + string(header.document.sha256),
            "\"currency\": " + string(scenario.currency),
            "\"unit\": " + number(scenario.unit),
            "\"source\": " + string(scenario.source),
            "\"objective\": {\"mode\": \(string(scenario.objective.rawValue)), \"fairness\": \(string(scenario.fairness.rawValue))}",
        ].joined(separator: ", ")
        return "{\n"
            + "  \"tool_version\": \(string(header.toolVersion)),\n"
            + "  \"scenario\": {\(scenarioObject)},\n"
            + "  \"rounding\": {\"method\": \"\(roundsEachCut ? "largest-remainder-per-cut" : "controlled")\", \"unit\": \(header.money.plain(units: 1))},\n"
            + "  \"max_feasible_cut_pct\": \(header.maximumFeasibleCut.map(number) ?? "null"),\n"
    }

    /// One cut as a JSON object (SCENARIO-SPEC section 5, plus the `rounded`
    /// figures, names and money changes), indented four spaces, one service per
    /// line, with no line break after the closing brace.
    static func cutObject(_ result: CutResult, rounded: RoundedCut, header: SweepHeader) -> String {
        let money = header.money
        var fields = [
            "\"cut_pct\": " + number(result.cutPercent),
            "\"envelope\": " + exact(result.envelope),
            "\"envelope_rounded\": " + money.plain(units: rounded.envelope),
            "\"status\": " + string(result.status.rawValue),
        ]
        if result.status == .unsolved {
            fields.append("\"reason\": " + string(result.reason))
            return "    {" + fields.joined(separator: ", ") + "}"
        }
        if !header.scenario.services.allSatisfy({ !$0.isClosable }) {
            fields.append("\"closed\": [" + result.closedServices.map { string(header.scenario.services[$0].id) }.joined(separator: ", ") + "]")
            fields.append("\"closures_explanation\": " + string(ClosureWording(scenario: header.scenario).sentence(result)))
        }
        guard result.status == .optimal else {
            fields.append("\"deficit\": " + exact(result.deficit ?? .nan))
            fields.append("\"deficit_rounded\": " + (rounded.deficit.map(money.plain(units:)) ?? "null"))
            let conflict = result.conflict.map { member in
                "{\"kind\": \(string(member.kind.rawValue)), \"id\": \(string(member.id)), \"amount\": \(exact(member.amount)), \"limit\": \(exact(member.limit))}"
            }
            fields.append("\"conflict\": [" + conflict.joined(separator: ", ") + "]")
            fields.append("\"hopeless\": " + (result.hopeless.map(hopeless) ?? "null"))
            fields.append("\"explanation\": " + string(ConflictWording(scenario: header.scenario).explanation(result)))
            fields.append("\"fallback\": " + FallbackWording.json(result.fallback))
            if let reason = FallbackWording(scenario: header.scenario).reasonForNone(result) {
                fields.append("\"fallback_reason\": " + string(reason))
            }
            if !header.scenario.areas.isEmpty { fields.append("\"areas\": " + areas(result, header: header)) }
            return "    {" + fields.joined(separator: ", ") + "}"
        }
        fields += [
            "\"allocated\": " + exact(result.allocated),
            "\"allocated_rounded\": " + money.plain(units: rounded.allocated),
            "\"unallocated\": " + exact(result.unallocated),
            "\"unallocated_rounded\": " + money.plain(units: rounded.unallocated),
            "\"unallocated_by_fund\": [" + result.unallocatedByFund.map { fund in
                "{\"fund\": \(string(fund.fundID)), \"amount\": \(exact(fund.amount)), \"reason\": \(string(fund.reason.rawValue))}"
            }.joined(separator: ", ") + "]",
        ]
        if !header.scenario.areas.isEmpty { fields.append("\"areas\": " + areas(result, header: header)) }
        var text = "    {" + fields.joined(separator: ", ") + ",\n     \"services\": ["
        for (index, service) in result.services.enumerated() {
            var serviceFields = [
                "\"id\": " + string(service.serviceID),
                "\"name\": " + string(header.serviceName(of: service.serviceID, near: index)),
                "\"baseline\": " + number(service.baseline),
                "\"allocation\": " + exact(service.allocation),
                "\"allocation_rounded\": " + money.plain(units: rounded.services[index]),
                "\"change\": " + exact(service.change),
                "\"change_pct\": " + exact(service.changePercent),
                "\"binding\": " + string(service.binding.label),
            ]
            if let posts = service.posts, let most = PostsWording.most(service, in: header.scenario) {
                serviceFields.append("\"posts\": \(posts)")
                serviceFields.append("\"posts_of\": \(most)")
                serviceFields.append("\"posts_text\": " + string(PostsWording.phrase(service, in: header.scenario)))
            }
            text += (index == 0 ? "\n" : ",\n") + "       {" + serviceFields.joined(separator: ", ") + "}"
        }
        return text + "\n     ]}"
    }

    /// A hopeless conflict as a JSON object: `{"groups": [{"group", "minimum", "maximum",
    /// "reason", "total"}], "leans_on_maxima", "leans_on_floors"}`, a limit not named and a
    /// total not given as `null`.
    private static func hopeless(_ conflict: HopelessConflict) -> String {
        let groups = conflict.limits.map { limit in
            "{\"group\": \(string(limit.groupID)), \"minimum\": \(limit.minimum.map(exact) ?? "null"), "
                + "\"maximum\": \(limit.maximum.map(exact) ?? "null"), \"reason\": \(string(limit.reason.rawValue)), "
                + "\"total\": \(limit.total.map(exact) ?? "null")}"
        }
        return "{\"groups\": [" + groups.joined(separator: ", ") + "], \"leans_on_maxima\": \(conflict.leansOnMaxima), "
            + "\"leans_on_floors\": \(conflict.leansOnFloors)}"
    }
}
