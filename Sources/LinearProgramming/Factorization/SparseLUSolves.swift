/// Solves with the factors: FTRAN (`B x = b`) and BTRAN (`B' y = c`).
extension SparseLU {
    /// Replaces `rhs` (length `dimension`) by the solution `x` of `B x = rhs`.
    ///
    /// Work is `dimension` plus the entries of the factor columns met with a
    /// non-zero multiplier.
    public func solve(_ rhs: inout [Double]) {
        precondition(rhs.count == dimension, "right-hand side has \(rhs.count) entries, not \(dimension)")
        guard dimension > 0 else { return }
        withUnsafeTemporaryAllocation(of: Double.self, capacity: dimension) { z in
            rhs.withUnsafeMutableBufferPointer { b in
                for k in 0..<dimension { z[k] = b[pivotRows[k]] }
                lowerByColumns.solveForward(z, diagonal: nil)
                upperByColumns.solveBackward(z, diagonal: pivotValues)
                for k in 0..<dimension { b[pivotColumns[k]] = z[k] }
            }
        }
    }

    /// Replaces `rhs` (length `dimension`) by the solution `y` of `B' y = rhs`.
    ///
    /// Work is `dimension` plus the entries of the factor rows met with a
    /// non-zero multiplier.
    public func solveTransposed(_ rhs: inout [Double]) {
        precondition(rhs.count == dimension, "right-hand side has \(rhs.count) entries, not \(dimension)")
        guard dimension > 0 else { return }
        withUnsafeTemporaryAllocation(of: Double.self, capacity: dimension) { w in
            rhs.withUnsafeMutableBufferPointer { c in
                for k in 0..<dimension { w[k] = c[pivotColumns[k]] }
                upperByRows.solveForward(w, diagonal: pivotValues)
                lowerByRows.solveBackward(w, diagonal: nil)
                for k in 0..<dimension { c[pivotRows[k]] = w[k] }
            }
        }
    }
}
