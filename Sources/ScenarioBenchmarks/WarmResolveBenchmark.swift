import BudgetModel
import LinearProgramming

/// Re-solving one budget LP after a cut changes its right-hand side, warm from the previous
/// basis: the per-cut cost of a sweep, measured without the allocation rule around it.
///
/// The programme is the scenario's first stage (`AllocationExport`) at `cuts.0`; each re-solve
/// sets the rows whose bounds depend on the cut (funds, and groups stated as percentages) to
/// their values at the other cut, alternating, and solves from the basis the last solve left.
/// `benchmarks/highs_warm_resolve.py` does the same with HiGHS on the same two exported LPs.
public struct WarmResolveBenchmark {
    /// The first-stage programme at the first cut.
    public let first: LinearProgram
    /// The first-stage programme at the second cut (same rows and columns, other bounds).
    public let second: LinearProgram
    /// Rows whose bounds differ between the two.
    public let changedRows: [Int]

    /// The benchmark for `scenario` alternating between two cut levels (per cent).
    public init(scenario: Scenario, cuts: (Double, Double)) {
        let first = AllocationExport.firstStageProgram(of: scenario, atCut: cuts.0)
        let second = AllocationExport.firstStageProgram(of: scenario, atCut: cuts.1)
        changedRows = (0..<first.rowCount).filter {
            first.rowLower[$0] != second.rowLower[$0] || first.rowUpper[$0] != second.rowUpper[$0]
        }
        self.first = first
        self.second = second
    }

    /// The 10-service budget scenario the suite uses:
    /// `scenario generate --services 10 --funds 3 --groups 2 --seed 1 --mode weighted`.
    public static func tenServiceScenario() -> Scenario {
        let settings = GenerationSettings(services: 10, funds: 3, groups: 2, seed: 1, mode: .weighted)
        // The settings are in range, so generation cannot fail; an empty scenario is never reached.
        return (try? ScenarioGenerator.scenario(settings)) ?? Scenario(title: "", funds: [], services: [])
    }

    /// Solves once cold, then `resolves` times warm, alternating the cut rows; the time covers
    /// the warm re-solves only (changing the bounds and solving).
    public func run(resolves: Int) -> WarmResolveMeasurement {
        let solver = SimplexSolver(first)
        let cold = solver.solve()
        var objectives = [cold.objective, cold.objective]
        var iterations = 0
        var notOptimal = cold.status == .optimal ? 0 : 1
        let start = ContinuousClock.now
        for r in 0..<max(0, resolves) {
            let target = r % 2 == 0 ? second : first
            for row in changedRows {
                solver.setRowBounds(row, lower: target.rowLower[row], upper: target.rowUpper[row])
            }
            let solution = solver.solve()
            iterations += solution.iterations
            if solution.status != .optimal { notOptimal += 1 }
            objectives[(r + 1) % 2] = solution.objective
        }
        let seconds = Stopwatch.seconds(ContinuousClock.now - start)
        return WarmResolveMeasurement(
            resolves: max(0, resolves), seconds: seconds, iterations: iterations,
            notOptimal: notOptimal, objectives: (objectives[0], objectives[1]))
    }
}

/// What `WarmResolveBenchmark.run` measured.
public struct WarmResolveMeasurement: Sendable {
    /// Warm re-solves timed.
    public var resolves: Int
    /// Wall-clock seconds for all of them.
    public var seconds: Double
    /// Simplex iterations over all re-solves.
    public var iterations: Int
    /// Solves (including the first, cold one) that did not end optimal; 0 in a sound run.
    public var notOptimal: Int
    /// The last optimal objective at the first and at the second cut.
    public var objectives: (first: Double, second: Double)

    /// Mean seconds per re-solve.
    public var secondsPerResolve: Double { resolves > 0 ? seconds / Double(resolves) : 0 }
}
