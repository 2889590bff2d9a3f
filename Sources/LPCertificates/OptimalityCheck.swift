import LinearProgramming

extension CertificateChecker {
    /// The checks for `status == .optimal`; the solution's shape is already valid.
    func checkOptimality(_ s: Solution, of p: LinearProgram, report: inout CertificateReport, log: inout FailureLog) {
        let x = s.columnValues, y = s.rowDuals
        let sign: Double = p.sense == .minimize ? 1 : -1
        let activities = p.rowActivities(at: x)
        report.maxPrimalInfeasibility = checkPrimalFeasibility(x: x, activities: activities, of: p, log: &log)

        let termScale = rowTermScales(x: x, of: p)
        for i in 0..<p.rowCount {
            let scaled = abs(s.rowActivities[i] - activities[i]) / max(1, abs(activities[i]), termScale[i])
            if scaled > tolerance.objective {
                log.add("row activity", "Row \(p.rowNames[i]) is reported at \(show(s.rowActivities[i])) but A x gives \(show(activities[i])).")
            }
        }

        // Reduced costs d = c - A'y, recomputed, and the size of the terms in each.
        let aty = p.matrix.transposeMultiply(y)
        var dualTermScale = [Double](repeating: 0, count: p.columnCount)
        for j in 0..<p.columnCount {
            for k in p.matrix.range(ofColumn: j) {
                dualTermScale[j] = max(dualTermScale[j], abs(p.matrix.values[k] * y[p.matrix.rowIndices[k]]))
            }
        }
        let d = (0..<p.columnCount).map { p.costs[$0] - aty[$0] }
        let costScale = max(1, p.costs.reduce(0) { max($0, abs($1)) })
        for j in 0..<p.columnCount {
            let scale = max(1, abs(p.costs[j]), dualTermScale[j])
            if abs(s.reducedCosts[j] - d[j]) / scale > tolerance.objective {
                log.add("reduced cost", "Column \(p.columnNames[j]) has reported reduced cost \(show(s.reducedCosts[j])) but c - A'y gives \(show(d[j])).")
            }
        }

        let primalObjective = p.objectiveValue(at: x)
        let objectiveScale = max(1, abs(primalObjective))
        var dualObjective = p.objectiveConstant
        var worstDual = 0.0, worstComplementarity = 0.0

        // One variable (a column, or a row's activity) with value v in [lower, upper] and
        // "reduced cost" g (for a row, its dual): dual feasibility, complementarity, and
        // its term of the dual objective.
        func examine(
            _ what: String, value v: Double, lower: Double, upper: Double, cost g: Double, scale: Double
        ) {
            let gm = sign * g
            let atLower = lower.isFinite && v - lower <= tolerance.primal * max(1, abs(lower))
            let atUpper = upper.isFinite && upper - v <= tolerance.primal * max(1, abs(upper))
            var wrongSign = 0.0
            if !atUpper { wrongSign = max(wrongSign, -gm) }
            if !atLower { wrongSign = max(wrongSign, gm) }
            let scaledDual = wrongSign / scale
            worstDual = max(worstDual, scaledDual)
            if scaledDual > tolerance.dual {
                let side = gm > 0 ? "lower" : "upper"
                let kind = what.hasPrefix("Row") ? "dual" : "reduced cost"
                log.add("dual feasibility", "\(what) has \(kind) \(show(g)) of the wrong sign: it is not at its \(side) bound (value \(show(v)), bounds [\(show(lower)), \(show(upper))]).")
            }
            let bound = gm > 0 ? lower : upper
            let distance = gm == 0 ? 0 : (bound.isFinite ? abs(v - bound) : 0)
            let product = abs(g) * distance / objectiveScale
            worstComplementarity = max(worstComplementarity, product)
            if product > tolerance.complementarity {
                log.add("complementarity", "\(what) violates complementary slackness: \(show(g)) times its distance \(show(distance)) from its \(gm > 0 ? "lower" : "upper") bound.")
            }
            if gm != 0 { dualObjective += g * (bound.isFinite ? bound : v) }
        }

        for j in 0..<p.columnCount {
            examine("Column \(p.columnNames[j])", value: x[j], lower: p.columnLower[j], upper: p.columnUpper[j],
                    cost: d[j], scale: max(1, abs(p.costs[j]), dualTermScale[j]))
        }
        for i in 0..<p.rowCount {
            examine("Row \(p.rowNames[i])", value: activities[i], lower: p.rowLower[i], upper: p.rowUpper[i],
                    cost: y[i], scale: costScale)
        }
        report.maxDualInfeasibility = worstDual
        report.maxComplementarity = worstComplementarity

        if abs(s.objective - primalObjective) / objectiveScale > tolerance.objective {
            log.add("objective", "The reported objective \(show(s.objective)) differs from c'x + constant = \(show(primalObjective)).")
        }
        report.relativeDualityGap = abs(primalObjective - dualObjective) / objectiveScale
        if report.relativeDualityGap > tolerance.objective {
            log.add("duality gap", "The primal objective \(show(primalObjective)) differs from the dual objective \(show(dualObjective)).")
        }
        checkBasis(s, d: d, activities: activities, dualTermScale: dualTermScale, costScale: costScale, of: p, log: &log)
    }

    /// The basis has `rowCount` basic entries; basic columns have zero reduced
    /// cost, basic rows zero dual; non-basic entries sit at the bound their status names.
    private func checkBasis(
        _ s: Solution, d: [Double], activities: [Double], dualTermScale: [Double], costScale: Double,
        of p: LinearProgram, log: inout FailureLog
    ) {
        let basicCount = s.basis.columns.filter { $0 == .basic }.count + s.basis.rows.filter { $0 == .basic }.count
        if basicCount != p.rowCount {
            log.add("basis", "The basis has \(basicCount) basic entries for \(p.rowCount) rows.")
        }
        func consistent(_ status: BasisStatus, value v: Double, lower: Double, upper: Double) -> Bool {
            switch status {
            case .basic: return true
            case .atLower: return abs(v - lower) <= tolerance.primal * max(1, abs(lower))
            case .atUpper: return abs(v - upper) <= tolerance.primal * max(1, abs(upper))
            case .free: return abs(v) <= tolerance.primal
            }
        }
        for j in 0..<p.columnCount {
            let status = s.basis.columns[j]
            if status == .basic, abs(d[j]) / max(1, abs(p.costs[j]), dualTermScale[j]) > tolerance.dual {
                log.add("basis", "Basic column \(p.columnNames[j]) has non-zero reduced cost \(show(d[j])).")
            }
            if !consistent(status, value: s.columnValues[j], lower: p.columnLower[j], upper: p.columnUpper[j]) {
                log.add("basis", "Column \(p.columnNames[j]) is marked \(status) but has value \(show(s.columnValues[j])).")
            }
        }
        for i in 0..<p.rowCount {
            let status = s.basis.rows[i]
            if status == .basic, abs(s.rowDuals[i]) / costScale > tolerance.dual {
                log.add("basis", "Basic row \(p.rowNames[i]) has non-zero dual \(show(s.rowDuals[i])).")
            }
            if !consistent(status, value: activities[i], lower: p.rowLower[i], upper: p.rowUpper[i]) {
                log.add("basis", "Row \(p.rowNames[i]) is marked \(status) but has activity \(show(activities[i])).")
            }
        }
    }
}
