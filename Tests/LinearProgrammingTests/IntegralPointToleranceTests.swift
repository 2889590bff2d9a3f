import Foundation
import LPCertificates
import LinearProgramming
import Testing

/// A node LP whose point is integral only within the integrality tolerance settles its node,
/// even when the search's gap is tighter than what that rounding is worth.
@Suite struct IntegralPointToleranceTests {
    /// A closure programme (SCENARIO-SPEC section 12) of the random scenarios of
    /// `ClosureEnumerationTests`, at a cut of 66.1%: the stage that minimises the baseline
    /// closed in the lowest tier, whose only closable service `s1` must close (the earlier
    /// stage held its count at 1, and closing none is infeasible), so the optimum is its
    /// baseline in solver units, 0.07060333761232349. The root cuts leave node LP points with
    /// `closed:s1` a few 1e-9 below 1, worth about 5e-10 of objective, against the closure
    /// programmes' gaps of 1e-10: such a node is settled by its rounded point, not counted as
    /// lost (which ends the search in `numericalFailure`).
    @Test func closureStageWithGapsTighterThanRoundingIsOptimal() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/closure-least-baseline.mps").path
        let problem = try MPSReader.readModel(contentsOf: path).mixedIntegerProgram
        #expect(problem.integerColumns.count == 3)
        var options = MixedIntegerOptions()
        options.relativeGap = 1e-10
        options.absoluteGap = 1e-10
        options.simplex.primalFeasibilityTolerance = 1e-9
        options.simplex.dualFeasibilityTolerance = 1e-9
        let result = BranchAndBound(problem, options: options).solve()
        #expect(result.status == .optimal)
        let objective = try #require(result.objective)
        #expect(abs(objective - 0.07060333761232349) <= 1e-12)
        let values = try #require(result.columnValues)
        let closedS1 = try #require(problem.program.columnNames.firstIndex(of: "closed:s1"))
        #expect(values[closedS1] == 1)
        // The bound is what the tree proved: at most the optimum, and within the rounding's
        // worth (1e-6 of the objective) below it.
        #expect(result.bound <= objective && result.bound >= objective * (1 - 1e-6))
        let report = CertificateChecker().check(result, of: problem)
        #expect(report.isValid, "\(report.failures)")
    }
}
