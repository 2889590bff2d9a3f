extension BranchAndBound {
    /// Most rounds of Gomory cuts at the root.
    static let cutRounds = 10
    /// Most cuts added in one round.
    static let cutsPerRound = 50
    /// A round that raises the root bound by less than this fraction of `max(1, |bound|)`
    /// ends the rounds.
    static let cutProgress = 1e-5

    /// Solves the root LP and adds rounds of Gomory mixed-integer cuts (see
    /// `GomoryCutGenerator`) while they raise its bound; cuts that end slack are dropped.
    /// The solver then holds the root LP with the cuts kept. Nothing changes when the root
    /// LP is not solved optimal, or when a round's LP is not (its cuts are then dropped).
    func addRootCuts() {
        guard case .solved(var lp) = solveNodeLP(basis: nil) else { return }
        let generator = GomoryCutGenerator(problem: problem, columnLower: globalLower, columnUpper: globalUpper)
        let base = solver.program
        var cuts: [GomoryCutGenerator.Cut] = []
        var objective = sign * lp.objective
        for _ in 0..<Self.cutRounds {
            if branchCandidates(lp.columnValues).isEmpty { break }
            if limitReached() != nil { break }
            let new = generator.cuts(from: solver, solution: lp, limit: Self.cutsPerRound, earlier: cuts)
            if new.isEmpty { break }
            let previous = (solver, lp)
            var basis = lp.basis
            basis.rows += [BasisStatus](repeating: .basic, count: new.count)
            install(base, cuts: cuts + new)
            guard case .solved(let next) = solveNodeLP(basis: basis) else {
                (solver, lp) = previous
                break
            }
            cuts += new
            lp = next
            let gain = sign * lp.objective - objective
            objective = sign * lp.objective
            if gain < Self.cutProgress * max(1, abs(objective)) { break }
        }
        guard !cuts.isEmpty else { return }
        let m = base.rowCount
        let kept = cuts.indices.filter { lp.basis.rows[m + $0] != .basic }
        guard kept.count < cuts.count else { return }
        var basis = lp.basis
        basis.rows = Array(lp.basis.rows[0..<m]) + kept.map { lp.basis.rows[m + $0] }
        install(base, cuts: kept.map { cuts[$0] })
        _ = solveNodeLP(basis: basis)
    }

    /// Replaces the solver by one for `base` with `cuts` appended as rows `cut'x >= lower`.
    private func install(_ base: LinearProgram, cuts: [GomoryCutGenerator.Cut]) {
        var program = base
        let m = base.rowCount
        var entries = [[(row: Int, value: Double)]](repeating: [], count: base.columnCount)
        for (index, cut) in cuts.enumerated() {
            for (j, a) in cut.coefficients { entries[j].append((m + index, a)) }
        }
        var matrix = SparseMatrix(rowCount: m + cuts.count)
        for j in 0..<base.columnCount {
            var column: [(row: Int, value: Double)] = []
            for k in base.matrix.range(ofColumn: j) { column.append((base.matrix.rowIndices[k], base.matrix.values[k])) }
            matrix.appendColumn(column + entries[j])
        }
        program.matrix = matrix
        for (index, cut) in cuts.enumerated() {
            program.rowNames.append("gomory\(index)")
            program.rowLower.append(cut.lower)
            program.rowUpper.append(.infinity)
        }
        solver = SimplexSolver(program, options: options.simplex)
        solver.phaseEndRefactorizationUpdates = Self.phaseEndRefactorizationUpdates
    }
}
