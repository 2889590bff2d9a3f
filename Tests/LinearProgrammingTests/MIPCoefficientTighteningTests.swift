import Foundation
import LPCertificates
import LinearProgramming
import Testing

/// Coefficient tightening (`CoefficientTightening`): the big-M rows of a fixed-charge sink,
/// a knapsack row and a row tightened against its own implied bound, worked out by hand;
/// and on tiny random mixed-integer programmes the same optimum over the continuous part at
/// every integer point of the box (each LP certificate-checked), with a relaxation at least
/// as tight.
@Suite struct MIPCoefficientTighteningTests {
    /// A sink with demand 5 fed by two arcs: `-x1 - x2 = -5`, `x >= 0`, each arc open only
    /// when its binary is, `x_k - 500 y_k <= 0`. The rows imply `x_k <= 5` (relaxed by the
    /// margins, about 1e-6), so the big-M tightens to 5: `x_k - 5 y_k <= 0`. The relaxation's optimum (y costs 10 and 20) rises
    /// from 5 * 10 / 500 = 0.1 to 10, the mixed-integer optimum (open arc 1).
    @Test func fixedChargeSinkTightensTheBigM() throws {
        var p = LinearProgram()
        let sink = p.addRow(lower: -5, upper: -5)
        let first = p.addRow(lower: -.infinity, upper: 0)
        let second = p.addRow(lower: 0, upper: .infinity)
        p.addColumn(name: "x1", cost: 0, lower: 0, upper: .infinity, coefficients: [(sink, -1), (first, 1)])
        p.addColumn(name: "x2", cost: 0, lower: 0, upper: .infinity, coefficients: [(sink, -1), (second, -1)])
        p.addColumn(name: "y1", cost: 10, lower: 0, upper: 1, coefficients: [(first, -500)])
        // The second arc's row is written as a `>=` row: 500 y2 - x2 >= 0.
        p.addColumn(name: "y2", cost: 20, lower: 0, upper: 1, coefficients: [(second, 500)])
        let problem = MixedIntegerProgram(program: p, integerColumns: [2, 3])
        let tight = CoefficientTightening.tightened(problem).program
        #expect(abs(tight.matrix.value(row: first, column: 2) + 5) < 1e-5)
        #expect(tight.matrix.value(row: first, column: 0) == 1)
        #expect(tight.rowUpper[first] == 0 && tight.rowLower[first] == -.infinity)
        #expect(abs(tight.matrix.value(row: second, column: 3) - 5) < 1e-5)
        #expect(tight.rowLower[second] == 0 && tight.rowUpper[second] == .infinity)
        // The equation is left alone.
        #expect(tight.matrix.value(row: sink, column: 0) == -1 && tight.rowLower[sink] == -5)

        let before = p.solve()
        let after = tight.solve()
        for (solution, program) in [(before, p), (after, tight)] {
            let report = CertificateChecker().check(solution, of: program)
            #expect(report.isValid, "\(report.failures)")
        }
        #expect(abs(before.objective - 0.1) < 1e-9)
        #expect(abs(after.objective - 10) < 1e-4)

        let result = BranchAndBound(problem).solve()
        #expect(result.status == .optimal)
        #expect(abs((result.objective ?? .nan) - 10) < 1e-6)
        let report = CertificateChecker().check(result, of: problem)
        #expect(report.isValid, "\(report.failures)")
    }

    /// `10 y + x <= 12`, `x` in [0, 3], `y` binary: the row can bind only at `y = 1`, where
    /// it says `x <= 2`. Its largest activity is 13, 3 once `y = 0`, so `d = 12 - 3 = 9` and
    /// the row becomes `y + x <= 3`: the same at `y = 1` (`x <= 2`) and at `y = 0`
    /// (`x <= 3`, its bound).
    @Test func positiveCoefficientShrinksToTheRowsReach() {
        var p = LinearProgram()
        let row = p.addRow(lower: -.infinity, upper: 12)
        p.addColumn(name: "y", cost: -4, lower: 0, upper: 1, coefficients: [(row, 10)])
        p.addColumn(name: "x", cost: -1, lower: 0, upper: 3, coefficients: [(row, 1)])
        let tight = CoefficientTightening.tightened(MixedIntegerProgram(program: p, integerColumns: [0])).program
        #expect(abs(tight.matrix.value(row: row, column: 0) - 1) < 1e-6)
        #expect(tight.matrix.value(row: row, column: 1) == 1)
        #expect(abs(tight.rowUpper[row] - 3) < 1e-6)
    }

    /// `y + x <= 2.5`, `x` in [0, 1], `y` in [0, 3] integer: the row implies `y <= 2`; over
    /// that bound its largest activity is 3, and 2 once `y <= 1`, below 2.5, so `d = 0.5`
    /// and the row becomes `0.5 y + x <= 1.5` with `y <= 2` installed: at `y = 2` it says
    /// `x <= 0.5` as before, at `y = 1` and `y = 0` it is slack as the original is.
    @Test func anImpliedBoundTightensTheRowItComesFrom() {
        var p = LinearProgram()
        let row = p.addRow(lower: -.infinity, upper: 2.5)
        p.addColumn(name: "y", cost: -1, lower: 0, upper: 3, coefficients: [(row, 1)])
        p.addColumn(name: "x", cost: -1, lower: 0, upper: 1, coefficients: [(row, 1)])
        let tight = CoefficientTightening.tightened(MixedIntegerProgram(program: p, integerColumns: [0])).program
        #expect(abs(tight.matrix.value(row: row, column: 0) - 0.5) < 1e-6)
        #expect(tight.matrix.value(row: row, column: 1) == 1)
        #expect(abs(tight.rowUpper[row] - 1.5) < 1e-6)
        #expect(tight.columnUpper[0] == 2 && tight.columnUpper[1] == 1)
    }

    /// A tiny random programme with big-M rows: two binaries, one integer in [0, 3], two
    /// continuous columns in [0, 6] (the second unbounded above half the time, bounded then
    /// only by the rows), three rows with coefficients in halves, and a big-M row
    /// `x - M y <= 0` or `M y - x >= 0` with `M` from 5 to 60.
    static func randomProgramme(_ rng: inout SeededGenerator) -> MixedIntegerProgram {
        var p = LinearProgram()
        var entries = [[(row: Int, value: Double)]](repeating: [], count: 5)
        for _ in 0..<3 {
            let kind = Int.random(in: 0..<3, using: &rng)
            let side = Double(Int.random(in: -6...12, using: &rng)) / 2 + 0.3
            let row = p.addRow(lower: kind == 1 ? -.infinity : side, upper: kind == 0 ? .infinity : side + (kind == 2 ? 1.5 : 0))
            for j in 0..<5 where Int.random(in: 0..<4, using: &rng) > 0 {
                let a = Double(Int.random(in: -8...8, using: &rng)) / 2
                if a != 0 { entries[j].append((row, a)) }
            }
        }
        let bigM = Double(Int.random(in: 5...60, using: &rng))
        let binary = Int.random(in: 0...1, using: &rng), continuous = Int.random(in: 3...4, using: &rng)
        if Bool.random(using: &rng) {
            let row = p.addRow(lower: -.infinity, upper: 0)
            entries[continuous].append((row, 1))
            entries[binary].append((row, -bigM))
        } else {
            let row = p.addRow(lower: 0, upper: .infinity)
            entries[continuous].append((row, -1))
            entries[binary].append((row, bigM))
        }
        let uppers = [1.0, 1, 3, 6, Bool.random(using: &rng) ? 6 : .infinity]
        for j in 0..<5 {
            p.addColumn(name: "c\(j)", cost: Double(Int.random(in: -5...5, using: &rng)), lower: 0, upper: uppers[j],
                        coefficients: entries[j])
        }
        return MixedIntegerProgram(program: p, integerColumns: [0, 1, 2])
    }

    /// The LP over the continuous part with the integer columns fixed at `point`, solved and
    /// certificate-checked: its status and objective.
    static func continuousPart(_ program: LinearProgram, at point: [Int]) -> (status: SolveStatus, objective: Double) {
        var p = program
        for (j, v) in point.enumerated() {
            p.columnLower[j] = Double(v)
            p.columnUpper[j] = Double(v)
        }
        let solution = p.solve()
        let report = CertificateChecker().check(solution, of: p)
        #expect(report.isValid, "\(report.failures)")
        return (solution.status, solution.objective)
    }

    /// 400 random programmes: at every integer point of the box within the tightened
    /// programme's bounds the continuous part is feasible in the tightened programme exactly
    /// when it is in the original (outside them, it is infeasible in the original), with the same
    /// optimum (so no mixed-integer point is cut off or added), and the tightened relaxation's
    /// optimum is no lower; some programmes tighten, and some relaxations rise.
    @Test func tighteningKeepsEveryMixedIntegerPoint() {
        var rng = SeededGenerator(state: 20_261_207)
        var tightened = 0, raised = 0
        for index in 0..<400 {
            let problem = Self.randomProgramme(&rng)
            let tight = CoefficientTightening.tightened(problem)
            guard tight != problem else { continue }
            tightened += 1
            for y0 in 0...1 {
                for y1 in 0...1 {
                    for z in 0...3 {
                        let a = Self.continuousPart(problem.program, at: [y0, y1, z])
                        let inside = zip([y0, y1, z], 0..<3).allSatisfy { v, j in
                            Double(v) >= tight.program.columnLower[j] && Double(v) <= tight.program.columnUpper[j]
                        }
                        guard inside else {
                            // Outside the implied bounds the tightened programme installs.
                            #expect(a.status == .infeasible, "programme \(index) at (\(y0), \(y1), \(z)): \(a.status)")
                            continue
                        }
                        let b = Self.continuousPart(tight.program, at: [y0, y1, z])
                        #expect(a.status == b.status, "programme \(index) at (\(y0), \(y1), \(z)): \(a.status) against \(b.status)")
                        if a.status == .optimal && b.status == .optimal {
                            #expect(abs(a.objective - b.objective) <= 1e-6 * max(1, abs(a.objective)),
                                    "programme \(index) at (\(y0), \(y1), \(z)): \(a.objective) against \(b.objective)")
                        }
                    }
                }
            }
            let before = problem.program.solve(), after = tight.program.solve()
            for (solution, program) in [(before, problem.program), (after, tight.program)] {
                let report = CertificateChecker().check(solution, of: program)
                #expect(report.isValid, "\(report.failures)")
            }
            if before.status == .optimal && after.status == .optimal {
                #expect(after.objective >= before.objective - 1e-6 * max(1, abs(before.objective)), "programme \(index)")
                if after.objective > before.objective + 1e-6 { raised += 1 }
            }
        }
        print("coefficient tightening: \(tightened) of 400 programmes tightened, \(raised) relaxations raised")
        #expect(tightened >= 100)
        #expect(raised >= 20)
    }
}
