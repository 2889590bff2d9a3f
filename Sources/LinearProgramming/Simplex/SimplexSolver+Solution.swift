extension SimplexSolver {
    /// Multiplier entries below this fraction of the largest are dropped
    /// from a Farkas ray (they are rounding noise).
    static let rayDropTolerance = 1e-12

    /// The `Solution` for the current iterate, in original units and sense.
    func makeSolution(_ outcome: PhaseResult) -> Solution {
        let n = columnCount
        let m = rowCount
        let sign: Double = program.sense == .maximize ? -1 : 1
        var values = [Double](repeating: 0, count: n)
        for j in 0..<n { values[j] = x[j] * columnScale[j] }
        let activities = program.rowActivities(at: values)
        var duals = [Double](repeating: 0, count: m)
        if outcome != .infeasible {
            for i in 0..<m where status[n + i] != .basic { duals[i] = sign * rowScale[i] * d[n + i] }
        }
        var reduced = [Double](repeating: 0, count: n)
        let matrix = program.matrix
        for j in 0..<n where status[j] != .basic {
            var sum = program.costs[j]
            for k in matrix.range(ofColumn: j) { sum -= matrix.values[k] * duals[matrix.rowIndices[k]] }
            reduced[j] = sum
        }
        let basis = Basis(
            columns: Array(status[0..<n]).map(Self.reported),
            rows: Array(status[n..<(n + m)]).map(Self.reported))
        let status: SolveStatus
        var farkas: [Double]? = nil
        var ray: [Double]? = nil
        switch outcome {
        case .optimal: status = .optimal
        case .infeasible:
            status = .infeasible
            farkas = farkasRay()
        case .unbounded:
            status = .unbounded
            var direction = [Double](repeating: 0, count: n)
            for j in 0..<n { direction[j] = rayInternal[j] * columnScale[j] }
            ray = direction
        case .iterationLimit: status = .iterationLimit
        case .timeLimit: status = .timeLimit
        case .numericalFailure: status = .numericalFailure
        }
        return Solution(
            status: status, objective: program.objectiveValue(at: values), columnValues: values,
            rowActivities: activities, rowDuals: duals, reducedCosts: reduced, basis: basis,
            iterations: iterations, farkasRay: farkas, unboundedRay: ray)
    }

    /// A reported status: internal statuses are already in the public form.
    private static func reported(_ s: BasisStatus) -> BasisStatus { s }

    /// The Farkas multipliers in original units: `R ⊙ farkasInternal`, with
    /// the sign (and noise removal) that makes the certificate hold.
    private func farkasRay() -> [Double] {
        let m = rowCount
        var y = [Double](repeating: 0, count: m)
        var largest = 0.0
        for i in 0..<m {
            y[i] = rowScale[i] * farkasInternal[i]
            largest = max(largest, abs(y[i]))
        }
        for i in 0..<m where abs(y[i]) <= Self.rayDropTolerance * largest { y[i] = 0 }
        let positive = certificateGap(y)
        let negated = y.map { -$0 }
        return certificateGap(negated) > positive ? negated : y
    }

    /// `min over rows of y'r - max over the column box of (A'y)'x`: positive
    /// exactly when `y` proves infeasibility (in the form `Solution.farkasRay` documents).
    func certificateGap(_ y: [Double]) -> Double {
        var rowSide = 0.0
        for i in 0..<rowCount where y[i] != 0 {
            rowSide += y[i] > 0 ? y[i] * program.rowLower[i] : y[i] * program.rowUpper[i]
        }
        let z = program.matrix.transposeMultiply(y)
        var columnSide = 0.0
        for j in 0..<columnCount where z[j] != 0 {
            columnSide += z[j] > 0 ? z[j] * program.columnUpper[j] : z[j] * program.columnLower[j]
        }
        let gap = rowSide - columnSide
        return gap.isNaN ? -.infinity : gap
    }
}
