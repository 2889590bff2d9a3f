extension Presolver {
    /// Compares row `i`'s bounds with the least and greatest activity its columns' bounds allow:
    /// beyond them the problem is infeasible; within them both the row is redundant; a bound
    /// that only the extreme activity reaches forces every column to the bound giving it; a
    /// bound the activity can never pass is dropped.
    mutating func reduceByActivity(_ i: Int) {
        let (least, greatest) = model.activityBounds(ofRow: i)
        let lower = model.rowLower[i], upper = model.rowUpper[i]
        if PresolveTolerance.exceeds(least, upper) || PresolveTolerance.exceeds(lower, greatest) {
            conclusion = .infeasible
            infeasibleRow = i
            return
        }
        let lowerIsRedundant = !PresolveTolerance.exceeds(lower, least)
        let upperIsRedundant = !PresolveTolerance.exceeds(greatest, upper)
        if lowerIsRedundant && upperIsRedundant {
            record(.redundantRow(row: i))
            model.removeRow(i)
        } else if upper.isFinite && !PresolveTolerance.exceeds(upper, least) {
            forceRow(i, atUpper: true)
        } else if lower.isFinite && !PresolveTolerance.exceeds(greatest, lower) {
            forceRow(i, atUpper: false)
        } else if lowerIsRedundant && lower.isFinite {
            model.rowLower[i] = -.infinity
            changed = true
        } else if upperIsRedundant && upper.isFinite {
            model.rowUpper[i] = .infinity
            changed = true
        }
    }

    /// Fixes every column of row `i` at the bound that puts the row's activity at its extreme
    /// (least when the row is forced at its upper bound), then removes the emptied row.
    private mutating func forceRow(_ i: Int, atUpper: Bool) {
        let entries = model.rowEntries(i)
        record(.forcingRow(row: i, atUpper: atUpper, entries: entries))
        for (j, a) in entries {
            let toLower = (a > 0) == atUpper
            fixColumn(j, at: toLower ? model.columnLower[j] : model.columnUpper[j], status: toLower ? .atLower : .atUpper)
        }
        model.removeRow(i)
    }
}
