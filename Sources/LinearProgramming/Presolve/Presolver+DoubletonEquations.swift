extension Presolver {
    /// An equality row `a x_j + b x_k = s` with two entries: `x_k = (s - a x_j) / b` is
    /// substituted into `x_k`'s other rows and the objective, `x_j`'s bounds are tightened so
    /// that `x_k`'s hold, and the row and `x_k` go. `x_k` is chosen as HiGHS chooses: a column
    /// with no other entry; else, when the two coefficients are within a factor 2 of each other,
    /// the column with fewer entries (less fill); else the larger coefficient (the safer pivot).
    mutating func substituteDoubleton(_ i: Int) {
        guard model.rowLower[i] == model.rowUpper[i] else { return }
        let entries = model.rowEntries(i)
        guard entries.count == 2 else { return }
        let firstGoes = substitutes(entries[0], before: entries[1])
        let (j, a) = firstGoes ? entries[1] : entries[0]
        let (k, b) = firstGoes ? entries[0] : entries[1]
        let side = model.rowLower[i]

        // Bounds of x_j that keep x_k = (side - a x_j) / b within [l_k, u_k].
        let atLowerK = (side - b * model.columnLower[k]) / a
        let atUpperK = (side - b * model.columnUpper[k]) / a
        let (impliedLower, impliedUpper) = (a > 0) == (b > 0) ? (atUpperK, atLowerK) : (atLowerK, atUpperK)
        guard let (lowerTightened, upperTightened) = tightenBounds(of: j, to: impliedLower, impliedUpper, byRow: i) else { return }

        let others = model.columnEntries(k).filter { $0.index != i }
        let cost = model.costs[k]
        record(.doubletonEquation(
            row: i, column: j, substituted: k, coefficient: a, substitutedCoefficient: b, side: side,
            substitutedCost: cost, entries: others, lowerTightened: lowerTightened, upperTightened: upperTightened))
        for (r, value) in others {
            model.addToCoefficient(row: r, column: j, -value * a / b)
            let shift = value * side / b
            model.rowLower[r] -= shift
            model.rowUpper[r] -= shift
        }
        model.costs[j] -= cost * a / b
        model.objectiveOffset += cost * side / b
        model.removeColumn(k)
        model.removeRow(i)
    }

    /// Whether the doubleton's entry `p` is the better column to substitute than `q`.
    private func substitutes(_ p: PresolveEntry, before q: PresolveEntry) -> Bool {
        let sizeP = model.columnSize[p.index], sizeQ = model.columnSize[q.index]
        if sizeP == 1 { return true }
        if sizeQ == 1 { return false }
        let magnitudeP = abs(p.value), magnitudeQ = abs(q.value)
        if sizeP != sizeQ && max(magnitudeP, magnitudeQ) <= 2 * min(magnitudeP, magnitudeQ) { return sizeP < sizeQ }
        return magnitudeP > magnitudeQ
    }
}
