extension Presolver {
    /// Dual fixing (HiGHS's `dualFixing`): when lowering column `j` can only loosen its rows
    /// (each positive entry in a row with no lower bound, each negative one in a row with no
    /// upper bound) and its cost is not negative, some optimum has it at its lower bound, where
    /// its reduced cost is sure to have the right sign; likewise at its upper bound the other way
    /// round. With that bound infinite and a non-zero cost the problem is unbounded if feasible.
    mutating func fixDominatedColumn(_ j: Int) {
        let cost = model.costs[j]
        var lowering = cost >= 0, raising = cost <= 0
        let columns = model.columns
        for k in columns.range(j) where columns.values[k] != 0 && model.rowIsLive[columns.indices[k]] {
            let i = columns.indices[k]
            let hasLower = model.rowLower[i] > -.infinity, hasUpper = model.rowUpper[i] < .infinity
            if columns.values[k] > 0 {
                if hasLower { lowering = false }
                if hasUpper { raising = false }
            } else {
                if hasUpper { lowering = false }
                if hasLower { raising = false }
            }
            if !lowering && !raising { return }
        }
        if lowering {
            if model.columnLower[j].isFinite {
                fixColumn(j, at: model.columnLower[j], status: .atLower)
            } else if cost > 0 {
                conclusion = .dualInfeasible
            }
        } else if raising {
            if model.columnUpper[j].isFinite {
                fixColumn(j, at: model.columnUpper[j], status: .atUpper)
            } else if cost < 0 {
                conclusion = .dualInfeasible
            }
        }
    }
}
