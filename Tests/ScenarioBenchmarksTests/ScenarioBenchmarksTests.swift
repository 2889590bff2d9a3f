import BudgetModel
import LinearProgramming
import ScenarioBenchmarks
import Testing

@Suite struct ScenarioBenchmarksTests {
    @Test func cutGridHasExactEndsAndNoDrift() {
        let cuts = CutGrid.cuts(from: 0, to: 30, step: 0.01)
        #expect(cuts.count == 3001)
        #expect(cuts.first == 0)
        #expect(cuts.last == 30)
        #expect(cuts[1234] == 12.34)
        #expect(CutGrid.cuts(from: 5, to: 20, step: 1) == [5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20])
        #expect(CutGrid.cuts(from: 5, to: 4, step: 1).isEmpty)
        #expect(CutGrid.cuts(from: 0, to: 1, step: 0).isEmpty)
    }

    @Test func warmResolvesReachTheColdOptimaOfBothCuts() {
        let benchmark = WarmResolveBenchmark(scenario: WarmResolveBenchmark.tenServiceScenario(), cuts: (10, 12))
        #expect(!benchmark.changedRows.isEmpty)
        let measured = benchmark.run(resolves: 11)
        #expect(measured.resolves == 11)
        #expect(measured.notOptimal == 0)
        let first = benchmark.first.solve()
        let second = benchmark.second.solve()
        #expect(first.status == .optimal && second.status == .optimal)
        #expect(abs(measured.objectives.first - first.objective) < 1e-9)
        #expect(abs(measured.objectives.second - second.objective) < 1e-9)
        // A deeper cut leaves less money to weigh.
        #expect(second.objective > first.objective)
    }

    @Test func sweepCountsCutsAndInfeasibleOnes() throws {
        let scenario = try ScenarioDecoder.decode(BundledScenario.text, fileName: BundledScenario.fileName).scenario
        let maximum = try #require(try Allocator(scenario: scenario).maximumFeasibleCut())
        let cuts = CutGrid.cuts(from: 0, to: 30, step: 0.5)
        let sweep = try SweepBenchmark.run(scenario, cuts: cuts)
        #expect(sweep.cuts == 61)
        #expect(sweep.infeasible == cuts.filter { $0 > maximum }.count)
        #expect(sweep.linearPrograms >= 61)
    }

    @Test func tableAlignsItsColumns() {
        let rows = [
            QuickBench.Row(label: "a", figure: "1.0 ms", detail: "x"),
            QuickBench.Row(label: "longer", figure: "12.5 µs", detail: "y"),
        ]
        #expect(QuickBench.table(rows) == """
            benchmark  time     work done
            -----------------------------
            a          1.0 ms   x
            longer     12.5 µs  y

            Measured in this process with the built-in solver only (no HiGHS); wall-clock, one run each.

            """)
    }
}

@Suite struct ProgramSequenceBenchmarkTests {
    @Test func warmPassReachesTheColdOptima() {
        let scenario = WarmResolveBenchmark.tenServiceScenario()
        let programs = [10.0, 12, 14, 30].map { AllocationExport.firstStageProgram(of: scenario, atCut: $0) }
        #expect(ProgramSequenceBenchmark.sharesOneMatrix(programs))
        let measured = ProgramSequenceBenchmark.run(programs)
        #expect(measured.count == 4)
        for m in measured {
            #expect(m.coldStatus == .optimal && m.warmStatus == .optimal)
            #expect(abs(m.warmObjective - m.coldObjective) < 1e-9)
        }
        // Less money at each deeper cut: the weighted optimum (a negative objective) rises.
        #expect(measured[0].coldObjective < measured[1].coldObjective)
        #expect(measured[2].coldObjective < measured[3].coldObjective)
    }

    @Test func programsOfDifferentShapeAreNotWarmStarted() {
        let small = AllocationExport.firstStageProgram(of: WarmResolveBenchmark.tenServiceScenario(), atCut: 10)
        var other = small
        other.addRow(name: "extra", lower: 0, upper: 1)
        #expect(!ProgramSequenceBenchmark.sharesOneMatrix([small, other]))
        let measured = ProgramSequenceBenchmark.run([small, other])
        #expect(measured[1].warmSeconds == measured[1].coldSeconds)
    }
}
