import LPCertificates
import LinearProgramming
import Testing

/// Farkas rays carried back through postsolve, on small infeasible programmes worked by hand
/// where presolve removes rows and columns before the infeasibility is found: the ray the
/// reduced programme (or presolve) gives must become one of the original that the certificate
/// checker accepts, with the removed rows' multipliers the hand proof needs, and
/// `solveWithPresolve` must report it after the one solve of the reduced programme.
@Suite struct PresolveFarkasTests {
    func near(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * (1 + abs(b)) }

    /// The reduced programme's ray, its postsolved ray, and `solveWithPresolve`'s answer, each
    /// checked: the reduced one by the checker on `reduced`, the postsolved one on `lp`; the
    /// reduced ray left as it is (zero on the removed rows) must not prove the original
    /// infeasible, so the undo steps are what make the proof.
    func postsolvedRay(_ lp: LinearProgram, rows: Int, columns: Int) throws -> [Double] {
        let presolved = PresolvedProgram(lp)
        try #require(presolved.conclusion == .reduced)
        #expect(presolved.reduced.rowCount == rows && presolved.reduced.columnCount == columns)
        let reduced = presolved.solveReduced()
        try #require(reduced.status == .infeasible)
        #expect(SolverTestSupport.violations(presolved.reduced, reduced) == [])
        let reducedRay = try #require(reduced.farkasRay)
        var unmapped = [Double](repeating: 0, count: lp.rowCount)
        for (index, i) in presolved.rowMap.enumerated() { unmapped[i] = reducedRay[index] }
        #expect(!lp.farkasSeparation(unmapped).proves)
        let ray = try #require(presolved.postsolveFarkasRay(reducedRay))
        #expect(ray.count == lp.rowCount && ray.reduce(0) { max($0, abs($1)) } == 1)

        let full = lp.solveWithPresolve()
        #expect(full.status == .infeasible && full.iterations == reduced.iterations)
        #expect(full.farkasRay == ray)
        #expect(SolverTestSupport.violations(lp, full) == [])
        return ray
    }

    @Test func rowSingletonBoundIsCarriedByItsRow() throws {
        // x, y, w in [0, 10], w's cost -1 and x's 1, y's -1 (so neither is dual-fixed).
        // r0: x >= 2 and r1: y >= 3 are row singletons (bounds on x and y); r2: x + y + w <= 7
        // with w fixed at 1; r3: x - y >= 4. So x >= 4 + y >= 7 and x + y <= 6: infeasible, but
        // only with y >= 3 (x = 5, y = 1 meets r2 and r3). One proof: -1 r2 + 1 r3 + 2 r1 gives
        // 0 x + 0 y - w >= -7 + 4 + 6 = 3 against -w = -1, a margin of 4. Every proof needs r1
        // (removed by presolve) to cancel y's column of A'y; r0, x's lower bound, may join in.
        var lp = LinearProgram()
        lp.addRow(name: "r0", lower: 2, upper: .infinity)
        lp.addRow(name: "r1", lower: 3, upper: .infinity)
        lp.addRow(name: "r2", lower: -.infinity, upper: 7)
        lp.addRow(name: "r3", lower: 4, upper: .infinity)
        lp.addColumn(name: "x", cost: 1, lower: 0, upper: 10, coefficients: [(0, 1), (2, 1), (3, 1)])
        lp.addColumn(name: "y", cost: -1, lower: 0, upper: 10, coefficients: [(1, 1), (2, 1), (3, -1)])
        lp.addColumn(name: "w", cost: -1, lower: 1, upper: 1, coefficients: [(2, 1)])
        let ray = try postsolvedRay(lp, rows: 2, columns: 2)
        #expect(ray[0] >= 0 && ray[1] > 0 && ray[2] < 0 && ray[3] > 0)
        // r1's multiplier cancels y's column of A'y: y_r1 + y_r2 - y_r3 = 0.
        #expect(near(ray[1] + ray[2] - ray[3], 0))
    }

    @Test func doubletonBoundIsCarriedByTheEquation() throws {
        // r0: x + 2v = 10 with v in [0, 2] (v only there) substitutes v out and tightens x
        // from [0, 20] to [6, 10]. r1: x + y <= 8, r2: y - x >= -3 (y in [0, 10]); costs x -1,
        // y 0. With x >= 6, r2 asks y >= 3 and then x + y >= 9 > 8; with x >= 0 the point
        // x = 2, y = 0 is feasible. One proof: -1 r1 + 1 r2 + 2 r0 gives 0 x + 0 y + 4v >=
        // -8 - 3 + 20 = 9 against 4v <= 8. Every proof needs r0 (removed by presolve) to cancel
        // x's column of A'y.
        var lp = LinearProgram()
        lp.addRow(name: "r0", lower: 10, upper: 10)
        lp.addRow(name: "r1", lower: -.infinity, upper: 8)
        lp.addRow(name: "r2", lower: -3, upper: .infinity)
        lp.addColumn(name: "x", cost: -1, lower: 0, upper: 20, coefficients: [(0, 1), (1, 1), (2, -1)])
        lp.addColumn(name: "v", cost: 0, lower: 0, upper: 2, coefficients: [(0, 2)])
        lp.addColumn(name: "y", cost: 0, lower: 0, upper: 10, coefficients: [(1, 1), (2, 1)])
        let presolved = PresolvedProgram(lp)
        #expect(presolved.reduced.columnLower[0] == 6 && presolved.reduced.columnUpper[0] == 10)
        let ray = try postsolvedRay(lp, rows: 2, columns: 2)
        #expect(ray[0] > 0 && ray[1] < 0 && ray[2] > 0)
        // x's column of A'y vanishes: y_r0 + y_r1 - y_r2 = 0.
        #expect(near(ray[0] + ray[1] - ray[2], 0))
    }

    @Test func forcingRowCarriesPresolvesOwnProof() throws {
        // r0: x + y <= 0 with x, y in [0, 5] forces x = y = 0; then r1: x + 2y + w >= 4 with
        // w in [0, 3] cannot hold: presolve proves it from r1 (multiplier 1). Carried back,
        // x's and y's columns of A'y must point at the bounds they were fixed at (lower):
        // r0 takes multiplier -2 (y's column: 2 - 2 = 0; x's: 1 - 2 = -1 <= 0). Scaled to
        // max |y| = 1: (-1, 0.5), margin (4 - 3) / 2.
        var lp = LinearProgram()
        lp.addRow(name: "r0", lower: -.infinity, upper: 0)
        lp.addRow(name: "r1", lower: 4, upper: .infinity)
        lp.addColumn(name: "x", cost: 1, lower: 0, upper: 5, coefficients: [(0, 1), (1, 1)])
        lp.addColumn(name: "y", cost: 1, lower: 0, upper: 5, coefficients: [(0, 1), (1, 2)])
        lp.addColumn(name: "w", cost: 1, lower: 0, upper: 3, coefficients: [(1, 1)])
        let presolved = PresolvedProgram(lp)
        #expect(presolved.conclusion == .infeasible)
        let ray = try #require(presolved.presolveFarkasRay())
        #expect(near(ray[0], -1) && near(ray[1], 0.5))
        #expect(near(lp.farkasSeparation(ray).margin, 0.5))
        let s = lp.solveWithPresolve()
        #expect(s.status == .infeasible && s.iterations == 0 && s.farkasRay == ray)
        #expect(SolverTestSupport.violations(lp, s) == [])
    }

    @Test func crossingSingletonBoundsAreProvedByTheirRows() throws {
        // r0: 2x >= 8 tightens x in [0, 10] to x >= 4; r1: -x >= -3 (x <= 3) then crosses it.
        // Presolve's proof is r1 against x's lower bound 4 (multiplier 1: -3 - (-4) = 1);
        // carried back, r0 takes x's column of A'y (1 / 2). Scaled: (0.5, 1), margin 1.
        var lp = LinearProgram()
        lp.addRow(name: "r0", lower: 8, upper: .infinity)
        lp.addRow(name: "r1", lower: -3, upper: .infinity)
        lp.addColumn(name: "x", cost: 1, lower: 0, upper: 10, coefficients: [(0, 2), (1, -1)])
        let presolved = PresolvedProgram(lp)
        #expect(presolved.conclusion == .infeasible)
        let ray = try #require(presolved.presolveFarkasRay())
        #expect(near(ray[0], 0.5) && near(ray[1], 1))
        #expect(near(lp.farkasSeparation(ray).margin, 1))
        #expect(SolverTestSupport.violations(lp, lp.solveWithPresolve()) == [])
    }

    @Test func infeasibilityWithinTheCheckersToleranceHasNoPresolveRay() {
        // x + y >= 20 + 1e-7 with x, y in [0, 10]: presolve finds the row out of reach by more
        // than its own tolerance (1e-9 relative), but a margin of 1e-7 over terms of size 40 is
        // one no checker with a tolerance of 1e-6 could tell from rounding, so presolve gives
        // no ray and the simplex method answers on the original.
        var lp = LinearProgram()
        lp.addRow(name: "r0", lower: 20 + 1e-7, upper: .infinity)
        lp.addColumn(name: "x", cost: 1, lower: 0, upper: 10, coefficients: [(0, 1)])
        lp.addColumn(name: "y", cost: 1, lower: 0, upper: 10, coefficients: [(0, 1)])
        let presolved = PresolvedProgram(lp)
        #expect(presolved.conclusion == .infeasible)
        #expect(presolved.presolveFarkasRay() == nil)
        #expect(lp.farkasSeparation([1]).margin > 0 && !lp.farkasSeparation([1]).proves)
        let s = lp.solveWithPresolve()
        print("PRESOLVE-FARKAS within tolerance: \(s.status) \(s.iterations)")
        #expect(s.status != .infeasible)
        #expect(SolverTestSupport.violations(lp, s) == [])
    }
}
