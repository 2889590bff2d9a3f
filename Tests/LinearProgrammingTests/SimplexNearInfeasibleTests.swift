import LinearProgramming
import Testing

/// An infeasibility at the level of the tolerances has no Farkas ray that an
/// independent checker can tell from rounding. The dual simplex used to
/// report such problems infeasible with a ray of (relatively) zero margin,
/// mostly on warm re-solves; now it solves them within the tolerances, and
/// still proves infeasibility where it is clear.
@Suite struct SimplexNearInfeasibleTests {
    /// `min x1 + 2 x2` subject to `x1 + x2 >= 1 + excess`, `0 <= x1, x2 <= 1/2`:
    /// infeasible by `excess` when it is positive.
    func program(excess: Double) -> LinearProgram {
        var lp = LinearProgram()
        lp.addRow(name: "cover", lower: 1 + excess, upper: .infinity)
        lp.addColumn(name: "x1", cost: 1, lower: 0, upper: 0.5, coefficients: [(0, 1)])
        lp.addColumn(name: "x2", cost: 2, lower: 0, upper: 0.5, coefficients: [(0, 1)])
        return lp
    }

    @Test func excessWithinTheTolerancesIsSolvedWithinThem() {
        let lp = program(excess: 3e-7)
        let solution = lp.solve()
        #expect(solution.status == .optimal)
        #expect(abs(solution.objective - 1.5) <= 1e-6)
        #expect(SolverTestSupport.violations(lp, solution) == [])
    }

    @Test func warmResolveIntoAnExcessWithinTheTolerances() {
        // Feasible first (x1 + x2 >= 0.9: optimum 1.3 at (0.5, 0.4)), then tightened warm.
        let solver = SimplexSolver(program(excess: -0.1))
        let first = solver.solve()
        #expect(first.status == .optimal && abs(first.objective - 1.3) <= 1e-12)
        solver.setRowBounds(0, lower: 1 + 3e-7, upper: .infinity)
        let warm = solver.solve()
        #expect(warm.status == .optimal)
        #expect(abs(warm.objective - 1.5) <= 1e-6)
        #expect(SolverTestSupport.violations(program(excess: 3e-7), warm) == [])
    }

    @Test(arguments: [1e-5, 1e-3, 0.25])
    func clearExcessIsProvedInfeasible(excess: Double) {
        let lp = program(excess: excess)
        let solution = lp.solve()
        #expect(solution.status == .infeasible)
        #expect(SolverTestSupport.violations(lp, solution) == [])
        #expect((solution.farkasRay ?? []).first.map { $0 > 0 } == true)
    }

    @Test func shiftedBoundsDoNotOutliveTheSolve() {
        // After a solve within the tolerances, a re-solve of a clearly infeasible
        // version must still be proved infeasible from the true bounds.
        let solver = SimplexSolver(program(excess: 3e-7))
        #expect(solver.solve().status == .optimal)
        solver.setRowBounds(0, lower: 1 + 1e-3, upper: .infinity)
        let solution = solver.solve()
        #expect(solution.status == .infeasible)
        #expect(SolverTestSupport.violations(program(excess: 1e-3), solution) == [])
    }
}
