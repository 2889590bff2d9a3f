import BudgetModel
import Foundation
import Testing

@Test func scratchTiming() throws {
    let document = try ScenarioDecoder.decode(BundledScenario.text, fileName: BundledScenario.fileName)
    for mode in [ObjectiveMode.tiers, .weighted] {
        var scenario = document.scenario
        scenario.objective = mode
        let allocator = Allocator(scenario: scenario)
        var solves = 0
        allocator.solveObserver = { _, _ in solves += 1 }
        let start = Date()
        var infeasible = 0
        for k in 0...3000 {
            let r = try allocator.result(atCut: Double(k) / 100)
            if r.status == .infeasible { infeasible += 1 }
        }
        let elapsed = Date().timeIntervalSince(start)
        print("mode \(mode): 3001 cuts in \(elapsed) s, \(solves) LP solves, \(infeasible) infeasible, max cut \(try allocator.maximumFeasibleCut() ?? -1)")
        for c in [5.0, 10, 15, 20] {
            let r = try allocator.result(atCut: c)
            print(c, r.services.map { "\($0.serviceID)=\(($0.allocation * 100).rounded() / 100) \($0.binding.label)" })
        }
    }
}
