extension SimplexSolver {
    /// Primal simplex iterations from a primal feasible basis until no
    /// reduced cost has the wrong sign, an unbounded ray is found, or a
    /// limit is hit. Reduced costs are recomputed at the start and at every
    /// refactorisation and updated through the pivot row in between; the
    /// caller recomputes them once more before it accepts an optimum.
    func runPrimalSimplex() -> PhaseResult {
        let tolerance = options.dualFeasibilityTolerance
        computeDuals()
        while true {
            if iterations >= options.iterationLimit { return .iterationLimit }
            if iterations & 31 == 0 && timeIsUp() { return .timeLimit }
            if refactorizationDue() {
                guard refactorize() else { return .numericalFailure }
                computePrimalValues()
                computeDuals()
            }
            // Pricing (Dantzig): the largest reduced cost of the wrong sign.
            var q = -1
            var best = 0.0
            for j in 0..<(columnCount + rowCount) where isDualInfeasible(j, tolerance: tolerance) {
                if abs(d[j]) > best { best = abs(d[j]); q = j }
            }
            if q < 0 { return .optimal }
            let direction: Double = d[q] < 0 ? 1 : -1
            computePivotColumn(q)
            let choice = primalRatioTest(entering: q, direction: direction)
            switch choice {
            case .unbounded:
                for j in 0..<(columnCount + rowCount) { rayInternal[j] = 0 }
                rayInternal[q] = direction
                for i in 0..<rowCount { rayInternal[head[i]] = -direction * alphaColumn[i] }
                return .unbounded
            case .flip:
                let range = upper[q] - lower[q]
                for i in 0..<rowCount where alphaColumn[i] != 0 { x[head[i]] -= direction * range * alphaColumn[i] }
                if status[q] == .atLower {
                    status[q] = .atUpper
                    x[q] = upper[q]
                } else {
                    status[q] = .atLower
                    x[q] = lower[q]
                }
                iterations += 1
            case .pivot(let r, let step, let toLower):
                let p = head[r]
                let dualsUpdated = updateDualsForPrimalPivot(entering: q, position: r)
                for i in 0..<rowCount where alphaColumn[i] != 0 { x[head[i]] -= direction * step * alphaColumn[i] }
                x[q] += direction * step
                x[p] = toLower ? lower[p] : upper[p]
                status[q] = .basic
                status[p] = (toLower || lower[p] == upper[p]) ? .atLower : .atUpper
                head[r] = q
                edgeWeightsStale = true
                iterations += 1
                if !factor.replaceColumn(at: r, ftranColumn: alphaColumn) {
                    guard refactorize() else { return .numericalFailure }
                    computePrimalValues()
                    computeDuals()
                } else if !dualsUpdated {
                    computeDuals()
                }
            }
        }
    }

    /// Reduced costs after `q` replaces the basic variable in position `r`:
    /// `d_j -= (d_q / alpha_rq) alpha_rj` along the pivot row, so that `d_q`
    /// becomes zero and the leaving variable gets `-d_q / alpha_rq`. Call
    /// before the basis changes. Returns `false`, updating nothing, when the
    /// pivot from the row disagrees with the one from the column (the
    /// caller then recomputes the reduced costs after the pivot).
    private func updateDualsForPrimalPivot(entering q: Int, position r: Int) -> Bool {
        let leaving = head[r]
        computePivotRow(r)
        let pivot = alphaColumn[r]
        guard abs(pivot - alphaRow[q]) <= Self.pivotAgreementTolerance * (1 + abs(pivot)) else { return false }
        let ratio = d[q] / alphaRow[q]
        addPivotRow(times: -ratio, to: &d)
        d[q] = 0
        d[leaving] = -ratio
        return true
    }
}
