/// The factorised optimal basis of a programme and the ratio tests of `SensitivityAnalysis`.
///
/// Variables are numbered as in the solver: columns `0..<n`, then row activities `n..<n+m`.
struct RangingBasis {
    let program: LinearProgram
    let solution: Solution
    /// The variable in each basis position.
    let basic: [Int]
    /// The basis position of each variable, nil when non-basic.
    let position: [Int?]
    private var factors = EtaFileFactorization()

    private var n: Int { program.columnCount }
    /// +1 when minimising, -1 when maximising: reduced costs times this are >= 0 at lower bounds.
    private var sign: Double { program.sense == .minimize ? 1 : -1 }

    init(program: LinearProgram, solution: Solution) throws(SensitivityError) {
        let basis = solution.basis
        guard basis.columns.count == program.columnCount, basis.rows.count == program.rowCount,
              solution.columnValues.count == program.columnCount, solution.rowActivities.count == program.rowCount
        else { throw .malformedBasis }
        let statuses = basis.columns + basis.rows
        let basic = statuses.indices.filter { statuses[$0] == .basic }
        guard basic.count == program.rowCount else { throw .malformedBasis }
        var position = [Int?](repeating: nil, count: statuses.count)
        for (p, variable) in basic.enumerated() { position[variable] = p }
        self.program = program
        self.solution = solution
        self.basic = basic
        self.position = position

        var starts = [0], rowIndices: [Int] = [], values: [Double] = []
        for variable in basic {
            for (row, value) in entries(of: variable) {
                rowIndices.append(row)
                values.append(value)
            }
            starts.append(rowIndices.count)
        }
        let singular = factors.factorize(
            dimension: program.rowCount, columnStarts: starts, rowIndices: rowIndices, values: values)
        guard singular.isEmpty else { throw .singularBasis }
    }

    /// The column of `[A  -I]` for a variable.
    private func entries(of variable: Int) -> [(row: Int, value: Double)] {
        guard variable < n else { return [(variable - n, -1)] }
        let matrix = program.matrix
        return matrix.range(ofColumn: variable).map { (matrix.rowIndices[$0], matrix.values[$0]) }
    }

    private func bounds(of variable: Int) -> (lower: Double, upper: Double) {
        variable < n
            ? (program.columnLower[variable], program.columnUpper[variable])
            : (program.rowLower[variable - n], program.rowUpper[variable - n])
    }

    private func value(of variable: Int) -> Double {
        variable < n ? solution.columnValues[variable] : solution.rowActivities[variable - n]
    }

    private func status(of variable: Int) -> BasisStatus {
        variable < n ? solution.basis.columns[variable] : solution.basis.rows[variable - n]
    }

    /// The reduced cost in minimisation form: >= 0 at a lower bound, <= 0 at an upper one.
    private func minimisingReducedCost(of variable: Int) -> Double {
        sign * (variable < n ? solution.reducedCosts[variable] : solution.rowDuals[variable - n])
    }

    // MARK: - Cost ranging

    func costRanging(ofColumn j: Int) -> ColumnSensitivity {
        var increase = Double.infinity, decrease = Double.infinity
        let d = minimisingReducedCost(of: j)
        let (lower, upper) = bounds(of: j)
        if let p = position[j] {
            (increase, decrease) = basicCostRange(position: p)
        } else if lower == upper {
            // A fixed column stays put whatever its cost.
        } else {
            switch status(of: j) {
            case .atLower: decrease = max(0, d)
            case .atUpper: increase = max(0, -d)
            case .free: (increase, decrease) = (0, 0)
            case .basic: break
            }
        }
        // Ranges were computed for the minimised cost sign * c: flip them for a maximisation.
        if sign < 0 { swap(&increase, &decrease) }
        return ColumnSensitivity(
            value: solution.columnValues[j], reducedCost: solution.reducedCosts[j], cost: program.costs[j],
            allowableIncrease: increase, allowableDecrease: decrease)
    }

    /// How far the (minimised) cost of the variable basic at `p` can rise and fall.
    private func basicCostRange(position p: Int) -> (increase: Double, decrease: Double) {
        var rho = [Double](repeating: 0, count: program.rowCount)
        rho[p] = 1
        factors.solveTransposed(&rho)
        var increase = Double.infinity, decrease = Double.infinity
        for variable in position.indices where position[variable] == nil {
            let (lower, upper) = bounds(of: variable)
            if lower == upper { continue }
            let alpha = entries(of: variable).reduce(0) { $0 + rho[$1.row] * $1.value }
            guard abs(alpha) > SensitivityAnalysis.pivotTolerance else { continue }
            let d = minimisingReducedCost(of: variable)
            // With the cost raised by δ the reduced cost becomes d - δ α; it must keep its sign.
            switch status(of: variable) {
            case .atLower:
                if alpha > 0 { increase = min(increase, max(0, d) / alpha) } else { decrease = min(decrease, max(0, d) / -alpha) }
            case .atUpper:
                if alpha < 0 { increase = min(increase, max(0, -d) / -alpha) } else { decrease = min(decrease, max(0, -d) / alpha) }
            case .free:
                (increase, decrease) = (0, 0)
            case .basic:
                break
            }
        }
        return (increase, decrease)
    }

    // MARK: - Right-hand-side ranging

    func boundRanging(ofRow i: Int) -> RowSensitivity {
        let variable = n + i
        let activity = solution.rowActivities[i]
        let (lower, upper) = bounds(of: variable)
        let side: RowSide?
        switch status(of: variable) {
        case .atLower: side = .lower
        case .atUpper: side = .upper
        case .basic, .free:
            if upper.isFinite && (!lower.isFinite || upper - activity <= activity - lower) {
                side = .upper
            } else {
                side = lower.isFinite ? .lower : nil
            }
        }
        var result = RowSensitivity(
            activity: activity, dual: solution.rowDuals[i], side: side,
            rightHandSide: side.map { $0 == .lower ? lower : upper } ?? .nan,
            allowableIncrease: .infinity, allowableDecrease: .infinity)
        guard let side else { return result }
        if position[variable] != nil {
            // Not binding: the bound may move away freely and towards the activity until it binds.
            if side == .upper { result.allowableDecrease = max(0, upper - activity) } else { result.allowableIncrease = max(0, activity - lower) }
            return result
        }
        var beta = [Double](repeating: 0, count: program.rowCount)
        beta[i] = 1
        factors.solve(&beta)
        var limits = StepLimits(rateTolerance: SensitivityAnalysis.pivotTolerance)
        for (p, basicVariable) in basic.enumerated() {
            let (l, u) = bounds(of: basicVariable)
            limits.limit(value: value(of: basicVariable), rate: beta[p], lower: l, upper: u)
        }
        var increase = limits.forward, decrease = limits.backward
        // A two-sided row's moving bound cannot pass its other bound.
        if lower < upper {
            if side == .lower { increase = min(increase, upper - lower) } else { decrease = min(decrease, upper - lower) }
        }
        result.allowableIncrease = increase
        result.allowableDecrease = decrease
        return result
    }
}
