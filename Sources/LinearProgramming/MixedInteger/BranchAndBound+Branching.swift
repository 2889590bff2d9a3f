/// The branching decision at one node.
struct BranchChoice {
    var candidate: BranchCandidate
    /// Lower bounds (minimisation form) of the two children; `nil` for a child that strong
    /// branching proved infeasible or no better than the incumbent.
    var downBound: Double?
    var upBound: Double?
    /// Whether to dive into the up child.
    var preferUp: Bool
}

/// What strong branching learnt about one side of a candidate.
private struct StrongSide {
    /// A proven lower bound on the side, `nil` when the side can be dropped.
    var bound: Double?
    /// The objective gain the side's LP reached (a proven one only when it ended optimal).
    var gain: Double
}

extension BranchAndBound {
    /// Reliability branching: the candidate with the best product score, where a candidate
    /// with unreliable pseudo-costs is strong-branched (at most `strongBranchingCandidates`
    /// per node, taken in order of pseudo-cost score, stopping after 4 in a row that do not
    /// beat the best). Returns `nil` when strong branching drops both sides of a candidate
    /// (the node holds no better point). The solver holds the node's LP again afterwards.
    func chooseBranch(_ candidates: [BranchCandidate], objective: Double) -> BranchChoice? {
        var scored = candidates.map { c -> (candidate: BranchCandidate, score: Double, down: Double, up: Double) in
            let e = pseudoCosts.estimate(of: c.column)
            let down = e.down * c.fraction, up = e.up * (1 - c.fraction)
            return (c, PseudoCosts.score(down: down, up: up), down, up)
        }
        scored.sort { $0.score > $1.score }
        var best: BranchChoice?
        var bestScore = -Double.infinity
        var strongBranched = 0
        var sinceImprovement = 0
        var snapshot: SimplexSnapshot?
        defer { if let snapshot { solver.restore(snapshot) } }
        for (c, score, down, up) in scored {
            let unreliable = options.reliability > 0
                && pseudoCosts.reliability(of: c.column) < options.reliability
                && strongBranched < options.strongBranchingCandidates
            guard unreliable else {
                if score > bestScore {
                    bestScore = score
                    best = BranchChoice(candidate: c, downBound: objective, upBound: objective,
                                        preferUp: up <= down)
                }
                continue
            }
            if snapshot == nil { snapshot = solver.snapshot() }
            strongBranched += 1
            let (downSide, upSide) = strongBranch(c, objective: objective, snapshot: snapshot!)
            if downSide.bound == nil || upSide.bound == nil {
                return BranchChoice(candidate: c, downBound: downSide.bound, upBound: upSide.bound,
                                    preferUp: upSide.bound != nil)
            }
            let s = PseudoCosts.score(down: downSide.gain, up: upSide.gain)
            if s > bestScore {
                bestScore = s
                best = BranchChoice(candidate: c, downBound: downSide.bound, upBound: upSide.bound,
                                    preferUp: upSide.gain <= downSide.gain)
                sinceImprovement = 0
            } else {
                sinceImprovement += 1
                if sinceImprovement >= 4 { break }
            }
        }
        return best
    }

    /// Solves both children of `c` from the node's LP (`snapshot`) with at most
    /// `strongBranchingIterations` dual simplex iterations each.
    private func strongBranch(_ c: BranchCandidate, objective: Double, snapshot: SimplexSnapshot) -> (StrongSide, StrongSide) {
        let j = c.column
        let lower = localLower[j], upper = localUpper[j]
        var sides: [StrongSide] = []
        for up in [false, true] {
            if up {
                solver.setColumnBounds(j, lower: c.upLower, upper: upper)
            } else {
                solver.setColumnBounds(j, lower: lower, upper: c.downUpper)
            }
            solver.restore(snapshot)
            let s = limitedSolve(from: nil, iterationCap: options.strongBranchingIterations)
            solver.setColumnBounds(j, lower: lower, upper: upper)
            switch s.status {
            case .infeasible:
                sides.append(StrongSide(bound: nil, gain: .infinity))
            case .optimal:
                let value = sign * s.objective
                pseudoCosts.record(column: j, up: up, distance: up ? 1 - c.fraction : c.fraction, gain: value - objective)
                sides.append(StrongSide(bound: isPrunable(value) ? nil : max(value, objective), gain: max(value - objective, 0)))
            default:
                let reached = sign * s.objective
                sides.append(StrongSide(bound: objective, gain: reached.isFinite ? max(reached - objective, 0) : 0))
            }
        }
        return (sides[0], sides[1])
    }
}
