/// A column that removing a ring-fence or an area's restriction adds to a stage programme of
/// the rule: its coefficients, row by row, in the programme's units.
struct RelaxationColumn {
    /// `(row, coefficient)` of each entry.
    var entries: [(row: Int, value: Double)]
    /// For money into a service with a single pool, which has no `home` row: its level column and
    /// the money coefficient `b_s / scale` of that column. Without the limit the service has a
    /// `home` row, so this column may not carry more than the service's money.
    var singlePoolLevel: (column: Int, coefficient: Double)?
}

/// The columns that removing a limit adds to a stage programme, for the limits whose removal
/// adds columns and nothing else (`columns` is nil for the others).
///
/// In the programme of SCENARIO-SPEC section 3, with a money column per service and fund it may
/// pay, removing fund `f`'s fence adds the columns `x[s,f]` of the services `f` then pays, and
/// nothing else. The pooled stage programme aggregates funds that admit the same services, and a
/// dual solution of it gives every fund of a pool its pool row's dual, so each added column
/// reads as a draw from `f`'s pool: `+1` in the pool's row, and `-1` where the service's money
/// comes from (its home pool and `home` row, its `nothing` row, or for a shared service its
/// `share-balance` row when `f` has no area).
///
/// Removing area `a`'s restriction (`RemovedLimit.area`) makes its funds pay any service, as funds
/// with no area (columns as above for the services they did not pay before); its own services
/// keep the same funds; and a shared service it pays a share `w_a` of loses that share, the
/// other areas keeping their proportions. The programme without the limit then holds every
/// solution of this one (the area part `P_s` becomes `(1 - w_a) P_s` for the others and
/// `w_a P_s` taken from `a`'s funds as money with no area) and adds, per such service, a take
/// from each of `a`'s pools and the column `Q_s`: the area part without `a`'s rows and with
/// `-(1 - w_a)` in the balance row. The programme without the limit is this one with those
/// columns: any of its solutions is a combination of theirs.
///
/// A shared service that a fund of some area starts to pay (a fence removed from an area's
/// fund) would change how its area's share is split between sources: no columns then.
enum RelaxationColumns {
    static func columns(removing limit: RemovedLimit, from scenario: Scenario, in layout: PooledStageProgram) -> [RelaxationColumn]? {
        let changedFunds: [Int]
        switch limit {
        case .group: return nil
        case .ringFence(let f): changedFunds = [f]
        case .area(let a): changedFunds = scenario.funds.indices.filter { scenario.funds[$0].area == scenario.areas[a].id }
        }
        let relaxed = scenario.removing(limit)
        let pools = layout.pools
        var columns: [RelaxationColumn] = []
        for f in changedFunds {
            guard let p = pools.members.firstIndex(where: { $0.contains(f) }) else { return nil }
            let poolRow = layout.poolRows[p]
            for s in scenario.services.indices where relaxed.fund(f, mayPay: s) && !scenario.fund(f, mayPay: s) {
                if scenario.services[s].contributions != nil {
                    guard relaxed.funds[f].area == nil, let balance = layout.balanceRows[s] else { return nil }
                    columns.append(RelaxationColumn(entries: [(poolRow, 1), (balance, -1)]))
                } else if let home = pools.poolsOfService[s].first {
                    var entries: [(row: Int, value: Double)] = [(poolRow, 1), (layout.poolRows[home], -1)]
                    if let homeRow = layout.balanceRows[s] { entries.append((homeRow, -1)) }
                    let level = layout.balanceRows[s] == nil
                        ? (layout.levelColumns[s], scenario.services[s].reference / layout.scale) : nil
                    columns.append(RelaxationColumn(entries: entries, singlePoolLevel: level))
                } else {
                    guard let nothing = layout.balanceRows[s] else { return nil }
                    columns.append(RelaxationColumn(entries: [(poolRow, 1), (nothing, -1)]))
                }
            }
        }
        guard case .area(let a) = limit else { return columns }
        let area = scenario.areas[a].id
        for s in scenario.services.indices {
            guard let shares = scenario.contributionShares(ofService: s), let share = shares.first(where: { $0.area == area })
            else { continue }
            guard share.fraction < 1 - Self.smallestRemainingShare, let part = layout.areaPartColumns[s],
                  let balance = layout.balanceRows[s], layout.program.columnUpper[part] == .infinity
            else { return nil }
            let ownRows = Set(pools.poolsOfService[s].filter { pools.area($0, of: scenario) == area }.map { layout.poolRows[$0] })
            let shareRow = layout.shareRows[s][area]
            var entries: [(row: Int, value: Double)] = []
            let matrix = layout.program.matrix
            for k in matrix.range(ofColumn: part) {
                let row = matrix.rowIndices[k]
                if row == balance {
                    entries.append((row, -(1 - share.fraction)))
                } else if !ownRows.contains(row) && row != shareRow {
                    entries.append((row, matrix.values[k]))
                }
            }
            columns.append(RelaxationColumn(entries: entries))
            for row in ownRows.sorted() { columns.append(RelaxationColumn(entries: [(row, 1), (balance, -1)])) }
        }
        return columns
    }

    /// An area paying more than all but this of a shared service leaves too little to re-share.
    static let smallestRemainingShare = 1e-9
}
