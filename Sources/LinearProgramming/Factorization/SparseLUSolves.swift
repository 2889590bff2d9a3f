/// Solves with the factors: FTRAN (`B x = b`) and BTRAN (`B' y = c`).
extension SparseLU {
    /// Replaces `rhs` (length `dimension`) by the solution `x` of `B x = rhs`.
    ///
    /// Work is proportional to the entries of the factor columns met with a
    /// non-zero multiplier, plus `dimension`.
    public func solve(_ rhs: inout [Double]) {
        precondition(rhs.count == dimension, "right-hand side has \(rhs.count) entries, not \(dimension)")
        let n = dimension
        guard n > 0 else { return }
        withUnsafeTemporaryAllocation(of: Double.self, capacity: n) { x in
            rhs.withUnsafeMutableBufferPointer { b in
                // L z = b: z for pivot k is left in b at its pivot row.
                for k in 0..<n {
                    let z = b[pivotRows[k]]
                    guard z != 0 else { continue }
                    for q in lStarts[k]..<lStarts[k + 1] { b[lRows[q]] -= lValues[q] * z }
                }
                // U x = z, column by column from the last pivot back.
                for k in stride(from: n - 1, through: 0, by: -1) {
                    let z = b[pivotRows[k]]
                    guard z != 0 else {
                        x[pivotColumns[k]] = 0
                        continue
                    }
                    let value = z / pivotValues[k]
                    x[pivotColumns[k]] = value
                    for q in uColumnStarts[k]..<uColumnStarts[k + 1] {
                        b[uColumnPivotRows[q]] -= uColumnValues[q] * value
                    }
                }
                for i in 0..<n { b[i] = x[i] }
            }
        }
    }

    /// Replaces `rhs` (length `dimension`) by the solution `y` of `B' y = rhs`.
    ///
    /// Work is proportional to the entries of the factor rows met with a
    /// non-zero multiplier, plus `dimension`.
    public func solveTransposed(_ rhs: inout [Double]) {
        precondition(rhs.count == dimension, "right-hand side has \(rhs.count) entries, not \(dimension)")
        let n = dimension
        guard n > 0 else { return }
        withUnsafeTemporaryAllocation(of: Double.self, capacity: n) { w in
            rhs.withUnsafeMutableBufferPointer { c in
                // U' w = c, row by row from the first pivot: w for pivot k
                // is kept at its pivot row.
                for k in 0..<n {
                    let value = c[pivotColumns[k]]
                    guard value != 0 else {
                        w[pivotRows[k]] = 0
                        continue
                    }
                    let wk = value / pivotValues[k]
                    w[pivotRows[k]] = wk
                    for q in uStarts[k]..<uStarts[k + 1] { c[uColumns[q]] -= uValues[q] * wk }
                }
                // L' y = w, from the last pivot back.
                for k in stride(from: n - 1, through: 0, by: -1) {
                    let y = w[pivotRows[k]]
                    guard y != 0 else { continue }
                    for q in lRowStarts[k]..<lRowStarts[k + 1] { w[lRowPivotRows[q]] -= lRowValues[q] * y }
                }
                for i in 0..<n { c[i] = w[i] }
            }
        }
    }
}
