extension SimplexSolver {
    /// Fraction of the initial slope (the leaving infeasibility) that must
    /// remain for a group of breakpoints to be flipped rather than entered.
    static let relativeSlopeMargin = 1e-9

    /// The dual ratio test with bound flipping and Harris' two passes.
    ///
    /// The leaving variable moves to its violated bound; `direction` is `+1`
    /// when that is its lower bound, `-1` for its upper. Along the dual step
    /// `t ≥ 0` non-basic reduced costs move as `d_j + t·direction·alphaRow_j`.
    /// Breakpoints are passed (their boxed variables flipped to the other
    /// bound, recorded in `flipped`) while the dual objective's slope, which
    /// starts at `infeasibility`, stays positive. Within the last group the
    /// largest `|alpha|` enters. Returns `nil` when no variable blocks: the
    /// dual is unbounded and the primal infeasible.
    func dualRatioTest(direction: Double, infeasibility: Double) -> Int? {
        let tolerance = options.dualFeasibilityTolerance
        let pivotTolerance = options.pivotTolerance
        flipped.removeAll(keepingCapacity: true)
        var count = 0
        for j in 0..<(columnCount + rowCount) {
            let s = status[j]
            if s == .basic || lower[j] == upper[j] { continue }
            let a = direction * alphaRow[j]
            let blocks: Bool
            switch s {
            case .atLower: blocks = a < -pivotTolerance
            case .atUpper: blocks = a > pivotTolerance
            default: blocks = abs(a) > pivotTolerance
            }
            if blocks {
                candidateVariable[count] = j
                candidateAlpha[count] = a
                count += 1
            }
        }
        var slope = infeasibility
        let slopeMargin = max(options.primalFeasibilityTolerance, Self.relativeSlopeMargin * infeasibility)
        while count > 0 {
            // Pass 1: the largest step that keeps every candidate within tolerance.
            var bound = Double.infinity
            for c in 0..<count {
                let j = candidateVariable[c]
                let relaxed = (signedReducedCost(j) + tolerance) / abs(candidateAlpha[c])
                bound = min(bound, max(relaxed, 0))
            }
            // Pass 2: the group within that step; its largest |alpha| enters unless
            // the whole group can be flipped with the slope still positive.
            var best = -1
            var bestAlpha = 0.0
            var slopeLoss = 0.0
            for c in 0..<count {
                let j = candidateVariable[c]
                let a = abs(candidateAlpha[c])
                if ratio(of: j, alpha: a) <= bound {
                    slopeLoss += a * (upper[j] - lower[j])
                    if a > bestAlpha { bestAlpha = a; best = c }
                }
            }
            if best < 0 { return nil }
            // Flip only while the slope stays clearly positive: a slope that
            // reaches zero within rounding means the leaving variable can just
            // reach its bound, which is a pivot, not a proof of infeasibility.
            if slopeLoss.isFinite && slope - slopeLoss > slopeMargin {
                slope -= slopeLoss
                var c = 0
                while c < count {
                    let j = candidateVariable[c]
                    if ratio(of: j, alpha: abs(candidateAlpha[c])) <= bound {
                        flipped.append(j)
                        count -= 1
                        candidateVariable[c] = candidateVariable[count]
                        candidateAlpha[c] = candidateAlpha[count]
                    } else {
                        c += 1
                    }
                }
                continue
            }
            return candidateVariable[best]
        }
        flipped.removeAll(keepingCapacity: true)
        return nil
    }

    /// The exact breakpoint `|d_j| / |alpha_j|` of a candidate, zero when its
    /// reduced cost already has the wrong sign.
    @inline(__always)
    private func ratio(of j: Int, alpha: Double) -> Double {
        max(signedReducedCost(j), 0) / alpha
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
