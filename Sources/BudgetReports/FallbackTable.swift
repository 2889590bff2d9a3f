import BudgetModel

/// The fallback of an infeasible cut as `scenario solve` prints it: the sentence saying what
/// gives way, "if it came to it", and the allocation the rule would then give, rounded like a
/// cut of a sweep (the services add up exactly to their rounded total).
struct FallbackTable {
    let header: SweepHeader
    let result: CutResult

    /// The lines to print under the deficit's explanation: empty when the result carries no fallback.
    func textLines() -> [String] {
        guard let sentence = FallbackWording(scenario: header.scenario).sentence(result) else { return [] }
        guard case .fallback(let fallback) = result.fallback else { return ["", sentence] }
        let money = header.money
        let unit = header.scenario.unit
        let amounts = fallback.services.map(\.allocation)
        let rounded = LargestRemainderRounding.round(amounts, summingTo: amounts.reduce(0, +), unit: unit)
        let baselines = ColumnRounding(fallback.services.map(\.baseline), unit: unit)
        var rows = fallback.services.enumerated().map { index, service in
            [
                header.serviceName(of: service.serviceID, near: index), money.format(units: baselines.parts[index] ?? 0),
                money.format(units: rounded.parts[index]),
            ]
        }
        rows.append(["Total", money.format(units: baselines.total), money.format(units: rounded.total)])
        let table = ReportTable(
            header: ["Service", "Baseline", "If it came to it"], alignments: [.left, .right, .right],
            rows: rows, totalsStart: fallback.services.count)
        return ["", sentence.replacingFinalClause(), "", "If it came to it (not a feasible result)"] + table.renderedAsText()
    }
}

private extension String {
    /// The sweep's sentence without its pointer to `scenario solve`, which is this table.
    func replacingFinalClause() -> String {
        let pointer = "; scenario solve shows that allocation."
        return hasSuffix(pointer) ? String(dropLast(pointer.count)) + ", as below." : self
    }
}
