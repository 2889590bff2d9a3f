extension SimplexSolver {
    /// Most alternations between dual, primal and feasibility phases before
    /// the solve is declared a numerical failure.
    static let maximumRounds = 12
    /// Dual infeasibilities left by dual phase 1 up to this size are removed
    /// by cost shifting rather than by the feasibility fallback.
    static let phaseOneShiftLimit = 1e-6

    /// Runs dual, primal and feasibility phases until the basis is optimal
    /// (checked on freshly computed values), or a phase proves infeasibility
    /// or unboundedness, or a limit is hit.
    ///
    /// `coldStart` says the basis is not the optimum of a nearby problem.
    func runPhases(coldStart: Bool) -> PhaseResult {
        let dualTolerance = options.dualFeasibilityTolerance
        let primalTolerance = options.primalFeasibilityTolerance
        let total = columnCount + rowCount
        normalizeNonbasicStatuses()
        if factorStale {
            guard refactorize() else { return .numericalFailure }
        }
        if dualsStale {
            for j in 0..<total { workCost[j] = cost[j] }
            computeDuals()
        }
        var triedPhaseOne = false
        // Whether `x` was recomputed by `refreshAfterPhase` at the end of the last round and
        // nothing has moved since: computing it again would give the same values.
        var primalsFresh = false
        for _ in 0..<Self.maximumRounds {
            let freshFromLastRound = primalsFresh
            primalsFresh = false
            // One pass finds whether an unboxed variable is dual infeasible (dual phase 1 or the
            // primal then) and whether any boxed one is (flipped to its other bound otherwise).
            var unboxedInfeasible = false
            var boxedInfeasible = false
            for j in 0..<total where isDualInfeasible(j, tolerance: dualTolerance) {
                if isBoxed(j) {
                    boxedInfeasible = true
                } else {
                    unboxedInfeasible = true
                    break
                }
            }
            if !unboxedInfeasible {
                // Boxed variables go to the bound their reduced cost asks for.
                if boxedInfeasible {
                    for j in 0..<total where isBoxed(j) && isDualInfeasible(j, tolerance: dualTolerance) {
                        status[j] = status[j] == .atLower ? .atUpper : .atLower
                    }
                }
                if boxedInfeasible || !freshFromLastRound { computePrimalValues() }
                if primalInfeasibility() <= primalTolerance {
                    guard costsPerturbed else { return .optimal }
                    removeCostPerturbation()
                    computeDuals()
                    continue
                }
                // A cold solve is almost always dual degenerate: perturb from the
                // start. Warm re-solves perturb only if they stall.
                if coldStart && !perturbationApplied { perturbCosts() }
                let result = runDualSimplex()
                removeCostPerturbation()
                guard result == .optimal else {
                    computeDuals()
                    return result
                }
                guard refreshAfterPhase() else { return .numericalFailure }
                primalsFresh = true
                continue
            }
            if !freshFromLastRound { computePrimalValues() }
            if primalInfeasibility() <= primalTolerance {
                if costsPerturbed {
                    removeCostPerturbation()
                    computeDuals()
                }
                let result = runPrimalSimplex()
                guard result == .optimal else { return result }
                guard refreshAfterPhase() else { return .numericalFailure }
                primalsFresh = true
                continue
            }
            // Neither primal nor dual feasible: first look for a dual feasible
            // basis (dual phase 1); failing that, reach a feasible point with
            // the dual simplex on zero costs (every basis is dual feasible there).
            if !triedPhaseOne {
                triedPhaseOne = true
                let result = runDualPhaseOne()
                guard result == .optimal || result == .infeasible else { return result }
                // Phase 1 works to tolerance in scaled units; what little
                // infeasibility remains is shifted away, not worth a fallback.
                shiftSmallDualInfeasibilities(upTo: Self.phaseOneShiftLimit)
                continue
            }
            for j in 0..<total { workCost[j] = 0; d[j] = 0 }
            let result = runDualSimplex(feasibilityOnly: true)
            for j in 0..<total { workCost[j] = cost[j] }
            computeDuals()
            guard result == .optimal else { return result }
        }
        return .numericalFailure
    }

    /// Refactorises when the factors carry at least `phaseEndRefactorizationUpdates` updates
    /// (any, unless branch and bound lowered the demand), then recomputes primal
    /// values and reduced costs from scratch.
    private func refreshAfterPhase() -> Bool {
        if factor.updateCount >= phaseEndRefactorizationUpdates {
            guard refactorize() else { return false }
        }
        computePrimalValues()
        computeDuals()
        return true
    }
}
