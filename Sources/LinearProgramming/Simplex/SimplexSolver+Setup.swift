extension SimplexSolver {
    /// Builds the internal problem (scaled matrix in both orientations,
    /// bounds and costs of all `n + m` variables) from `program`.
    func loadProgram() {
        let n = columnCount
        let m = rowCount
        let matrix = program.matrix
        if options.scaling && matrix.nonzeroCount > 0 {
            let scaling = Scaling(matrix)
            columnScale = scaling.columns
            rowScale = scaling.rows
        }
        columnStarts = matrix.columnStarts
        columnRows = matrix.rowIndices
        columnValues = matrix.values
        for j in 0..<n {
            for k in matrix.range(ofColumn: j) {
                columnValues[k] = matrix.values[k] * rowScale[matrix.rowIndices[k]] * columnScale[j]
            }
        }
        // Row-wise copy.
        rowStarts = [Int](repeating: 0, count: m + 1)
        for r in columnRows { rowStarts[r + 1] += 1 }
        for i in 0..<m { rowStarts[i + 1] += rowStarts[i] }
        var next = rowStarts
        rowColumns = [Int](repeating: 0, count: columnRows.count)
        rowValues = [Double](repeating: 0, count: columnRows.count)
        for j in 0..<n {
            for k in columnStarts[j]..<columnStarts[j + 1] {
                let r = columnRows[k]
                rowColumns[next[r]] = j
                rowValues[next[r]] = columnValues[k]
                next[r] += 1
            }
        }
        lower = [Double](repeating: 0, count: n + m)
        upper = [Double](repeating: 0, count: n + m)
        cost = [Double](repeating: 0, count: n + m)
        for j in 0..<(n + m) { loadBounds(of: j) }
        for j in 0..<n { cost[j] = internalCost(program.costs[j], column: j) }
        workCost = cost
        primalToleranceFactor = [Double](repeating: 1, count: n + m)
        dualToleranceFactor = [Double](repeating: 1, count: n + m)
        for j in 0..<n {
            primalToleranceFactor[j] = min(1, 1 / columnScale[j])
            dualToleranceFactor[j] = min(1, columnScale[j])
        }
        for i in 0..<m {
            primalToleranceFactor[n + i] = min(1, rowScale[i])
            dualToleranceFactor[n + i] = min(1, 1 / rowScale[i])
        }
    }

    /// Sets the internal bounds of variable `j` (structural or logical) from `program`.
    func loadBounds(of j: Int) {
        if j < columnCount {
            lower[j] = program.columnLower[j] / columnScale[j]
            upper[j] = program.columnUpper[j] / columnScale[j]
        } else {
            let i = j - columnCount
            lower[j] = program.rowLower[i] * rowScale[i]
            upper[j] = program.rowUpper[i] * rowScale[i]
        }
    }

    /// Sizes every work array once.
    func allocateWorkspace() {
        let n = columnCount
        let m = rowCount
        status = [BasisStatus](repeating: .atLower, count: n + m)
        head = [Int](repeating: 0, count: m)
        x = [Double](repeating: 0, count: n + m)
        d = [Double](repeating: 0, count: n + m)
        edgeWeights = [Double](repeating: 1, count: m)
        rho = [Double](repeating: 0, count: m)
        alphaColumn = [Double](repeating: 0, count: m)
        workRows = [Double](repeating: 0, count: m)
        tau = [Double](repeating: 0, count: m)
        alphaRow = [Double](repeating: 0, count: n + m)
        alphaRowIndices = [Int](repeating: 0, count: n + m)
        alphaRowListed = [Bool](repeating: false, count: n + m)
        alphaRowCount = 0
        candidateVariable = [Int](repeating: 0, count: n + m)
        candidateAlpha = [Double](repeating: 0, count: n + m)
        candidateRatio = [Double](repeating: 0, count: n + m)
        candidateRelaxed = [Double](repeating: 0, count: n + m)
        candidateOrder = [Int](repeating: 0, count: n + m)
        flipped = []
        flipped.reserveCapacity(n + m)
        basisStarts = [Int](repeating: 0, count: m + 1)
        basisRows = []
        basisValues = []
        savedLower = [Double](repeating: 0, count: n + m)
        savedUpper = [Double](repeating: 0, count: n + m)
        farkasInternal = [Double](repeating: 0, count: m)
        rayInternal = [Double](repeating: 0, count: n + m)
    }

    /// The slack basis: every logical basic, every structural at a bound
    /// (or free at zero).
    func installSlackBasis() {
        let n = columnCount
        for j in 0..<n { status[j] = .atLower }
        for i in 0..<rowCount {
            status[n + i] = .basic
            head[i] = n + i
        }
        hasBasis = true
        factorStale = true
        dualsStale = true
        edgeWeightsStale = true
        for i in 0..<rowCount { edgeWeights[i] = 1 }
        edgeWeightsStale = false
    }

    /// Installs a caller's basis; returns `false` (changing nothing) when it
    /// does not fit this problem.
    func install(_ basis: Basis) -> Bool {
        guard basis.columns.count == columnCount && basis.rows.count == rowCount else { return false }
        let basicCount = basis.columns.reduce(0) { $0 + ($1 == .basic ? 1 : 0) }
            + basis.rows.reduce(0) { $0 + ($1 == .basic ? 1 : 0) }
        guard basicCount == rowCount else { return false }
        var position = 0
        for (j, s) in basis.columns.enumerated() {
            status[j] = s
            if s == .basic { head[position] = j; position += 1 }
        }
        for (i, s) in basis.rows.enumerated() {
            status[columnCount + i] = s
            if s == .basic { head[position] = columnCount + i; position += 1 }
        }
        hasBasis = true
        factorStale = true
        dualsStale = true
        for i in 0..<rowCount { edgeWeights[i] = 1 }
        edgeWeightsStale = false
        return true
    }

    /// Puts every non-basic variable on a bound it has (free at zero when it
    /// has none), keeping its current side when that bound is finite.
    func normalizeNonbasicStatuses() {
        for j in 0..<(columnCount + rowCount) where status[j] != .basic {
            let hasLower = lower[j] > -Double.infinity
            let hasUpper = upper[j] < Double.infinity
            switch status[j] {
            case .atUpper where hasUpper && lower[j] != upper[j]: break
            case .atLower where hasLower: break
            default:
                status[j] = hasLower ? .atLower : (hasUpper ? .atUpper : .free)
            }
        }
    }

    /// The value a non-basic variable takes at its status.
    @inline(__always)
    func nonbasicValue(_ j: Int) -> Double {
        switch status[j] {
        case .atLower: return lower[j]
        case .atUpper: return upper[j]
        default: return 0
        }
    }
}
