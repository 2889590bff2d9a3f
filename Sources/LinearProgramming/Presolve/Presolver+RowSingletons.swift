extension Presolver {
    /// A row `L <= a x_j <= U` becomes bounds on `x_j` where they are tighter than the column's
    /// (`tightenBounds`).
    mutating func removeRowSingleton(_ i: Int) {
        guard let (j, a) = model.rowEntries(i).first else { return }
        let lowerSide = model.rowLower[i] / a, upperSide = model.rowUpper[i] / a
        let (impliedLower, impliedUpper) = a > 0 ? (lowerSide, upperSide) : (upperSide, lowerSide)
        guard let (lowerTightened, upperTightened) = tightenBounds(of: j, to: impliedLower, impliedUpper, byRow: i) else { return }
        record(.rowSingleton(row: i, column: j, coefficient: a, lowerTightened: lowerTightened, upperTightened: upperTightened))
        model.removeRow(i)
    }

    /// Raises column `j`'s lower bound to `impliedLower` and lowers its upper bound to
    /// `impliedUpper` where those are tighter, as row `i` implies them, and says which it
    /// tightened. When the bounds would then cross by more than the tolerance, row `i` cannot
    /// be met: the problem is infeasible, nothing changes and the result is nil. Bounds that
    /// cross within the tolerance are made equal, the tightened side winning.
    mutating func tightenBounds(
        of j: Int, to impliedLower: Double, _ impliedUpper: Double, byRow i: Int
    ) -> (lowerTightened: Bool, upperTightened: Bool)? {
        let lowerTightened = impliedLower > model.columnLower[j]
        let upperTightened = impliedUpper < model.columnUpper[j]
        let lower = lowerTightened ? impliedLower : model.columnLower[j]
        let upper = upperTightened ? impliedUpper : model.columnUpper[j]
        if PresolveTolerance.exceeds(lower, upper) {
            conclusion = .infeasible
            infeasibleRow = i
            return nil
        }
        let settled = lowerTightened ? lower : upper
        model.columnLower[j] = lower > upper ? settled : lower
        model.columnUpper[j] = lower > upper ? settled : upper
        return (lowerTightened, upperTightened)
    }
}
