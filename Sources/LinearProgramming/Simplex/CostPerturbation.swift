extension SimplexSolver {
    /// Consecutive dual iterations without progress (zero dual step) after
    /// which the costs are perturbed.
    static let stallingIterations = 30
    /// Relative size of a cost perturbation: `d_j` moves by between one and
    /// two times this, times `max(1, |c_j|)`, away from zero.
    static let perturbationSize = 1e-6

    /// Breaks dual degeneracy: moves the cost, and so the reduced cost, of
    /// every non-basic, non-fixed variable by a small pseudo-random amount in
    /// the direction that makes it more dual feasible. `workCost` then
    /// differs from `cost` until `removeCostPerturbation()`.
    func perturbCosts() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for j in 0..<(columnCount + rowCount) where status[j] != .basic && lower[j] != upper[j] {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let random = 1 + Double(state >> 11) / Double(1 << 53)
            let amount = Self.perturbationSize * random * max(1, abs(cost[j]))
            switch status[j] {
            case .atLower: workCost[j] += amount; d[j] += amount
            case .atUpper: workCost[j] -= amount; d[j] -= amount
            default: break
            }
        }
        costsPerturbed = true
    }

    /// Restores the true costs (the caller recomputes the reduced costs).
    func removeCostPerturbation() {
        guard costsPerturbed else { return }
        for j in 0..<(columnCount + rowCount) { workCost[j] = cost[j] }
        costsPerturbed = false
    }
}
