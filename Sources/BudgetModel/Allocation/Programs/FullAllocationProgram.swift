import LinearProgramming

/// The linear programme of SCENARIO-SPEC section 3 for one scenario, laid out
/// once and re-bounded for every cut and every stage of the allocation rule.
///
/// Money is divided by `scale` (the largest fund or baseline) so the solver
/// works with numbers near one. Columns:
///
/// - `split[s][f]`: money fund `f` gives service `s` (only for funds that may pay `s`,
///   `Scenario.fund(_:mayPay:)`), `>= 0`; for a shared service, the columns of
///   `SharedServiceColumns` over those funds instead;
/// - `level[s]`: service `s`'s allocation as a fraction of its baseline, `y_s = x_s / b_s`,
///   bounded by `[lo_s / b_s, hi_s / b_s]`;
/// - `shortfall`: `t`, the common shortfall the tiers rule minimises (free);
/// - `extra[s]`: extra unrestricted money given to `s`; fixed at zero except in the deficit LP.
///
/// Rows:
///
/// - `fund[f]`: `sum_s split[s][f] <= A_f(c)`;
/// - `balance[s]`: `b_s y_s - sum_f split[s][f] - extra[s] = 0` (the extra money has no area);
/// - `share[s][a]`: the `share` rows of `SharedServiceColumns`, for shared services;
/// - `group[g]`: `min_G <= sum_{s in G} b_s y_s <= max_G` (percentages of `E(c)`);
/// - `tier[s]`: `y_s + t >= 1`, i.e. `r_s <= t`, or the row of the scenario's fairness measure
///   (`TierRowMeasure`); free unless `s` is in the tier being cut;
/// - `weighted`: `sum_s w_s b_s y_s >= W`; free unless the weighted optimum is being held.
struct FullAllocationProgram {
    /// The scenario the programme models.
    let scenario: Scenario
    /// Money is divided by this before it reaches the solver.
    let scale: Double
    /// The programme with the bounds of a 0% cut, every tier row free and no extra money.
    private(set) var program: LinearProgram

    /// `splitColumns[s]` lists the draws of service `s` from the funds that may pay it (sources are funds).
    let splitColumns: [[MoneyDraw]]
    /// The `y_s` column of each service.
    let levelColumns: [Int]
    /// The `t` column.
    let shortfallColumn: Int
    /// The `extra[s]` column of each service.
    let extraColumns: [Int]
    /// The row of each fund.
    let fundRows: [Int]
    /// The balance row of each service.
    let balanceRows: [Int]
    /// The row of each group.
    let groupRows: [Int]
    /// The tier row of each service.
    let tierRows: [Int]
    /// The row holding the weighted objective at its optimum.
    let weightedRow: Int
    /// What the tier rows equalise.
    let measure: TierRowMeasure

    /// Lays out the programme for a scenario.
    init(scenario: Scenario) {
        let scale = scenario.moneyScale
        var lp = LinearProgram(name: "allocation", sense: .minimize)

        let fundRows = scenario.funds.map { lp.addRow(name: "fund:\($0.id)", lower: -.infinity, upper: 0) }
        let balanceRows = scenario.services.map { lp.addRow(name: "balance:\($0.id)", lower: 0, upper: 0) }
        func sources(_ s: Int) -> [SharedServiceColumns.Source] {
            scenario.funds.indices.filter { scenario.fund($0, mayPay: s) }.map { f in
                SharedServiceColumns.Source(index: f, row: fundRows[f], area: scenario.funds[f].area, name: scenario.funds[f].id)
            }
        }
        let shares = scenario.services.indices.map { scenario.contributionShares(ofService: $0) }
        let shareRows: [[String: Int]] = scenario.services.indices.map { s in
            guard let serviceShares = shares[s] else { return [:] }
            var rows: [String: Int] = [:]
            for area in SharedServiceColumns.areasWithSeveralSources(serviceShares, sources: sources(s)) {
                rows[area] = lp.addRow(name: "share:\(scenario.services[s].id):\(area)", lower: 0, upper: 0)
            }
            return rows
        }
        let groupRows = scenario.groups.map { lp.addRow(name: "group:\($0.id)", lower: -.infinity, upper: .infinity) }
        let tierRows = scenario.services.map { lp.addRow(name: "tier:\($0.id)", lower: -.infinity, upper: .infinity) }
        let weightedRow = lp.addRow(name: "weighted", lower: -.infinity, upper: .infinity)

        var splitColumns: [[MoneyDraw]] = []
        for (s, service) in scenario.services.enumerated() {
            if let serviceShares = shares[s] {
                splitColumns.append(SharedServiceColumns.add(
                    serviceID: service.id, shares: serviceShares, sources: sources(s), balanceRow: balanceRows[s],
                    shareRows: shareRows[s], to: &lp))
                continue
            }
            var columns: [MoneyDraw] = []
            for (f, fund) in scenario.funds.enumerated() where scenario.fund(f, mayPay: s) {
                let column = lp.addColumn(
                    name: "split:\(service.id):\(fund.id)", cost: 0, lower: 0, upper: .infinity,
                    coefficients: [(fundRows[f], 1), (balanceRows[s], -1)])
                columns.append(MoneyDraw(source: f, column: column, factor: 1))
            }
            splitColumns.append(columns)
        }

        let measure = TierRowMeasure(scenario: scenario, scale: scale)
        let levelColumns = scenario.services.indices.map { s in
            LevelColumns.add(
                s, of: scenario, scale: scale, measure: measure, moneyRows: [balanceRows[s]], groupRows: groupRows,
                tierRow: tierRows[s], weightedRow: weightedRow, to: &lp)
        }
        let shortfallColumn = LevelColumns.addShortfall(tierRows: tierRows, to: &lp)
        let extraColumns = scenario.services.enumerated().map { s, service in
            lp.addColumn(name: "extra:\(service.id)", cost: 0, lower: 0, upper: 0, coefficients: [(balanceRows[s], -1)])
        }

        self.scenario = scenario
        self.scale = scale
        self.program = lp
        self.splitColumns = splitColumns
        self.levelColumns = levelColumns
        self.shortfallColumn = shortfallColumn
        self.extraColumns = extraColumns
        self.fundRows = fundRows
        self.balanceRows = balanceRows
        self.groupRows = groupRows
        self.tierRows = tierRows
        self.weightedRow = weightedRow
        self.measure = measure
        setCut(0)
    }

    /// The money a fund holds after the cut, in solver units.
    func fundCapacity(_ f: Int, cut: Double) -> Double {
        scenario.funds[f].amount(afterCut: cut) / scale
    }

    /// The bounds of a group's row after the cut, in solver units.
    func groupBounds(_ g: Int, cut: Double) -> (lower: Double, upper: Double) {
        let bounds = scenario.groupBounds(g, afterCut: cut)
        return (bounds.lower / scale, bounds.upper / scale)
    }

    /// Sets the fund and group bounds of `program` for a cut.
    mutating func setCut(_ cut: Double) {
        for f in fundRows.indices { program.rowUpper[fundRows[f]] = fundCapacity(f, cut: cut) }
        for g in groupRows.indices {
            let bounds = groupBounds(g, cut: cut)
            program.rowLower[groupRows[g]] = bounds.lower
            program.rowUpper[groupRows[g]] = bounds.upper
        }
    }

    /// The level bounds `[lo_s / b_s, hi_s / b_s]` of a service.
    func levelBounds(_ s: Int) -> (lower: Double, upper: Double) { LevelColumns.bounds(s, of: scenario) }
}
