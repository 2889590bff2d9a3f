import Foundation
import LPCertificates
import LinearProgramming
import Testing

/// Branch and bound on hand-made programmes whose optima are worked out by hand, on flugpl,
/// on integer-infeasible programmes and semi-continuous columns, and under limits. Every
/// result with an incumbent passes the independent checker (integrality, feasibility and the
/// final node's LP certificate).
@Suite struct BranchAndBoundTests {
    static func solve(_ problem: MixedIntegerProgram, options: MixedIntegerOptions = MixedIntegerOptions()) -> MixedIntegerSolution {
        let result = BranchAndBound(problem, options: options).solve()
        if result.columnValues != nil {
            let report = CertificateChecker().check(result, of: problem)
            #expect(report.isValid, "certificate failures: \(report.failures.joined(separator: " "))")
        }
        return result
    }

    /// max 8x + 5y subject to x + y <= 6, 9x + 5y <= 45, x, y >= 0 integer. The relaxation's
    /// optimum is x = 3.75, y = 2.25 (41.25); the integer points on the boundary give
    /// (5, 0) -> 40, (4, 1) -> 37, (3, 3) -> 39, (2, 4) -> 36, (0, 6) -> 30: the optimum is 40.
    @Test func textbookTwoVariableProgramme() {
        var p = LinearProgram(sense: .maximize)
        let c1 = p.addRow(lower: -.infinity, upper: 6)
        let c2 = p.addRow(lower: -.infinity, upper: 45)
        p.addColumn(name: "x", cost: 8, lower: 0, upper: .infinity, coefficients: [(c1, 1), (c2, 9)])
        p.addColumn(name: "y", cost: 5, lower: 0, upper: .infinity, coefficients: [(c1, 1), (c2, 5)])
        #expect(abs(p.solve().objective - 41.25) < 1e-9)
        let result = Self.solve(MixedIntegerProgram(program: p, integerColumns: [0, 1]))
        #expect(result.status == .optimal)
        #expect(result.objective == 40)
        #expect(result.columnValues == [5, 0])
        #expect(result.bound <= 40 + 1e-9 && result.bound >= 40 - 1e-6)
        #expect(result.gap ?? 1 <= 1e-6)
    }

    /// min x + 10 z subject to x + 3z >= 4.5, x continuous in [0, 10], z integer in [0, 3]:
    /// z = 0 costs 4.5, z = 1 costs 10 + 1.5, so the optimum is 4.5 with z = 0; forcing
    /// z >= 1 gives 11.5. A mixed problem whose continuous part the final LP certifies.
    @Test func mixedProgrammeKeepsItsContinuousPart() {
        var p = LinearProgram()
        let r = p.addRow(lower: 4.5, upper: .infinity)
        p.addColumn(name: "x", cost: 1, lower: 0, upper: 10, coefficients: [(r, 1)])
        p.addColumn(name: "z", cost: 10, lower: 0, upper: 3, coefficients: [(r, 3)])
        let free = Self.solve(MixedIntegerProgram(program: p, integerColumns: [1]))
        #expect(free.status == .optimal)
        #expect(abs((free.objective ?? 0) - 4.5) < 1e-9)
        p.columnLower[1] = 1
        let forced = Self.solve(MixedIntegerProgram(program: p, integerColumns: [1]))
        #expect(abs((forced.objective ?? 0) - 11.5) < 1e-9)
        #expect(forced.columnValues.map { abs($0[0] - 1.5) < 1e-9 && $0[1] == 1 } == true)
    }

    /// 2x + 2y = 3 with x, y integer in [0, 5]: the relaxation is feasible (x = 1.5), no
    /// integer point is (the left side is even). And 3 <= 4x <= 3.5 has no integer x.
    @Test(arguments: [(2.0, 3.0, 3.0), (4.0, 3.0, 3.5)])
    func integerInfeasibleProgrammesAreInfeasible(coefficient: Double, lower: Double, upper: Double) {
        var p = LinearProgram()
        let r = p.addRow(lower: lower, upper: upper)
        p.addColumn(name: "x", cost: 1, lower: 0, upper: 5, coefficients: [(r, coefficient)])
        p.addColumn(name: "y", cost: 1, lower: 0, upper: 5, coefficients: [(r, coefficient == 2 ? 2 : 0)])
        #expect(p.solve().status == .optimal)
        let result = Self.solve(MixedIntegerProgram(program: p, integerColumns: [0, 1]))
        #expect(result.status == .infeasible)
        #expect(result.objective == nil && result.columnValues == nil)
        #expect(result.bound == .infinity)
        #expect(result.gap == nil)
        let report = CertificateChecker().check(result, of: MixedIntegerProgram(program: p, integerColumns: [0, 1]))
        #expect(report.failures == ["Status infeasible without an incumbent carries no certificate: the search tree is not replayed."])
    }

    /// min x + 10 y subject to x + y >= 1, y in [0, 1], x semi-continuous: 0 or in [2, 10].
    /// The relaxation takes x = 1 (cost 1); the semi-continuous optimum is x = 2 (cost 2).
    /// With x's cost 6, x = 2 costs 12 and x = 0, y = 1 costs 10: then x is 0.
    @Test(arguments: [(1.0, 2.0, 2.0), (6.0, 10.0, 0.0)])
    func semicontinuousColumnIsZeroOrInItsRange(cost: Double, optimum: Double, x: Double) {
        var p = LinearProgram()
        let r = p.addRow(lower: 1, upper: .infinity)
        p.addColumn(name: "x", cost: cost, lower: 0, upper: 10, coefficients: [(r, 1)])
        p.addColumn(name: "y", cost: 10, lower: 0, upper: 1, coefficients: [(r, 1)])
        let problem = MixedIntegerProgram(program: p, semicontinuous: [(column: 0, lower: 2)])
        let result = Self.solve(problem)
        #expect(result.status == .optimal)
        #expect(abs((result.objective ?? 0) - optimum) < 1e-9)
        #expect(abs((result.columnValues?[0] ?? -1) - x) < 1e-9)
    }

    /// Semi-integer: min -x subject to x <= 2.5 (a row), x = 0 or an integer in [2, 10]: the
    /// largest allowed value is 2. With the range starting at 3 only x = 0 is left.
    @Test(arguments: [(2.0, -2.0), (3.0, 0.0)])
    func semiIntegerColumnTakesIntegersInItsRange(start: Double, optimum: Double) {
        var p = LinearProgram()
        let r = p.addRow(lower: -.infinity, upper: 2.5)
        p.addColumn(name: "x", cost: -1, lower: 0, upper: 10, coefficients: [(r, 1)])
        let problem = MixedIntegerProgram(program: p, integerColumns: [0], semicontinuous: [(column: 0, lower: start)])
        let result = Self.solve(problem)
        #expect(result.status == .optimal)
        #expect(result.objective == optimum)
    }

    static let flugpl: MixedIntegerProgram? = {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/flugpl.mps").path
        return try? MPSReader.readModel(contentsOf: path).mixedIntegerProgram
    }()

    /// MIPLIB's flugpl: relaxation 1,167,185.73, integer optimum 1,201,500 (the MIPLIB
    /// catalogue's value, and HiGHS's).
    @Test func flugplReachesItsPublishedOptimum() throws {
        let problem = try #require(Self.flugpl)
        #expect(problem.integerColumns.count == 11)
        let result = Self.solve(problem)
        #expect(result.status == .optimal)
        let objective = try #require(result.objective)
        #expect(abs(objective - 1_201_500) <= 1e-6 * 1_201_500)
        #expect(result.bound <= objective + 1e-6 && result.bound >= objective - 1e-6 * objective)
        #expect(result.nodes >= 1)
    }

    /// Limits stop the search with what it has: at one node flugpl has only its root (a
    /// fractional LP), so the bound is at least the relaxation's and at most the optimum.
    @Test func limitsStopTheSearchWithItsBound() throws {
        let problem = try #require(Self.flugpl)
        var options = MixedIntegerOptions()
        options.nodeLimit = 1
        let oneNode = Self.solve(problem, options: options)
        #expect(oneNode.status == .nodeLimit)
        #expect(oneNode.nodes == 1)
        #expect(oneNode.bound >= 1_167_185.72 && oneNode.bound <= 1_201_500 + 1e-6)
        if let objective = oneNode.objective { #expect(objective >= 1_201_500 - 1e-6) }
        options = MixedIntegerOptions()
        options.iterationLimit = 3
        #expect(Self.solve(problem, options: options).status == .iterationLimit)
        options = MixedIntegerOptions()
        options.timeLimit = 1e-9
        #expect(Self.solve(problem, options: options).status == .timeLimit)
    }

    /// The checker refuses an incumbent that is fractional, or whose objective is misreported.
    @Test func checkerRefusesABadIncumbent() throws {
        var p = LinearProgram()
        let r = p.addRow(lower: 1.5, upper: .infinity)
        p.addColumn(name: "x", cost: 1, lower: 0, upper: 5, coefficients: [(r, 1)])
        let problem = MixedIntegerProgram(program: p, integerColumns: [0])
        var result = BranchAndBound(problem).solve()
        #expect(result.objective == 2)
        #expect(CertificateChecker().check(result, of: problem).isValid)
        result.columnValues = [1.5]
        result.objective = 1.5
        let report = CertificateChecker().check(result, of: problem)
        #expect(report.failures.contains("Integer column x is 1.5, not an integer."))
        #expect(report.failures.contains { $0.hasPrefix("The proven bound 2 is better than") })
        result.columnValues = [2]
        #expect(CertificateChecker().check(result, of: problem).failures.contains {
            $0.hasPrefix("The reported objective 1.5 differs")
        })
    }
}
