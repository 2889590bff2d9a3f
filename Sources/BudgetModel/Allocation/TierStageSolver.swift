import LinearProgramming

/// The stages of one priority tier of the tiers rule (or the weighted optimum): a
/// `StageProgram` with tier rows for that tier's services only, its simplex solver,
/// and the final basis of each of its stages at the previous cut.
///
/// Keeping one solver per tier keeps every stage LP as small as the rule allows (the
/// rows of the other tiers would only ever be free), and lets stage `k` of a tier start
/// from stage `k` of the same tier at the previous cut.
final class TierStageSolver {
    let layout: StageProgram
    let solver: SimplexSolver
    /// The final basis of each stage of this tier at the previous cut.
    private var stageBases: [Basis] = []
    /// The basis the solver holds, factorised, after its last solve.
    private var heldBasis: Basis?

    /// The programme and solver for the tier whose services are `tier` (empty for the
    /// weighted optimum, which levels nobody).
    init(scenario: Scenario, tier: [Int], options: SimplexOptions) {
        layout = StageProgram(scenario: scenario, tier: tier)
        solver = SimplexSolver(layout.program, options: options)
    }

    /// Sets the bounds of a fresh cut: each service's own bounds with the floors `floors`
    /// (level per service) fixed by earlier tiers, every tier row free, the weighted row at
    /// least `weightedFloor` when given, zero costs; and the cut's pool and group bounds.
    func reset(cut: Double, floors: [Double?], weightedFloor: Double?) {
        for (row, bounds) in layout.cutRowBounds(cut) {
            solver.setRowBounds(row, lower: bounds.lower, upper: bounds.upper)
        }
        for s in layout.scenario.services.indices {
            let bounds = layout.levelBounds(s)
            solver.setColumnBounds(layout.levelColumns[s], lower: floors[s] ?? bounds.lower, upper: bounds.upper)
            solver.setCost(layout.levelColumns[s], to: 0)
            if let row = layout.tierRows[s] { solver.setRowBounds(row, lower: -.infinity, upper: .infinity) }
        }
        solver.setRowBounds(layout.weightedRow, lower: weightedFloor ?? -.infinity, upper: .infinity)
        solver.setCost(layout.shortfallColumn, to: 0)
    }

    /// Forgets the previous cut's bases, so the next stages start cold.
    func forgetBases() {
        stageBases.removeAll()
        heldBasis = nil
    }

    /// Solves stage `stage` of this tier, from a slack basis when `cold`, else warm from the
    /// same stage at the previous cut when there is one (or from the solver's last basis).
    /// Anything but an optimum from a warm start is confirmed by a cold solve before it is
    /// believed: a warm basis can mislead a degenerate solve, infeasibility claims included.
    ///
    /// - Throws: `AllocationError` when the solver ends neither optimal nor infeasible.
    func solveStage(
        _ stage: Int, cold: Bool, cut: Double, observer: ((LinearProgram, Solution) -> Void)?
    ) throws(AllocationError) -> Solution {
        var warm = cold ? slackBasis() : stage < stageBases.count ? stageBases[stage] : nil
        // The solver starts from the basis it holds when given none, keeping its factors and
        // pricing weights: cheaper than installing the same basis again.
        if warm != nil && warm == heldBasis { warm = nil }
        var solution = solver.solve(from: warm)
        if solution.status != .optimal {
            observer?(solver.program, solution)
            solution = solver.solve(from: slackBasis())
        }
        observer?(solver.program, solution)
        guard solution.status == .optimal || solution.status == .infeasible else {
            throw AllocationError(cutPercent: cut, reason: "the LP solver stopped with status \(solution.status.rawValue)")
        }
        if stage < stageBases.count { stageBases[stage] = solution.basis } else { stageBases.append(solution.basis) }
        heldBasis = solution.basis
        return solution
    }

    private func slackBasis() -> Basis {
        let program = solver.program
        let columns = program.columnLower.indices.map { j -> BasisStatus in
            if program.columnLower[j].isFinite { return .atLower }
            if program.columnUpper[j].isFinite { return .atUpper }
            return .free
        }
        return Basis(columns: columns, rows: [BasisStatus](repeating: .basic, count: program.rowCount))
    }
}
