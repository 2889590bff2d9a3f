import LinearProgramming

/// A minimal set of conflicting constraints at an infeasible cut, found by a deletion filter
/// over the deficit programme (SCENARIO-SPEC section 6).
///
/// The candidates are the constraints a board could change: service floors (minimum or
/// protection), fund limits and group limits; balance rows, non-negativity and maxima always
/// hold. The filter starts from the support of the deficit programme's optimal duals (the
/// floors, funds and group limits with a non-zero dual), whose constraints alone already need
/// the whole deficit, and relaxes every other candidate. It then tries to relax each supported
/// constraint in turn, re-solving warm from the last basis: if the deficit stays positive
/// the constraint is not needed and stays relaxed, otherwise it is restored. What remains is
/// infeasible, and relaxing any one of its constraints makes the rest feasible.
struct ConflictSetFilter {
    /// A constraint of the deficit programme the filter may relax.
    enum Candidate: Hashable {
        case floor(Int)
        case fund(Int)
        case groupMinimum(Int)
        case groupMaximum(Int)
    }

    /// The outcome: the minimal set, and the least extra money that meets it alone.
    struct Conflict {
        /// The constraints in the set, groups first, then floors, then funds, each in file order.
        var members: [Candidate]
        /// The deficit of these constraints alone (every other candidate relaxed), in money.
        var deficit: Double
    }

    /// The cut's programme: the bounds candidates return to when restored.
    let layout: AllocationProgram
    /// The deficit programme's solver, bounded for the cut; left as it was found.
    let solver: SimplexSolver
    let observer: ((LinearProgram, Solution) -> Void)?

    /// A deficit (in solver units) at or below this counts as feasible: ten times the
    /// allocator's primal feasibility tolerance.
    static let feasibleDeficit = 1e-8

    /// The minimal conflict within the dual support of `solution`, the deficit programme's optimum.
    /// When the deficit is too small to tell a conflict from rounding, the support itself.
    func minimalConflict(from solution: Solution, dualTolerance: Double) -> Conflict {
        let support = Self.support(of: solution, layout: layout, dualTolerance: dualTolerance)
        let whole = Conflict(members: support, deficit: solution.objective * layout.scale)
        guard solution.objective > 10 * Self.feasibleDeficit else { return whole }

        let supported = Set(support)
        let others = allCandidates.filter { !supported.contains($0) }
        let loosened = others.filter(relax)
        defer { allCandidates.forEach(restore) }
        // With nothing loosened the programme is the one just solved.
        guard var deficit = loosened.isEmpty ? solution.objective : resolvedDeficit(),
              deficit > Self.feasibleDeficit
        else { return whole }

        var members: [Candidate] = []
        for candidate in support {
            relax(candidate)
            if let relaxed = resolvedDeficit(), relaxed > Self.feasibleDeficit {
                deficit = relaxed
            } else {
                restore(candidate)
                members.append(candidate)
            }
        }
        return Conflict(members: members, deficit: deficit * layout.scale)
    }

    /// The candidates with a non-zero dual (a floor: a positive reduced cost at its lower bound),
    /// groups first, then floors, then funds: the order in which the filter tries to drop them.
    static func support(of solution: Solution, layout: AllocationProgram, dualTolerance: Double) -> [Candidate] {
        let services = layout.scenario.services
        var support: [Candidate] = []
        for (g, row) in layout.groupRows.enumerated() {
            if solution.rowDuals[row] > dualTolerance { support.append(.groupMinimum(g)) }
            if solution.rowDuals[row] < -dualTolerance { support.append(.groupMaximum(g)) }
        }
        for (s, column) in layout.levelColumns.enumerated()
        where solution.basis.columns[column] == .atLower && solution.reducedCosts[column] > dualTolerance
            && services[s].lowerBound > 0 {
            support.append(.floor(s))
        }
        for (f, row) in layout.fundRows.enumerated() where abs(solution.rowDuals[row]) > dualTolerance {
            support.append(.fund(f))
        }
        return support
    }

    private var allCandidates: [Candidate] {
        layout.groupRows.indices.flatMap { [Candidate.groupMinimum($0), .groupMaximum($0)] }
            + layout.levelColumns.indices.map { .floor($0) }
            + layout.fundRows.indices.map { .fund($0) }
    }

    /// Relaxes a candidate; returns whether that changed a bound.
    @discardableResult
    private func relax(_ candidate: Candidate) -> Bool {
        // The solver's bounds are read one array at a time: copying its whole programme
        // for each candidate cost more than the bound changes themselves.
        switch candidate {
        case .floor(let s):
            let column = layout.levelColumns[s]
            guard solver.program.columnLower[column] != 0 else { return false }
            solver.setColumnBounds(column, lower: 0, upper: solver.program.columnUpper[column])
        case .fund(let f):
            let row = layout.fundRows[f]
            guard solver.program.rowUpper[row] != .infinity else { return false }
            solver.setRowBounds(row, lower: -.infinity, upper: .infinity)
        case .groupMinimum(let g):
            let row = layout.groupRows[g]
            guard solver.program.rowLower[row] != -.infinity else { return false }
            solver.setRowBounds(row, lower: -.infinity, upper: solver.program.rowUpper[row])
        case .groupMaximum(let g):
            let row = layout.groupRows[g]
            guard solver.program.rowUpper[row] != .infinity else { return false }
            solver.setRowBounds(row, lower: solver.program.rowLower[row], upper: .infinity)
        }
        return true
    }

    private func restore(_ candidate: Candidate) {
        switch candidate {
        case .floor(let s):
            let column = layout.levelColumns[s]
            solver.setColumnBounds(column, lower: layout.levelBounds(s).lower, upper: solver.program.columnUpper[column])
        case .fund(let f):
            let row = layout.fundRows[f]
            solver.setRowBounds(row, lower: -.infinity, upper: layout.program.rowUpper[row])
        case .groupMinimum(let g):
            let row = layout.groupRows[g]
            solver.setRowBounds(row, lower: layout.program.rowLower[row], upper: solver.program.rowUpper[row])
        case .groupMaximum(let g):
            let row = layout.groupRows[g]
            solver.setRowBounds(row, lower: solver.program.rowLower[row], upper: layout.program.rowUpper[row])
        }
    }

    /// The deficit of the programme as now bounded, in solver units, solved warm from the
    /// solver's last basis (and cold if that fails). Nil when no money can help.
    private func resolvedDeficit() -> Double? {
        var outcome = solve(from: nil)
        if outcome.status != .optimal {
            // Relaxing only loosens a programme that had an optimum: anything else is the
            // warm start misleading the solver, so confirm it from a slack basis.
            outcome = solve(from: .slack(for: solver.program))
        }
        guard outcome.status == .optimal else { return nil }
        return outcome.objective
    }

    /// One solve; a whole `Solution` only when an observer wants it (the filter reads the
    /// status and the objective alone, which are the same either way).
    private func solve(from basis: Basis?) -> (status: SolveStatus, objective: Double) {
        guard let observer else { return solver.solveForObjective(from: basis) }
        let solution = solver.solve(from: basis)
        observer(solver.program, solution)
        return (solution.status, solution.objective)
    }
}
