import LinearProgramming
import Testing

/// Each presolve reduction on a small programme worked out by hand: the reduced programme's
/// size, and the postsolved solution (values, duals, basis) checked against the hand optimum
/// and by the certificate checker as a solution of the original. `solveWithPresolve` must then
/// confirm the postsolved basis without a further iteration.
@Suite struct PresolveTests {
    func near(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * (1 + abs(b)) }

    /// Presolves `lp`, checks the reduced size, solves, postsolves and checks the certificate.
    func postsolved(_ lp: LinearProgram, rows: Int, columns: Int) -> Solution {
        let presolved = PresolvedProgram(lp)
        #expect(presolved.conclusion == .reduced)
        #expect(presolved.reduced.rowCount == rows && presolved.reduced.columnCount == columns)
        let reduced = presolved.solveReduced()
        #expect(reduced.status == .optimal)
        let solution = presolved.postsolve(reduced)
        #expect(SolverTestSupport.violations(lp, solution) == [])
        let full = lp.solveWithPresolve()
        #expect(full.status == .optimal && full.iterations == reduced.iterations)
        #expect(full.basis == solution.basis)
        #expect(SolverTestSupport.violations(lp, full) == [])
        return solution
    }

    @Test func emptyRowsEmptyColumnsAndFixedColumnsGo() {
        // min x + 2y + 3z + w  s.t.  r0: x + y + w >= 5, r1: empty in [-1, 1];
        // z in no row, z in [1, 5]; w fixed at 2. So x + y >= 3: x = 3, y = 0, z = 1,
        // objective 3 + 3 + 2 = 8; r0's dual 1; reduced costs y 1, z 3, w 0.
        var lp = LinearProgram()
        lp.addRow(name: "r0", lower: 5, upper: .infinity)
        lp.addRow(name: "r1", lower: -1, upper: 1)
        lp.addColumn(name: "x", cost: 1, lower: 0, upper: .infinity, coefficients: [(0, 1)])
        lp.addColumn(name: "y", cost: 2, lower: 0, upper: .infinity, coefficients: [(0, 1)])
        lp.addColumn(name: "z", cost: 3, lower: 1, upper: 5)
        lp.addColumn(name: "w", cost: 1, lower: 2, upper: 2, coefficients: [(0, 1)])
        let s = postsolved(lp, rows: 1, columns: 2)
        #expect(near(s.objective, 8))
        #expect(s.columnValues.enumerated().allSatisfy { near($1, [3, 0, 1, 2][$0]) })
        #expect(near(s.rowDuals[0], 1) && s.rowDuals[1] == 0)
        #expect(near(s.reducedCosts[1], 1) && near(s.reducedCosts[2], 3) && near(s.reducedCosts[3], 0))
        #expect(s.basis.rows[1] == .basic && s.basis.columns[2] == .atLower)
    }

    @Test func rowSingletonsBecomeBoundsAndGetTheirDualsBack() {
        // min -2x - y  s.t.  r0: 2x <= 8, r1: x + y <= 6, r2: y <= 10; x, y >= 0.
        // x = 4, y = 2, objective -10. r1's dual -1 (y basic); x sits at the bound r0 gave it,
        // so r0 takes the dual that zeroes x's reduced cost: (-2 + 1) / 2 = -0.5. r2 is slack.
        var lp = LinearProgram()
        lp.addRow(name: "r0", lower: -.infinity, upper: 8)
        lp.addRow(name: "r1", lower: -.infinity, upper: 6)
        lp.addRow(name: "r2", lower: -.infinity, upper: 10)
        lp.addColumn(name: "x", cost: -2, lower: 0, upper: .infinity, coefficients: [(0, 2), (1, 1)])
        lp.addColumn(name: "y", cost: -1, lower: 0, upper: .infinity, coefficients: [(1, 1), (2, 1)])
        let s = postsolved(lp, rows: 1, columns: 2)
        #expect(near(s.objective, -10))
        #expect(near(s.columnValues[0], 4) && near(s.columnValues[1], 2))
        #expect(near(s.rowDuals[0], -0.5) && near(s.rowDuals[1], -1) && s.rowDuals[2] == 0)
        #expect(s.basis.rows == [.atUpper, .atUpper, .basic] && s.basis.columns == [.basic, .basic])
    }

    @Test func forcingRowFixesItsColumnsAndAColumnBecomesBasic() {
        // min -x + y + z  s.t.  r0: x + y <= 0, r1: x + z >= 1; x, y, z >= 0.
        // r0 forces x = y = 0; then z = 1 (z is an implied-free singleton of r1), objective 1.
        // Duals: r1 1 (z basic); x's reduced cost -1 - y0 - 1 must be >= 0 at its lower bound,
        // so r0's dual is -2 with x basic; y's reduced cost 1 + 2 = 3.
        var lp = LinearProgram()
        lp.addRow(name: "r0", lower: -.infinity, upper: 0)
        lp.addRow(name: "r1", lower: 1, upper: .infinity)
        lp.addColumn(name: "x", cost: -1, lower: 0, upper: .infinity, coefficients: [(0, 1), (1, 1)])
        lp.addColumn(name: "y", cost: 1, lower: 0, upper: .infinity, coefficients: [(0, 1)])
        lp.addColumn(name: "z", cost: 1, lower: 0, upper: .infinity, coefficients: [(1, 1)])
        let s = postsolved(lp, rows: 0, columns: 0)
        #expect(near(s.objective, 1))
        #expect(near(s.columnValues[0], 0) && near(s.columnValues[1], 0) && near(s.columnValues[2], 1))
        #expect(near(s.rowDuals[0], -2) && near(s.rowDuals[1], 1))
        #expect(near(s.reducedCosts[0], 0) && near(s.reducedCosts[1], 3) && near(s.reducedCosts[2], 0))
        #expect(s.basis.columns == [.basic, .atLower, .basic] && s.basis.rows == [.atUpper, .atLower])
    }

    @Test func impliedFreeColumnSingletonIsSolvedFromItsRowWhenMaximising() {
        // max -(2x + y + 3s)  s.t.  r0: x + y + s = 10, r1: x + y <= 5; x in [0, 4], y in [0, 3],
        // s >= 0. s = 10 - x - y >= 3 whatever x and y are, so s is implied free and goes with
        // r0: the rest is min 30 - x - 2y with x + y <= 5, so y = 3, x = 2, s = 5, objective
        // -22. Minimising duals: r0 3 (s basic), r1 -1 (x basic); reported for the
        // maximisation with the signs flipped.
        var lp = LinearProgram(sense: .maximize)
        lp.addRow(name: "r0", lower: 10, upper: 10)
        lp.addRow(name: "r1", lower: -.infinity, upper: 5)
        lp.addColumn(name: "x", cost: -2, lower: 0, upper: 4, coefficients: [(0, 1), (1, 1)])
        lp.addColumn(name: "y", cost: -1, lower: 0, upper: 3, coefficients: [(0, 1), (1, 1)])
        lp.addColumn(name: "s", cost: -3, lower: 0, upper: .infinity, coefficients: [(0, 1)])
        let s = postsolved(lp, rows: 1, columns: 2)
        #expect(near(s.objective, -22))
        #expect(near(s.columnValues[0], 2) && near(s.columnValues[1], 3) && near(s.columnValues[2], 5))
        #expect(near(s.rowDuals[0], -3) && near(s.rowDuals[1], 1))
        #expect(near(s.reducedCosts[1], 1) && near(s.reducedCosts[2], 0))
        #expect(s.basis.columns == [.basic, .atUpper, .basic] && s.basis.rows == [.atLower, .atUpper])
    }

    /// min 3x + 3y + 5z  s.t.  r0: x - 2y = 0, r1: x + z >= 6, r2: y + z >= 4;
    /// x, z >= 0, y in [0, yUpper].
    func doubletonProgram(yUpper: Double) -> LinearProgram {
        var lp = LinearProgram()
        lp.addRow(name: "r0", lower: 0, upper: 0)
        lp.addRow(name: "r1", lower: 6, upper: .infinity)
        lp.addRow(name: "r2", lower: 4, upper: .infinity)
        lp.addColumn(name: "x", cost: 3, lower: 0, upper: .infinity, coefficients: [(0, 1), (1, 1)])
        lp.addColumn(name: "y", cost: 3, lower: 0, upper: yUpper, coefficients: [(0, -2), (2, 1)])
        lp.addColumn(name: "z", cost: 5, lower: 0, upper: .infinity, coefficients: [(1, 1), (2, 1)])
        return lp
    }

    @Test func doubletonEquationSubstitutesAColumn() {
        // y = x / 2 goes: min 4.5x + 5z with x + z >= 6, 0.5x + z >= 4, so x = 4, z = 2, y = 2,
        // objective 28. Duals r1 4, r2 1, and r0 -1 from y's reduced cost 3 + 2 y0 - 1 = 0.
        let s = postsolved(doubletonProgram(yUpper: 10), rows: 2, columns: 2)
        #expect(near(s.objective, 28))
        #expect(near(s.columnValues[0], 4) && near(s.columnValues[1], 2) && near(s.columnValues[2], 2))
        #expect(near(s.rowDuals[0], -1) && near(s.rowDuals[1], 4) && near(s.rowDuals[2], 1))
        #expect(s.basis.columns == [.basic, .basic, .basic])
    }

    @Test func doubletonEquationWhoseTightenedBoundIsActive() {
        // With y <= 1, x = 2y gets x <= 2, and the optimum sits there: x = 2, y = 1, z = 4,
        // objective 29. r2 is slack (dual 0), r1's dual 5 (z basic), r0's -2 (x basic), and y
        // rests at its upper bound with reduced cost 3 + 2(-2) = -1.
        let s = postsolved(doubletonProgram(yUpper: 1), rows: 2, columns: 2)
        #expect(near(s.objective, 29))
        #expect(near(s.columnValues[0], 2) && near(s.columnValues[1], 1) && near(s.columnValues[2], 4))
        #expect(near(s.rowDuals[0], -2) && near(s.rowDuals[1], 5) && near(s.rowDuals[2], 0))
        #expect(near(s.reducedCosts[1], -1))
        #expect(s.basis.columns == [.basic, .atUpper, .basic] && s.basis.rows[2] == .basic)
    }

    @Test func dualFixingPutsAColumnThatOnlyLoosensItsRowsAtItsBound() {
        // min 2x + y + w  s.t.  r0: x + y - w >= 3, r1: x + w <= 10; x, y, w >= 0. Lowering w
        // only loosens both rows and saves cost, so w = 0; then r1 is the bound x <= 10, and
        // y = 3, x = 0, objective 3. r0's dual 1; w's reduced cost 1 + 1 = 2, x's 2 - 1 = 1.
        var lp = LinearProgram()
        lp.addRow(name: "r0", lower: 3, upper: .infinity)
        lp.addRow(name: "r1", lower: -.infinity, upper: 10)
        lp.addColumn(name: "x", cost: 2, lower: 0, upper: .infinity, coefficients: [(0, 1), (1, 1)])
        lp.addColumn(name: "y", cost: 1, lower: 0, upper: .infinity, coefficients: [(0, 1)])
        lp.addColumn(name: "w", cost: 1, lower: 0, upper: .infinity, coefficients: [(0, -1), (1, 1)])
        let s = postsolved(lp, rows: 1, columns: 2)
        #expect(near(s.objective, 3))
        #expect(near(s.columnValues[0], 0) && near(s.columnValues[1], 3) && near(s.columnValues[2], 0))
        #expect(near(s.rowDuals[0], 1) && near(s.rowDuals[1], 0))
        #expect(near(s.reducedCosts[0], 1) && near(s.reducedCosts[2], 2))
        #expect(s.basis.columns == [.atLower, .basic, .atLower] && s.basis.rows == [.atLower, .basic])
    }

    @Test func redundantRowsAndSidesGo() {
        // min x + 2y  s.t.  r0: x + y >= 2, r1: x + y <= 100, r2: -5 <= x + 2y <= 4;
        // x, y in [0, 10]. r1 can never bind (x + y <= 20), nor can r2's lower side; x = 2,
        // objective 2, r0's dual 1.
        var lp = LinearProgram()
        lp.addRow(name: "r0", lower: 2, upper: .infinity)
        lp.addRow(name: "r1", lower: -.infinity, upper: 100)
        lp.addRow(name: "r2", lower: -5, upper: 4)
        lp.addColumn(name: "x", cost: 1, lower: 0, upper: 10, coefficients: [(0, 1), (1, 1), (2, 1)])
        lp.addColumn(name: "y", cost: 2, lower: 0, upper: 10, coefficients: [(0, 1), (1, 1), (2, 2)])
        let presolved = PresolvedProgram(lp)
        #expect(presolved.rowMap == [0, 2] && presolved.reduced.rowLower[1] == -.infinity)
        let s = postsolved(lp, rows: 2, columns: 2)
        #expect(near(s.objective, 2) && near(s.columnValues[0], 2) && near(s.columnValues[1], 0))
        #expect(near(s.rowDuals[0], 1) && s.rowDuals[1] == 0 && near(s.rowDuals[2], 0))
        #expect(s.basis.rows[1] == .basic)
    }

    @Test func infeasibilityFoundByPresolveIsProvedOnTheOriginal() {
        // x + y >= 30 with x, y in [0, 10]: the row's greatest activity is 20.
        var lp = LinearProgram()
        lp.addRow(lower: 30, upper: .infinity)
        lp.addRow(lower: -.infinity, upper: 15)
        lp.addColumn(cost: 1, lower: 0, upper: 10, coefficients: [(0, 1), (1, 1)])
        lp.addColumn(cost: 1, lower: 0, upper: 10, coefficients: [(0, 1), (1, 2)])
        #expect(PresolvedProgram(lp).conclusion == .infeasible)
        let s = lp.solveWithPresolve()
        #expect(s.status == .infeasible)
        #expect(SolverTestSupport.violations(lp, s) == [])
    }

    @Test func unboundedEmptyColumnIsProvedOnTheOriginal() {
        // min x - z  s.t.  x >= 1; z >= 0 in no row: z grows without limit.
        var lp = LinearProgram()
        lp.addRow(lower: 1, upper: .infinity)
        lp.addColumn(cost: 1, lower: 0, upper: .infinity, coefficients: [(0, 1)])
        lp.addColumn(cost: -1, lower: 0, upper: .infinity)
        #expect(PresolvedProgram(lp).conclusion == .dualInfeasible)
        let s = lp.solveWithPresolve()
        #expect(s.status == .unbounded)
        #expect(SolverTestSupport.violations(lp, s) == [])
    }
}

/// Postsolve on the Netlib problems of up to `rowLimit` rows: the solution postsolve builds
/// from the reduced programme's optimum, before any simplex iteration on the original, is
/// checked by the certificate checker as the original's and has the reference objective.
@Suite(.serialized) struct NetlibPostsolveTests {
    static let rowLimit = 500

    static let problems = NetlibReference.all.filter { $0.rows <= rowLimit }

    @Test(arguments: problems)
    func postsolvedSolutionIsOptimalForTheOriginal(_ reference: NetlibReference) throws {
        let program = try MPSReader.read(contentsOf: reference.path)
        let presolved = PresolvedProgram(program)
        try #require(presolved.conclusion == .reduced)
        let reduced = presolved.solveReduced()
        try #require(reduced.status == .optimal, "\(reference.name): reduced programme \(reduced.status)")
        let solution = presolved.postsolve(reduced)
        let error = abs(solution.objective - reference.objective) / max(1, abs(reference.objective))
        print("POSTSOLVE \(reference.name) rows=\(program.rowCount)->\(presolved.reduced.rowCount) columns=\(program.columnCount)->\(presolved.reduced.columnCount) relerr=\(error)")
        #expect(error <= 1e-6, "\(reference.name): objective \(solution.objective), reference \(reference.objective)")
        let violations = SolverTestSupport.violations(program, solution)
        #expect(violations.isEmpty, "\(reference.name): \(violations.prefix(5).joined(separator: " "))")
    }
}
