import BudgetModel

/// The figures of one table rounded together to multiples of the scenario's
/// unit (SCENARIO-SPEC sections 5 and 10): the baselines are its first column,
/// each cut one more.
///
/// By controlled rounding (`ControlledRounding`): every figure is its exact
/// value rounded down or up to a multiple of the unit; in every column the
/// services add up to the total (allocated, or the baselines), and at a
/// feasible cut the total allocated plus the unallocated money to the
/// envelope; a service whose exact amount is the same in two neighbouring
/// columns shows the same figure in both, so a service at its baseline shows
/// its rounded baseline. The baseline column belongs to the table it is
/// printed in: two tables (blocks of cuts) may round a baseline differently,
/// each consistently with its own cuts. An infeasible cut shows only its
/// envelope, rounded down or up, and its deficit, rounded up.
struct RoundedTable: Equatable {
    /// The most cuts the JSON and CSV reports hold back to round as one table;
    /// past this they round each cut on its own.
    static let maximumCuts = 200

    /// The baselines as rounded in this table.
    var baselines: RoundedBaselines
    /// Each cut's figures, in the order of the results.
    var cuts: [RoundedCut]
    /// True for a controlled rounding of the whole table; false when each
    /// column was rounded on its own by the largest-remainder method (only if
    /// the controlled rounding's check fails, which the theory rules out).
    var isControlled: Bool

    /// The baselines of `header`'s scenario and `results` rounded as one table.
    init(header: SweepHeader, results: [CutResult]) {
        let scenario = header.scenario
        let unit = scenario.unit
        let serviceCount = scenario.services.count
        // Rows: the scenario's services, then one for each service a result has that the scenario lacks.
        var extraRows = 0
        let rowsOfResults = results.map { result in
            result.status != .optimal ? [] : result.services.enumerated().map { position, service in
                header.serviceIndex(of: service.serviceID, near: position) ?? {
                    extraRows += 1
                    return serviceCount + extraRows - 1
                }()
            }
        }
        let rowCount = serviceCount + extraRows
        var columns = [
            ControlledRounding.Column(
                parts: scenario.services.map { $0.baseline } + Array(repeating: nil, count: extraRows), envelope: nil)
        ]
        for (result, rows) in zip(results, rowsOfResults) {
            var parts = [Double?](repeating: nil, count: rowCount)
            for (service, row) in zip(result.services, rows) { parts[row] = service.allocation }
            columns.append(ControlledRounding.Column(parts: parts, envelope: result.envelope))
        }
        guard let rounded = ControlledRounding(columns: columns, unit: unit).round() else {
            baselines = RoundedBaselines(scenario)
            cuts = results.map { RoundedCut($0, unit: unit) }
            isControlled = false
            return
        }
        var baselineColumn = rounded[0]
        baselineColumn.parts = Array(baselineColumn.parts.prefix(serviceCount))
        baselines = RoundedBaselines(column: baselineColumn)
        cuts = zip(results, zip(rowsOfResults, rounded.dropFirst())).map { result, rowsAndColumn in
            var column = rowsAndColumn.1
            column.parts = rowsAndColumn.0.map { column.parts[$0] }
            return RoundedCut(result, column: column, unit: unit)
        }
        isControlled = true
    }
}
