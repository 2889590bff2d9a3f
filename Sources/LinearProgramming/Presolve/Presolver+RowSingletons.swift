extension Presolver {
    /// A row `L <= a x_j <= U` becomes bounds on `x_j` where they are tighter than the column's;
    /// bounds that then cross by less than the tolerance are made equal.
    mutating func removeRowSingleton(_ i: Int) {
        guard let (j, a) = model.rowEntries(i).first else { return }
        let lowerSide = model.rowLower[i] / a, upperSide = model.rowUpper[i] / a
        let (impliedLower, impliedUpper) = a > 0 ? (lowerSide, upperSide) : (upperSide, lowerSide)
        let lowerTightened = impliedLower > model.columnLower[j]
        let upperTightened = impliedUpper < model.columnUpper[j]
        if lowerTightened { model.columnLower[j] = impliedLower }
        if upperTightened { model.columnUpper[j] = impliedUpper }
        if PresolveTolerance.exceeds(model.columnLower[j], model.columnUpper[j]) {
            conclusion = .infeasible
            return
        }
        if model.columnLower[j] > model.columnUpper[j] {
            // Crossed within the tolerance: the tightened side wins.
            if lowerTightened { model.columnUpper[j] = model.columnLower[j] } else { model.columnLower[j] = model.columnUpper[j] }
        }
        record(.rowSingleton(row: i, column: j, coefficient: a, lowerTightened: lowerTightened, upperTightened: upperTightened))
        model.removeRow(i)
    }
}
