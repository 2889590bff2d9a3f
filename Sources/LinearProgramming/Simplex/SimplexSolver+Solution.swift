extension SimplexSolver {
    /// The `Solution` for the current iterate, in original units and sense.
    func makeSolution(_ outcome: PhaseResult) -> Solution {
        let n = columnCount
        let m = rowCount
        // One read of the class's stored problem instead of one checked access per element.
        let program = self.program
        let sign: Double = program.sense == .maximize ? -1 : 1
        let values = originalColumnValues()
        let activities = program.rowActivities(at: values)
        var duals = [Double](repeating: 0, count: m)
        if outcome != .infeasible {
            for i in 0..<m where status[n + i] != .basic { duals[i] = sign * rowScale[i] * d[n + i] }
        }
        var reduced = [Double](repeating: 0, count: n)
        let matrix = program.matrix
        let costs = program.costs
        // Buffers, as in `computePivotRow`: every solve of a sweep reports its reduced costs.
        matrix.columnStarts.withUnsafeBufferPointer { starts in
            matrix.rowIndices.withUnsafeBufferPointer { rows in
                matrix.values.withUnsafeBufferPointer { values in
                    for j in 0..<n where status[j] != .basic {
                        var sum = costs[j]
                        for k in starts[j]..<starts[j + 1] { sum -= values[k] * duals[rows[k]] }
                        reduced[j] = sum
                    }
                }
            }
        }
        // Internal statuses are already in the public form.
        let basis: Basis
        if let reported = reportedBasis, reported.columns.elementsEqual(status[0..<n]),
           reported.rows.elementsEqual(status[n..<(n + m)]) {
            basis = reported
        } else {
            basis = Basis(columns: Array(status[0..<n]), rows: Array(status[n..<(n + m)]))
            reportedBasis = basis
        }
        var farkas: [Double]? = nil
        var ray: [Double]? = nil
        switch outcome {
        case .infeasible:
            farkas = farkasProof
        case .unbounded:
            var direction = [Double](repeating: 0, count: n)
            for j in 0..<n { direction[j] = rayInternal[j] * columnScale[j] }
            ray = direction
        default:
            break
        }
        return Solution(
            status: solveStatus(outcome), objective: program.objectiveValue(at: values), columnValues: values,
            rowActivities: activities, rowDuals: duals, reducedCosts: reduced, basis: basis,
            iterations: iterations, farkasRay: farkas, unboundedRay: ray)
    }

    /// The column values of the current iterate in original units.
    func originalColumnValues() -> [Double] {
        var values = [Double](repeating: 0, count: columnCount)
        for j in 0..<columnCount { values[j] = x[j] * columnScale[j] }
        return values
    }

    /// The status a solve that ended with `outcome` reports.
    func solveStatus(_ outcome: PhaseResult) -> SolveStatus {
        switch outcome {
        case .optimal: return .optimal
        case .infeasible: return .infeasible
        case .unbounded: return .unbounded
        case .iterationLimit: return .iterationLimit
        case .timeLimit: return .timeLimit
        case .numericalFailure: return .numericalFailure
        }
    }
}
