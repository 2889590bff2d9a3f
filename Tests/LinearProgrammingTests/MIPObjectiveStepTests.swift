import LPCertificates
import LinearProgramming
import Testing

/// The step of a mixed-integer programme's objective (`MixedIntegerProgram.objectiveStep`),
/// worked out by hand, and searches that prune by it to the hand-worked optimum.
@Suite struct MIPObjectiveStepTests {
    /// One row `a'x >= lower` (or `<= upper`) over integer columns in [0, 5] with `costs`.
    static func programme(costs: [Double], row: [Double], lower: Double, upper: Double, sense: ObjectiveSense = .minimize)
        -> LinearProgram
    {
        var p = LinearProgram(sense: sense)
        let r = p.addRow(lower: lower, upper: upper)
        for (j, c) in costs.enumerated() {
            p.addColumn(name: "x\(j)", cost: c, lower: 0, upper: 5, coefficients: [(r, row[j])])
        }
        return p
    }

    /// Costs 0.25, 0.5 and 1.25 scale by 600 to 150, 300 and 750, whose greatest common
    /// divisor is 150: the step is 150 / 600 = 0.25. Costs 50 and 75: 30,000 and 45,000,
    /// divisor 15,000, step 25. Costs 1/3 and 1: 200 and 600, step 1/3.
    @Test(arguments: [([0.25, 0.5, 1.25], 0.25), ([50.0, 75.0], 25.0), ([1.0 / 3.0, 1.0], 1.0 / 3.0)])
    func stepIsTheGreatestCommonDivisorOfTheCosts(costs: [Double], step: Double) throws {
        let p = Self.programme(costs: costs, row: costs.map { _ in 1 }, lower: 1, upper: .infinity)
        let found = try #require(MixedIntegerProgram(program: p, integerColumns: Array(costs.indices)).objectiveStep)
        #expect(abs(found.step - step) < 1e-12)
        #expect(found.offset == 0)
    }

    /// A continuous column fixed at 2 with cost 0.3 and the constant 0.1 make the offset
    /// 0.1 + 0.6 = 0.7; the integer columns' costs 0.5 and 1 the step 0.5.
    @Test func fixedContinuousColumnsAndTheConstantAreTheOffset() throws {
        var p = Self.programme(costs: [0.5, 1], row: [1, 1], lower: 1, upper: .infinity)
        p.addColumn(name: "z", cost: 0.3, lower: 2, upper: 2, coefficients: [])
        p.objectiveConstant = 0.1
        let found = try #require(MixedIntegerProgram(program: p, integerColumns: [0, 1]).objectiveStep)
        #expect(found.step == 0.5)
        #expect(abs(found.offset - 0.7) < 1e-12)
    }

    /// No step when an unfixed continuous column has a cost, or an integer column's cost is
    /// no multiple of 1/600 (pi).
    @Test func noStepForContinuousOrIrrationalCosts() {
        var p = Self.programme(costs: [0.5, 1], row: [1, 1], lower: 1, upper: .infinity)
        #expect(MixedIntegerProgram(program: p, integerColumns: [0]).objectiveStep == nil)
        p.costs[1] = Double.pi
        #expect(MixedIntegerProgram(program: p, integerColumns: [0, 1]).objectiveStep == nil)
    }

    /// min 0.25 x + 0.5 y subject to 3x + 5y >= 7, x, y integer in [0, 5]. The relaxation
    /// takes x = 7/3 (cost 0.583); the integer points (3, 0) and (1, 1) cost 0.75, (0, 2)
    /// costs 1: the optimum is 0.75, one step of 0.25 above the relaxation rounded up.
    @Test func minimisationReachesItsOptimumOnTheStep() throws {
        let p = Self.programme(costs: [0.25, 0.5], row: [3, 5], lower: 7, upper: .infinity)
        #expect(abs(p.solve().objective - 7.0 / 12.0) < 1e-9)
        let problem = MixedIntegerProgram(program: p, integerColumns: [0, 1])
        let result = BranchAndBound(problem).solve()
        #expect(result.status == .optimal)
        #expect(abs((result.objective ?? 0) - 0.75) < 1e-9)
        #expect(abs(result.bound - 0.75) < 1e-9)
        #expect(CertificateChecker().check(result, of: problem).isValid)
    }

    /// max 0.25 x + 0.5 y + 0.3 z + 0.1 subject to 3x + 5y <= 7, x, y integer in [0, 5], z
    /// fixed at 1: the offset is 0.4 and the step 0.25. The relaxation takes y = 1.4 (1.1);
    /// the integer points (2, 0) and (0, 1) give 0.5 + 0.4 = 0.9, the optimum.
    @Test func maximisationWithAnOffsetReachesItsOptimum() throws {
        var p = Self.programme(costs: [0.25, 0.5], row: [3, 5], lower: -.infinity, upper: 7, sense: .maximize)
        p.addColumn(name: "z", cost: 0.3, lower: 1, upper: 1, coefficients: [])
        p.objectiveConstant = 0.1
        #expect(abs(p.solve().objective - 1.1) < 1e-9)
        let problem = MixedIntegerProgram(program: p, integerColumns: [0, 1])
        let step = try #require(problem.objectiveStep)
        #expect(step.step == 0.25 && abs(step.offset - 0.4) < 1e-12)
        let result = BranchAndBound(problem).solve()
        #expect(result.status == .optimal)
        #expect(abs((result.objective ?? 0) - 0.9) < 1e-9)
        #expect(abs(result.bound - 0.9) < 1e-9)
        #expect(CertificateChecker().check(result, of: problem).isValid)
    }
}
