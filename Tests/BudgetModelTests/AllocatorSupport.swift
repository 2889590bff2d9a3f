import BudgetModel
import LinearProgramming
import LPCertificates
import Testing

/// Runs an allocator with every LP solution it produces checked by the independent certificate checker.
final class CheckedAllocator {
    let allocator: Allocator
    private(set) var solvesChecked = 0
    /// Mixed-integer programmes solved (the choice of closures) and those with an incumbent,
    /// whose certificates were checked.
    private(set) var mixedIntegerSolves = 0
    private(set) var mixedIntegerCertified = 0
    private(set) var failures: [String] = []

    init(_ scenario: Scenario) {
        allocator = Allocator(scenario: scenario)
        observeSolves()
    }

    /// A checked allocator that takes the maximum feasible cut as known, as `BlockSweep`'s do.
    init(_ scenario: Scenario, maximumCut: Double?) {
        allocator = Allocator(scenario: scenario, maximumCut: maximumCut)
        observeSolves()
    }

    private func observeSolves() {
        let checker = CertificateChecker()
        allocator.solveObserver = { [unowned self] program, solution in
            let report = checker.check(solution, of: program)
            solvesChecked += 1
            failures += report.failures.map { "\(program.name) [\(solution.status)]: \($0)" }
        }
        allocator.mixedIntegerObserver = { [unowned self] problem, result in
            mixedIntegerSolves += 1
            if result.status == .infeasible { return }
            let report = checker.check(result, of: problem)
            mixedIntegerCertified += 1
            failures += report.failures.map { "\(problem.program.name) MIP [\(result.status)]: \($0)" }
        }
    }

    /// The result at a cut; fails the test if any LP solution behind it is not certified.
    func result(_ cut: Double, sourceLocation: SourceLocation = #_sourceLocation) throws -> CutResult {
        let result = try allocator.result(atCut: cut)
        #expect(solvesChecked > 0, sourceLocation: sourceLocation)
        #expect(failures.isEmpty, "certificate failures: \(failures)", sourceLocation: sourceLocation)
        return result
    }

    func maximumFeasibleCut(sourceLocation: SourceLocation = #_sourceLocation) throws -> Double? {
        let cut = try allocator.maximumFeasibleCut()
        #expect(failures.isEmpty, "certificate failures: \(failures)", sourceLocation: sourceLocation)
        return cut
    }
}

/// The allocations of a result by service id.
func allocations(_ result: CutResult) -> [String: Double] {
    Dictionary(uniqueKeysWithValues: result.services.map { ($0.serviceID, $0.allocation) })
}

/// The binding labels of a result by service id.
func bindings(_ result: CutResult) -> [String: String] {
    Dictionary(uniqueKeysWithValues: result.services.map { ($0.serviceID, $0.binding.label) })
}

/// Expects every allocation within a penny of the hand-worked figure.
func expectAllocations(
    _ result: CutResult, _ expected: [String: Double], sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(result.status == .optimal, sourceLocation: sourceLocation)
    let actual = allocations(result)
    for (id, amount) in expected {
        let value = actual[id] ?? .nan
        #expect(abs(value - amount) < 0.01, "\(id): \(value) != \(amount)", sourceLocation: sourceLocation)
    }
}

/// The worked example of SCENARIO-SPEC section 9.
func workedExample(mode: ObjectiveMode = .tiers) -> Scenario {
    Scenario(
        title: "Worked example",
        objective: mode,
        funds: [
            Fund(id: "grant", amount: 1_000_000),
            Fund(id: "dv", name: "Domestic violence ring-fence", amount: 100_000, ringFencedFor: ["idva"]),
        ],
        services: [
            Service(id: "hub", baseline: 400_000, isProtected: true),
            Service(id: "idva", baseline: 200_000, minimum: .percent(50), priority: 1, weight: mode == .weighted ? 3 : 1),
            Service(id: "rj", baseline: 300_000, minimum: .percent(60), weight: mode == .weighted ? 2 : 1),
            Service(id: "counselling", baseline: 200_000),
        ])
}
