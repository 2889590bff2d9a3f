import LinearProgramming

/// An independent check of a solver's answer (shares no code with the
/// solver): primal and dual feasibility, complementary slackness and equal
/// primal and dual objectives for optimal solutions; ray validity for
/// infeasible and unbounded ones. Returns the problems found (empty = valid).
enum CertificateCheck {
    /// Violations of the certificate `solution` claims for `lp`, with the
    /// relative tolerance `tolerance`.
    static func violations(_ lp: LinearProgram, _ solution: Solution, tolerance: Double = 1e-6) -> [String] {
        switch solution.status {
        case .optimal: return optimality(lp, solution, tolerance)
        case .infeasible: return infeasibility(lp, solution, tolerance)
        case .unbounded: return unboundedness(lp, solution, tolerance)
        default: return ["status \(solution.status) carries no certificate"]
        }
    }

    static func close(_ a: Double, _ b: Double, _ tol: Double) -> Bool {
        abs(a - b) <= tol * (1 + max(abs(a), abs(b)))
    }

    static func primalFeasibility(_ lp: LinearProgram, _ x: [Double], _ tol: Double) -> [String] {
        var found: [String] = []
        for j in 0..<lp.columnCount {
            if x[j] < lp.columnLower[j] - tol * (1 + abs(lp.columnLower[j])) { found.append("x\(j)=\(x[j]) below \(lp.columnLower[j])") }
            if x[j] > lp.columnUpper[j] + tol * (1 + abs(lp.columnUpper[j])) { found.append("x\(j)=\(x[j]) above \(lp.columnUpper[j])") }
        }
        let ax = lp.matrix.multiply(x)
        for i in 0..<lp.rowCount {
            if ax[i] < lp.rowLower[i] - tol * (1 + abs(lp.rowLower[i])) { found.append("row \(i)=\(ax[i]) below \(lp.rowLower[i])") }
            if ax[i] > lp.rowUpper[i] + tol * (1 + abs(lp.rowUpper[i])) { found.append("row \(i)=\(ax[i]) above \(lp.rowUpper[i])") }
        }
        return found
    }

    static func optimality(_ lp: LinearProgram, _ s: Solution, _ tol: Double) -> [String] {
        var found = primalFeasibility(lp, s.columnValues, tol)
        let sign: Double = lp.sense == .minimize ? 1 : -1
        let ax = lp.matrix.multiply(s.columnValues)
        let aty = lp.matrix.transposeMultiply(s.rowDuals)
        var dualObjective = lp.objectiveConstant
        let scale = 1 + (s.rowDuals.map(abs).max() ?? 0)
        for j in 0..<lp.columnCount {
            let dj = lp.costs[j] - aty[j]
            if !close(dj, s.reducedCosts[j], tol * 10) { found.append("reduced cost \(j) is \(s.reducedCosts[j]), c - A'y gives \(dj)") }
            let signed = sign * dj
            let atLower = close(s.columnValues[j], lp.columnLower[j], tol)
            let atUpper = close(s.columnValues[j], lp.columnUpper[j], tol)
            if signed > tol * scale && !atLower { found.append("column \(j): d=\(dj) but x=\(s.columnValues[j]) not at lower") }
            if signed < -tol * scale && !atUpper { found.append("column \(j): d=\(dj) but x=\(s.columnValues[j]) not at upper") }
            if dj > 0 { dualObjective += dj * (sign > 0 ? lp.columnLower[j] : lp.columnUpper[j]) }
            else if dj < 0 { dualObjective += dj * (sign > 0 ? lp.columnUpper[j] : lp.columnLower[j]) }
        }
        for i in 0..<lp.rowCount {
            let y = s.rowDuals[i]
            let signed = sign * y
            if signed > tol * scale && !close(ax[i], lp.rowLower[i], tol) { found.append("row \(i): y=\(y) but activity \(ax[i]) not at lower \(lp.rowLower[i])") }
            if signed < -tol * scale && !close(ax[i], lp.rowUpper[i], tol) { found.append("row \(i): y=\(y) but activity \(ax[i]) not at upper \(lp.rowUpper[i])") }
            if y > 0 { dualObjective += y * (sign > 0 ? lp.rowLower[i] : lp.rowUpper[i]) }
            else if y < 0 { dualObjective += y * (sign > 0 ? lp.rowUpper[i] : lp.rowLower[i]) }
        }
        let primalObjective = lp.objectiveValue(at: s.columnValues)
        if !close(primalObjective, s.objective, tol) { found.append("objective \(s.objective) but c'x+k = \(primalObjective)") }
        if !close(primalObjective, dualObjective, tol) { found.append("primal objective \(primalObjective) but dual objective \(dualObjective)") }
        return found
    }

    static func infeasibility(_ lp: LinearProgram, _ s: Solution, _ tol: Double) -> [String] {
        guard let y = s.farkasRay, y.count == lp.rowCount else { return ["no Farkas ray"] }
        let z = lp.matrix.transposeMultiply(y)
        var rowSide = 0.0
        var magnitude = 0.0
        for i in 0..<lp.rowCount where y[i] != 0 {
            let bound = y[i] > 0 ? lp.rowLower[i] : lp.rowUpper[i]
            rowSide += y[i] * bound
            magnitude += abs(y[i] * bound)
        }
        var columnSide = 0.0
        for j in 0..<lp.columnCount where abs(z[j]) > 1e-9 {
            let bound = z[j] > 0 ? lp.columnUpper[j] : lp.columnLower[j]
            columnSide += z[j] * bound
            magnitude += abs(z[j] * bound)
        }
        let gap = rowSide - columnSide
        return gap > tol * (1 + magnitude) ? [] : ["Farkas gap \(gap) is not positive"]
    }

    static func unboundedness(_ lp: LinearProgram, _ s: Solution, _ tol: Double) -> [String] {
        var found = primalFeasibility(lp, s.columnValues, tol)
        guard let ray = s.unboundedRay, ray.count == lp.columnCount else { return found + ["no ray"] }
        let size = ray.map(abs).max() ?? 0
        guard size > 0 else { return found + ["zero ray"] }
        let ad = lp.matrix.multiply(ray)
        for j in 0..<lp.columnCount {
            if lp.columnLower[j] > -.infinity && ray[j] < -tol * size { found.append("ray leaves lower bound of column \(j)") }
            if lp.columnUpper[j] < .infinity && ray[j] > tol * size { found.append("ray leaves upper bound of column \(j)") }
        }
        for i in 0..<lp.rowCount {
            if lp.rowLower[i] > -.infinity && ad[i] < -tol * size { found.append("ray leaves lower bound of row \(i)") }
            if lp.rowUpper[i] < .infinity && ad[i] > tol * size { found.append("ray leaves upper bound of row \(i)") }
        }
        var slope = 0.0
        for j in 0..<lp.columnCount { slope += lp.costs[j] * ray[j] }
        if lp.sense == .maximize { slope = -slope }
        if !(slope < -tol * size) { found.append("ray does not improve the objective (slope \(slope))") }
        return found
    }
}
