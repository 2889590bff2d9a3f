import LPCertificates
import LinearProgramming
import Testing

/// Farkas rays carried back through postsolve, on small infeasible programmes worked by hand
/// where presolve removes rows and columns before the infeasibility is found: the ray presolve
/// proves (from the reduced programme's rows) must become one of the original that the
/// certificate checker accepts, with the removed rows' multipliers the hand proof needs, and
/// `solveWithPresolve` must report it without a simplex iteration. (Rays of the reduced
/// programme's simplex solve go through the same undo rules: the Netlib infeasible tier
/// checks them on cplex1-2, klein2-3, pang, qual, vol1 and five others.)
@Suite struct PresolveFarkasTests {
    func near(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * (1 + abs(b)) }

    /// Presolve's ray, checked by the checker on `lp`; the same ray with the removed rows'
    /// multipliers set to zero must not prove the original infeasible, so the undo steps are
    /// what make the proof.
    func presolvedRay(_ lp: LinearProgram, rows: Int, columns: Int) throws -> [Double] {
        let presolved = PresolvedProgram(lp)
        try #require(presolved.conclusion == .infeasible)
        #expect(presolved.reduced.rowCount == rows && presolved.reduced.columnCount == columns)
        let ray = try #require(presolved.presolveFarkasRay())
        #expect(ray.count == lp.rowCount && ray.reduce(0) { max($0, abs($1)) } == 1)
        var kept = [Double](repeating: 0, count: lp.rowCount)
        for i in presolved.rowMap { kept[i] = ray[i] }
        #expect(!lp.farkasSeparation(kept).proves)

        let full = lp.solveWithPresolve()
        #expect(full.status == .infeasible && full.iterations == 0)
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
        // Presolve finds it: r2 implies x <= 6 - 3, out of reach of r3's x >= 4 + 3.
        var lp = LinearProgram()
        lp.addRow(name: "r0", lower: 2, upper: .infinity)
        lp.addRow(name: "r1", lower: 3, upper: .infinity)
        lp.addRow(name: "r2", lower: -.infinity, upper: 7)
        lp.addRow(name: "r3", lower: 4, upper: .infinity)
        lp.addColumn(name: "x", cost: 1, lower: 0, upper: 10, coefficients: [(0, 1), (2, 1), (3, 1)])
        lp.addColumn(name: "y", cost: -1, lower: 0, upper: 10, coefficients: [(1, 1), (2, 1), (3, -1)])
        lp.addColumn(name: "w", cost: -1, lower: 1, upper: 1, coefficients: [(2, 1)])
        let ray = try presolvedRay(lp, rows: 2, columns: 2)
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
        // x's column of A'y. Presolve finds it: r1 implies y <= 8 - 6, out of reach of r2's
        // y >= -3 + 6.
        var lp = LinearProgram()
        lp.addRow(name: "r0", lower: 10, upper: 10)
        lp.addRow(name: "r1", lower: -.infinity, upper: 8)
        lp.addRow(name: "r2", lower: -3, upper: .infinity)
        lp.addColumn(name: "x", cost: -1, lower: 0, upper: 20, coefficients: [(0, 1), (1, 1), (2, -1)])
        lp.addColumn(name: "v", cost: 0, lower: 0, upper: 2, coefficients: [(0, 2)])
        lp.addColumn(name: "y", cost: 0, lower: 0, upper: 10, coefficients: [(1, 1), (2, 1)])
        let presolved = PresolvedProgram(lp)
        #expect(presolved.reduced.columnLower[0] == 6 && presolved.reduced.columnUpper[0] == 10)
        let ray = try presolvedRay(lp, rows: 2, columns: 2)
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

    @Test func crossingWithinTheCheckersToleranceIsSettled() {
        // x + y >= 20 + 1e-7 with x, y in [0, 10]: the row is out of reach by more than
        // presolve's own tolerance (1e-9 relative), but a margin of 1e-7 over terms of size 40
        // is one no checker with a tolerance of 1e-6 could tell from rounding: presolve does not
        // call it infeasible but forces the row (x = y = 10), and the simplex method answers on
        // the original from the postsolved basis.
        var lp = LinearProgram()
        lp.addRow(name: "r0", lower: 20 + 1e-7, upper: .infinity)
        lp.addColumn(name: "x", cost: 1, lower: 0, upper: 10, coefficients: [(0, 1)])
        lp.addColumn(name: "y", cost: 1, lower: 0, upper: 10, coefficients: [(0, 1)])
        let presolved = PresolvedProgram(lp)
        #expect(presolved.conclusion == .reduced)
        #expect(presolved.reduced.rowCount == 0 && presolved.reduced.columnCount == 0)
        #expect(presolved.presolveFarkasRay() == nil)
        #expect(lp.farkasSeparation([1]).margin > 0 && !lp.farkasSeparation([1]).proves)
        let s = lp.solveWithPresolve()
        #expect(s.status != .infeasible)
        #expect(SolverTestSupport.violations(lp, s) == [])
    }

    @Test func aCrossingTooSmallToProveLeavesTheRealOneToBeProved() throws {
        // Netlib's gran in small: r0 (x = 97.699997, one entry) crosses x <= 97.699989 by a
        // relative 8e-8, which no ray can prove; settled at x = 97.699997, it leaves
        // r1: x + y >= 200 with y <= 10 out of reach, which presolve proves. Carried back, the
        // ray is r1 alone (r0 tightened x's lower bound, the ray uses its upper): rows 200,
        // columns 1 * 97.699989 + 1 * 10, margin 92.300011.
        var lp = LinearProgram()
        lp.addRow(name: "r0", lower: 97.699997, upper: 97.699997)
        lp.addRow(name: "r1", lower: 200, upper: .infinity)
        lp.addColumn(name: "x", cost: 1, lower: 0, upper: 97.699989, coefficients: [(0, 1), (1, 1)])
        lp.addColumn(name: "y", cost: 1, lower: 0, upper: 10, coefficients: [(1, 1)])
        let presolved = PresolvedProgram(lp)
        #expect(presolved.conclusion == .infeasible)
        let ray = try #require(presolved.presolveFarkasRay())
        #expect(ray == [0, 1])
        #expect(abs(lp.farkasSeparation(ray).margin - 92.300011) <= 1e-9)
        let s = lp.solveWithPresolve()
        #expect(s.status == .infeasible && s.iterations == 0 && s.farkasRay == ray)
        #expect(SolverTestSupport.violations(lp, s) == [])
    }

    @Test func anImpliedColumnBoundJoinsItsRowToTheProof() throws {
        // min x - y - z with x, y >= 0 and z in [0, 1]; r0: x + y <= 4, r1: x - z >= 6. No
        // reduction applies (no row is redundant, forcing or a singleton, no column is fixed,
        // dual-fixed or an implied-free singleton), and neither row alone is out of reach of
        // the column bounds. But r0 implies x <= 4 (y >= 0), against which r1 asks x >= 6:
        // presolve proves it with r1 (multiplier 1) and r0 cancelling x (multiplier -1), so
        // -x - y + x - z = -y - z >= -4 + 6 = 2 against at most 0 over the bounds: margin 2.
        var lp = LinearProgram()
        lp.addRow(name: "r0", lower: -.infinity, upper: 4)
        lp.addRow(name: "r1", lower: 6, upper: .infinity)
        lp.addColumn(name: "x", cost: 1, lower: 0, upper: .infinity, coefficients: [(0, 1), (1, 1)])
        lp.addColumn(name: "y", cost: -1, lower: 0, upper: .infinity, coefficients: [(0, 1)])
        lp.addColumn(name: "z", cost: -1, lower: 0, upper: 1, coefficients: [(1, -1)])
        #expect(lp.farkasSeparation([-1, 0]).margin < 0 && lp.farkasSeparation([0, 1]).margin < 0)
        let presolved = PresolvedProgram(lp)
        #expect(presolved.conclusion == .infeasible)
        #expect(presolved.reduced.rowCount == 2 && presolved.reduced.columnCount == 3)
        let ray = try #require(presolved.presolveFarkasRay())
        #expect(ray == [-1, 1])
        #expect(lp.farkasSeparation(ray).margin == 2)
        let s = lp.solveWithPresolve()
        #expect(s.status == .infeasible && s.iterations == 0 && s.farkasRay == ray)
        #expect(SolverTestSupport.violations(lp, s) == [])
    }

    @Test func impliedBoundsOfAFeasibleProgrammeProveNothing() {
        // The same rows with r1: x - z >= 3: r0's x <= 4 leaves r1 within reach (x = 4, z = 1
        // gives 3), so presolve concludes nothing and the solve is optimal: x = 3 + z, with
        // y = 4 - x; the objective x - y - z = 2x - 4 - z = 2 + z is least at z = 0, x = 3, y = 1.
        var lp = LinearProgram()
        lp.addRow(name: "r0", lower: -.infinity, upper: 4)
        lp.addRow(name: "r1", lower: 3, upper: .infinity)
        lp.addColumn(name: "x", cost: 1, lower: 0, upper: .infinity, coefficients: [(0, 1), (1, 1)])
        lp.addColumn(name: "y", cost: -1, lower: 0, upper: .infinity, coefficients: [(0, 1)])
        lp.addColumn(name: "z", cost: -1, lower: 0, upper: 1, coefficients: [(1, -1)])
        let presolved = PresolvedProgram(lp)
        #expect(presolved.conclusion == .reduced && presolved.presolveFarkasRay() == nil)
        let s = lp.solveWithPresolve()
        #expect(s.status == .optimal && near(s.objective, 2))
        #expect(near(s.columnValues[0], 3) && near(s.columnValues[1], 1) && near(s.columnValues[2], 0))
        #expect(SolverTestSupport.violations(lp, s) == [])
    }
}
