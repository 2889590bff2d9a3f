import LinearProgramming

/// The first linear programme the allocation rule solves at a cut, for any other solver
/// (`scenario export`, SCENARIO-SPEC section 7).
///
/// It is the programme `Allocator` solves first, with the same rows and columns (named
/// `fund:<id>`, `balance:<id>`, `group:<id>`, `tier:<id>`, `split:<service>:<fund>`,
/// `level:<id>`, `shortfall`, `extra:<id>`) less the rows that are free at that stage:
///
/// - tiers mode: minimise the shortfall `t` of the highest-priority tier, subject to the
///   hard constraints at the cut (the rule's first stage; its optimum is that tier's largest
///   shortfall in the scenario's fairness measure: the relative shortfall as a fraction, e.g.
///   `0.2` for 20%; the cash shortfall in units of `scale`; or minus the smallest award in
///   units of `scale`);
/// - weighted mode: minimise `-(sum of weight_s * x_s) / scale`, the weighted stage.
///
/// Money is in units of `scale` (the largest fund amount or baseline), so `split` columns and
/// fund rows read in those units; `level:<id>` is a service's allocation as a fraction of its
/// baseline. The `extra` columns are fixed at zero.
public enum AllocationExport {
    /// The first-stage programme of `scenario` at a cut of `cutPercent` per cent.
    public static func firstStageProgram(of scenario: Scenario, atCut cutPercent: Double) -> LinearProgram {
        var layout = FullAllocationProgram(scenario: scenario)
        layout.setCut(cutPercent)
        var staged = layout.program
        staged.name = "allocation-first-stage"
        switch scenario.objective {
        case .weighted:
            for (s, column) in layout.levelColumns.enumerated() {
                let service = scenario.services[s]
                staged.costs[column] = -service.weight * service.reference / layout.scale
            }
        case .tiers:
            staged.costs[layout.shortfallColumn] = 1
            for s in TierSchedule(services: scenario.services).tiers.first ?? [] {
                staged.rowLower[layout.tierRows[s]] = layout.measure.target(s)
            }
        }
        return withoutFreeRows(staged)
    }

    /// The scale money is divided by in the exported programme.
    public static func scale(of scenario: Scenario) -> Double {
        FullAllocationProgram(scenario: scenario).scale
    }

    /// The same programme without the rows that have neither bound.
    static func withoutFreeRows(_ program: LinearProgram) -> LinearProgram {
        var kept = LinearProgram(name: program.name, sense: program.sense)
        kept.objectiveName = program.objectiveName
        kept.objectiveConstant = program.objectiveConstant
        var newIndex = [Int?](repeating: nil, count: program.rowCount)
        for i in 0..<program.rowCount where program.rowLower[i].isFinite || program.rowUpper[i].isFinite {
            newIndex[i] = kept.addRow(name: program.rowNames[i], lower: program.rowLower[i], upper: program.rowUpper[i])
        }
        let matrix = program.matrix
        for j in 0..<program.columnCount {
            let coefficients = matrix.range(ofColumn: j).compactMap { k -> (row: Int, value: Double)? in
                newIndex[matrix.rowIndices[k]].map { ($0, matrix.values[k]) }
            }
            kept.addColumn(
                name: program.columnNames[j], cost: program.costs[j],
                lower: program.columnLower[j], upper: program.columnUpper[j], coefficients: coefficients)
        }
        return kept
    }
}
