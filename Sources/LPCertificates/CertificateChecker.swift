import LinearProgramming

/// Verifies a `Solution` against its `LinearProgram` without trusting the
/// solver: it recomputes `A x`, `A'y` and both objectives itself, using only
/// the model types.
///
/// - `optimal`: primal feasibility (column bounds, row ranges on a recomputed
///   `A x`), dual feasibility with the sign conventions of `Solution` (for
///   minimise and maximise), complementary slackness, reported reduced costs
///   equal to `c - A'y`, reported row activities equal to `A x`, the reported
///   objective equal to `c'x + constant` and to the dual objective, and a
///   basis with `rowCount` basic entries whose basic columns have zero
///   reduced cost.
/// - `infeasible`: `farkasRay` proves infeasibility as `Solution` documents.
/// - `unbounded`: `columnValues` is feasible and `unboundedRay` is a feasible,
///   improving recession direction.
/// - any other status carries no certificate and fails the check.
public struct CertificateChecker: Sendable {
    /// The tolerances every measure is compared with.
    public var tolerance: CertificateTolerance

    /// A checker with the given tolerances.
    public init(tolerance: CertificateTolerance = CertificateTolerance()) {
        self.tolerance = tolerance
    }

    /// Checks `solution` as a solution of `program`; never traps, whatever the input.
    public func check(_ solution: Solution, of program: LinearProgram) -> CertificateReport {
        var report = CertificateReport()
        var log = FailureLog()
        switch solution.status {
        case .optimal:
            if shapeIsValid(solution, of: program, log: &log) {
                checkOptimality(solution, of: program, report: &report, log: &log)
            }
        case .infeasible:
            checkInfeasibility(solution, of: program, log: &log)
        case .unbounded:
            if program.columnCount == solution.columnValues.count, solution.columnValues.allSatisfy(\.isFinite) {
                let activities = program.rowActivities(at: solution.columnValues)
                report.maxPrimalInfeasibility = checkPrimalFeasibility(
                    x: solution.columnValues, activities: activities, of: program, log: &log)
            } else {
                log.add("shape", "The unbounded solution has \(solution.columnValues.count) column values, not finite values for \(program.columnCount) columns.")
            }
            checkUnboundedRay(solution, of: program, log: &log)
        case .iterationLimit, .timeLimit, .numericalFailure:
            log.add("status", "Status \(solution.status.rawValue) carries no certificate of optimality, infeasibility or unboundedness.")
        }
        report.failures = log.all
        return report
    }

    /// Whether the arrays of an optimal solution have the programme's sizes and finite entries.
    private func shapeIsValid(_ s: Solution, of p: LinearProgram, log: inout FailureLog) -> Bool {
        let sizes: [(String, Int, Int)] = [
            ("column values", s.columnValues.count, p.columnCount),
            ("reduced costs", s.reducedCosts.count, p.columnCount),
            ("basis column statuses", s.basis.columns.count, p.columnCount),
            ("row activities", s.rowActivities.count, p.rowCount),
            ("row duals", s.rowDuals.count, p.rowCount),
            ("basis row statuses", s.basis.rows.count, p.rowCount),
        ]
        var valid = true
        for (what, count, expected) in sizes where count != expected {
            log.add("shape", "The solution has \(count) \(what) for \(expected) \(what.hasPrefix("row") || what.hasPrefix("basis row") ? "rows" : "columns").")
            valid = false
        }
        let arrays = [s.columnValues, s.reducedCosts, s.rowActivities, s.rowDuals, [s.objective]]
        if arrays.contains(where: { $0.contains(where: { !$0.isFinite }) }) {
            log.add("shape", "The solution contains a value that is NaN or infinite.")
            valid = false
        }
        return valid
    }

    /// Records column-bound and row-range violations; returns the largest scaled one.
    func checkPrimalFeasibility(
        x: [Double], activities: [Double], of p: LinearProgram, log: inout FailureLog
    ) -> Double {
        var worst = 0.0
        for j in 0..<p.columnCount {
            let (lower, upper) = (p.columnLower[j], p.columnUpper[j])
            let below = lower - x[j], above = x[j] - upper
            if below > 0 {
                let scaled = below / max(1, abs(lower))
                worst = max(worst, scaled)
                if scaled > tolerance.primal {
                    log.add("column bound", "Column \(p.columnNames[j]) is \(show(x[j])), below its lower bound \(show(lower)).")
                }
            } else if above > 0 {
                let scaled = above / max(1, abs(upper))
                worst = max(worst, scaled)
                if scaled > tolerance.primal {
                    log.add("column bound", "Column \(p.columnNames[j]) is \(show(x[j])), above its upper bound \(show(upper)).")
                }
            }
        }
        let termScale = rowTermScales(x: x, of: p)
        for i in 0..<p.rowCount {
            let (lower, upper) = (p.rowLower[i], p.rowUpper[i])
            let below = lower - activities[i], above = activities[i] - upper
            if below > 0 {
                let scaled = below / max(1, abs(lower), termScale[i])
                worst = max(worst, scaled)
                if scaled > tolerance.primal {
                    log.add("row range", "Row \(p.rowNames[i]) has activity \(show(activities[i])), below its lower bound \(show(lower)).")
                }
            } else if above > 0 {
                let scaled = above / max(1, abs(upper), termScale[i])
                worst = max(worst, scaled)
                if scaled > tolerance.primal {
                    log.add("row range", "Row \(p.rowNames[i]) has activity \(show(activities[i])), above its upper bound \(show(upper)).")
                }
            }
        }
        return worst
    }

    /// For each row, the largest `|a_ij x_j|`: the size of the terms summed into its activity.
    func rowTermScales(x: [Double], of p: LinearProgram) -> [Double] {
        var scales = [Double](repeating: 0, count: p.rowCount)
        let m = p.matrix
        for j in 0..<p.columnCount where x[j] != 0 {
            for k in m.range(ofColumn: j) {
                scales[m.rowIndices[k]] = max(scales[m.rowIndices[k]], abs(m.values[k] * x[j]))
            }
        }
        return scales
    }
}
