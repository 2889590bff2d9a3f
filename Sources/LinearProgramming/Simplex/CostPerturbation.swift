extension SimplexSolver {
    /// Consecutive dual iterations without progress (zero dual step) after
    /// which the costs are perturbed.
    static let stallingIterations = 30
    /// A column's cost moves by between one and two times this, times `|c_j| + 1` and the
    /// problem's cost scale (`perturbationScale()`).
    static let perturbationSize = 5e-7

    /// The cost scale of a perturbation: the largest (scaled) column cost, at most 1 (zero,
    /// so no perturbation, when no column has a cost). HiGHS (`HEkk::initialiseCost`) lets
    /// the scale grow above 1 (to the fourth root of costs above 100) unless under 1% of the
    /// variables are boxed; here that made greenbea (costs up to 100) take 15,004
    /// iterations instead of 4,442.
    func perturbationScale() -> Double {
        var largest = 0.0
        for j in 0..<columnCount { largest = max(largest, abs(cost[j])) }
        return min(largest, 1)
    }

    /// Breaks dual degeneracy: moves the cost, and so the reduced cost, of
    /// every non-basic, non-fixed column by a small pseudo-random amount in
    /// the direction that makes it more dual feasible (rows keep their zero
    /// costs, as HiGHS's perturbation of 1e-12 leaves them in effect). `workCost`
    /// then differs from `cost` until `removeCostPerturbation()`.
    func perturbCosts() {
        let base = Self.perturbationSize * perturbationScale()
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for j in 0..<columnCount where status[j] != .basic && lower[j] != upper[j] {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let random = 1 + Double(state >> 11) / Double(1 << 53)
            let amount = base * random * (abs(cost[j]) + 1)
            switch status[j] {
            case .atLower: workCost[j] += amount; d[j] += amount
            case .atUpper: workCost[j] -= amount; d[j] -= amount
            default: break
            }
        }
        costsPerturbed = true
        perturbationApplied = true
    }

    /// Restores the true costs (the caller recomputes the reduced costs).
    func removeCostPerturbation() {
        guard costsPerturbed else { return }
        for j in 0..<(columnCount + rowCount) { workCost[j] = cost[j] }
        costsPerturbed = false
        perturbationApplied = false
    }
}

extension SimplexSolver {
    /// Makes freshly recomputed reduced costs dual feasible again for the
    /// dual simplex: boxed variables of the wrong sign move to their other
    /// bound; others get their cost shifted so that `d_j` is zero (a shift
    /// removed, like a perturbation, by `removeCostPerturbation()`).
    /// Recomputes the primal values when anything flipped.
    func restoreDualFeasibility() {
        let tolerance = options.dualFeasibilityTolerance
        var flippedAny = false
        for j in 0..<(columnCount + rowCount) where isDualInfeasible(j, tolerance: tolerance) {
            if isBoxed(j) {
                status[j] = status[j] == .atLower ? .atUpper : .atLower
                flippedAny = true
            } else {
                workCost[j] -= d[j]
                d[j] = 0
                costsPerturbed = true
            }
        }
        if flippedAny { computePrimalValues() }
    }
}

extension SimplexSolver {
    /// Shifts the cost of every non-basic variable whose reduced cost has the
    /// wrong sign by at most `limit` so that it becomes zero; the shift is
    /// removed like a perturbation, by `removeCostPerturbation()`.
    func shiftSmallDualInfeasibilities(upTo limit: Double) {
        let tolerance = options.dualFeasibilityTolerance
        for j in 0..<(columnCount + rowCount)
        where isDualInfeasible(j, tolerance: tolerance) && abs(d[j]) <= limit {
            workCost[j] -= d[j]
            d[j] = 0
            costsPerturbed = true
        }
    }
}
