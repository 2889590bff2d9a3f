import LinearProgramming

/// The compact linear programme the allocator re-bounds for every cut and
/// every stage of the rule: the programme of SCENARIO-SPEC section 3 with the
/// same feasible allocations as `FullAllocationProgram`, but far fewer rows and
/// columns when a scenario has many funds.
///
/// Funds are merged into `FundPools` (funds admitting the same services), each
/// service's money is its level column alone unless it may draw on more than
/// one pool, and only the services of one priority tier have tier rows (the
/// allocator keeps one programme per tier). Money is divided by `scale` as in
/// `FullAllocationProgram`. Columns, the same in every tier's programme:
///
/// - `level[s]`: `y_s = x_s / b_s`, bounded by `[lo_s / b_s, hi_s / b_s]`;
/// - `draw[s][p]`: money service `s` takes from pool `p`, for every pool `s` may draw on
///   except its first (its *home* pool), `>= 0`;
/// - `shortfall`: `t`, the common shortfall the tiers rule minimises (free);
/// - for a shared service, the columns of `SharedServiceColumns` over its pools instead of `draw`.
///
/// Rows:
///
/// - `pool[p]`: the money drawn from pool `p` is at most its funds after the cut; a service
///   whose home pool is `p` draws `b_s y_s - sum_q draw[s][q]` from it;
/// - `home[s]`, for services with more than one pool: `b_s y_s - sum_q draw[s][q] >= 0`;
/// - `nothing[s]`, for services no fund admits: `b_s y_s = 0`;
/// - for a shared service, `share-balance[s]`: `b_s y_s` less what its columns take is 0, and the
///   `share` rows of `SharedServiceColumns`;
/// - `group[g]`: `min_G <= sum_{s in G} b_s y_s <= max_G` (percentages of `E(c)`);
/// - `tier[s]`, for the tier's services: `y_s + t >= 1`, i.e. `r_s <= t`, or the row of the
///   scenario's fairness measure (`TierRowMeasure`); free unless `s` is in the tier being cut;
/// - `weighted`: `sum_s w_s b_s y_s >= W`; free unless the weighted optimum is being held.
///
/// A class, immutable once laid out: every stage solver, piece and reading of an allocation
/// holds the layout, and a copy of it would retain each of its arrays and the scenario's.
final class PooledStageProgram {
    /// The scenario the programme models.
    let scenario: Scenario
    /// Money is divided by this before it reaches the solver.
    let scale: Double
    /// The funds grouped by who may draw on them.
    let pools: FundPools
    /// What the tier rows equalise.
    let measure: TierRowMeasure
    /// The programme with the bounds of a 0% cut, every tier row free.
    private(set) var program: LinearProgram

    /// `drawColumns[s]` lists the draws from the pools other than `s`'s home pool; for a shared
    /// service, from every pool (it has no home pool).
    let drawColumns: [[MoneyDraw]]
    /// The `y_s` column of each service.
    let levelColumns: [Int]
    /// The `t` column.
    let shortfallColumn: Int
    /// The row of each pool.
    let poolRows: [Int]
    /// The row of each group.
    let groupRows: [Int]
    /// The tier row of each service of the tier, nil for the others.
    let tierRows: [Int?]
    /// The row holding the weighted objective at its optimum.
    let weightedRow: Int
    /// Each service's own money row: `home[s]`, `nothing[s]` or, for a shared service,
    /// `share-balance[s]`; nil for a service with one pool.
    let balanceRows: [Int?]
    /// The `share` row of each paying area with several sources, per shared service.
    let shareRows: [[String: Int]]
    /// The `area-part` column of each shared service, nil for the others.
    let areaPartColumns: [Int?]

    /// Lays out the programme for a scenario at a 0% cut, with tier rows for `tier`'s services.
    init(scenario: Scenario, tier: [Int]) {
        let scale = scenario.moneyScale
        let pools = FundPools(scenario: scenario)
        let measure = TierRowMeasure(scenario: scenario, scale: scale)
        var lp = LinearProgram(name: "allocation-stage", sense: .minimize)

        let poolRows = pools.members.indices.map { p in
            lp.addRow(name: "pool:\(scenario.funds[pools.members[p][0]].id)", lower: -.infinity, upper: 0)
        }
        let shares = scenario.services.indices.map { scenario.contributionShares(ofService: $0) }
        func sources(_ s: Int) -> [SharedServiceColumns.Source] {
            pools.poolsOfService[s].map { p in
                SharedServiceColumns.Source(
                    index: p, row: poolRows[p], area: pools.area(p, of: scenario), name: scenario.funds[pools.members[p][0]].id)
            }
        }
        var shareRows: [[String: Int]] = scenario.services.map { _ in [:] }
        let homeRows: [Int?] = scenario.services.indices.map { s in
            if let serviceShares = shares[s] {
                let id = scenario.services[s].id
                let row = lp.addRow(name: "share-balance:\(id)", lower: 0, upper: 0)
                for area in SharedServiceColumns.areasWithSeveralSources(serviceShares, sources: sources(s)) {
                    shareRows[s][area] = lp.addRow(name: "share:\(id):\(area)", lower: 0, upper: 0)
                }
                return row
            }
            switch pools.poolsOfService[s].count {
            case 0: return lp.addRow(name: "nothing:\(scenario.services[s].id)", lower: 0, upper: 0)
            case 1: return nil
            default: return lp.addRow(name: "home:\(scenario.services[s].id)", lower: 0, upper: .infinity)
            }
        }
        let groupRows = scenario.groups.map { lp.addRow(name: "group:\($0.id)", lower: -.infinity, upper: .infinity) }
        let inTier = Set(tier)
        let tierRows: [Int?] = scenario.services.indices.map { s in
            inTier.contains(s) ? lp.addRow(name: "tier:\(scenario.services[s].id)", lower: -.infinity, upper: .infinity) : nil
        }
        let weightedRow = lp.addRow(name: "weighted", lower: -.infinity, upper: .infinity)

        var levelColumns: [Int] = []
        var drawColumns: [[MoneyDraw]] = []
        var areaPartColumns: [Int?] = []
        for (s, service) in scenario.services.enumerated() {
            let servicePools = pools.poolsOfService[s]
            if let serviceShares = shares[s], let balanceRow = homeRows[s] {
                levelColumns.append(LevelColumns.add(
                    s, of: scenario, scale: scale, measure: measure, moneyRows: [balanceRow], groupRows: groupRows,
                    tierRow: tierRows[s], weightedRow: weightedRow, to: &lp))
                let firstMoneyColumn = lp.columnCount
                drawColumns.append(SharedServiceColumns.add(
                    serviceID: service.id, shares: serviceShares, sources: sources(s), balanceRow: balanceRow,
                    shareRows: shareRows[s], to: &lp))
                areaPartColumns.append((firstMoneyColumn..<lp.columnCount).first { lp.columnNames[$0] == "area-part:\(service.id)" })
                continue
            }
            let moneyRows = [servicePools.first.map { poolRows[$0] }, homeRows[s]].compactMap { $0 }
            levelColumns.append(LevelColumns.add(
                s, of: scenario, scale: scale, measure: measure, moneyRows: moneyRows, groupRows: groupRows,
                tierRow: tierRows[s], weightedRow: weightedRow, to: &lp))

            var draws: [MoneyDraw] = []
            for p in servicePools.dropFirst() {
                let home = servicePools[0]
                let column = lp.addColumn(
                    name: "draw:\(service.id):\(scenario.funds[pools.members[p][0]].id)", cost: 0,
                    lower: 0, upper: .infinity,
                    coefficients: [(poolRows[p], 1), (poolRows[home], -1), (homeRows[s]!, -1)])
                draws.append(MoneyDraw(source: p, column: column, factor: 1))
            }
            drawColumns.append(draws)
            areaPartColumns.append(nil)
        }
        let shortfallColumn = LevelColumns.addShortfall(tierRows: tierRows.compactMap { $0 }, to: &lp)

        self.scenario = scenario
        self.scale = scale
        self.pools = pools
        self.measure = measure
        self.program = lp
        self.drawColumns = drawColumns
        self.levelColumns = levelColumns
        self.shortfallColumn = shortfallColumn
        self.poolRows = poolRows
        self.groupRows = groupRows
        self.tierRows = tierRows
        self.weightedRow = weightedRow
        self.balanceRows = homeRows
        self.shareRows = shareRows
        self.areaPartColumns = areaPartColumns
        for entry in cutRowBounds(0) {
            self.program.rowLower[entry.row] = entry.bounds.lower
            self.program.rowUpper[entry.row] = entry.bounds.upper
        }
    }

    /// The bounds of every row a cut moves (pools and groups), in solver units.
    func cutRowBounds(_ cut: Double) -> [(row: Int, bounds: (lower: Double, upper: Double))] {
        var rows: [(row: Int, bounds: (lower: Double, upper: Double))] = []
        rows.reserveCapacity(poolRows.count + groupRows.count)
        for p in poolRows.indices {
            rows.append((row: poolRows[p], bounds: (lower: -Double.infinity, upper: pools.capacity(p, of: scenario, cut: cut) / scale)))
        }
        let envelope = scenario.envelope(afterCut: cut)
        for g in groupRows.indices {
            let bounds = scenario.groupBounds(g, envelope: envelope)
            rows.append((row: groupRows[g], bounds: (lower: bounds.lower / scale, upper: bounds.upper / scale)))
        }
        return rows
    }

    /// How the bounds of the cut rows move per percentage point of cut just above `cut`. Each
    /// is linear in the cut between the scenario's `cutKinks`, so its slope is its change from
    /// `cut` to the next kink (or 100) over that distance (zero when infinite).
    func cutRowSlopes(atCut cut: Double) -> [(row: Int, slopes: (lower: Double, upper: Double))] {
        let kinks = scenario.cutKinks
        let start = kinks.isEmpty ? 0 : cut
        let end = kinks.first { $0 > cut } ?? 100
        let width = end - start
        func slope(_ a: Double, _ b: Double) -> Double { a.isFinite && b.isFinite ? (b - a) / width : 0 }
        return zip(cutRowBounds(start), cutRowBounds(end)).map { start, end in
            (row: start.row, slopes: (lower: slope(start.bounds.lower, end.bounds.lower), upper: slope(start.bounds.upper, end.bounds.upper)))
        }
    }

    /// The level bounds `[lo_s / b_s, hi_s / b_s]` of a service.
    func levelBounds(_ s: Int) -> (lower: Double, upper: Double) { LevelColumns.bounds(s, of: scenario) }

    /// The money (scenario currency) each service takes from each pool in a solution:
    /// `drawn[p][s]`, never negative.
    func drawn(in solution: Solution) -> [[Double]] {
        var drawn = [[Double]](repeating: [Double](repeating: 0, count: scenario.services.count), count: poolRows.count)
        for (s, service) in scenario.services.enumerated() {
            if service.contributions != nil {
                for draw in drawColumns[s] {
                    drawn[draw.source][s] += max(0, solution.columnValues[draw.column] * draw.factor * scale)
                }
                continue
            }
            guard let home = pools.poolsOfService[s].first else { continue }
            var fromHome = solution.columnValues[levelColumns[s]] * service.reference
            for draw in drawColumns[s] {
                let value = max(0, solution.columnValues[draw.column] * scale)
                drawn[draw.source][s] = value
                fromHome -= value
            }
            drawn[home][s] = max(0, fromHome)
        }
        return drawn
    }
}
