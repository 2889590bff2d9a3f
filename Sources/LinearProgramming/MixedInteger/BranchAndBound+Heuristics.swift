extension BranchAndBound {
    /// Simple rounding: every fractional column is rounded in a direction no row limits
    /// (down when no row stops it from decreasing, else up when none stops it from
    /// increasing); the point is offered as an incumbent when every one could be.
    func roundingHeuristic(_ x: [Double], candidates: [BranchCandidate]) {
        var point = x
        for c in candidates {
            let j = c.column
            if downLocks[j] == 0 {
                point[j] = c.downUpper
            } else if upLocks[j] == 0 {
                point[j] = c.upLower
            } else {
                return
            }
        }
        offerIncumbent(point)
    }

    /// Global reduced-cost fixing from the root LP: an integer column non-basic at a bound
    /// whose reduced cost `d` would push the root objective past the incumbent if it moved
    /// more than `(incumbent - root) / d` gets its other bound pulled in that far.
    func fixGloballyByReducedCost() {
        guard let root = rootObjective, incumbentValue < .infinity, !rootReducedCosts.isEmpty else { return }
        let room = incumbentValue - root
        guard room >= 0 else { return }
        for j in 0..<columnCount where problem.isInteger[j] && problem.semicontinuousLower[j] == nil {
            let d = rootReducedCosts[j]
            let l = globalLower[j], u = globalUpper[j]
            if rootStatuses[j] == .atLower && d > 1e-9 && l.isFinite {
                let limit = l + (room / d + 1e-9).rounded(.down)
                if limit < u { setGlobalBounds(j, lower: l, upper: limit) }
            } else if rootStatuses[j] == .atUpper && d < -1e-9 && u.isFinite {
                let limit = u - (room / -d + 1e-9).rounded(.down)
                if limit > l { setGlobalBounds(j, lower: limit, upper: u) }
            }
        }
    }

    /// Reduced-cost fixing for a node's subtree: the bound changes that the node LP's reduced
    /// costs and the incumbent justify (as in `fixGloballyByReducedCost`).
    func reducedCostFixes(_ lp: Solution, objective: Double) -> [BoundChange] {
        guard incumbentValue < .infinity else { return [] }
        let room = incumbentValue - objective
        guard room >= 0 else { return [] }
        var fixes: [BoundChange] = []
        for j in 0..<columnCount where problem.isInteger[j] && problem.semicontinuousLower[j] == nil {
            let d = sign * lp.reducedCosts[j]
            let l = localLower[j], u = localUpper[j]
            if lp.basis.columns[j] == .atLower && d > 1e-9 && l.isFinite {
                let limit = l + (room / d + 1e-9).rounded(.down)
                if limit < u { fixes.append(BoundChange(column: j, lower: l, upper: limit)) }
            } else if lp.basis.columns[j] == .atUpper && d < -1e-9 && u.isFinite {
                let limit = u - (room / -d + 1e-9).rounded(.down)
                if limit > l { fixes.append(BoundChange(column: j, lower: limit, upper: u)) }
            }
        }
        return fixes
    }
}
