/// Input the simplex method cannot start on.
enum InputProblem: Error, Sendable {
    /// A NaN (or an infinite cost or coefficient) in the data.
    case notANumber
    /// A lower bound above its upper bound, or a bound that excludes every number.
    case emptyBounds
}

extension SimplexSolver {
    /// What, if anything, makes the current problem unsolvable as given.
    func inputProblem() -> InputProblem? {
        // The costs alone, not a copy of the whole problem: this runs before every solve.
        for c in program.costs where !c.isFinite { return .notANumber }
        if fixedDataIsNotFinite { return .notANumber }
        guard unusableBoundCount > 0 else { return nil }
        let p = program
        for j in 0..<columnCount {
            if let problem = Self.boundProblem(p.columnLower[j], p.columnUpper[j]) { return problem }
        }
        for i in 0..<rowCount {
            if let problem = Self.boundProblem(p.rowLower[i], p.rowUpper[i]) { return problem }
        }
        return nil
    }

    /// What keeps the simplex method from starting on the bounds `[lower, upper]`: a NaN, or
    /// a lower bound above the upper or a bound that excludes every number; nil for usable bounds.
    static func boundProblem(_ lower: Double, _ upper: Double) -> InputProblem? {
        if lower.isNaN || upper.isNaN { return .notANumber }
        if lower > upper || lower == .infinity || upper == -.infinity { return .emptyBounds }
        return nil
    }

    /// The solution reported for input the method cannot start on:
    /// `.numericalFailure` for NaN data, `.infeasible` (without a ray) for
    /// empty bounds; values are zero and the basis is the slack basis.
    func trivialSolution(_ problem: InputProblem) -> Solution {
        let n = columnCount
        let m = rowCount
        let values = [Double](repeating: 0, count: n)
        let basis = Basis(
            columns: [BasisStatus](repeating: .atLower, count: n),
            rows: [BasisStatus](repeating: .basic, count: m))
        return Solution(
            status: trivialStatus(problem),
            objective: program.objectiveConstant, columnValues: values,
            rowActivities: [Double](repeating: 0, count: m),
            rowDuals: [Double](repeating: 0, count: m), reducedCosts: program.costs,
            basis: basis, iterations: 0)
    }

    /// The status reported for input the method cannot start on.
    func trivialStatus(_ problem: InputProblem) -> SolveStatus {
        problem == .notANumber ? .numericalFailure : .infeasible
    }
}
