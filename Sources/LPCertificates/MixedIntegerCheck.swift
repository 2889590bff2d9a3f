import LinearProgramming

extension CertificateChecker {
    /// Checks a branch-and-bound result without trusting the search:
    ///
    /// - the incumbent (`columnValues`) is integral on every integer column (within
    ///   `integrality`), 0 or within `[l, upper]` on every semi-continuous column, and
    ///   satisfies the relaxation's bounds and rows, with the tolerances of `check`;
    /// - the reported objective is `c'x + constant` at the incumbent;
    /// - the final node's programme is the original one with only column bounds changed,
    ///   each within the original bounds, every integer column fixed at the incumbent's
    ///   value; its solution passes `check` (an LP certificate of optimality) and its column
    ///   values are the incumbent;
    /// - the proven bound is no better than the incumbent.
    ///
    /// A result without an incumbent carries no certificate: an infeasible or limited search
    /// is a tree of node LPs this checker does not replay, and the report says so.
    public func check(
        _ result: MixedIntegerSolution, of problem: MixedIntegerProgram, integrality: Double = 1e-6
    ) -> CertificateReport {
        var report = CertificateReport()
        var log = FailureLog()
        let p = problem.program
        guard let x = result.columnValues, let objective = result.objective else {
            log.add("status", "Status \(result.status.rawValue) without an incumbent carries no certificate: the search tree is not replayed.")
            report.failures = log.all
            return report
        }
        guard x.count == p.columnCount, x.allSatisfy(\.isFinite), objective.isFinite else {
            log.add("shape", "The incumbent has \(x.count) values, not finite values for \(p.columnCount) columns.")
            report.failures = log.all
            return report
        }
        for j in 0..<p.columnCount {
            if problem.isInteger[j] && abs(x[j] - x[j].rounded()) > integrality {
                log.add("integrality", "Integer column \(p.columnNames[j]) is \(show(x[j])), not an integer.")
            }
            if let l = problem.semicontinuousLower[j], abs(x[j]) > integrality, x[j] < l - integrality * max(1, l) {
                log.add("semi-continuity", "Semi-continuous column \(p.columnNames[j]) is \(show(x[j])): neither 0 nor at least \(show(l)).")
            }
        }
        report.maxPrimalInfeasibility = checkPrimalFeasibility(x: x, activities: p.rowActivities(at: x), of: p, log: &log)
        let recomputed = p.objectiveValue(at: x)
        if abs(recomputed - objective) > tolerance.objective * max(1, abs(objective)) {
            log.add("objective", "The reported objective \(show(objective)) differs from c'x + constant = \(show(recomputed)).")
        }
        let sign: Double = p.sense == .maximize ? -1 : 1
        if sign * (result.bound - objective) > tolerance.objective * max(1, abs(objective)) {
            log.add("bound", "The proven bound \(show(result.bound)) is better than the incumbent's objective \(show(objective)).")
        }
        if let final = result.finalProgram, let solution = result.finalSolution {
            checkFinalNode(final, solution, incumbent: x, of: problem, log: &log)
            let lp = check(solution, of: final)
            for failure in lp.failures { log.add("final node", "Final node LP: \(failure)") }
        } else {
            log.add("final node", "The result has an incumbent but no final node LP to certify it.")
        }
        report.failures = log.all
        return report
    }

    /// The final node's programme differs from the original only in tighter column bounds,
    /// fixes every integer column at the incumbent's value, and its solution is the incumbent.
    private func checkFinalNode(
        _ final: LinearProgram, _ solution: Solution, incumbent x: [Double], of problem: MixedIntegerProgram,
        log: inout FailureLog
    ) {
        let p = problem.program
        guard final.columnCount == p.columnCount, final.rowCount == p.rowCount, final.matrix == p.matrix,
              final.costs == p.costs, final.rowLower == p.rowLower, final.rowUpper == p.rowUpper,
              final.sense == p.sense, final.objectiveConstant == p.objectiveConstant else {
            log.add("final node", "The final node's programme differs from the original in more than column bounds.")
            return
        }
        for j in 0..<p.columnCount {
            if final.columnLower[j] < p.columnLower[j] || final.columnUpper[j] > p.columnUpper[j] {
                log.add("final node", "The final node widens the bounds of column \(p.columnNames[j]).")
            }
            if problem.isInteger[j] && (final.columnLower[j] != final.columnUpper[j] || final.columnLower[j] != final.columnLower[j].rounded()) {
                log.add("final node", "The final node does not fix integer column \(p.columnNames[j]) at an integer.")
            }
            if solution.columnValues.count == x.count,
               abs(solution.columnValues[j] - x[j]) > tolerance.primal * max(1, abs(x[j])) {
                log.add("final node", "The final node's value of \(p.columnNames[j]), \(show(solution.columnValues[j])), is not the incumbent's \(show(x[j])).")
            }
        }
    }
}
