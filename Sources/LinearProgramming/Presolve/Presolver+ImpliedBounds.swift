/// A bound on a column that one row implies from its other columns' bounds: `x_j <= value`
/// (or `>=`) follows from row `row`, whose coefficient on `x_j` is `coefficient`.
struct ImpliedBound {
    var value: Double
    var row: Int
    var coefficient: Double
}

/// Row multipliers that prove the problem infeasible: each row's multiplier (positive on its
/// lower bound, negative on its upper) and its live entries when the proof was found.
typealias PresolveInfeasibilityProof = [(row: Int, multiplier: Double, entries: [PresolveEntry])]

extension Presolver {
    /// Implied bounds whose magnitude exceeds this are not used (HiGHS's presolve skips them
    /// likewise: beyond it the rounding of the residual activity is larger than a feasibility
    /// tolerance).
    static let largestImpliedBound = 1e7

    /// Infeasibility proved by the bounds one row implies on its columns (HiGHS's implied
    /// column bounds, `HPresolve::updateColImpliedBounds`): each row, with its other columns
    /// at their bounds, bounds each of its columns; a row whose bounds cannot be met when its
    /// columns' bounds are tightened to those implied by other rows makes the problem
    /// infeasible. The proof is that row's multiplier (1 on its lower bound, -1 on its upper)
    /// and, for every column whose implied bound it used, the implying row with the multiplier
    /// that cancels the column: the rows add up to a constraint whose bound the columns'
    /// explicit bounds cannot meet.
    ///
    /// The candidates come in row order, the widest crossing first within the first
    /// `candidateLimit` rows found; none changes the model, so the caller keeps the first whose
    /// Farkas ray proves infeasibility of the original (`PresolvedProgram`).
    func impliedBoundInfeasibilities(candidateLimit: Int = 8) -> [PresolveInfeasibilityProof] {
        let (impliedLower, impliedUpper) = impliedColumnBounds()
        var found: [(crossing: Double, proof: PresolveInfeasibilityProof)] = []
        for i in 0..<model.rowCount where model.rowIsLive[i] {
            let entries = model.rowEntries(i)
            // The least (greatest) activity with each column at the tighter of its own bound
            // and the bound another row implies.
            var least = 0.0, greatest = 0.0
            for (j, a) in entries {
                let lower = tighterLower(j, impliedLower[j], excluding: i)
                let upper = tighterUpper(j, impliedUpper[j], excluding: i)
                least += a > 0 ? a * lower : a * upper
                greatest += a > 0 ? a * upper : a * lower
            }
            let lowerSide = model.rowLower[i], upperSide = model.rowUpper[i]
            let multiplier: Double
            let crossing: Double
            if PresolveTolerance.crosses(least, upperSide) {
                multiplier = -1
                crossing = (least - upperSide) / max(1, abs(least), abs(upperSide))
            } else if PresolveTolerance.crosses(lowerSide, greatest) {
                multiplier = 1
                crossing = (lowerSide - greatest) / max(1, abs(lowerSide), abs(greatest))
            } else {
                continue
            }
            var proof: PresolveInfeasibilityProof = [(i, multiplier, entries)]
            var sourceMultipliers: [Int: Double] = [:]
            for (j, a) in entries {
                // The multiplier's sign times the coefficient's says which bound of x_j the
                // row's extreme activity uses: positive, the upper; negative, the lower.
                let usesUpper = multiplier * a > 0
                let bound = usesUpper
                    ? impliedUpper[j].flatMap { $0.row != i && $0.value < model.columnUpper[j] ? $0 : nil }
                    : impliedLower[j].flatMap { $0.row != i && $0.value > model.columnLower[j] ? $0 : nil }
                guard let bound else { continue }
                sourceMultipliers[bound.row, default: 0] -= multiplier * a / bound.coefficient
            }
            for (row, sourceMultiplier) in sourceMultipliers.sorted(by: { $0.key < $1.key }) {
                proof.append((row, sourceMultiplier, model.rowEntries(row)))
            }
            found.append((crossing, proof))
            if found.count == candidateLimit { break }
        }
        return found.sorted { $0.crossing > $1.crossing }.map(\.proof)
    }

    /// Column `j`'s lower bound, or the one `implied` gives when that is tighter and comes from
    /// a row other than `row`.
    private func tighterLower(_ j: Int, _ implied: ImpliedBound?, excluding row: Int) -> Double {
        guard let implied, implied.row != row else { return model.columnLower[j] }
        return max(model.columnLower[j], implied.value)
    }

    /// Column `j`'s upper bound, or the one `implied` gives when that is tighter and comes from
    /// a row other than `row`.
    private func tighterUpper(_ j: Int, _ implied: ImpliedBound?, excluding row: Int) -> Double {
        guard let implied, implied.row != row else { return model.columnUpper[j] }
        return min(model.columnUpper[j], implied.value)
    }

    /// For every live column, the tightest lower and upper bound a single live row implies
    /// from its other columns' explicit bounds, where tighter than the column's own bound by
    /// more than the primal tolerance (`PresolveTolerance.exceeds`).
    func impliedColumnBounds() -> (lower: [ImpliedBound?], upper: [ImpliedBound?]) {
        var lower = [ImpliedBound?](repeating: nil, count: model.columnCount)
        var upper = [ImpliedBound?](repeating: nil, count: model.columnCount)
        for i in 0..<model.rowCount where model.rowIsLive[i] {
            let entries = model.rowEntries(i)
            // Finite parts of the least and greatest activity, and how many columns make each
            // infinite.
            var least = 0.0, greatest = 0.0
            var leastInfinite = 0, greatestInfinite = 0
            for (j, a) in entries {
                let low = a > 0 ? a * model.columnLower[j] : a * model.columnUpper[j]
                let high = a > 0 ? a * model.columnUpper[j] : a * model.columnLower[j]
                if low.isFinite { least += low } else { leastInfinite += 1 }
                if high.isFinite { greatest += high } else { greatestInfinite += 1 }
            }
            let rowLower = model.rowLower[i], rowUpper = model.rowUpper[i]
            for (j, a) in entries {
                let low = a > 0 ? a * model.columnLower[j] : a * model.columnUpper[j]
                let high = a > 0 ? a * model.columnUpper[j] : a * model.columnLower[j]
                // a x_j <= rowUpper - (least activity of the others).
                if rowUpper.isFinite, leastInfinite - (low.isFinite ? 0 : 1) == 0 {
                    let bound = (rowUpper - (least - (low.isFinite ? low : 0))) / a
                    offer(bound, isUpper: a > 0, column: j, row: i, coefficient: a, lower: &lower, upper: &upper)
                }
                // a x_j >= rowLower - (greatest activity of the others).
                if rowLower.isFinite, greatestInfinite - (high.isFinite ? 0 : 1) == 0 {
                    let bound = (rowLower - (greatest - (high.isFinite ? high : 0))) / a
                    offer(bound, isUpper: a < 0, column: j, row: i, coefficient: a, lower: &lower, upper: &upper)
                }
            }
        }
        return (lower, upper)
    }

    /// Keeps `bound` as column `j`'s implied upper (or lower) bound when it is finite, not too
    /// large to trust, and tighter than both the column's own bound and the one kept so far.
    private func offer(
        _ bound: Double, isUpper: Bool, column j: Int, row i: Int, coefficient: Double,
        lower: inout [ImpliedBound?], upper: inout [ImpliedBound?]
    ) {
        guard bound.isFinite, abs(bound) <= Self.largestImpliedBound else { return }
        let implied = ImpliedBound(value: bound, row: i, coefficient: coefficient)
        if isUpper {
            guard PresolveTolerance.exceeds(model.columnUpper[j], bound) else { return }
            if let kept = upper[j], kept.value <= bound { return }
            upper[j] = implied
        } else {
            guard PresolveTolerance.exceeds(bound, model.columnLower[j]) else { return }
            if let kept = lower[j], kept.value >= bound { return }
            lower[j] = implied
        }
    }
}
