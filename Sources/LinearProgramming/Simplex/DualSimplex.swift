extension SimplexSolver {
    /// Relative disagreement between the pivot element computed from the row
    /// (BTRAN) and from the column (FTRAN) that triggers a refactorisation.
    static let pivotAgreementTolerance = 1e-7
    /// A dual step shorter than this counts as degenerate (no progress).
    static let degenerateDualStep = 1e-12
    /// Lower clamp of a dual steepest-edge weight.
    static let minimumEdgeWeight = 1e-4

    /// Dual simplex iterations from a dual feasible basis (boxed variables
    /// already on the bound their reduced cost asks for) until the basis is
    /// primal feasible, the dual proves infeasibility, or a limit is hit.
    /// With `feasibilityOnly` the costs are all zero and are never perturbed.
    func runDualSimplex(feasibilityOnly: Bool = false) -> PhaseResult {
        let tolerance = options.primalFeasibilityTolerance
        if edgeWeightsStale {
            for i in 0..<rowCount { edgeWeights[i] = 1 }
            edgeWeightsStale = false
        }
        var stalled = 0
        var rowToRetry: Int? = nil
        while true {
            if iterations >= options.iterationLimit { return .iterationLimit }
            if iterations & 31 == 0 && timeIsUp() { return .timeLimit }
            if refactorizationDue() {
                guard refactorize() else { return .numericalFailure }
                computePrimalValues()
                computeDuals()
                restoreDualFeasibility()
            }
            // Pricing: the most infeasible basic variable relative to its edge weight;
            // but a row whose ratio test just failed on updated factors is tried again
            // first on the fresh ones (re-pricing instead can cycle through the refactorisations).
            var r = -1
            var bestScore = 0.0
            if let retry = rowToRetry, isPrimalInfeasible(position: retry, tolerance: tolerance) {
                r = retry
            } else {
                for i in 0..<rowCount where isPrimalInfeasible(position: i, tolerance: tolerance) {
                    let p = head[i]
                    let violation = max(lower[p] - x[p], x[p] - upper[p])
                    let score = violation * violation / edgeWeights[i]
                    if score > bestScore { bestScore = score; r = i }
                }
            }
            rowToRetry = nil
            if r < 0 { return .optimal }
            let p = head[r]
            let toLower = x[p] < lower[p]
            let target = toLower ? lower[p] : upper[p]
            let direction: Double = toLower ? 1 : -1
            computePivotRow(r)
            guard let q = dualRatioTest(direction: direction, infeasibility: abs(x[p] - target)) else {
                // Confirm on fresh factors before declaring infeasibility.
                if factor.updateCount > 0 {
                    guard refactorize() else { return .numericalFailure }
                    computePrimalValues()
                    computeDuals()
                    restoreDualFeasibility()
                    rowToRetry = r
                    continue
                }
                for i in 0..<rowCount { farkasInternal[i] = direction * rho[i] }
                // The auxiliary problem of dual phase 1 needs no proof (and has other bounds).
                if inDualPhaseOne || farkasProofHolds() { return .infeasible }
                // An infeasibility too small to prove is rounding: move the violated
                // bound just past what the bound flips can reach, so that the next
                // ratio test pivots, and carry on.
                let shift = residualSlope + options.primalFeasibilityTolerance
                guard shift <= boundShiftLimit(of: p) else { return .numericalFailure }
                shiftBound(of: p, by: shift, lowering: toLower)
                continue
            }
            computePivotColumn(q)
            let pivot = alphaColumn[r]
            let disagreement = abs(pivot - alphaRow[q])
            if disagreement > Self.pivotAgreementTolerance * (1 + abs(pivot)) && factor.updateCount > 0 {
                guard refactorize() else { return .numericalFailure }
                computePrimalValues()
                computeDuals()
                restoreDualFeasibility()
                continue
            }
            applyBoundFlips()
            // Dual step: d_q becomes zero, the leaving variable's reduced cost theta.
            var theta = -d[q] / alphaRow[q]
            if theta * direction < 0 { theta = 0 }
            if abs(theta) < Self.degenerateDualStep {
                stalled += 1
                if stalled >= Self.stallingIterations && !perturbationApplied && !feasibilityOnly { perturbCosts() }
            } else {
                stalled = 0
            }
            addPivotRow(times: theta, to: &d)
            // Primal step: the leaving variable lands on its bound.
            let step = (x[p] - target) / pivot
            for i in 0..<rowCount where alphaColumn[i] != 0 { x[head[i]] -= step * alphaColumn[i] }
            x[q] += step
            x[p] = target
            d[q] = 0
            d[p] = theta
            updateEdgeWeights(leavingPosition: r, pivot: pivot)
            status[q] = .basic
            status[p] = (toLower || lower[p] == upper[p]) ? .atLower : .atUpper
            head[r] = q
            iterations += 1
            if !factor.replaceColumn(at: r, ftranColumn: alphaColumn) {
                guard refactorize() else { return .numericalFailure }
                computePrimalValues()
                computeDuals()
                restoreDualFeasibility()
            }
        }
    }

    /// Whether the basic variable in `position` violates a bound by more than
    /// the tolerance (times its `primalToleranceFactor`).
    @inline(__always)
    private func isPrimalInfeasible(position i: Int, tolerance: Double) -> Bool {
        let p = head[i]
        return max(lower[p] - x[p], x[p] - upper[p]) > tolerance * primalToleranceFactor[p]
    }

    /// Moves the variables the ratio test flipped to their other bound and
    /// updates the basic variables: `x_B -= B⁻¹ Σ column_j Δ_j`.
    private func applyBoundFlips() {
        guard !flipped.isEmpty else { return }
        for i in 0..<rowCount { workRows[i] = 0 }
        for j in flipped {
            let change: Double
            if status[j] == .atLower {
                status[j] = .atUpper
                change = upper[j] - lower[j]
                x[j] = upper[j]
            } else {
                status[j] = .atLower
                change = lower[j] - upper[j]
                x[j] = lower[j]
            }
            if j < columnCount {
                for k in columnStarts[j]..<columnStarts[j + 1] { workRows[columnRows[k]] += columnValues[k] * change }
            } else {
                workRows[j - columnCount] -= change
            }
        }
        factor.solveInPlace(&workRows)
        for i in 0..<rowCount where workRows[i] != 0 { x[head[i]] -= workRows[i] }
    }

    /// Dual steepest-edge update (Forrest–Goldfarb) for a pivot in position
    /// `r`: needs `rho` (row `r` of `B⁻¹`) and `alphaColumn`.
    private func updateEdgeWeights(leavingPosition r: Int, pivot: Double) {
        var rhoNorm = 0.0
        for i in 0..<rowCount { rhoNorm += rho[i] * rho[i]; tau[i] = rho[i] }
        factor.solveInPlace(&tau)
        for i in 0..<rowCount where i != r && alphaColumn[i] != 0 {
            let ratio = alphaColumn[i] / pivot
            let weight = edgeWeights[i] + ratio * (ratio * rhoNorm - 2 * tau[i])
            edgeWeights[i] = max(weight, Self.minimumEdgeWeight)
        }
        edgeWeights[r] = max(rhoNorm / (pivot * pivot), Self.minimumEdgeWeight)
    }
}
