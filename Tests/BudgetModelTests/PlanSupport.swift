import BudgetModel
import Foundation
import LPCertificates
import Testing

/// The plan fixture `Tests/Fixtures/NAME`, decoded.
func planFixture(_ name: String) throws -> ScenarioDocument {
    try ScenarioDecoder.decode(contentsOf: packageRoot.appendingPathComponent("Tests/Fixtures/\(name)").path)
}

/// A plan runner whose every LP solution goes through the independent certificate checker.
final class CheckedPlanRunner {
    private(set) var runner: PlanRunner
    private(set) var solvesChecked = 0
    /// Mixed-integer programmes solved (the choice of closures); each incumbent is certified.
    private(set) var mixedIntegerSolves = 0
    private(set) var failures: [String] = []

    init(_ document: ScenarioDocument) throws {
        let plan = try #require(document.plan)
        runner = PlanRunner(scenario: document.scenario, plan: plan)
        let checker = CertificateChecker()
        runner.solveObserver = { [unowned self] program, solution in
            solvesChecked += 1
            failures += checker.check(solution, of: program).failures.map { "\(program.name): \($0)" }
        }
        runner.mixedIntegerObserver = { [unowned self] problem, result in
            mixedIntegerSolves += 1
            if result.status == .infeasible { return }
            failures += checker.check(result, of: problem).failures.map { "\(problem.program.name) MIP: \($0)" }
        }
    }

    func run(_ path: [Double], sourceLocation: SourceLocation = #_sourceLocation) throws -> PlanPathResult {
        let result = try runner.run(path: path)
        #expect(solvesChecked > 0, sourceLocation: sourceLocation)
        #expect(failures.isEmpty, "certificate failures: \(failures)", sourceLocation: sourceLocation)
        return result
    }

    func maximumSustainableCut(sourceLocation: SourceLocation = #_sourceLocation) throws -> Double? {
        let cut = try runner.maximumSustainableCut()
        #expect(failures.isEmpty, "certificate failures: \(failures)", sourceLocation: sourceLocation)
        return cut
    }
}
