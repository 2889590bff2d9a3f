import Foundation
import BudgetModel
import LinearProgramming
import Testing

@Suite struct AllocationExportTests {
    /// SCENARIO-SPEC section 9's worked example as a scenario file (`Tests/Fixtures/worked-example.toml`).
    static let workedExample: String = {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/worked-example.toml")
        return (try? String(contentsOf: fixture, encoding: .utf8)) ?? "missing fixture \(fixture.path)"
    }()

    /// Writes the first stage as MPS, reads it back and solves both.
    func roundTrip(_ scenario: Scenario, cut: Double) throws -> (exported: Solution, reread: Solution) {
        let program = AllocationExport.firstStageProgram(of: scenario, atCut: cut)
        let text = try MPSWriter.string(for: program)
        let reread = try MPSReader.parse(text, fileName: "export.mps")
        #expect(reread == program)
        return (program.solve(), reread.solve())
    }

    @Test func tiersFirstStageIsTheTopTiersShortfall() throws {
        let scenario = try ScenarioDecoder.decode(Self.workedExample, fileName: "worked.toml").scenario
        // At 30% priority 0 can give 320,000 of the 330,000 needed: idva (priority 1) is cut 5%.
        let (exported, reread) = try roundTrip(scenario, cut: 30)
        #expect(exported.status == .optimal)
        #expect(abs(exported.objective - 0.05) < 1e-9)
        #expect(abs(reread.objective - exported.objective) < 1e-12)
        // At 10% priority 1 is not cut at all.
        #expect(abs(try roundTrip(scenario, cut: 10).reread.objective) < 1e-9)
    }

    @Test func weightedFirstStageIsTheWeightedOptimum() throws {
        var scenario = try ScenarioDecoder.decode(Self.workedExample, fileName: "worked.toml").scenario
        scenario.objective = .weighted
        scenario.services[1].weight = 3
        scenario.services[2].weight = 2
        // Section 9 at 10%: hub 400,000 + 3 * 200,000 + 2 * 300,000 + 90,000, in units of the scale.
        let (exported, reread) = try roundTrip(scenario, cut: 10)
        let scale = AllocationExport.scale(of: scenario)
        #expect(scale == 1_000_000)
        #expect(abs(exported.objective * scale + 1_690_000) < 1e-3)
        #expect(abs(reread.objective - exported.objective) < 1e-12)
    }

    @Test func exportedRowsAreNeverFree() throws {
        let scenario = try ScenarioDecoder.decode(Self.workedExample, fileName: "worked.toml").scenario
        let program = AllocationExport.firstStageProgram(of: scenario, atCut: 20)
        #expect(program.rowNames == ["fund:grant", "fund:dv", "balance:hub", "balance:idva", "balance:rj",
                                     "balance:counselling", "tier:idva"])
        #expect(program.rowUpper[0] == 0.8)
    }
}
