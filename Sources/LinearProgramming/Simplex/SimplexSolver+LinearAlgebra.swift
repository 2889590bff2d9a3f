extension SimplexSolver {
    /// Most rounds of basis repair (swapping slacks in for dependent columns)
    /// before a refactorisation gives up.
    static let repairRounds = 4

    /// Factorises the basis in `head`, repairing it with slacks where it is
    /// singular. Returns `false` when it cannot be repaired.
    func refactorize() -> Bool {
        for _ in 0..<Self.repairRounds {
            loadBasisMatrix()
            let singular = factor.factorize(
                dimension: rowCount, columnStarts: basisStarts, rowIndices: basisRows, values: basisValues)
            if singular.isEmpty {
                factorStale = false
                factoredBasisCondition = nil
                return true
            }
            for s in singular {
                let logical = columnCount + s.row
                guard s.row >= 0, status[logical] != .basic else { continue }
                let leaving = head[s.position]
                status[leaving] = .atLower
                status[logical] = .basic
                head[s.position] = logical
                edgeWeights[s.position] = 1
            }
            normalizeNonbasicStatuses()
            dualsStale = true
        }
        return false
    }

    /// Copies the basis columns into `basisStarts`/`basisRows`/`basisValues`.
    private func loadBasisMatrix() {
        basisRows.removeAll(keepingCapacity: true)
        basisValues.removeAll(keepingCapacity: true)
        basisStarts[0] = 0
        for position in 0..<rowCount {
            let j = head[position]
            if j < columnCount {
                // Whole column slices at once: an append per entry cost more than the LU of a small basis.
                let entries = columnStarts[j]..<columnStarts[j + 1]
                basisRows.append(contentsOf: columnRows[entries])
                basisValues.append(contentsOf: columnValues[entries])
            } else {
                basisRows.append(j - columnCount)
                basisValues.append(-1)
            }
            basisStarts[position + 1] = basisRows.count
        }
    }

    /// Writes column `j` of `[A  -I]` into the dense vector `v` (cleared first).
    @inline(__always)
    func loadColumn(_ j: Int, into v: inout [Double]) {
        for i in 0..<rowCount { v[i] = 0 }
        if j < columnCount {
            for k in columnStarts[j]..<columnStarts[j + 1] { v[columnRows[k]] = columnValues[k] }
        } else {
            v[j - columnCount] = -1
        }
    }

    /// `column_j' v` for column `j` of `[A  -I]`.
    @inline(__always)
    func columnDot(_ j: Int, _ v: [Double]) -> Double {
        if j >= columnCount { return -v[j - columnCount] }
        var sum = 0.0
        for k in columnStarts[j]..<columnStarts[j + 1] { sum += columnValues[k] * v[columnRows[k]] }
        return sum
    }

    /// Sets non-basic variables to their bound values and solves for the
    /// basic ones: `B x_B = -N x_N`.
    func computePrimalValues() {
        for j in 0..<(columnCount + rowCount) where status[j] != .basic { x[j] = nonbasicValue(j) }
        for i in 0..<rowCount { workRows[i] = 0 }
        subtractNonbasicColumns(times: x, from: &workRows)
        factor.solveInPlace(&workRows)
        for i in 0..<rowCount { x[head[i]] = workRows[i] }
    }

    /// Adds `-N v_N` to `work` (one entry per row): each non-basic `j` with `v[j] != 0`
    /// contributes its column of `[A  -I]` times `-v[j]`. `v` has an entry per variable.
    func subtractNonbasicColumns(times v: [Double], from work: inout [Double]) {
        let n = columnCount
        // Buffers for the matrix and the vectors, as in `computePivotRow`: this runs several
        // times per solve, over every variable.
        columnStarts.withUnsafeBufferPointer { starts in
            columnRows.withUnsafeBufferPointer { rows in
                columnValues.withUnsafeBufferPointer { values in
                    v.withUnsafeBufferPointer { v in
                        work.withUnsafeMutableBufferPointer { work in
                            for j in 0..<(n + rowCount) where status[j] != .basic {
                                let value = v[j]
                                if value == 0 { continue }
                                if j < n {
                                    for k in starts[j]..<starts[j + 1] { work[rows[k]] -= values[k] * value }
                                } else {
                                    work[j - n] += value
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Recomputes reduced costs from `workCost`: `B' y = c_B`, `d = c - N' y`.
    /// Leaves `y` in `workRows`.
    func computeDuals() {
        for i in 0..<rowCount { workRows[i] = workCost[head[i]] }
        factor.solveTransposedInPlace(&workRows)
        for j in 0..<(columnCount + rowCount) {
            d[j] = status[j] == .basic ? 0 : workCost[j] - columnDot(j, workRows)
        }
        dualsStale = false
    }

    /// `rho = B⁻ᵀ e_r` and the pivot row `alphaRow_j = rho' column_j` for
    /// every non-basic `j` (basic entries are left zero), with the list of
    /// entries written (`alphaRowIndices`). Only the last row's listed
    /// entries are cleared, so the work is that of the row's non-zeros.
    func computePivotRow(_ r: Int) {
        let n = columnCount
        for i in 0..<rowCount { rho[i] = 0 }
        rho[r] = 1
        factor.solveTransposedInPlace(&rho)
        var count = alphaRowCount
        // Buffers, not array subscripts, in this hot loop: one exclusivity
        // check per array instead of one per element.
        alphaRow.withUnsafeMutableBufferPointer { alpha in
            alphaRowListed.withUnsafeMutableBufferPointer { listed in
                alphaRowIndices.withUnsafeMutableBufferPointer { indices in
                    for e in 0..<count {
                        alpha[indices[e]] = 0
                        listed[indices[e]] = false
                    }
                    count = 0
                    rho.withUnsafeBufferPointer { rho in
                        rowStarts.withUnsafeBufferPointer { starts in
                            rowColumns.withUnsafeBufferPointer { columns in
                                rowValues.withUnsafeBufferPointer { values in
                                    for i in 0..<rho.count {
                                        let value = rho[i]
                                        if value == 0 { continue }
                                        for k in starts[i]..<starts[i + 1] {
                                            let j = columns[k]
                                            if !listed[j] {
                                                listed[j] = true
                                                indices[count] = j
                                                count += 1
                                            }
                                            alpha[j] += values[k] * value
                                        }
                                        // Row i's logical is met only here, once.
                                        listed[n + i] = true
                                        indices[count] = n + i
                                        count += 1
                                        alpha[n + i] = -value
                                    }
                                }
                            }
                        }
                    }
                }
            }
            for position in head { alpha[position] = 0 }
        }
        alphaRowCount = count
    }

    /// Adds `step` times the pivot row to `d` (over the listed entries of `alphaRow`).
    func addPivotRow(times step: Double, to d: inout [Double]) {
        let count = alphaRowCount
        d.withUnsafeMutableBufferPointer { d in
            alphaRow.withUnsafeBufferPointer { alpha in
                alphaRowIndices.withUnsafeBufferPointer { indices in
                    for e in 0..<count {
                        let j = indices[e]
                        if alpha[j] != 0 { d[j] += step * alpha[j] }
                    }
                }
            }
        }
    }

    /// `alphaColumn = B⁻¹ column_q`.
    func computePivotColumn(_ q: Int) {
        loadColumn(q, into: &alphaColumn)
        factor.solveInPlace(&alphaColumn)
    }

    /// Largest bound violation among the basic variables, each divided by
    /// its `primalToleranceFactor` (so it compares with the plain tolerance).
    func primalInfeasibility() -> Double {
        var worst = 0.0
        for i in 0..<rowCount {
            let j = head[i]
            let violation = max(lower[j] - x[j], x[j] - upper[j]) / primalToleranceFactor[j]
            if violation > worst || violation.isNaN { worst = violation.isNaN ? .infinity : violation }
        }
        return worst
    }

    /// Whether non-basic `j` has a reduced cost of the wrong sign for its
    /// status (by more than the tolerance times its `dualToleranceFactor`).
    /// Fixed variables never do.
    @inline(__always)
    func isDualInfeasible(_ j: Int, tolerance plainTolerance: Double) -> Bool {
        let tolerance = plainTolerance * dualToleranceFactor[j]
        switch status[j] {
        case .basic: return false
        case .atLower: return d[j] < -tolerance && lower[j] != upper[j]
        case .atUpper: return d[j] > tolerance && lower[j] != upper[j]
        case .free: return abs(d[j]) > tolerance
        }
    }

    /// Whether `j` has two finite bounds.
    @inline(__always)
    func isBoxed(_ j: Int) -> Bool { lower[j] > -Double.infinity && upper[j] < Double.infinity }

    /// Whether the time limit has passed.
    func timeIsUp() -> Bool {
        guard options.timeLimit.isFinite else { return false }
        let elapsed = ContinuousClock.now - solveStart
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return seconds > options.timeLimit
    }
}
