import LinearProgramming

/// Money a service takes from one source (a fund, or a pool of funds) in a solution: `factor`
/// times the value of `column`.
struct MoneyDraw {
    /// The source's index (a fund's or a pool's, as the programme counts them).
    var source: Int
    /// The column whose value, times `factor`, is the money drawn.
    var column: Int
    /// 1 for a column of its own; an area's proportion when the column is the service's area part.
    var factor: Double
}

/// The columns and rows through which a shared service (SCENARIO-SPEC section 13) takes its
/// money, in any of the allocation programmes.
///
/// A source is a row of money (a fund, or a pool of funds of one area and one fence) the service
/// may draw on. With `w_a` the proportion of area `a` (`Scenario.contributionShares`):
///
/// - each source with no area gets a column `take` (+1 in its row, -1 in the service's balance row);
/// - the column `area-part` is `P_s`, the part the areas pay (-1 in the balance row);
/// - an area with one source pays `w_a P_s` from it: `P_s` has coefficient `w_a` in that row;
/// - an area with several sources gets a `take` column per source (+1 in the source's row and
///   in its row `share`, fixed at 0), where `P_s` has `-w_a`: the area's takes add up to `w_a P_s`.
///
/// So what the areas pay is split between them in exactly the stated proportions, by linear
/// equalities. An area with a positive proportion and no source holds `P_s` at zero (validation
/// rejects such a file; a scenario changed to test what binds can have one).
enum SharedServiceColumns {
    /// A source of money the service may draw on.
    struct Source {
        /// The source's index, as the programme counts them.
        var index: Int
        /// Its row: money drawn from it is at most what it holds.
        var row: Int
        /// Its area; nil for money with no area.
        var area: String?
        /// Its name in column names (a fund's id, or a pool's first fund's).
        var name: String
    }

    /// The paying areas that have more than one source, in the order of `shares`: each needs a
    /// `share` row, which the programme adds where its bounded rows are.
    static func areasWithSeveralSources(_ shares: [ContributionShare], sources: [Source]) -> [String] {
        shares.map(\.area).filter { area in sources.filter { $0.area == area }.count > 1 }
    }

    /// Adds the service's money columns to `lp`; `shareRows` holds the row of each area listed by
    /// `areasWithSeveralSources`. Returns the draws, source by source.
    static func add(
        serviceID: String, shares: [ContributionShare], sources: [Source], balanceRow: Int,
        shareRows: [String: Int], to lp: inout LinearProgram
    ) -> [MoneyDraw] {
        var draws: [MoneyDraw] = []
        for source in sources where source.area == nil {
            let column = lp.addColumn(
                name: "take:\(serviceID):\(source.name)", cost: 0, lower: 0, upper: .infinity,
                coefficients: [(source.row, 1), (balanceRow, -1)])
            draws.append(MoneyDraw(source: source.index, column: column, factor: 1))
        }
        var partCoefficients: [(row: Int, value: Double)] = [(balanceRow, -1)]
        var payable = true
        var pending: [(source: Source, shareRow: Int)] = []
        for share in shares {
            let own = sources.filter { $0.area == share.area }
            if own.isEmpty {
                payable = false
            } else if own.count == 1 {
                partCoefficients.append((own[0].row, share.fraction))
            } else if let shareRow = shareRows[share.area] {
                partCoefficients.append((shareRow, -share.fraction))
                pending += own.map { ($0, shareRow) }
            }
        }
        let partColumn = lp.addColumn(
            name: "area-part:\(serviceID)", cost: 0, lower: 0, upper: payable && !shares.isEmpty ? .infinity : 0,
            coefficients: partCoefficients)
        for share in shares {
            let own = sources.filter { $0.area == share.area }
            if own.count == 1 { draws.append(MoneyDraw(source: own[0].index, column: partColumn, factor: share.fraction)) }
        }
        for (source, shareRow) in pending {
            let column = lp.addColumn(
                name: "take:\(serviceID):\(source.name)", cost: 0, lower: 0, upper: .infinity,
                coefficients: [(source.row, 1), (shareRow, 1)])
            draws.append(MoneyDraw(source: source.index, column: column, factor: 1))
        }
        return draws
    }
}
