extension SimplexSolver {
    /// Fraction of the initial slope (the leaving infeasibility) that must
    /// remain for a group of breakpoints to be flipped rather than entered.
    static let relativeSlopeMargin = 1e-9
    /// A pivot row with fewer listed entries than `1 / sparseRowFactor` of all variables is
    /// scanned through its list (sorting it costs less than a scan of every variable).
    static let sparseRowFactor = 8

    /// The dual ratio test with bound flipping and Harris' two passes.
    ///
    /// The leaving variable moves to its violated bound; `direction` is `+1`
    /// when that is its lower bound, `-1` for its upper. Along the dual step
    /// `t ≥ 0` non-basic reduced costs move as `d_j + t·direction·alphaRow_j`.
    /// Breakpoints are taken in increasing order and passed (their boxed
    /// variables flipped to the other bound, recorded in `flipped`) while the
    /// dual objective's slope, which starts at `infeasibility`, stays
    /// positive. Harris: the group at a breakpoint is every candidate whose
    /// exact ratio is within the largest step that keeps all remaining
    /// candidates dual feasible to tolerance; the largest `|alpha|` of the
    /// last group enters. Returns `nil` when no variable blocks: the dual is
    /// unbounded and the primal infeasible; `residualSlope` then holds the
    /// slope left after every breakpoint (the infeasibility that no bound
    /// flip can remove, in internal units).
    func dualRatioTest(direction: Double, infeasibility: Double) -> Int? {
        let tolerance = options.dualFeasibilityTolerance
        let pivotTolerance = options.pivotTolerance
        flipped.removeAll(keepingCapacity: true)
        var count = 0
        // A sparse pivot row is scanned through its list, sorted so that candidates come in
        // the order of a scan of all n + m (ties between equal ratios break the same way).
        let total = columnCount + rowCount
        let sparse = alphaRowCount * Self.sparseRowFactor < total
        if sparse { alphaRowIndices[0..<alphaRowCount].sort() }
        for e in 0..<(sparse ? alphaRowCount : total) {
            let j = sparse ? alphaRowIndices[e] : e
            let a = direction * alphaRow[j]
            if a == 0 { continue }
            let s = status[j]
            if s == .basic || lower[j] == upper[j] { continue }
            let blocks: Bool
            switch s {
            case .atLower: blocks = a < -pivotTolerance
            case .atUpper: blocks = a > pivotTolerance
            default: blocks = abs(a) > pivotTolerance
            }
            if blocks {
                let size = abs(a)
                let signed = signedReducedCost(j)
                candidateVariable[count] = j
                candidateAlpha[count] = size
                candidateRatio[count] = max(signed, 0) / size
                candidateRelaxed[count] = max((signed + tolerance) / size, 0)
                count += 1
            }
        }
        residualSlope = infeasibility
        guard count > 0 else { return nil }
        let slopeMargin = max(options.primalFeasibilityTolerance, Self.relativeSlopeMargin * infeasibility)
        let entering = candidateOrder.withUnsafeMutableBufferPointer { order in
            candidateRatio.withUnsafeBufferPointer { ratios in
                passBreakpoints(
                    BreakpointHeap(heap: order, key: ratios, count: count),
                    slope: infeasibility, slopeMargin: slopeMargin)
            }
        }
        if entering == nil { flipped.removeAll(keepingCapacity: true) }
        return entering
    }

    /// Takes breakpoints in increasing ratio, a Harris group at a time: the
    /// group's bound is the smallest relaxed ratio among its members, and no
    /// later candidate can lower it (its relaxed ratio is at least its ratio,
    /// which exceeds the bound). Flips whole groups while the slope stays
    /// above `slopeMargin`; returns the entering variable, or `nil` when every
    /// breakpoint is passed with the slope still positive.
    private func passBreakpoints(_ breakpoints: BreakpointHeap, slope initialSlope: Double, slopeMargin: Double) -> Int? {
        var heap = breakpoints
        var slope = initialSlope
        while heap.size > 0 {
            var bound = Double.infinity
            var best = -1
            var bestAlpha = 0.0
            var slopeLoss = 0.0
            let groupStart = flipped.count
            while heap.size > 0 && heap.minimumKey <= bound {
                let c = heap.pop()
                bound = min(bound, candidateRelaxed[c])
                let j = candidateVariable[c]
                let a = candidateAlpha[c]
                slopeLoss += a * (upper[j] - lower[j])
                if a > bestAlpha { bestAlpha = a; best = c }
                flipped.append(j)
            }
            // Flip only while the slope stays clearly positive: a slope that
            // reaches zero within rounding means the leaving variable can just
            // reach its bound, which is a pivot, not a proof of infeasibility.
            if slopeLoss.isFinite && slope - slopeLoss > slopeMargin {
                slope -= slopeLoss
                residualSlope = slope
                continue
            }
            flipped.removeLast(flipped.count - groupStart)
            return best < 0 ? nil : candidateVariable[best]
        }
        return nil
    }

    /// The reduced cost of non-basic `j` signed so that dual feasible means
    /// non-negative (zero for free variables, which must keep `d_j = 0`).
    @inline(__always)
    private func signedReducedCost(_ j: Int) -> Double {
        switch status[j] {
        case .atLower: return d[j]
        case .atUpper: return -d[j]
        default: return 0
        }
    }
}
