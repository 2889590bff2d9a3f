import LinearProgramming
import Testing

/// Re-solving after a small change must reuse the last basis: a handful of
/// dual pivots instead of a cold solve, with the same answer a cold solve gives.
@Suite struct SimplexWarmStartTests {
    /// Most iterations a warm re-solve after a 1% right-hand-side change may take.
    static let warmIterationBound = 5

    /// Shifts the first bound-carrying finite row by 1% of its right-hand side
    /// and compares warm and cold solves.
    func checkWarmResolve(_ lp: LinearProgram) throws {
        let solver = SimplexSolver(lp)
        let cold = solver.solve()
        #expect(cold.status == .optimal)
        let row = try #require((0..<lp.rowCount).first {
            lp.rowLower[$0] == lp.rowUpper[$0] && lp.rowLower[$0] != 0
        } ?? (0..<lp.rowCount).first { lp.rowUpper[$0].isFinite && lp.rowUpper[$0] != 0 })
        let factor = 1.01
        let newLower = lp.rowLower[row].isFinite ? lp.rowLower[row] * factor : lp.rowLower[row]
        let newUpper = lp.rowUpper[row].isFinite ? lp.rowUpper[row] * factor : lp.rowUpper[row]
        solver.setRowBounds(row, lower: min(newLower, newUpper), upper: max(newLower, newUpper))
        let warm = solver.solve()
        var changed = lp
        changed.rowLower[row] = min(newLower, newUpper)
        changed.rowUpper[row] = max(newLower, newUpper)
        let reference = changed.solve()
        #expect(warm.status == reference.status)
        #expect(abs(warm.objective - reference.objective) <= 1e-7 * (1 + abs(reference.objective)))
        #expect(warm.iterations <= Self.warmIterationBound, "warm \(warm.iterations) vs cold \(cold.iterations)")
        #expect(SolverTestSupport.violations(changed, warm) == [])
    }

    @Test func smallBudgetLike() throws {
        // max sum of weighted allocations to 10 services under one budget row,
        // each service with a floor and a cap.
        var lp = LinearProgram(sense: .maximize)
        lp.addRow(name: "budget", lower: -.infinity, upper: 100)
        lp.addRow(name: "pair", lower: -.infinity, upper: 30)
        for s in 0..<10 {
            lp.addColumn(
                cost: Double(10 - s), lower: Double(s), upper: 20,
                coefficients: s < 2 ? [(0, 1), (1, 1)] : [(0, 1)])
        }
        try checkWarmResolve(lp)
    }

    @Test(arguments: ["afiro", "sc50a"])
    func netlib(name: String) throws {
        try checkWarmResolve(try SolverTestSupport.netlib(name))
    }

    @Test func unchangedProblemResolvesWithoutIterations() throws {
        let solver = SimplexSolver(try SolverTestSupport.netlib("afiro"))
        let first = solver.solve()
        let second = solver.solve()
        #expect(second.iterations == 0)
        #expect(second.objective == first.objective)
    }

    @Test func costChangeCleansUpWithThePrimal() throws {
        let lp = try SolverTestSupport.netlib("sc50a")
        let solver = SimplexSolver(lp)
        _ = solver.solve()
        solver.setCost(0, to: lp.costs[0] + 1)
        let warm = solver.solve()
        var changed = lp
        changed.costs[0] += 1
        let cold = changed.solve()
        #expect(warm.status == .optimal)
        #expect(abs(warm.objective - cold.objective) <= 1e-7 * (1 + abs(cold.objective)))
        #expect(SolverTestSupport.violations(changed, warm) == [])
    }

    @Test func givenBasisIsUsed() throws {
        let lp = try SolverTestSupport.netlib("afiro")
        let optimal = lp.solve()
        let again = SimplexSolver(lp).solve(from: optimal.basis)
        #expect(again.iterations == 0)
        #expect(abs(again.objective - optimal.objective) <= 1e-9 * abs(optimal.objective))
    }

    /// The setters keep count of unusable bounds, so a re-solve notices bounds made empty or
    /// NaN and recovers once they are usable again; the basis reported is that of the solve.
    @Test func boundsMadeUnusableAndRepairedBetweenResolves() {
        var lp = LinearProgram()
        lp.addRow(lower: 4, upper: .infinity)
        lp.addColumn(cost: 1, lower: 0, upper: 10, coefficients: [(0, 1)])
        lp.addColumn(cost: 2, lower: 0, upper: 10, coefficients: [(0, 1)])
        let solver = SimplexSolver(lp)
        let first = solver.solve()
        #expect(first.status == .optimal && first.objective == 4)
        solver.setColumnBounds(0, lower: 3, upper: 1)
        #expect(solver.solve().status == .infeasible)
        solver.setRowBounds(0, lower: .nan, upper: .infinity)
        #expect(solver.solve().status == .infeasible, "the columns are checked first, as before")
        solver.setColumnBounds(0, lower: 0, upper: 10)
        #expect(solver.solve().status == .numericalFailure)
        solver.setRowBounds(0, lower: 4, upper: .infinity)
        let repaired = solver.solve()
        #expect(repaired.status == .optimal && repaired.objective == 4)
        #expect(repaired.basis == first.basis)
        solver.setColumnBounds(0, lower: 0, upper: 1)
        let moved = solver.solve()
        #expect(moved.status == .optimal && moved.objective == 7)
        #expect(moved.basis == Basis(columns: [.atUpper, .basic], rows: [.atLower]))
        solver.setRowBounds(0, lower: 3, upper: 3)
        #expect(solver.solve().status == .optimal && solver.solve().objective == 5)
        solver.setRowBounds(0, lower: -.infinity, upper: -.infinity)
        #expect(solver.solve().status == .infeasible)
    }

    /// `solveForObjective` is `solve` without the `Solution`: two solvers given the same changes,
    /// one reporting each way, agree on every status and objective to the last bit.
    @Test(arguments: ["afiro", "sc50a", "adlittle"])
    func objectiveOnlySolvesMatchFullSolves(name: String) throws {
        let lp = try SolverTestSupport.netlib(name)
        let full = SimplexSolver(lp)
        let brief = SimplexSolver(lp)
        var generator = SeededGenerator(state: 5)
        var statuses: Set<SolveStatus> = []
        for round in 0..<40 {
            let row = Int.random(in: 0..<lp.rowCount, using: &generator)
            let factor = Double.random(in: 0.5...1.5, using: &generator)
            let lower = lp.rowLower[row].isFinite ? lp.rowLower[row] * factor : lp.rowLower[row]
            let upper = lp.rowUpper[row].isFinite ? lp.rowUpper[row] * factor : lp.rowUpper[row]
            // Every seventh round asks for an empty row (lower above upper) for a while.
            let empty = round % 7 == 3
            for solver in [full, brief] {
                solver.setRowBounds(row, lower: empty ? 1 : min(lower, upper), upper: empty ? 0 : max(lower, upper))
            }
            let basis: Basis? = round % 10 == 9 ? .slack(for: lp) : nil
            let solution = full.solve(from: basis)
            let outcome = brief.solveForObjective(from: basis)
            #expect(outcome.status == solution.status, "round \(round)")
            #expect(outcome.objective.bitPattern == solution.objective.bitPattern, "round \(round)")
            statuses.insert(solution.status)
            if empty {
                for solver in [full, brief] { solver.setRowBounds(row, lower: lp.rowLower[row], upper: lp.rowUpper[row]) }
            }
        }
        #expect(statuses.isSuperset(of: [.optimal, .infeasible]))
    }
}
