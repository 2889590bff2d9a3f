import BudgetModel

/// How one cut's allocation draws on the funds: per fund its amount after the
/// cut, the money used and the money left, from the result's fund split
/// (one valid split: the split across funds need not be unique).
struct FundUsage {
    /// One fund's figures, exact and rounded (in units).
    struct Row {
        var fund: Fund
        var afterCut: Double
        var used: Double
        var left: Double { afterCut - used }
        var usedUnits: Double
        var leftUnits: Double
        var afterCutUnits: Double { usedUnits + leftUnits }
    }

    /// One service's money from one fund, exact and rounded.
    struct Piece {
        var serviceIndex: Int
        var fundIndex: Int
        var amount: Double
        var units: Double
    }

    var rows: [Row]
    /// The non-zero pieces of the split, service by service in file order, funds in file order.
    var pieces: [Piece]

    /// The usage of `result`, or nil when it has no split matching the
    /// scenario's funds and services (an infeasible cut has none).
    ///
    /// Rounding: the funds' used and left money are rounded together over the
    /// envelope by the largest-remainder method, so each fund's used plus left
    /// is its rounded amount after the cut; each service's pieces are rounded
    /// over its rounded allocation (`allocationUnits`, in the result's service
    /// order, as the report shows it), so they add up to it.
    init?(result: CutResult, scenario: Scenario, allocationUnits: [Double]) {
        let funds = scenario.funds, services = scenario.services
        guard result.status == .optimal, result.fundSplit.count == funds.count,
            result.services.count == services.count,
            result.fundSplit.allSatisfy({ $0.count == services.count }), allocationUnits.count == services.count
        else { return nil }
        let unit = scenario.unit
        let afterCut = funds.map { $0.amount(afterCut: result.cutPercent) }
        let used = result.fundSplit.map { $0.reduce(0, +) }
        let parts = zip(afterCut, used).flatMap { [$1, $0 - $1] }
        let rounded = LargestRemainderRounding.round(parts, summingTo: result.envelope, unit: unit).parts
        rows = funds.indices.map { f in
            Row(
                fund: funds[f], afterCut: afterCut[f], used: used[f], usedUnits: rounded[2 * f],
                leftUnits: rounded[2 * f + 1])
        }
        pieces = []
        for s in services.indices {
            let fundIndices = funds.indices.filter { abs(result.fundSplit[$0][s]) >= LargestRemainderRounding.noise * unit }
            let units = LargestRemainderRounding.distribute(
                fundIndices.map { result.fundSplit[$0][s] }, overUnits: allocationUnits[s], unit: unit)
            for (f, share) in zip(fundIndices, units) {
                pieces.append(Piece(serviceIndex: s, fundIndex: f, amount: result.fundSplit[f][s], units: share))
            }
        }
    }
}
