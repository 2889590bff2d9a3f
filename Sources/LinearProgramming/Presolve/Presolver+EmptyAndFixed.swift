extension Presolver {
    /// An empty row is redundant when zero lies within its bounds, and makes the problem
    /// infeasible otherwise.
    mutating func removeEmptyRow(_ i: Int) {
        if PresolveTolerance.exceeds(model.rowLower[i], 0) || PresolveTolerance.exceeds(0, model.rowUpper[i]) {
            conclusion = .infeasible
            infeasibleRow = i
            return
        }
        record(.redundantRow(row: i))
        model.removeRow(i)
    }

    /// Takes column `j` out at `value`: its rows' bounds and the objective constant absorb it.
    mutating func fixColumn(_ j: Int, at value: Double, status: BasisStatus?) {
        let entries = model.columnEntries(j)
        let cost = model.costs[j]
        for (i, a) in entries {
            model.rowLower[i] -= a * value
            model.rowUpper[i] -= a * value
        }
        model.objectiveOffset += cost * value
        record(.fixedColumn(column: j, value: value, cost: cost, entries: entries, status: status))
        model.removeColumn(j)
    }

    /// A column in no row sits at the bound its cost prefers (at zero, or a finite bound, when
    /// its cost is zero); with no such bound the objective is unbounded wherever the rest of the
    /// problem is feasible.
    mutating func removeEmptyColumn(_ j: Int) {
        let cost = model.costs[j], lower = model.columnLower[j], upper = model.columnUpper[j]
        if cost > 0 {
            guard lower.isFinite else { conclusion = .dualInfeasible; return }
            fixColumn(j, at: lower, status: .atLower)
        } else if cost < 0 {
            guard upper.isFinite else { conclusion = .dualInfeasible; return }
            fixColumn(j, at: upper, status: .atUpper)
        } else if lower.isFinite {
            fixColumn(j, at: lower, status: .atLower)
        } else if upper.isFinite {
            fixColumn(j, at: upper, status: .atUpper)
        } else {
            fixColumn(j, at: 0, status: .free)
        }
    }
}
