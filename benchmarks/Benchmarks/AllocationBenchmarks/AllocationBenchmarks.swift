import Benchmark
import BudgetModel
import LinearProgramming
import ScenarioBenchmarks

/// (a) 1,000 warm re-solves of the 10-service LP, alternating its cut rows between 10% and 12%;
/// (b) the 3,001-cut sweep of the bundled scenario, both modes;
/// (c) the generated 1,000/50/100 model swept over 5..20% in steps of 1%.
let benchmarks: @Sendable () -> Void = {
    let quick = Benchmark.Configuration(metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
                                        maxDuration: .seconds(5), maxIterations: 50)

    Benchmark("warm re-solve x1000, 10-service LP", configuration: quick) { benchmark in
        let setup = WarmResolveBenchmark(scenario: WarmResolveBenchmark.tenServiceScenario(), cuts: (10, 12))
        let solver = SimplexSolver(setup.first)
        blackHole(solver.solve())
        benchmark.startMeasurement()
        for r in 0..<1000 {
            let target = r % 2 == 0 ? setup.second : setup.first
            for row in setup.changedRows {
                solver.setRowBounds(row, lower: target.rowLower[row], upper: target.rowUpper[row])
            }
            blackHole(solver.solve())
        }
        benchmark.stopMeasurement()
    }

    for mode in [ObjectiveMode.tiers, .weighted] {
        Benchmark("sweep 0..30% step 0.01, bundled, \(mode.rawValue)", configuration: quick) { benchmark in
            guard var scenario = try? ScenarioDecoder.decode(BundledScenario.text, fileName: BundledScenario.fileName).scenario
            else { return }
            scenario.objective = mode
            let cuts = CutGrid.cuts(from: 0, to: 30, step: 0.01)
            benchmark.startMeasurement()
            blackHole(try SweepBenchmark.run(scenario, cuts: cuts))
            benchmark.stopMeasurement()
        }
    }

    Benchmark("sweep 5..20% step 1, generated 1000/50/100, tiers",
              configuration: .init(metrics: [.wallClock, .peakMemoryResident], maxDuration: .seconds(20), maxIterations: 5)) { benchmark in
        let scenario = try ScenarioGenerator.scenario(QuickBench.largeModel)
        let cuts = CutGrid.cuts(from: 5, to: 20, step: 1)
        benchmark.startMeasurement()
        blackHole(try SweepBenchmark.run(scenario, cuts: cuts))
        benchmark.stopMeasurement()
    }
}
