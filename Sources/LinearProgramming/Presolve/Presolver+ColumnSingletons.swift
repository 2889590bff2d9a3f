extension Presolver {
    /// A column `j` whose only entry is in row `i`, and whose bounds the row and the other
    /// columns' bounds already imply, is solved from the row: `x_j = (side - rest) / a`. Its
    /// cost moves onto the row's other columns and the row's dual is `c_j / a`, so the row holds
    /// at the side that dual's sign names (either side of an equality; for a zero cost the
    /// row goes with the column, since `x_j` can meet any side).
    mutating func removeFreeColumnSingleton(_ j: Int) {
        guard let (i, a) = model.columnEntries(j).first else { return }
        let entries = model.rowEntries(i).filter { $0.index != j }
        let largest = entries.reduce(0) { max($0, abs($1.value)) }
        guard abs(a) >= PresolveTolerance.pivotRatio * largest else { return }
        guard columnIsImpliedFree(j, row: i, coefficient: a) else { return }
        let cost = model.costs[j]
        let lower = model.rowLower[i], upper = model.rowUpper[i]
        let dual = cost / a
        let side: Double, rowSide: BasisStatus
        if lower == upper || dual > 0 || (dual == 0 && lower.isFinite) {
            (side, rowSide) = (lower, .atLower)
        } else {
            (side, rowSide) = (upper, .atUpper)
        }
        guard side.isFinite else { return }
        record(.freeColumnSingleton(row: i, column: j, coefficient: a, side: side, rowSide: rowSide, cost: cost, entries: entries))
        if cost != 0 {
            for (k, value) in entries { model.costs[k] -= dual * value }
            model.objectiveOffset += dual * side
        }
        model.removeColumn(j)
        model.removeRow(i)
    }

    /// Whether row `i`, with the bounds of its other columns, keeps `x_j` within its own bounds
    /// (to the tolerance), so that dropping them changes nothing.
    private func columnIsImpliedFree(_ j: Int, row i: Int, coefficient a: Double) -> Bool {
        let (least, greatest) = model.activityBounds(ofRow: i, skipping: j)
        let fromLower = (model.rowLower[i] - greatest) / a
        let fromUpper = (model.rowUpper[i] - least) / a
        let (impliedLower, impliedUpper) = a > 0 ? (fromLower, fromUpper) : (fromUpper, fromLower)
        let lowerHolds = model.columnLower[j] == -.infinity || !PresolveTolerance.exceeds(model.columnLower[j], impliedLower)
        let upperHolds = model.columnUpper[j] == .infinity || !PresolveTolerance.exceeds(impliedUpper, model.columnUpper[j])
        return lowerHolds && upperHolds
    }
}
