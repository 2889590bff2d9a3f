import LPCertificates
import LinearProgramming
import Testing

/// The condition estimates behind the solver's refactorisation schedule: LAPACK's
/// `dgecon_` on the dense factors, and its `dlacn2_` estimator driven by the sparse
/// solves, each against a condition number worked out exactly.
@Suite struct ConditionEstimateTests {
    /// `B = I - 1.05 N` (N the shift above the diagonal): `B⁻¹` has entries
    /// `1.05^(j-i)` for `j >= i`, so `‖B⁻¹‖₁` is the last column's sum, a geometric series.
    static func bidiagonal(order n: Int) -> (starts: [Int], rows: [Int], values: [Double], inverseNorm: Double) {
        var starts = [0], rows: [Int] = [], values: [Double] = []
        for j in 0..<n {
            if j > 0 { rows.append(j - 1); values.append(-1.05) }
            rows.append(j); values.append(1)
            starts.append(rows.count)
        }
        let inverseNorm = (0..<n).reduce(0.0) { sum, k in sum + pow105(k) }
        return (starts, rows, values, inverseNorm)
    }

    static func pow105(_ k: Int) -> Double { (0..<k).reduce(1.0) { product, _ in product * 1.05 } }

    @Test func sparseEstimateFindsTheExactInverseNorm() throws {
        let matrix = Self.bidiagonal(order: 300)
        let lu = try SparseLU(
            dimension: 300, columnStarts: matrix.starts, rowIndices: matrix.rows, values: matrix.values)
        // A nonnegative inverse is the estimator's best case: its second solve finds the largest column.
        let estimate = lu.inverseOneNormEstimate()
        #expect(abs(estimate - matrix.inverseNorm) <= 1e-9 * matrix.inverseNorm, "\(estimate) vs \(matrix.inverseNorm)")
        #expect(matrix.inverseNorm > 4.5e7 && matrix.inverseNorm < 4.6e7)
    }

    /// `min 0` subject to `B x = B 1` with `x` free and scaling off: the optimal
    /// basis is `B` itself (every logical is fixed away from zero and must leave).
    static func systemLP(order n: Int, column: (Int) -> [(Int, Double)]) -> LinearProgram {
        var lp = LinearProgram(sense: .minimize)
        var rightHandSide = [Double](repeating: 0, count: n)
        for j in 0..<n { for (i, value) in column(j) { rightHandSide[i] += value } }
        for i in 0..<n { lp.addRow(name: "r\(i)", lower: rightHandSide[i], upper: rightHandSide[i]) }
        for j in 0..<n { lp.addColumn(cost: 0, lower: -.infinity, upper: .infinity, coefficients: column(j)) }
        return lp
    }

    static func solvedWithoutScaling(_ lp: LinearProgram) -> (SimplexSolver, Solution) {
        var options = SimplexOptions()
        options.scaling = false
        let solver = SimplexSolver(lp, options: options)
        return (solver, solver.solve())
    }

    @Test func denseBasisOfAHilbertMatrix() throws {
        // κ₁(H₆) = ‖H₆‖₁ ‖H₆⁻¹‖₁ = 2.45 × 11,865,420 from its exact integer inverse.
        let exactCondition = 29_070_279.0
        let lp = Self.systemLP(order: 6) { j in (0..<6).map { i in (i, 1 / Double(i + j + 1)) } }
        let (solver, solution) = Self.solvedWithoutScaling(lp)
        try #require(solution.status == .optimal)
        #expect(CertificateChecker().check(solution, of: lp).isValid)
        #expect(solution.basis.columns.allSatisfy { $0 == .basic })
        let estimate = try #require(solver.basisConditionEstimate)
        // dgecon_ gives a lower bound of the true condition; here it is exact to rounding.
        #expect(abs(estimate - exactCondition) <= 1e-6 * exactCondition, "\(estimate) vs \(exactCondition)")
    }

    /// 150 rows are factorised densely (`dgecon_`), 300 sparsely (`dlacn2_` on the sparse solves).
    @Test(arguments: [150, 300])
    func basisOfABidiagonalMatrix(order: Int) throws {
        let matrix = Self.bidiagonal(order: order)
        let lp = Self.systemLP(order: order) { j in
            (matrix.starts[j]..<matrix.starts[j + 1]).map { (matrix.rows[$0], matrix.values[$0]) }
        }
        let (solver, solution) = Self.solvedWithoutScaling(lp)
        try #require(solution.status == .optimal)
        #expect(CertificateChecker().check(solution, of: lp).isValid)
        #expect(solution.basis.columns.allSatisfy { $0 == .basic })
        let estimate = try #require(solver.basisConditionEstimate)
        let exact = 2.05 * matrix.inverseNorm
        #expect(abs(estimate - exact) <= 1e-9 * exact, "\(estimate) vs \(exact)")
    }

    @Test func noEstimateBeforeABasisIsFactorised() throws {
        let lp = Self.systemLP(order: 3) { j in [(j, 1)] }
        #expect(SimplexSolver(lp).basisConditionEstimate == nil)
    }
}
