import BudgetModel

/// The figures of one cut path's plan table (services by years), rounded together
/// (SCENARIO-SPEC sections 10 and 11): the base-year column, then one column per planned year.
///
/// Rounded by `ControlledRounding` as one table: each figure its exact value rounded down or
/// up to the unit; in each year the services add up to the total allocated and, with the
/// unallocated money, to the envelope; equal amounts in neighbouring columns round alike. A
/// service absent in a year has no figure there.
struct PlanFigures {
    /// The path's results.
    let path: PlanPathResult
    /// Per service of the base scenario: its base-year amount (baseline pro-rated by the days it
    /// runs in the base year), nil where it does not run.
    let baseYear: [Double?]
    /// The base-year column rounded, in units; nil where absent.
    var roundedBaseYear: [Double?]
    /// The rounded total of the base-year column, in units.
    var roundedBaseYearTotal: Double
    /// Per year: per service of the base scenario, its allocation's position in the year's
    /// result, nil when it does not run or the year has no allocation.
    let positions: [[Int?]]
    /// Per year, the rounded figures (services in the year's result order).
    var years: [RoundedCut]

    init(header: PlanHeader, path: PlanPathResult) {
        self.path = path
        let scenario = header.scenario
        let unit = scenario.unit
        baseYear = PlanYearBuilder(scenario: scenario, plan: header.plan).baseYearBaselines()
        positions = path.years.map { year in
            scenario.services.map { service in
                year.result.status == .optimal ? year.result.services.firstIndex { $0.serviceID == service.id } : nil
            }
        }
        var columns = [ControlledRounding.Column(parts: baseYear, envelope: nil)]
        for (year, rows) in zip(path.years, positions) {
            let parts = rows.map { position in position.map { year.result.services[$0].allocation } }
            columns.append(ControlledRounding.Column(parts: parts, envelope: year.result.envelope))
        }
        if let rounded = ControlledRounding(columns: columns, unit: unit).round() {
            roundedBaseYear = rounded[0].parts
            roundedBaseYearTotal = rounded[0].total
            years = zip(path.years, zip(positions, rounded.dropFirst())).map { year, rowsAndColumn in
                var column = rowsAndColumn.1
                column.parts = year.result.services.map { service in
                    scenario.services.firstIndex { $0.id == service.serviceID }.flatMap { column.parts[$0] }
                }
                return RoundedCut(year.result, column: column, unit: unit)
            }
        } else {
            let present = baseYear.compactMap { $0 }
            let rounded = LargestRemainderRounding.round(present, summingTo: present.reduce(0, +), unit: unit)
            var parts = rounded.parts.makeIterator()
            roundedBaseYear = baseYear.map { $0 == nil ? nil : parts.next() }
            roundedBaseYearTotal = rounded.total
            years = path.years.map { RoundedCut($0.result, unit: unit) }
        }
    }

    /// The change of service `s` in year `y` (0-based) from its base-year amount, in per cent,
    /// in cash and deflated by the plan's inflation; nil when it is new or absent that year.
    func change(ofService s: Int, year y: Int, plan: Plan) -> (cash: Double, real: Double)? {
        guard let position = positions[y][s], let base = baseYear[s], base > 0 else { return nil }
        let allocation = path.years[y].result.services[position].allocation
        let deflated = allocation / plan.inflationFactor(year: path.years[y].index)
        return ((allocation - base) / base * 100, (deflated - base) / base * 100)
    }
}
