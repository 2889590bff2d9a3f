/// What the LP of one node gave.
enum NodeLP {
    case solved(Solution)
    case infeasible
    case unbounded
    /// The LP failed numerically, from the warm start and from a slack basis.
    case failed
    /// The search's time or iteration limit stopped the LP.
    case stopped(MixedIntegerStatus)
}

/// A column whose LP value breaks its integrality or semi-continuity.
struct BranchCandidate {
    var column: Int
    /// The down child's upper bound and the up child's lower bound.
    var downUpper: Double
    var upLower: Double
    /// How far the value is from the down side, in units of the branch (in `(0, 1)`).
    var fraction: Double
}

extension BranchAndBound {
    /// Solves the LP of the installed node, from `basis` or warm from the solver's last basis.
    func solveNodeLP(basis: Basis?) -> NodeLP {
        var solution = limitedSolve(from: basis)
        if solution.status == .numericalFailure {
            solution = limitedSolve(from: Basis.slack(for: solver.program))
        }
        switch solution.status {
        case .optimal: return .solved(solution)
        case .infeasible: return .infeasible
        case .unbounded: return .unbounded
        case .numericalFailure: return .failed
        case .timeLimit:
            return options.timeLimit.isFinite && elapsed >= options.timeLimit ? .stopped(.timeLimit) : .failed
        case .iterationLimit:
            return iterations >= options.iterationLimit ? .stopped(.iterationLimit) : .failed
        }
    }

    /// One solve within what is left of the search's limits (and the node LP's own).
    func limitedSolve(from basis: Basis?, iterationCap: Int = .max) -> Solution {
        let leftIterations = options.iterationLimit == .max ? Int.max : max(0, options.iterationLimit - iterations)
        let leftSeconds = options.timeLimit - elapsed
        solver.setLimits(
            iterations: min(options.simplex.iterationLimit, leftIterations, iterationCap),
            seconds: min(options.simplex.timeLimit, max(leftSeconds, 0)))
        let solution = solver.solve(from: basis)
        iterations += solution.iterations
        return solution
    }

    /// Handles a node whose LP is optimal: prunes, records an incumbent or branches. Returns
    /// the node to process next (a child, when diving) and whether the solver holds its
    /// parent's LP.
    func process(_ node: BranchNode, _ lp: Solution) -> (next: BranchNode?, warm: Bool) {
        let objective = sign * lp.objective
        if let branch = node.branch {
            pseudoCosts.record(branch, childObjective: objective)
        }
        if node.depth == 0 {
            rootObjective = objective
            rootReducedCosts = lp.reducedCosts.map { sign * $0 }
            rootStatuses = lp.basis.columns
        }
        if isPrunable(objective) { return (nil, true) }
        let candidates = branchCandidates(lp.columnValues)
        if candidates.isEmpty {
            if !settles(integralPoint: lp.columnValues, objective: objective) {
                // An integral LP point that neither polishes into a feasible point nor is worse
                // than the incumbent: its subtree is left unexplored, and its bound kept.
                lostBound = min(lostBound, objective)
            }
            return (nil, true)
        }
        roundingHeuristic(lp.columnValues, candidates: candidates)
        subMIPHeuristic(lp.columnValues)
        if isPrunable(objective) { return (nil, true) }
        if node.depth == 0 { fixGloballyByReducedCost() }
        let fixes = reducedCostFixes(lp, objective: objective)
        let choice = chooseBranch(candidates, objective: objective)
        guard let choice else { return (nil, true) }
        let c = choice.candidate
        let lower = localLower[c.column], upper = localUpper[c.column]
        let rounding = roundingGains(candidates)
        let chosen = pseudoCosts.estimate(of: c.column)
        let chosenDown = chosen.down * c.fraction, chosenUp = chosen.up * (1 - c.fraction)
        var children: [BranchNode] = []
        for up in [false, true] {
            let childBound = up ? choice.upBound : choice.downBound
            guard let childBound, !isPrunable(childBound) else { continue }
            var changes = node.changes + fixes
            changes.append(up
                ? BoundChange(column: c.column, lower: c.upLower, upper: upper)
                : BoundChange(column: c.column, lower: lower, upper: c.downUpper))
            let record = BranchRecord(
                column: c.column, up: up, distance: up ? 1 - c.fraction : c.fraction, parentObjective: objective)
            let bound = max(objective, childBound)
            let estimate = objective + rounding - min(chosenDown, chosenUp) + (up ? chosenUp : chosenDown)
            children.append(BranchNode(
                bound: bound, estimate: max(bound, estimate), depth: node.depth + 1, changes: changes,
                basis: lp.basis, branch: record))
        }
        guard !children.isEmpty else { return (nil, true) }
        if children.count == 2 && !choice.preferUp { children.swapAt(0, 1) }
        // children[0] is the preferred child.
        let dive = children[0]
        for other in children.dropFirst() { queue.push(other) }
        let best = queue.bestBound
        if incumbentValue < .infinity && best < .infinity && dive.bound > best + 0.5 * (incumbentValue - best) {
            queue.push(dive)
            return (nil, false)
        }
        return (dive, true)
    }

    /// The fallback for a node whose LP failed numerically: its LP without the root's cuts
    /// (a weaker relaxation, solved afresh) settles it when infeasible, no better than the
    /// incumbent or integral and feasible; otherwise its most fractional candidate is
    /// branched on, each child starting from the node's warm-start basis. Returns `false`
    /// when that LP fails too (the node's subtree is then lost).
    func branchWithoutCuts(_ node: BranchNode) -> Bool {
        var program = relaxation.program
        program.columnLower = localLower
        program.columnUpper = localUpper
        let lp = program.solve(options: options.simplex)
        iterations += lp.iterations
        switch lp.status {
        case .infeasible:
            return true
        case .optimal:
            break
        default:
            return false
        }
        let objective = sign * lp.objective
        if isPrunable(objective) { return true }
        let candidates = branchCandidates(lp.columnValues)
        guard let c = candidates.max(by: { abs($0.fraction - 0.5) > abs($1.fraction - 0.5) }) else {
            return settles(integralPoint: lp.columnValues, objective: objective)
        }
        let lower = localLower[c.column], upper = localUpper[c.column]
        for up in [false, true] {
            var changes = node.changes
            changes.append(up
                ? BoundChange(column: c.column, lower: c.upLower, upper: upper)
                : BoundChange(column: c.column, lower: lower, upper: c.downUpper))
            let bound = max(node.bound, objective)
            queue.push(BranchNode(
                bound: bound, estimate: max(bound, node.estimate), depth: node.depth + 1, changes: changes,
                basis: node.basis, branch: nil))
        }
        return true
    }

    /// The sum over `candidates` of the smaller pseudo-cost gain of rounding each down or up:
    /// what the best estimate of a node adds to its LP objective (SCIP's best estimate).
    func roundingGains(_ candidates: [BranchCandidate]) -> Double {
        var sum = 0.0
        for c in candidates {
            let e = pseudoCosts.estimate(of: c.column)
            sum += min(e.down * c.fraction, e.up * (1 - c.fraction))
        }
        return sum
    }

    /// The columns whose LP values break integrality or semi-continuity.
    func branchCandidates(_ x: [Double]) -> [BranchCandidate] {
        let tolerance = options.integralityTolerance
        var list: [BranchCandidate] = []
        for j in 0..<columnCount {
            let v = x[j]
            if let l = problem.semicontinuousLower[j], v > tolerance && v < l - tolerance {
                let start = problem.isInteger[j] ? (l - tolerance).rounded(.up) : l
                list.append(BranchCandidate(column: j, downUpper: 0, upLower: start, fraction: v / l))
                continue
            }
            if problem.isInteger[j] {
                let down = v.rounded(.down)
                let f = v - down
                if f > tolerance && f < 1 - tolerance {
                    list.append(BranchCandidate(column: j, downUpper: down, upLower: down + 1, fraction: f))
                }
            }
        }
        return list
    }

    /// Whether a node whose LP point has no branch candidate (every discrete column within
    /// `integralityTolerance` of a value it is allowed) is settled: the point is offered as
    /// the incumbent, and the node is settled when it is taken, when the LP `objective`
    /// (minimisation form) is prunable, or when the rounded point is no better than the
    /// incumbent (within the gap tolerance). In that last case the LP objective can lie
    /// below the incumbent by what rounding within the tolerance is worth (more than the gap
    /// when the gap is tighter than that): the node is pruned as HiGHS prunes it, and its
    /// objective kept in `prunedBound`, so the reported bound stays what the search proved.
    func settles(integralPoint point: [Double], objective: Double) -> Bool {
        if offerIncumbent(point) || isPrunable(objective) { return true }
        guard let x = roundedToDiscrete(point), incumbent != nil,
              sign * problem.program.objectiveValue(at: x) >= incumbentValue - gapTolerance
        else { return false }
        prunedBound = min(prunedBound, objective)
        return true
    }

    /// The point with every integer column rounded to the nearest integer and every
    /// semi-continuous column within `integralityTolerance` of 0 set to 0; `nil` when a
    /// discrete column is then still not at a value it is allowed.
    func roundedToDiscrete(_ point: [Double]) -> [Double]? {
        var x = point
        let tolerance = options.integralityTolerance
        for j in 0..<columnCount {
            if problem.isInteger[j] { x[j] = x[j].rounded() }
            if problem.semicontinuousLower[j] != nil && abs(x[j]) <= tolerance { x[j] = 0 }
            if !problem.isDiscreteFeasible(x[j], column: j, tolerance: tolerance) { return nil }
        }
        return x
    }

    /// Rounds a point's discrete columns to the values they are allowed and offers it as the
    /// incumbent when it improves on the incumbent and satisfies every bound and row (see
    /// `isFeasible`). A rounded point that misses a row by more than that is polished: the LP
    /// with its discrete columns fixed is solved and its solution offered instead. Returns
    /// whether a point was taken.
    @discardableResult
    func offerIncumbent(_ point: [Double]) -> Bool {
        guard var x = roundedToDiscrete(point) else { return false }
        var value = sign * problem.program.objectiveValue(at: x)
        guard incumbent == nil || value < incumbentValue - gapTolerance else { return false }
        if !isFeasible(x) {
            let (_, polished) = finalLP(x)
            iterations += polished.iterations
            guard polished.status == .optimal, isFeasible(polished.columnValues) else { return false }
            x = polished.columnValues
            value = sign * polished.objective
            guard value < incumbentValue else { return false }
        }
        incumbent = x
        incumbentValue = value
        fixGloballyByReducedCost()
        return true
    }

    /// Whether `x` is within the relaxation's bounds and rows: a column's violation at most
    /// `1e-6 * max(1, |bound|)`, a row's at most `1e-6 * max(1, |bound|, max_j |a_ij x_j|)`
    /// (the scaling of `CertificateChecker`).
    func isFeasible(_ x: [Double]) -> Bool {
        let p = problem.program
        let tolerance = 1e-6
        for j in 0..<columnCount {
            if x[j] < p.columnLower[j] - tolerance * max(1, abs(p.columnLower[j])) { return false }
            if x[j] > p.columnUpper[j] + tolerance * max(1, abs(p.columnUpper[j])) { return false }
        }
        var activities = [Double](repeating: 0, count: p.rowCount)
        var terms = [Double](repeating: 1, count: p.rowCount)
        for j in 0..<columnCount where x[j] != 0 {
            for k in p.matrix.range(ofColumn: j) {
                let i = p.matrix.rowIndices[k]
                let term = p.matrix.values[k] * x[j]
                activities[i] += term
                terms[i] = max(terms[i], abs(term))
            }
        }
        for i in 0..<p.rowCount {
            if activities[i] < p.rowLower[i] - tolerance * max(terms[i], abs(p.rowLower[i])) { return false }
            if activities[i] > p.rowUpper[i] + tolerance * max(terms[i], abs(p.rowUpper[i])) { return false }
        }
        return true
    }
}
