import BudgetModel

/// The sensitivity part of `scenario solve`, as text lines and as a JSON member.
struct SensitivitySection {
    let header: SweepHeader
    let sensitivity: CutSensitivity

    private var money: MoneyFormatter { header.money }
    private var scenario: Scenario { header.scenario }
    /// Text for an allowable change that has no limit.
    static let noLimit = "no limit"

    // MARK: - Text

    func textLines() -> [String] {
        switch sensitivity {
        case .weighted(let report): return weightedLines(report)
        case .tiers(let costs): return floorCostLines(costs)
        }
    }

    private func weightedLines(_ report: WeightedSensitivity) -> [String] {
        var lines = [
            "",
            "Sensitivity report of the allocation above in the weighted LP (maximise W = sum of weight x allocation "
                + "subject to the hard constraints at this cut, the programme scenario export writes): "
                + "W = \(money.format(amount: report.objective))",
        ]
        let services = report.services.enumerated().map { index, line in
            [
                header.serviceName(of: line.serviceID, near: index), money.format(amount: line.finalValue),
                Self.ratio(line.reducedCost), Self.ratio(line.weight),
                Self.ratio(line.allowableIncrease), Self.ratio(line.allowableDecrease),
            ]
        }
        lines += ReportTable(
            header: ["Service", "Final value", "Reduced cost", "Weight", "Allowable increase", "Allowable decrease"],
            alignments: [.left, .right, .right, .right, .right, .right], rows: services, totalsStart: nil
        ).renderedAsText()
        let constraints = report.constraints.map { line in
            [
                constraintName(line), money.format(amount: line.finalValue), Self.ratio(line.shadowPrice),
                money.format(amount: line.rightHandSide),
                moneyChange(line.allowableIncrease), moneyChange(line.allowableDecrease),
            ]
        }
        lines.append("")
        lines += ReportTable(
            header: ["Constraint", "Final value", "Shadow price", "Limit", "Allowable increase", "Allowable decrease"],
            alignments: [.left, .right, .right, .right, .right, .right], rows: constraints, totalsStart: nil
        ).renderedAsText()
        lines.append("Reduced cost: the change in W per \(money.format(amount: 1)) more forced into a service. "
            + "Shadow price: the change in W per \(money.format(amount: 1)) more of a limit.")
        lines.append("Allowable increase and decrease: of a service's weight, how far it can move with the allocation "
            + "above still maximising W; of a limit, how far at least it can move with its shadow price unchanged.")
        if report.optimumIsShared {
            lines.append("The weighted optimum is not unique at this cut: the allocation above is the one the tiers rule "
                + "picks among the allocations with the same W, and a weight it shares money by cannot move at all "
                + "without moving the allocation.")
        }
        return lines
    }

    private func floorCostLines(_ costs: [FloorCost]) -> [String] {
        var lines = ["", "What each binding floor costs the others (the floor lifted, the same cut allocated again)"]
        guard !costs.isEmpty else { return lines + ["No protection or minimum holds a service at this cut."] }
        let tolerance = max(0.005, scenario.unit / 2)
        let rows = costs.map { cost in
            let byPriority = cost.totalsByPriority(tolerance: tolerance)
                .map { "priority \($0.priority): \(money.format(amount: $0.amount))" }
            return [
                floorName(cost), money.format(amount: cost.floor), money.format(amount: cost.allocationWithoutFloor),
                money.format(amount: cost.total), byPriority.isEmpty ? "-" : byPriority.joined(separator: "; "),
            ]
        }
        lines += ReportTable(
            header: ["Floor", "Held at", "Without it", "Others lose", "By priority"],
            alignments: [.left, .right, .right, .right, .left], rows: rows, totalsStart: nil
        ).renderedAsText()
        return lines
    }

    private func floorName(_ cost: FloorCost) -> String {
        let name = scenario.services.first { $0.id == cost.serviceID }?.name ?? cost.serviceID
        return "\(name) \(cost.kind == .protection ? "protection" : "minimum")"
    }

    private func constraintName(_ line: WeightedSensitivity.ConstraintLine) -> String {
        switch line.kind {
        case .fund: return scenario.funds.first { $0.id == line.id }?.name ?? line.id
        case .groupMinimum: return "\(scenario.groups.first { $0.id == line.id }?.name ?? line.id) group minimum"
        case .groupMaximum: return "\(scenario.groups.first { $0.id == line.id }?.name ?? line.id) group maximum"
        }
    }

    private func moneyChange(_ value: Double) -> String {
        value.isFinite ? money.format(amount: value) : Self.noLimit
    }

    /// A rate or weight with up to four decimals, trailing zeros dropped: `2`, `-1`, `0.25`.
    static func ratio(_ value: Double) -> String {
        guard value.isFinite else { return noLimit }
        var text = DecimalText.fixed(value, places: 4)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    // MARK: - JSON

    /// The `sensitivity` member's value, indented two spaces.
    func json() -> String {
        switch sensitivity {
        case .weighted(let report): return weightedJSON(report)
        case .tiers(let costs): return floorCostJSON(costs)
        }
    }

    private func weightedJSON(_ report: WeightedSensitivity) -> String {
        let services = report.services.map { line in
            "      {" + [
                "\"id\": " + JSONText.string(line.serviceID), "\"final_value\": " + JSONText.exact(line.finalValue),
                "\"reduced_cost\": " + JSONText.exact(line.reducedCost), "\"weight\": " + JSONText.exact(line.weight),
                "\"allowable_increase\": " + JSONText.exact(line.allowableIncrease),
                "\"allowable_decrease\": " + JSONText.exact(line.allowableDecrease),
            ].joined(separator: ", ") + "}"
        }
        let constraints = report.constraints.map { line in
            "      {" + [
                "\"kind\": " + JSONText.string(line.kind.rawValue), "\"id\": " + JSONText.string(line.id),
                "\"final_value\": " + JSONText.exact(line.finalValue), "\"shadow_price\": " + JSONText.exact(line.shadowPrice),
                "\"rhs\": " + JSONText.exact(line.rightHandSide),
                "\"allowable_increase\": " + JSONText.exact(line.allowableIncrease),
                "\"allowable_decrease\": " + JSONText.exact(line.allowableDecrease),
            ].joined(separator: ", ") + "}"
        }
        func basis(_ entries: [(name: String, status: String)]) -> String {
            entries.map { JSONText.string($0.name) + ": " + JSONText.string($0.status) }.joined(separator: ", ")
        }
        return "{\"mode\": \"weighted\", \"program\": \"allocation-first-stage\", "
            + "\"optimum_is_shared\": \(report.optimumIsShared), \"objective\": \(JSONText.exact(report.objective)),\n"
            + "    \"services\": [\n" + services.joined(separator: ",\n") + "\n    ],\n"
            + "    \"constraints\": [" + (constraints.isEmpty ? "" : "\n" + constraints.joined(separator: ",\n") + "\n    ") + "],\n"
            + "    \"basis\": {\"columns\": {\(basis(report.columnBasis))},\n"
            + "              \"rows\": {\(basis(report.rowBasis))}}}"
    }

    private func floorCostJSON(_ costs: [FloorCost]) -> String {
        let floors = costs.map { cost in
            let losses = cost.losses.map { "{\"id\": \(JSONText.string($0.serviceID)), \"priority\": \($0.priority), \"amount\": \(JSONText.exact($0.amount))}" }
            return "      {" + [
                "\"service\": " + JSONText.string(cost.serviceID), "\"kind\": " + JSONText.string(cost.kind.rawValue),
                "\"floor\": " + JSONText.exact(cost.floor), "\"without_floor\": " + JSONText.exact(cost.allocationWithoutFloor),
                "\"others_lose\": " + JSONText.exact(cost.total),
                "\"losses\": [" + losses.joined(separator: ", ") + "]",
            ].joined(separator: ", ") + "}"
        }
        return "{\"mode\": \"tiers\",\n    \"floors\": [" + (floors.isEmpty ? "" : "\n" + floors.joined(separator: ",\n") + "\n    ") + "]}"
    }
}
