extension SimplexSolver {
    /// Dual phase 1 by the auxiliary-problem approach (Fourer; Koberstein's
    /// thesis, §4.1.3): solve the problem with every bound replaced by a box
    ///
    ///     free → [-1, 1],  lower only → [0, 1],  upper only → [-1, 0],
    ///     two finite bounds → [0, 0],
    ///
    /// with the dual simplex (every basis of an all-boxed problem is dual
    /// feasible once boxed variables sit on the right bound). Its optimal
    /// basis minimises the total dual infeasibility of the original problem;
    /// if that is zero the basis is dual feasible there. Restores the bounds
    /// and puts non-basic variables on the bound their reduced cost asks for.
    func runDualPhaseOne() -> PhaseResult {
        let total = columnCount + rowCount
        for j in 0..<total {
            savedLower[j] = lower[j]
            savedUpper[j] = upper[j]
            let hasLower = lower[j] > -Double.infinity
            let hasUpper = upper[j] < Double.infinity
            switch (hasLower, hasUpper) {
            case (false, false): lower[j] = -1; upper[j] = 1
            case (true, false): lower[j] = 0; upper[j] = 1
            case (false, true): lower[j] = -1; upper[j] = 0
            case (true, true): lower[j] = 0; upper[j] = 0
            }
            if status[j] != .basic { status[j] = d[j] >= 0 ? .atLower : .atUpper }
        }
        computePrimalValues()
        inDualPhaseOne = true
        let result = runDualSimplex()
        inDualPhaseOne = false
        removeCostPerturbation()
        for j in 0..<total {
            lower[j] = savedLower[j]
            upper[j] = savedUpper[j]
        }
        computeDuals()
        for j in 0..<total where status[j] != .basic {
            let hasLower = lower[j] > -Double.infinity
            let hasUpper = upper[j] < Double.infinity
            switch (hasLower, hasUpper) {
            case (true, true): status[j] = d[j] >= 0 || lower[j] == upper[j] ? .atLower : .atUpper
            case (true, false): status[j] = .atLower
            case (false, true): status[j] = .atUpper
            case (false, false): status[j] = .free
            }
        }
        return result
    }
}
