import LinearProgramming
import Testing

/// Parametric right-hand-side analysis of an optimal basis (`SimplexSolver.parametricRange`).
@Suite struct ParametricRangeTests {
    /// Wyndor Glass: maximise 3x + 5y with x <= 4, 2y <= 12, 3x + 2y <= b3 = 18. The optimal
    /// basis has x = (b3 - 12) / 3 and y = 6, so moving b3 moves x at 1/3 and the objective
    /// at 1 (the dual); the basis holds while 0 <= x <= 4, i.e. b3 in [12, 24].
    @Test func wyndorAlongTheThirdPlant() throws {
        let (solver, program) = try solvedWyndor()
        var direction = BoundDirection(columnCount: 2, rowCount: 3)
        direction.rowUpper[2] = 1
        let range = try #require(solver.parametricRange(along: direction))
        expectClose(range.columnRates, [1.0 / 3, 0])
        expectClose(range.rowRates, [1.0 / 3, 0, 1])
        expectClose([range.objectiveRate, range.forward, range.backward], [1, 6, 6])
        #expect(program.rowUpper[2] == 18)
    }

    /// Moving b2 at 2 and b3 at 1 per unit: y = b2 / 2 moves at 1, x = (b3 - b2) / 3 at -1/3,
    /// the objective at 1.5 × 2 + 1 × 1 = 4. Forwards x reaches 0 at θ = 6; backwards x
    /// reaches 4 and y reaches 0 both at θ = -6.
    @Test func wyndorAlongTwoPlants() throws {
        let (solver, _) = try solvedWyndor()
        var direction = BoundDirection(columnCount: 2, rowCount: 3)
        direction.rowUpper[1] = 2
        direction.rowUpper[2] = 1
        let range = try #require(solver.parametricRange(along: direction))
        expectClose(range.columnRates, [-1.0 / 3, 1])
        expectClose([range.objectiveRate, range.forward, range.backward], [4, 6, 6])
    }

    /// A bound that moves onto a basic variable: plant 1's limit x <= 4 + 2θ leaves the
    /// solution where it is (x = 2) and meets it at θ = -1; forwards nothing stops it.
    @Test func aMovingBoundMeetsABasicRow() throws {
        let (solver, _) = try solvedWyndor()
        var direction = BoundDirection(columnCount: 2, rowCount: 3)
        direction.rowUpper[0] = 2
        let range = try #require(solver.parametricRange(along: direction))
        expectClose(range.columnRates + range.rowRates, [0, 0, 0, 0, 0])
        #expect(range.forward == .infinity)
        expectClose([range.backward], [1])
    }

    /// A non-basic column moves with the bound it sits at: minimise 2x + 3y with
    /// x + y >= 10 and 1 <= x <= 6 + θ: x = 6 + θ, y = 4 - θ, objective rate 2 - 3 = -1;
    /// y reaches 0 at θ = 4, and backwards x's upper bound meets its lower one at θ = -5.
    @Test func aNonBasicColumnFollowsItsBound() throws {
        var lp = LinearProgram(name: "bounded", sense: .minimize)
        let demand = lp.addRow(lower: 10, upper: .infinity)
        lp.addColumn(cost: 2, lower: 1, upper: 6, coefficients: [(demand, 1)])
        lp.addColumn(cost: 3, lower: 0, upper: .infinity, coefficients: [(demand, 1)])
        let solver = SimplexSolver(lp)
        let solution = solver.solve()
        #expect(solution.status == .optimal && SolverTestSupport.violations(lp, solution).isEmpty)
        var direction = BoundDirection(columnCount: 2, rowCount: 1)
        direction.columnUpper[0] = 1
        let range = try #require(solver.parametricRange(along: direction))
        expectClose(range.columnRates + range.rowRates, [1, -1, 0])
        expectClose([range.objectiveRate, range.forward, range.backward], [-1, 4, 5])
    }

    @Test func aDirectionOfTheWrongShapeIsRefused() throws {
        let (solver, _) = try solvedWyndor()
        #expect(solver.parametricRange(along: BoundDirection(columnCount: 3, rowCount: 3)) == nil)
        #expect(SimplexSolver(LinearProgram(name: "unsolved")).parametricRange(along: BoundDirection(columnCount: 0, rowCount: 0)) == nil)
    }

    /// On random optimal programmes moved along random directions: halfway to the forward
    /// limit the old basis is still optimal (a warm solve makes no pivot) and the values are
    /// those the rates predict; a little past the limit the predicted values leave some bound.
    @Test func randomDirectionsAgainstResolving() throws {
        var checked = 0
        for index in 0..<90 {
            var builder = RandomLPBuilder(seed: 0x5EED_4A7A, index: index)
            let program = builder.optimal().program
            let solver = SimplexSolver(program)
            let solution = solver.solve()
            guard solution.status == .optimal else { continue }
            #expect(SolverTestSupport.violations(program, solution).isEmpty, "case \(index)")
            var random = SeededGenerator(state: UInt64(index))
            let direction = Self.shifts(of: program, using: &random)
            let range = try #require(solver.parametricRange(along: direction))
            #expect(range.forward >= 0 && range.backward >= 0)
            guard range.forward > 1e-6 else { continue }
            checked += 1

            let step = min(range.forward, 1) / 2
            let moved = Self.moved(program, along: direction, by: step)
            let resolved = SimplexSolver(moved).solve(from: solution.basis)
            #expect(resolved.status == .optimal && resolved.iterations == 0, "case \(index): \(resolved.status)")
            #expect(SolverTestSupport.violations(moved, resolved).isEmpty, "case \(index)")
            for j in 0..<program.columnCount {
                let predicted = solution.columnValues[j] + step * range.columnRates[j]
                #expect(abs(resolved.columnValues[j] - predicted) <= 1e-6 * (1 + abs(predicted)), "case \(index) column \(j)")
            }
            let predictedObjective = solution.objective + step * range.objectiveRate
            #expect(abs(resolved.objective - predictedObjective) <= 1e-6 * (1 + abs(predictedObjective)), "case \(index)")

            if range.forward.isFinite {
                let beyond = range.forward * 1.01 + 1e-3
                #expect(Self.leavesABound(program, solution, range, direction, at: beyond), "case \(index)")
            }
        }
        #expect(checked >= 20)
    }

    // MARK: - Helpers

    private func solvedWyndor() throws -> (SimplexSolver, LinearProgram) {
        let lp = SolverTestSupport.wyndor()
        let solver = SimplexSolver(lp)
        let solution = solver.solve()
        #expect(solution.status == .optimal && SolverTestSupport.violations(lp, solution).isEmpty)
        return (solver, lp)
    }

    private func expectClose(_ actual: [Double], _ expected: [Double], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(actual.count == expected.count, sourceLocation: sourceLocation)
        for (a, e) in zip(actual, expected) {
            #expect(abs(a - e) <= 1e-9 * (1 + abs(e)), "\(actual) vs \(expected)", sourceLocation: sourceLocation)
        }
    }

    /// Shifts (both bounds together, so no box closes) of about half the rows and a few columns.
    private static func shifts(of program: LinearProgram, using random: inout SeededGenerator) -> BoundDirection {
        var direction = BoundDirection(columnCount: program.columnCount, rowCount: program.rowCount)
        for i in 0..<program.rowCount where Bool.random(using: &random) {
            let rate = Double.random(in: -1...1, using: &random) * max(1, abs(program.rowLower[i].isFinite ? program.rowLower[i] : program.rowUpper[i].isFinite ? program.rowUpper[i] : 1))
            direction.rowLower[i] = program.rowLower[i].isFinite ? rate : 0
            direction.rowUpper[i] = program.rowUpper[i].isFinite ? rate : 0
        }
        for j in 0..<program.columnCount where Double.random(in: 0..<1, using: &random) < 0.3 {
            let rate = Double.random(in: -1...1, using: &random)
            direction.columnLower[j] = program.columnLower[j].isFinite ? rate : 0
            direction.columnUpper[j] = program.columnUpper[j].isFinite ? rate : 0
        }
        return direction
    }

    private static func moved(_ program: LinearProgram, along direction: BoundDirection, by step: Double) -> LinearProgram {
        var moved = program
        for j in 0..<program.columnCount {
            moved.columnLower[j] += step * direction.columnLower[j]
            moved.columnUpper[j] += step * direction.columnUpper[j]
        }
        for i in 0..<program.rowCount {
            moved.rowLower[i] += step * direction.rowLower[i]
            moved.rowUpper[i] += step * direction.rowUpper[i]
        }
        return moved
    }

    /// Whether the values the rates predict at `step` break some (moved) bound clearly.
    private static func leavesABound(
        _ program: LinearProgram, _ solution: Solution, _ range: ParametricRange, _ direction: BoundDirection, at step: Double
    ) -> Bool {
        let moved = moved(program, along: direction, by: step)
        func outside(_ value: Double, _ lower: Double, _ upper: Double) -> Bool {
            let slack = 1e-7 * (1 + abs(value))
            return value < lower - slack || value > upper + slack
        }
        let columns = (0..<program.columnCount).contains { j in
            outside(solution.columnValues[j] + step * range.columnRates[j], moved.columnLower[j], moved.columnUpper[j])
        }
        let rows = (0..<program.rowCount).contains { i in
            outside(solution.rowActivities[i] + step * range.rowRates[i], moved.rowLower[i], moved.rowUpper[i])
        }
        return columns || rows
    }
}
