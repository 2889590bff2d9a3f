extension BranchAndBound {
    /// Most rounds of cuts at the root.
    static let cutRounds = 10
    /// Most cuts of each family generated in one round, and most cuts added in one round.
    static let cutsPerFamily = 50
    static let cutsPerRound = 100
    /// A cut whose coefficients are more parallel than this (cosine) to a better one of the
    /// same round is left out.
    static let maxParallelism = 0.98
    /// A round that raises the root bound by less than this fraction of `max(1, |bound|)`
    /// ends the rounds.
    static let cutProgress = 1e-5

    /// Solves the root LP and adds rounds of Gomory mixed-integer cuts (see
    /// `GomoryCutGenerator`) and c-MIR cuts (see `MixedIntegerRoundingSeparator`) while they
    /// raise its bound; a round takes the most efficacious cuts, leaving out near-parallel
    /// ones. Cuts that end slack are dropped.
    /// The solver then holds the root LP with the cuts kept. Nothing changes when the root
    /// LP is not solved optimal, or when a round's LP is not (its cuts are then dropped).
    func addRootCuts() {
        guard case .solved(var lp) = solveNodeLP(basis: nil) else { return }
        let generator = GomoryCutGenerator(problem: relaxation, columnLower: globalLower, columnUpper: globalUpper)
        let rounding = MixedIntegerRoundingSeparator(problem: relaxation, columnLower: globalLower, columnUpper: globalUpper)
        let base = solver.program
        var cuts: [CuttingPlane] = []
        var objective = sign * lp.objective
        for _ in 0..<Self.cutRounds {
            if branchCandidates(lp.columnValues).isEmpty { break }
            if limitReached() != nil { break }
            let new = Self.selected(
                generator.cuts(from: solver, solution: lp, limit: Self.cutsPerFamily, earlier: cuts)
                    + rounding.cuts(at: lp.columnValues, limit: Self.cutsPerFamily),
                columnCount: columnCount)
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

    /// The most efficacious `cutsPerRound` of `cuts`, leaving out any more parallel than
    /// `maxParallelism` to one taken before it.
    static func selected(_ cuts: [CuttingPlane], columnCount: Int) -> [CuttingPlane] {
        var taken: [CuttingPlane] = []
        var work = [Double](repeating: 0, count: columnCount)
        for cut in cuts.sorted(by: { $0.efficacy > $1.efficacy }) where taken.count < cutsPerRound {
            if taken.allSatisfy({ $0.parallelism(to: cut, work: &work) <= maxParallelism }) {
                taken.append(cut)
            }
        }
        return taken
    }

    /// Replaces the solver by one for `base` with `cuts` appended as rows `cut'x >= lower`.
    private func install(_ base: LinearProgram, cuts: [CuttingPlane]) {
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
            program.rowNames.append("cut\(index)")
            program.rowLower.append(cut.lower)
            program.rowUpper.append(.infinity)
        }
        solver = SimplexSolver(program, options: options.simplex)
        solver.phaseEndRefactorizationUpdates = Self.phaseEndRefactorizationUpdates
        solver.sparseFactorizationThreshold = 0
    }
}
