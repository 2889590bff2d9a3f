import LinearProgramming

/// Solves a sequence of LPs twice: each cold (a new solver), and all in one solver warm from the
/// previous LP's final basis (the right-hand sides, bounds and costs of the next LP replace the
/// last ones; the matrix must be the same, as it is for one scenario's first stage at several
/// cuts). `benchmarks/highs_compare.py` does the same with HiGHS.
public enum ProgramSequenceBenchmark {
    /// One LP's figures.
    public struct Measurement: Sendable, Equatable {
        /// Status and objective of the cold solve.
        public var coldStatus: SolveStatus
        /// The cold solve's objective.
        public var coldObjective: Double
        /// Wall-clock seconds of the cold solve (`solve()` only).
        public var coldSeconds: Double
        /// Status of the warm solve.
        public var warmStatus: SolveStatus
        /// The warm solve's objective.
        public var warmObjective: Double
        /// Wall-clock seconds of the warm solve (re-bounding and `solve()`).
        public var warmSeconds: Double
    }

    /// Whether every programme has the first one's matrix, names and sense, so that one solver can
    /// move through them by changing bounds and costs only.
    public static func sharesOneMatrix(_ programs: [LinearProgram]) -> Bool {
        guard let first = programs.first else { return true }
        return programs.allSatisfy {
            $0.matrix == first.matrix && $0.sense == first.sense
                && $0.rowNames == first.rowNames && $0.columnNames == first.columnNames
        }
    }

    /// The figures of every programme, in order; the warm pass runs only when the programmes share
    /// one matrix (otherwise the warm figures repeat the cold ones).
    public static func run(_ programs: [LinearProgram]) -> [Measurement] {
        var measurements = programs.map { program -> Measurement in
            let solver = SimplexSolver(program)
            let (solution, seconds) = Stopwatch.time { solver.solve() }
            return Measurement(
                coldStatus: solution.status, coldObjective: solution.objective, coldSeconds: seconds,
                warmStatus: solution.status, warmObjective: solution.objective, warmSeconds: seconds)
        }
        guard let first = programs.first, sharesOneMatrix(programs) else { return measurements }
        let solver = SimplexSolver(first)
        for (index, program) in programs.enumerated() {
            let (solution, seconds) = Stopwatch.time { () -> Solution in
                for i in 0..<program.rowCount {
                    solver.setRowBounds(i, lower: program.rowLower[i], upper: program.rowUpper[i])
                }
                for j in 0..<program.columnCount {
                    solver.setColumnBounds(j, lower: program.columnLower[j], upper: program.columnUpper[j])
                    solver.setCost(j, to: program.costs[j])
                }
                return solver.solve()
            }
            measurements[index].warmStatus = solution.status
            measurements[index].warmObjective = solution.objective
            measurements[index].warmSeconds = seconds
        }
        return measurements
    }
}
