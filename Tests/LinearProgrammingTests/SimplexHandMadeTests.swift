import LinearProgramming
import Testing

/// Small problems with optima worked out by hand; every answer is also
/// checked against its certificate.
@Suite struct SimplexHandMadeTests {
    /// Solves `lp`, checks the certificate, returns the solution.
    func solved(_ lp: LinearProgram, options: SimplexOptions = SimplexOptions()) -> Solution {
        let solution = lp.solve(options: options)
        #expect(SolverTestSupport.violations(lp, solution) == [])
        return solution
    }

    func near(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * (1 + abs(b)) }

    @Test func maximisationWithDuals() {
        // max 3x + 5y  s.t.  x <= 4, 2y <= 12, 3x + 2y <= 18: optimum 36 at (2, 6).
        var lp = LinearProgram(sense: .maximize)
        lp.addRow(lower: -.infinity, upper: 4)
        lp.addRow(lower: -.infinity, upper: 12)
        lp.addRow(lower: -.infinity, upper: 18)
        lp.addColumn(cost: 3, lower: 0, upper: .infinity, coefficients: [(0, 1), (2, 3)])
        lp.addColumn(cost: 5, lower: 0, upper: .infinity, coefficients: [(1, 2), (2, 2)])
        let s = solved(lp)
        #expect(s.status == .optimal)
        #expect(near(s.objective, 36))
        #expect(near(s.columnValues[0], 2) && near(s.columnValues[1], 6))
        #expect(near(s.rowDuals[0], 0) && near(s.rowDuals[1], 1.5) && near(s.rowDuals[2], 1))
        #expect(s.basis.rows == [.basic, .atUpper, .atUpper])
    }

    @Test func minimisationWithGreaterThanRows() {
        // min x + y  s.t.  x + 2y >= 4, 3x + y >= 6: optimum 2.8 at (1.6, 1.2), duals (0.4, 0.2).
        var lp = LinearProgram()
        lp.addRow(lower: 4, upper: .infinity)
        lp.addRow(lower: 6, upper: .infinity)
        lp.addColumn(cost: 1, lower: 0, upper: .infinity, coefficients: [(0, 1), (1, 3)])
        lp.addColumn(cost: 1, lower: 0, upper: .infinity, coefficients: [(0, 2), (1, 1)])
        let s = solved(lp)
        #expect(s.status == .optimal)
        #expect(near(s.objective, 2.8))
        #expect(near(s.columnValues[0], 1.6) && near(s.columnValues[1], 1.2))
        #expect(near(s.rowDuals[0], 0.4) && near(s.rowDuals[1], 0.2))
        #expect(near(s.reducedCosts[0], 0) && near(s.reducedCosts[1], 0))
    }

    @Test func infeasibleRowsGiveAFarkasRay() {
        // x + y <= 1 and x + y >= 3 cannot both hold.
        var lp = LinearProgram()
        lp.addRow(lower: -.infinity, upper: 1)
        lp.addRow(lower: 3, upper: .infinity)
        lp.addColumn(cost: 1, lower: 0, upper: .infinity, coefficients: [(0, 1), (1, 1)])
        lp.addColumn(cost: -1, lower: 0, upper: .infinity, coefficients: [(0, 1), (1, 1)])
        let s = solved(lp)
        #expect(s.status == .infeasible)
        let y = s.farkasRay ?? []
        #expect(y.count == 2 && y[0] < 0 && y[1] > 0 && near(y[0], -y[1]))
    }

    @Test func infeasibleColumnBoundsGiveAFarkasRay() {
        // x + y = 10 with x, y in [0, 3].
        var lp = LinearProgram(sense: .maximize)
        lp.addRow(lower: 10, upper: 10)
        lp.addColumn(cost: 1, lower: 0, upper: 3, coefficients: [(0, 1)])
        lp.addColumn(cost: 2, lower: 0, upper: 3, coefficients: [(0, 1)])
        let s = solved(lp)
        #expect(s.status == .infeasible)
        #expect((s.farkasRay?[0] ?? 0) > 0)
    }

    @Test func unboundedGivesARay() {
        // max x + y  s.t.  x - y <= 1: unbounded along (1, 1).
        var lp = LinearProgram(sense: .maximize)
        lp.addRow(lower: -.infinity, upper: 1)
        lp.addColumn(cost: 1, lower: 0, upper: .infinity, coefficients: [(0, 1)])
        lp.addColumn(cost: 1, lower: 0, upper: .infinity, coefficients: [(0, -1)])
        let s = solved(lp)
        #expect(s.status == .unbounded)
        #expect(s.unboundedRay != nil)
    }

    @Test func unboundedFreeColumnWithoutRows() {
        var lp = LinearProgram()
        lp.addColumn(cost: -2, lower: -.infinity, upper: .infinity)
        let s = solved(lp)
        #expect(s.status == .unbounded)
        #expect((s.unboundedRay?[0] ?? 0) > 0)
    }

    @Test func freeVariableFollowsABoundedOne() {
        // min x  s.t.  x - y = 0, x free, y in [-3, 5]: optimum -3.
        var lp = LinearProgram()
        lp.addRow(lower: 0, upper: 0)
        lp.addColumn(cost: 1, lower: -.infinity, upper: .infinity, coefficients: [(0, 1)])
        lp.addColumn(cost: 0, lower: -3, upper: 5, coefficients: [(0, -1)])
        let s = solved(lp)
        #expect(s.status == .optimal)
        #expect(near(s.objective, -3))
        #expect(near(s.columnValues[0], -3))
        #expect(near(s.rowDuals[0], 1))
    }

    @Test func rangedRow() {
        // min -x - 2y  s.t.  1 <= x + y <= 3, x, y in [0, 2]: optimum -5 at (1, 2).
        var lp = LinearProgram()
        lp.addRow(lower: 1, upper: 3)
        lp.addColumn(cost: -1, lower: 0, upper: 2, coefficients: [(0, 1)])
        lp.addColumn(cost: -2, lower: 0, upper: 2, coefficients: [(0, 1)])
        let s = solved(lp)
        #expect(s.status == .optimal)
        #expect(near(s.objective, -5))
        #expect(near(s.columnValues[0], 1) && near(s.columnValues[1], 2))
        #expect(near(s.rowDuals[0], -1))
        #expect(near(s.reducedCosts[1], -1))
        #expect(s.basis.rows == [.atUpper])
    }

    @Test func emptyRowsAndColumns() {
        // An empty row [-1, 1], an empty column with no cost, one with cost -1 up to 7.
        var lp = LinearProgram()
        lp.addRow(lower: -1, upper: 1)
        lp.addRow(lower: 2, upper: .infinity)
        lp.addColumn(cost: 0, lower: 0, upper: 4)
        lp.addColumn(cost: -1, lower: 0, upper: 7)
        lp.addColumn(cost: 3, lower: 0, upper: .infinity, coefficients: [(1, 1)])
        let s = solved(lp)
        #expect(s.status == .optimal)
        #expect(near(s.objective, -7 + 6))
        #expect(near(s.columnValues[1], 7) && near(s.columnValues[2], 2))
        #expect(near(s.rowActivities[0], 0))
        #expect(near(s.rowDuals[1], 3))
    }

    @Test func fixedVariable() {
        // min x + 2y  s.t.  x + y >= 5, x fixed at 2: y = 3, objective 8.
        var lp = LinearProgram()
        lp.addRow(lower: 5, upper: .infinity)
        lp.addColumn(cost: 1, lower: 2, upper: 2, coefficients: [(0, 1)])
        lp.addColumn(cost: 2, lower: 0, upper: .infinity, coefficients: [(0, 1)])
        let s = solved(lp)
        #expect(s.status == .optimal)
        #expect(near(s.objective, 8))
        #expect(near(s.columnValues[0], 2) && near(s.columnValues[1], 3))
        #expect(near(s.reducedCosts[0], -1))
    }

    @Test func bealesCyclingExample() {
        // min -3/4 x4 + 20 x5 - 1/2 x6 + 6 x7 (Beale 1955): optimum -5/4 at x4 = 1, x6 = 1.
        var lp = LinearProgram()
        lp.addRow(lower: -.infinity, upper: 0)
        lp.addRow(lower: -.infinity, upper: 0)
        lp.addRow(lower: -.infinity, upper: 1)
        lp.addColumn(cost: -0.75, lower: 0, upper: .infinity, coefficients: [(0, 0.25), (1, 0.5)])
        lp.addColumn(cost: 20, lower: 0, upper: .infinity, coefficients: [(0, -8), (1, -12)])
        lp.addColumn(cost: -0.5, lower: 0, upper: .infinity, coefficients: [(0, -1), (1, -0.5), (2, 1)])
        lp.addColumn(cost: 6, lower: 0, upper: .infinity, coefficients: [(0, 9), (1, 3)])
        for scaling in [true, false] {
            var options = SimplexOptions()
            options.scaling = scaling
            let s = solved(lp, options: options)
            #expect(s.status == .optimal)
            #expect(near(s.objective, -1.25))
        }
    }

    @Test func degenerateProblemWithManyTies() {
        // max sum x_i over 12 variables in [0, 1], with 8 identical rows sum x <= 3
        // and pairwise rows x_i - x_{i+1} <= 0: optimum 3, reached by the last three.
        let n = 12
        var lp = LinearProgram(sense: .maximize)
        for _ in 0..<8 { lp.addRow(lower: -.infinity, upper: 3) }
        for _ in 0..<(n - 1) { lp.addRow(lower: -.infinity, upper: 0) }
        for j in 0..<n {
            var entries: [(row: Int, value: Double)] = (0..<8).map { ($0, 1.0) }
            if j < n - 1 { entries.append((8 + j, 1)) }
            if j > 0 { entries.append((8 + j - 1, -1)) }
            lp.addColumn(cost: 1, lower: 0, upper: 1, coefficients: entries)
        }
        let s = solved(lp)
        #expect(s.status == .optimal)
        #expect(near(s.objective, 3))
    }

    @Test func objectiveConstantInBothSenses() {
        var lp = LinearProgram()
        lp.objectiveConstant = 10
        lp.addRow(lower: 2, upper: 6)
        lp.addColumn(cost: 1, lower: 0, upper: .infinity, coefficients: [(0, 1)])
        let minimum = solved(lp)
        #expect(minimum.status == .optimal && near(minimum.objective, 12))
        #expect(near(minimum.rowDuals[0], 1))
        lp.sense = .maximize
        let maximum = solved(lp)
        #expect(maximum.status == .optimal && near(maximum.objective, 16))
        #expect(near(maximum.rowDuals[0], 1))
    }

    @Test func inconsistentBoundsAreInfeasibleWithoutTrapping() {
        var lp = LinearProgram()
        lp.addColumn(cost: 1, lower: 3, upper: 1)
        #expect(lp.solve().status == .infeasible)
        lp.costs[0] = .nan
        #expect(lp.solve().status == .numericalFailure)
    }

    @Test func iterationLimitIsReported() {
        var options = SimplexOptions()
        options.iterationLimit = 0
        var lp = LinearProgram()
        lp.addRow(lower: 4, upper: .infinity)
        lp.addColumn(cost: 1, lower: 0, upper: .infinity, coefficients: [(0, 1)])
        #expect(lp.solve(options: options).status == .iterationLimit)
    }

    @Test func timeLimitIsReported() throws {
        var options = SimplexOptions()
        options.timeLimit = 0
        let lp = try SolverTestSupport.netlib("sc50a")
        let solution = lp.solve(options: options)
        #expect(solution.status == .timeLimit)
        #expect(solution.columnValues.count == lp.columnCount)
    }

    @Test func givenBasisOfTheWrongShapeFallsBackToSlack() {
        var lp = LinearProgram()
        lp.addRow(lower: 4, upper: .infinity)
        lp.addColumn(cost: 1, lower: 0, upper: .infinity, coefficients: [(0, 1)])
        let wrong = Basis(columns: [.basic, .basic], rows: [.basic])
        let s = SimplexSolver(lp).solve(from: wrong)
        #expect(s.status == .optimal)
        #expect(near(s.objective, 4))
    }
}
