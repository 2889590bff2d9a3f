import LinearProgramming

/// The stages of one priority tier of the tiers rule (or the weighted optimum): a
/// `PooledStageProgram` with tier rows for that tier's services only, and a simplex solver for
/// each of the tier's first stages.
///
/// Keeping solvers per tier keeps every stage LP as small as the rule allows (the rows of
/// the other tiers would only ever be free). Keeping one per stage lets stage `k` start
/// from the basis it ended with at the previous cut, still factorised, with its pricing
/// weights: a warm start that needs no refactorisation. Stages beyond
/// `maximumStageSolvers` share the last solver, each starting from the stage before it.
final class TierStageSolver {
    let layout: PooledStageProgram
    private let options: SimplexOptions
    /// The bounds and costs the next stage is to be solved with.
    private var target: LinearProgram
    /// A solver per stage, with the bounds and costs last given to it.
    private var slots: [(solver: SimplexSolver, applied: LinearProgram)] = []
    /// The basis of the last stage solved, to start a stage that has no solver of its own yet.
    private var lastBasis: Basis?
    /// The slot of the solver that solved the last stage.
    private var lastSlot: Int?

    /// Stages that get a solver of their own; later stages share the last one. A shared solver
    /// starts each stage from the stage before, whose fixed services' tier rows are now free:
    /// their nonbasic row activities move to zero, which leaves the basis neither primal nor
    /// dual feasible (a dual phase 1 and about 20 pivots a stage on generated scenarios), where
    /// a stage's own solver, warm from the same stage at the cut before, needs about one pivot.
    static let maximumStageSolvers = 256

    /// The programme and solvers for the tier whose services are `tier` (empty for the
    /// weighted optimum, which levels nobody).
    init(scenario: Scenario, tier: [Int], options: SimplexOptions) {
        layout = PooledStageProgram(scenario: scenario, tier: tier)
        self.options = options
        target = layout.program
    }

    /// Sets the bounds of a fresh cut: each service's own bounds with the floors `floors`
    /// (level per service) fixed by earlier tiers, every tier row free, the weighted row at
    /// least `weightedFloor` when given, zero costs; and the cut's pool and group bounds.
    func reset(cut: Double, floors: [Double?], weightedFloor: Double?) {
        for entry in layout.cutRowBounds(cut) {
            setRowBounds(entry.row, lower: entry.bounds.lower, upper: entry.bounds.upper)
        }
        for s in layout.scenario.services.indices {
            let bounds = layout.levelBounds(s)
            setColumnBounds(layout.levelColumns[s], lower: floors[s] ?? bounds.lower, upper: bounds.upper)
            setCost(layout.levelColumns[s], to: 0)
            if let row = layout.tierRows[s] { setRowBounds(row, lower: -.infinity, upper: .infinity) }
        }
        setRowBounds(layout.weightedRow, lower: weightedFloor ?? -.infinity, upper: .infinity)
        setCost(layout.shortfallColumn, to: 0)
    }

    /// The bounds of column `column` for the next stages.
    func setColumnBounds(_ column: Int, lower: Double, upper: Double) {
        target.columnLower[column] = lower
        target.columnUpper[column] = upper
    }

    /// The bounds of row `row` for the next stages.
    func setRowBounds(_ row: Int, lower: Double, upper: Double) {
        target.rowLower[row] = lower
        target.rowUpper[row] = upper
    }

    /// The cost of column `column` for the next stages.
    func setCost(_ column: Int, to cost: Double) { target.costs[column] = cost }

    /// Forgets every basis, so the next stages start cold.
    func forgetBases() {
        slots.removeAll()
        lastBasis = nil
        lastSlot = nil
    }

    /// Solves stage `stage` of this tier with the bounds and costs set, from a slack basis
    /// when `cold`, else warm: from where the stage's solver ended at the previous cut, or
    /// for a stage new to this tier, from the stage before it. Anything but an optimum from
    /// a warm start is confirmed by a cold solve before it is believed: a warm basis can
    /// mislead a degenerate solve, infeasibility claims included.
    ///
    /// - Throws: `AllocationError` when the solver ends neither optimal nor infeasible.
    func solveStage(
        _ stage: Int, cold: Bool, cut: Double, observer: ((LinearProgram, Solution) -> Void)?
    ) throws(AllocationError) -> Solution {
        let slot = min(stage, Self.maximumStageSolvers - 1)
        var warm: Basis? = nil
        if slot < slots.count {
            synchronise(slot)
        } else {
            slots.append((SimplexSolver(target, options: options), target))
            warm = lastBasis
        }
        let solver = slots[slot].solver
        if cold { warm = .slack(for: solver.program) }
        var solution = solver.solve(from: warm)
        if solution.status != .optimal {
            observer?(solver.program, solution)
            solution = solver.solve(from: .slack(for: solver.program))
        }
        observer?(solver.program, solution)
        guard solution.status == .optimal || solution.status == .infeasible else {
            throw AllocationError(cutPercent: cut, reason: "the LP solver stopped with status \(solution.status.rawValue)")
        }
        lastBasis = solution.basis
        lastSlot = slot
        return solution
    }

    /// `layout.cutRowSlopes(atCut:)`, kept for the last cut asked about: every stage of a cut
    /// asks for the same.
    func cutRowSlopes(atCut cut: Double) -> [(row: Int, slopes: (lower: Double, upper: Double))] {
        if let known = knownCutRowSlopes, known.cut == cut { return known.slopes }
        let slopes = layout.cutRowSlopes(atCut: cut)
        knownCutRowSlopes = (cut, slopes)
        return slopes
    }

    private var knownCutRowSlopes: (cut: Double, slopes: [(row: Int, slopes: (lower: Double, upper: Double))])?

    /// The programme of the stage just solved, with the bounds and costs it was solved with;
    /// nil when no stage has been solved since the bases were forgotten.
    var lastProgram: LinearProgram? {
        lastSlot.map { slots[$0].solver.program }
    }

    /// Parametric analysis of the optimal basis of the stage just solved as the bounds move
    /// along `direction`; nil when no stage has been solved since the bases were forgotten.
    func parametricRange(along direction: BoundDirection) -> ParametricRange? {
        lastSlot.flatMap { slots[$0].solver.parametricRange(along: direction) }
    }

    /// Whether `solution`, an optimal basic solution of this programme with the costs set now
    /// and other bounds, is an optimal basic solution with the bounds set now: every column and
    /// row its basis holds at a bound sits on that bound, and every basic one lies within its
    /// bounds, to the solver's primal feasibility tolerance (relative above 1). Its duals and
    /// reduced costs depend on the basis and the costs alone, so they stay feasible.
    func isOptimalBasicSolution(_ solution: Solution) -> Bool {
        let tolerance = options.primalFeasibilityTolerance
        func sits(_ value: Double, at status: BasisStatus, lower: Double, upper: Double) -> Bool {
            switch status {
            case .basic:
                return value >= lower - tolerance * max(1, abs(lower)) && value <= upper + tolerance * max(1, abs(upper))
            case .atLower:
                return lower.isFinite && abs(value - lower) <= tolerance * max(1, abs(lower))
            case .atUpper:
                return upper.isFinite && abs(value - upper) <= tolerance * max(1, abs(upper))
            case .free:
                return abs(value) <= tolerance
            }
        }
        for j in target.columnLower.indices
        where !sits(solution.columnValues[j], at: solution.basis.columns[j], lower: target.columnLower[j], upper: target.columnUpper[j]) {
            return false
        }
        for i in target.rowLower.indices
        where !sits(solution.rowActivities[i], at: solution.basis.rows[i], lower: target.rowLower[i], upper: target.rowUpper[i]) {
            return false
        }
        return true
    }

    /// Gives solver `slot` the bounds and costs that changed since it last solved.
    private func synchronise(_ slot: Int) {
        let solver = slots[slot].solver
        var applied = slots[slot].applied
        for j in target.columnLower.indices
        where target.columnLower[j] != applied.columnLower[j] || target.columnUpper[j] != applied.columnUpper[j] {
            solver.setColumnBounds(j, lower: target.columnLower[j], upper: target.columnUpper[j])
        }
        for i in target.rowLower.indices
        where target.rowLower[i] != applied.rowLower[i] || target.rowUpper[i] != applied.rowUpper[i] {
            solver.setRowBounds(i, lower: target.rowLower[i], upper: target.rowUpper[i])
        }
        for j in target.costs.indices where target.costs[j] != applied.costs[j] {
            solver.setCost(j, to: target.costs[j])
        }
        applied = target
        slots[slot].applied = applied
    }
}
