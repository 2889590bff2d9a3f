import BudgetModel

/// One area's figures at one cut rounded to the scenario's unit, in counts of units: the
/// funds after the cut to the nearest unit, and the payments and the unallocated money
/// distributed over that by the largest-remainder method, so that they add up to it exactly.
struct RoundedArea {
    /// The funds after the cut.
    let funds: Double
    /// Each payment, in the order of `AreaResult.pays`.
    let pays: [Double]
    /// The money left.
    let unallocated: Double

    init(_ area: AreaResult, unit: Double) {
        funds = LargestRemainderRounding.roundToUnits(area.funds, unit: unit)
        let parts = LargestRemainderRounding.distribute(area.pays.map(\.amount) + [area.unallocated], overUnits: funds, unit: unit)
        pays = Array(parts.dropLast())
        unallocated = parts.last ?? 0
    }

    /// What the area pays in all.
    var paid: Double { pays.reduce(0, +) }
}
