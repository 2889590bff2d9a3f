/// A primal-dual solution and basis of the original problem's rows and columns, in
/// minimisation form, built from the reduced problem's and completed by undoing the presolve
/// steps last first (`undo`).
///
/// Rows and columns not yet restored hold zeros; every undo keeps `reducedCosts` equal to the
/// costs minus `A'rowDuals` of the problem as it was before that step.
///
/// The same undo rules carry a Farkas ray `y` back (`isRay`): it is the dual of the problem
/// with every cost zero, whose reduced costs `-A'y` pick each column's bound by their sign
/// (positive: lower, negative: upper) as a basis status picks it for a solution. An undo then
/// keeps the ray's separation (`FarkasSeparation.margin`) of the problem before the step equal
/// to that of the problem after it, up to the tolerances presolve decided within: a removed
/// row's multiplier takes over a column bound the row tightened, and a forcing row's
/// multiplier gives its fixed columns the signs of the bounds they were fixed at.
struct Postsolve {
    var columnValues: [Double]
    var rowDuals: [Double]
    var reducedCosts: [Double]
    var columnStatus: [BasisStatus]
    var rowStatus: [BasisStatus]
    /// Whether `rowDuals` is a Farkas ray rather than a solution's duals.
    let isRay: Bool

    /// The reduced problem's solution (it minimises) spread onto the original indices.
    init(reduced: Solution, columnCount: Int, rowCount: Int, columnMap: [Int], rowMap: [Int]) {
        columnValues = [Double](repeating: 0, count: columnCount)
        reducedCosts = [Double](repeating: 0, count: columnCount)
        rowDuals = [Double](repeating: 0, count: rowCount)
        columnStatus = [BasisStatus](repeating: .atLower, count: columnCount)
        rowStatus = [BasisStatus](repeating: .basic, count: rowCount)
        isRay = false
        for (reducedIndex, j) in columnMap.enumerated() {
            columnValues[j] = reduced.columnValues[reducedIndex]
            reducedCosts[j] = reduced.reducedCosts[reducedIndex]
            columnStatus[j] = reduced.basis.columns[reducedIndex]
        }
        for (reducedIndex, i) in rowMap.enumerated() {
            rowDuals[i] = reduced.rowDuals[reducedIndex]
            rowStatus[i] = reduced.basis.rows[reducedIndex]
        }
    }

    /// A Farkas ray of a reduced problem, given as multipliers on the original rows (zero on
    /// rows not in it) and the reduced costs `-A'y` it gives the original columns in it.
    init(ray: [Double], reducedCosts: [Double]) {
        rowDuals = ray
        self.reducedCosts = reducedCosts
        columnValues = [Double](repeating: 0, count: reducedCosts.count)
        columnStatus = [BasisStatus](repeating: .atLower, count: reducedCosts.count)
        rowStatus = [BasisStatus](repeating: .basic, count: ray.count)
        isRay = true
    }

    /// Where column `j` sits for the undo rules: its basis status, or for a ray the bound its
    /// reduced cost's sign selects (`basic` at zero).
    private func bound(of j: Int) -> BasisStatus {
        guard isRay else { return columnStatus[j] }
        return reducedCosts[j] > 0 ? .atLower : reducedCosts[j] < 0 ? .atUpper : .basic
    }

    /// `cost` for a solution; zero for a ray.
    private func effective(_ cost: Double) -> Double { isRay ? 0 : cost }

    /// Undoes `reduction` (see `Reduction`).
    mutating func undo(_ reduction: Reduction) {
        switch reduction {
        case .redundantRow(let row):
            rowDuals[row] = 0
            rowStatus[row] = .basic

        case let .fixedColumn(column, value, cost, entries, status):
            columnValues[column] = value
            var reduced = effective(cost)
            for (i, a) in entries { reduced -= a * rowDuals[i] }
            reducedCosts[column] = reduced
            columnStatus[column] = status ?? (reduced >= 0 ? .atLower : .atUpper)

        case let .rowSingleton(row, column, a, lowerTightened, upperTightened):
            let status = bound(of: column)
            let usesLower = lowerTightened && status == .atLower
            let usesUpper = upperTightened && status == .atUpper
            guard usesLower || usesUpper else {
                rowDuals[row] = 0
                rowStatus[row] = .basic
                return
            }
            rowDuals[row] = reducedCosts[column] / a
            reducedCosts[column] = 0
            columnStatus[column] = .basic
            rowStatus[row] = (usesLower == (a > 0)) ? .atLower : .atUpper

        case let .forcingRow(row, atUpper, entries):
            undoForcingRow(row, atUpper: atUpper, entries: entries)

        case let .freeColumnSingleton(row, column, a, side, rowSide, cost, entries):
            var rest = 0.0
            for (j, value) in entries { rest += value * columnValues[j] }
            columnValues[column] = (side - rest) / a
            rowDuals[row] = effective(cost) / a
            reducedCosts[column] = 0
            columnStatus[column] = .basic
            rowStatus[row] = rowSide

        case let .doubletonEquation(row, column, substituted, a, b, side, substitutedCost, entries, lowerTightened, upperTightened):
            undoDoubleton(
                row, column, substituted, a, b, side, effective(substitutedCost), entries,
                lowerTightened: lowerTightened, upperTightened: upperTightened)
        }
    }

    /// The forcing row's dual: the one that makes its columns' reduced costs all of the sign
    /// their bounds ask for, the column that needed the largest change becoming basic.
    private mutating func undoForcingRow(_ row: Int, atUpper: Bool, entries: [PresolveEntry]) {
        let direction: Double = atUpper ? 1 : -1
        var basicColumn = -1
        var delta = 0.0
        for (j, a) in entries {
            let reduced = reducedCosts[j] - a * delta
            if direction * reduced * a < 0 {
                delta = reducedCosts[j] / a
                basicColumn = j
            }
        }
        guard basicColumn >= 0 else {
            rowDuals[row] = 0
            rowStatus[row] = .basic
            return
        }
        rowDuals[row] = delta
        for (j, a) in entries { reducedCosts[j] -= delta * a }
        reducedCosts[basicColumn] = 0
        columnStatus[basicColumn] = .basic
        rowStatus[row] = atUpper ? .atUpper : .atLower
    }

    /// `x_substituted` from the equation; the row's dual makes the substituted column's reduced
    /// cost zero (it becomes basic), unless the kept column sits at a bound the substitution
    /// tightened: then the kept column becomes basic and the substituted one sits at the bound
    /// that tightened it.
    private mutating func undoDoubleton(
        _ row: Int, _ column: Int, _ substituted: Int, _ a: Double, _ b: Double, _ side: Double,
        _ substitutedCost: Double, _ entries: [PresolveEntry], lowerTightened: Bool, upperTightened: Bool
    ) {
        columnValues[substituted] = (side - a * columnValues[column]) / b
        var dual = 0.0
        for (i, value) in entries { dual -= value * rowDuals[i] }
        dual /= b
        reducedCosts[substituted] = substitutedCost
        reducedCosts[column] += substitutedCost * a / b
        let status = bound(of: column)
        rowStatus[row] = .atLower
        if (upperTightened && status == .atUpper) || (lowerTightened && status == .atLower) {
            let delta = reducedCosts[column] / a
            rowDuals[row] = dual + delta
            reducedCosts[column] = 0
            reducedCosts[substituted] -= delta * b
            let sameSign = (a > 0) == (b > 0)
            columnStatus[substituted] = (sameSign == (status == .atUpper)) ? .atLower : .atUpper
            columnStatus[column] = .basic
        } else {
            let delta = reducedCosts[substituted] / b
            rowDuals[row] = dual + delta
            reducedCosts[substituted] = 0
            reducedCosts[column] -= delta * a
            columnStatus[substituted] = .basic
        }
    }
}
