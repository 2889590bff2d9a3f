import LinearProgramming
import LPCertificates
import Testing

/// The checker against hand-worked solutions: each correct one passes, and
/// each deliberately wrong one is caught by the check meant for it.
@Suite struct CertificateCheckerTests {
    /// minimise -x - y  s.t.  r1: x + 2y <= 4,  r2: 3x + y <= 6,  x, y >= 0.
    /// Optimum x = 1.6, y = 1.2, objective -2.8, duals (-0.4, -0.2).
    static func twoByTwo(_ sense: ObjectiveSense = .minimize) -> LinearProgram {
        var p = LinearProgram(name: "two", sense: sense)
        let c: Double = sense == .minimize ? -1 : 1
        p.addRow(name: "r1", lower: -.infinity, upper: 4)
        p.addRow(name: "r2", lower: -.infinity, upper: 6)
        p.addColumn(name: "x", cost: c, lower: 0, upper: .infinity, coefficients: [(0, 1), (1, 3)])
        p.addColumn(name: "y", cost: c, lower: 0, upper: .infinity, coefficients: [(0, 2), (1, 1)])
        return p
    }

    static func solution(
        x: [Double], duals: [Double], of p: LinearProgram, objective: Double? = nil, reducedCosts: [Double]? = nil,
        basis: Basis = Basis(columns: [.basic, .basic], rows: [.atUpper, .atUpper])
    ) -> Solution {
        let aty = p.matrix.transposeMultiply(duals)
        return Solution(
            status: .optimal, objective: objective ?? p.objectiveValue(at: x), columnValues: x,
            rowActivities: p.rowActivities(at: x), rowDuals: duals,
            reducedCosts: reducedCosts ?? (0..<p.columnCount).map { p.costs[$0] - aty[$0] },
            basis: basis, iterations: 2)
    }

    let checker = CertificateChecker()

    @Test func optimalMinimisationPasses() {
        let p = Self.twoByTwo()
        let report = checker.check(Self.solution(x: [1.6, 1.2], duals: [-0.4, -0.2], of: p), of: p)
        #expect(report.failures == [])
        #expect(report.isValid)
        #expect(report.relativeDualityGap < 1e-15)
        #expect(report.maxPrimalInfeasibility < 1e-15)
    }

    @Test func optimalMaximisationPassesWithFlippedDuals() {
        let p = Self.twoByTwo(.maximize)
        #expect(checker.check(Self.solution(x: [1.6, 1.2], duals: [0.4, 0.2], of: p), of: p).isValid)
        // The minimisation's duals are of the wrong sign for a maximisation.
        let wrong = checker.check(Self.solution(x: [1.6, 1.2], duals: [-0.4, -0.2], of: p), of: p)
        #expect(wrong.failures.contains { $0.hasPrefix("Row r1 has dual -0.4 of the wrong sign") })
        #expect(wrong.maxDualInfeasibility > 0.1)
    }

    @Test func rowViolationIsCaught() {
        let p = Self.twoByTwo()
        let report = checker.check(Self.solution(x: [2, 1.2], duals: [-0.4, -0.2], of: p), of: p)
        #expect(report.failures.contains("Row r2 has activity 7.2, above its upper bound 6."))
        // Violation 1.2 over max(1, bound 6, largest term 3 * 2 = 6).
        #expect(abs(report.maxPrimalInfeasibility - 0.2) < 1e-12)
    }

    @Test func columnBoundViolationIsCaught() {
        let p = Self.twoByTwo()
        let report = checker.check(Self.solution(x: [-0.1, 1.2], duals: [-0.4, -0.2], of: p), of: p)
        #expect(report.failures.contains("Column x is -0.1, below its lower bound 0."))
    }

    @Test func wrongSignReducedCostIsCaught() {
        // x = y = 0 with zero duals: both reduced costs are -1, but neither column is at an upper bound.
        let p = Self.twoByTwo()
        let s = Self.solution(x: [0, 0], duals: [0, 0], of: p, basis: Basis(columns: [.atLower, .atLower], rows: [.basic, .basic]))
        let report = checker.check(s, of: p)
        #expect(report.failures.contains("Column x has reduced cost -1 of the wrong sign: it is not at its upper bound (value 0, bounds [0, inf])."))
        #expect(report.maxDualInfeasibility == 1)
    }

    @Test func complementarityViolationIsCaught() {
        // Slack rows with non-zero duals; dual signs tolerated so only complementarity and the gap fail.
        let p = Self.twoByTwo()
        let lenient = CertificateChecker(tolerance: CertificateTolerance(dual: 1))
        let s = Self.solution(x: [1, 1], duals: [-0.4, -0.2], of: p, basis: Basis(columns: [.basic, .basic], rows: [.basic, .basic]))
        let report = lenient.check(s, of: p)
        #expect(report.failures.contains { $0.hasPrefix("Row r1 violates complementary slackness") })
        #expect(abs(report.maxComplementarity - 0.4 / 2) < 1e-12)
        #expect(report.failures.contains("The primal objective -2 differs from the dual objective -2.8."))
        #expect(abs(report.relativeDualityGap - 0.4) < 1e-12)
    }

    @Test func reportedReducedCostsAndObjectiveAreRecomputed() {
        let p = Self.twoByTwo()
        let s = Self.solution(x: [1.6, 1.2], duals: [-0.4, -0.2], of: p, objective: -3, reducedCosts: [0, 0.5])
        let report = checker.check(s, of: p)
        #expect(report.failures.contains("Column y has reported reduced cost 0.5 but c - A'y gives 0."))
        #expect(report.failures.contains("The reported objective -3 differs from c'x + constant = -2.8."))
    }

    @Test func basisInconsistenciesAreCaught() {
        let p = Self.twoByTwo()
        let s = Self.solution(x: [1.6, 1.2], duals: [-0.4, -0.2], of: p, basis: Basis(columns: [.atLower, .basic], rows: [.basic, .atUpper]))
        let report = checker.check(s, of: p)
        #expect(report.failures.contains("Column x is marked atLower but has value 1.6."))
        #expect(report.failures.contains("Basic row r1 has non-zero dual -0.4."))
    }

    @Test func malformedSolutionsAreReportedNotTrapped() {
        let p = Self.twoByTwo()
        var s = Self.solution(x: [1.6, 1.2], duals: [-0.4, -0.2], of: p)
        s.rowDuals = [1]
        #expect(checker.check(s, of: p).failures == ["The solution has 1 row duals for 2 rows."])
        s = Self.solution(x: [1.6, .nan], duals: [-0.4, -0.2], of: p)
        #expect(checker.check(s, of: p).failures == ["The solution contains a value that is NaN or infinite."])
        s.status = .iterationLimit
        #expect(!checker.check(s, of: p).isValid)
    }

    /// x + y <= 1 and x + y >= 3 with x, y >= 0.
    static func infeasible() -> LinearProgram {
        var p = LinearProgram(name: "infeasible")
        p.addRow(name: "atMostOne", lower: -.infinity, upper: 1)
        p.addRow(name: "atLeastThree", lower: 3, upper: .infinity)
        p.addColumn(name: "x", cost: 1, lower: 0, upper: .infinity, coefficients: [(0, 1), (1, 1)])
        p.addColumn(name: "y", cost: 1, lower: 0, upper: .infinity, coefficients: [(0, 1), (1, 1)])
        return p
    }

    static func infeasibleSolution(ray: [Double]?) -> Solution {
        Solution(status: .infeasible, objective: 0, columnValues: [0, 0], rowActivities: [0, 0], rowDuals: [0, 0],
                 reducedCosts: [0, 0], basis: Basis(columns: [.basic, .basic], rows: [.atUpper, .atLower]),
                 iterations: 1, farkasRay: ray)
    }

    @Test func farkasRayIsVerified() {
        let p = Self.infeasible()
        #expect(checker.check(Self.infeasibleSolution(ray: [-1, 1]), of: p).isValid)
        #expect(checker.check(Self.infeasibleSolution(ray: [-1, 0.5]), of: p).isValid)
        #expect(checker.check(Self.infeasibleSolution(ray: [-1, 0.2]), of: p).failures
            == ["The Farkas ray does not separate: the rows bound y'Ax below by -0.4 but the columns allow z'x up to 0 (ray scaled to max |y| = 1)."])
        #expect(checker.check(Self.infeasibleSolution(ray: [1, 1]), of: p).failures.contains(
            "The Farkas ray puts multiplier 1 on row atMostOne, whose lower bound is infinite."))
        #expect(checker.check(Self.infeasibleSolution(ray: [0, 0]), of: p).failures == ["The Farkas ray is zero: it proves nothing."])
        #expect(!checker.check(Self.infeasibleSolution(ray: nil), of: p).isValid)
        #expect(!checker.check(Self.infeasibleSolution(ray: [1]), of: p).isValid)
    }

    /// `infeasible()` with every bound multiplied by `scale`, and the row `x + y >= 3`
    /// moved to `x + y >= 1 + excess` (before scaling).
    static func scaledInfeasible(scale: Double, excess: Double) -> LinearProgram {
        var p = Self.infeasible()
        p.rowUpper[0] = scale
        p.rowLower[1] = (1 + excess) * scale
        return p
    }

    @Test func farkasMarginIsRelativeToTheSizeOfItsTerms() {
        // Rows x + y <= 1e-7 and x + y >= 3e-7: the ray (-1, 1) separates by 2e-7,
        // half the size 4e-7 of its terms, so it proves infeasibility whatever the units.
        let small = Self.scaledInfeasible(scale: 1e-7, excess: 2)
        #expect(checker.check(Self.infeasibleSolution(ray: [-1, 1]), of: small).isValid)
        let large = Self.scaledInfeasible(scale: 1e7, excess: 2)
        #expect(checker.check(Self.infeasibleSolution(ray: [-1, 1]), of: large).isValid)
        // An excess of 1e-7 of the bounds separates by 1e-14 against terms of 2e-7
        // (5e-8 of them, under the 1e-6 tolerance), at either scale.
        for scale in [1e-7, 1.0, 1e7] {
            let near = Self.scaledInfeasible(scale: scale, excess: 1e-7)
            #expect(checker.check(Self.infeasibleSolution(ray: [-1, 1]), of: near).failures.count == 1)
        }
    }

    @Test func farkasMarginMustExceedTheRoundingOfItsProducts() {
        // x >= 1 and -(1 - 2^-40) x >= -0.999 with 0 <= x <= 1e9. The ray (1, 1) gives
        // z = 2^-40 (exactly), so the columns allow z'x up to 2^-40 * 1e9 = 9.09e-4 and
        // the margin is 1e-3 - 9.09e-4 = 9.05e-5: 4.5e-5 of the terms' size 2, but under
        // 1e-12 of the products summed to get it (1e9 * (1 + 1) + 2 = 2e9): a margin
        // rounding could make, so it is no proof.
        var p = LinearProgram(name: "rounding")
        p.addRow(name: "atLeastOne", lower: 1, upper: .infinity)
        p.addRow(name: "atMostNearlyOne", lower: -0.999, upper: .infinity)
        p.addColumn(name: "x", cost: 0, lower: 0, upper: 1e9, coefficients: [(0, 1), (1, -(1 - 0x1p-40))])
        let solution = Solution(
            status: .infeasible, objective: 0, columnValues: [0], rowActivities: [0, 0], rowDuals: [0, 0],
            reducedCosts: [0], basis: Basis(columns: [.basic], rows: [.atLower, .basic]), iterations: 1,
            farkasRay: [1, 1])
        #expect(checker.check(solution, of: p).failures.count == 1)
        // With x <= 1e6 the columns allow 9.09e-7 and the margin 9.99e-4 is over
        // 1e-12 of the 2e6 summed: a proof.
        p.columnUpper[0] = 1e6
        #expect(checker.check(solution, of: p).isValid)
    }

    @Test func anEmptyBoundNeedsNoRay() {
        // A row whose lower bound is above its upper one proves infeasibility by itself,
        // as the solver reports it (no ray of the documented form can express it).
        var crossedRow = Self.twoByTwo()
        crossedRow.rowLower[1] = 7
        let solution = crossedRow.solve()
        #expect(solution.status == .infeasible && solution.farkasRay == nil)
        #expect(checker.check(solution, of: crossedRow).isValid)
        var crossedColumn = Self.twoByTwo()
        crossedColumn.columnLower[0] = 2
        crossedColumn.columnUpper[0] = 1
        #expect(checker.check(crossedColumn.solve(), of: crossedColumn).isValid)
        // Without an empty bound, a missing ray is still a failure.
        #expect(checker.check(Self.infeasibleSolution(ray: nil), of: Self.infeasible()).failures
            == ["The solution is marked infeasible but carries no Farkas ray."])
    }

    /// minimise -x (or maximise x) s.t. x - y <= 1, x, y >= 0: unbounded along (1, 1).
    static func unbounded(_ sense: ObjectiveSense) -> LinearProgram {
        var p = LinearProgram(name: "unbounded", sense: sense)
        p.addRow(name: "gap", lower: -.infinity, upper: 1)
        p.addColumn(name: "x", cost: sense == .minimize ? -1 : 1, lower: 0, upper: .infinity, coefficients: [(0, 1)])
        p.addColumn(name: "y", cost: 0, lower: 0, upper: .infinity, coefficients: [(0, -1)])
        return p
    }

    static func unboundedSolution(x: [Double] = [0, 0], ray: [Double]?) -> Solution {
        Solution(status: .unbounded, objective: 0, columnValues: x, rowActivities: [0], rowDuals: [0],
                 reducedCosts: [0, 0], basis: Basis(columns: [.basic, .atLower], rows: [.atUpper]),
                 iterations: 1, unboundedRay: ray)
    }

    @Test(arguments: [ObjectiveSense.minimize, .maximize])
    func unboundedRayIsVerified(sense: ObjectiveSense) {
        let p = Self.unbounded(sense)
        #expect(checker.check(Self.unboundedSolution(ray: [2, 2]), of: p).isValid)
        #expect(checker.check(Self.unboundedSolution(ray: [1, 0]), of: p).failures
            == ["The ray increases row gap, which has the finite upper bound 1."])
        #expect(checker.check(Self.unboundedSolution(ray: [0, 1]), of: p).failures
            == ["The ray does not improve the objective: c'd = 0 (ray scaled to max |d| = 1) when \(sense == .minimize ? "minimising" : "maximising")."])
        #expect(checker.check(Self.unboundedSolution(ray: [-1, -1]), of: p).failures.contains(
            "The ray decreases column x, which has the finite lower bound 0."))
        #expect(checker.check(Self.unboundedSolution(x: [3, 0], ray: [1, 1]), of: p).failures
            == ["Row gap has activity 3, above its upper bound 1."])
        #expect(!checker.check(Self.unboundedSolution(ray: nil), of: p).isValid)
    }

    /// A ray's improvement is judged against its own terms, not the largest cost:
    /// minimise 1000 w - 0.001 x with w in [0, 1], x >= 0 is unbounded along (0, 1).
    @Test func unboundedRayImprovementIsRelativeToItsTerms() {
        var p = LinearProgram(name: "scaled")
        p.addColumn(name: "w", cost: 1000, lower: 0, upper: 1)
        p.addColumn(name: "x", cost: -0.001, lower: 0, upper: .infinity)
        let solution = { (ray: [Double]) in
            Solution(status: .unbounded, objective: 0, columnValues: [0, 0], rowActivities: [], rowDuals: [],
                     reducedCosts: [1000, -0.001], basis: Basis(columns: [.atLower, .atLower], rows: []),
                     iterations: 1, unboundedRay: ray)
        }
        #expect(checker.check(solution([0, 1]), of: p).failures == [])
        // A component within tolerance against a finite bound is excused, so it cannot help:
        // with w's cost -1000 and x's 0, the ray (1e-7, 1) improves only through w.
        p.costs = [-1000, 0]
        #expect(checker.check(solution([1e-7, 1]), of: p).failures
            == ["The ray does not improve the objective: c'd = 0 (ray scaled to max |d| = 1) when minimising."])
    }
}
