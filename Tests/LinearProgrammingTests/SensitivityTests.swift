import LinearProgramming
import Testing

/// Ranging at an optimal basis on programmes whose sensitivity report is known by hand.
@Suite struct SensitivityTests {
    /// Wyndor Glass (Hillier and Lieberman): maximise 3x + 5y with x <= 4, 2y <= 12,
    /// 3x + 2y <= 18. Optimum x = 2, y = 6, 36; shadow prices 0, 1.5, 1; c_x in [0, 7.5],
    /// c_y in [2, inf); b2 in [6, 18], b3 in [12, 24].
    @Test func wyndorGlass() throws {
        let lp = SolverTestSupport.wyndor()
        let report = try analysed(lp)

        expect(report.columns[0], value: 2, reducedCost: 0, increase: 4.5, decrease: 3)
        expect(report.columns[1], value: 6, reducedCost: 0, increase: .infinity, decrease: 3)
        expect(report.rows[0], side: .upper, rhs: 4, dual: 0, increase: .infinity, decrease: 2)
        expect(report.rows[1], side: .upper, rhs: 12, dual: 1.5, increase: 6, decrease: 6)
        expect(report.rows[2], side: .upper, rhs: 18, dual: 1, increase: 6, decrease: 6)
    }

    /// Minimise 2x + 3y + 4z with x + y + z >= 10 and x <= 6: x = 6 at its bound (reduced
    /// cost -1), y = 4 basic, z = 0 (reduced cost 1). c_y can move by 1 either way before x or
    /// z would rather enter; the row's bound can fall by 4 (y reaches 0) and rise freely.
    @Test func minimisationWithABoundedColumn() throws {
        var lp = LinearProgram(name: "bounded", sense: .minimize)
        let demand = lp.addRow(lower: 10, upper: .infinity)
        lp.addColumn(cost: 2, lower: 0, upper: 6, coefficients: [(demand, 1)])
        lp.addColumn(cost: 3, lower: 0, upper: .infinity, coefficients: [(demand, 1)])
        lp.addColumn(cost: 4, lower: 0, upper: .infinity, coefficients: [(demand, 1)])
        let report = try analysed(lp)

        expect(report.columns[0], value: 6, reducedCost: -1, increase: 1, decrease: .infinity)
        expect(report.columns[1], value: 4, reducedCost: 0, increase: 1, decrease: 1)
        expect(report.columns[2], value: 0, reducedCost: 1, increase: .infinity, decrease: 1)
        expect(report.rows[0], side: .lower, rhs: 10, dual: 3, increase: .infinity, decrease: 4)
    }

    /// A two-sided row at its lower bound cannot have that bound raised past its upper one:
    /// minimise x + y with b1 = 3 <= x + y <= 5 and x - y == b2 = 1: x = (b1 + b2) / 2 = 2,
    /// y = (b1 - b2) / 2 = 1. Raising b1 by 2 meets the upper bound; lowering it by 2 drives
    /// y to 0.
    @Test func twoSidedRowAndEquality() throws {
        var lp = LinearProgram(name: "ranged", sense: .minimize)
        let total = lp.addRow(lower: 3, upper: 5)
        let difference = lp.addRow(lower: 1, upper: 1)
        lp.addColumn(cost: 1, lower: 0, upper: .infinity, coefficients: [(total, 1), (difference, 1)])
        lp.addColumn(cost: 1, lower: 0, upper: .infinity, coefficients: [(total, 1), (difference, -1)])
        let report = try analysed(lp)

        #expect(abs(report.columns[0].value - 2) < 1e-9 && abs(report.columns[1].value - 1) < 1e-9)
        expect(report.rows[0], side: .lower, rhs: 3, dual: 1, increase: 2, decrease: 2)
        // b2 can rise by 2 (y reaches 0) and fall by 4 (x reaches 0).
        expect(report.rows[1], side: .lower, rhs: 1, dual: 0, increase: 2, decrease: 4)
    }

    @Test func anInfeasibleSolutionHasNoRanging() {
        var lp = LinearProgram(name: "infeasible")
        let row = lp.addRow(lower: 5, upper: .infinity)
        lp.addColumn(cost: 1, lower: 0, upper: 1, coefficients: [(row, 1)])
        let solution = lp.solve()
        #expect(solution.status == .infeasible)
        #expect(throws: SensitivityError.notOptimal(.infeasible)) { try SensitivityAnalysis(program: lp, solution: solution) }
    }

    private func analysed(_ lp: LinearProgram, sourceLocation: SourceLocation = #_sourceLocation) throws -> SensitivityAnalysis {
        let solution = lp.solve()
        #expect(solution.status == .optimal, sourceLocation: sourceLocation)
        #expect(SolverTestSupport.violations(lp, solution).isEmpty, sourceLocation: sourceLocation)
        return try SensitivityAnalysis(program: lp, solution: solution)
    }

    private func expect(
        _ column: ColumnSensitivity, value: Double, reducedCost: Double, increase: Double, decrease: Double,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(close(column.value, value) && close(column.reducedCost, reducedCost), "\(column)", sourceLocation: sourceLocation)
        #expect(close(column.allowableIncrease, increase) && close(column.allowableDecrease, decrease), "\(column)", sourceLocation: sourceLocation)
    }

    private func expect(
        _ row: RowSensitivity, side: RowSide, rhs: Double, dual: Double, increase: Double, decrease: Double,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(row.side == side && row.rightHandSide == rhs && close(row.dual, dual), "\(row)", sourceLocation: sourceLocation)
        #expect(close(row.allowableIncrease, increase) && close(row.allowableDecrease, decrease), "\(row)", sourceLocation: sourceLocation)
    }

    private func close(_ a: Double, _ b: Double) -> Bool {
        a == b || abs(a - b) <= 1e-9 * max(1, abs(b))
    }
}
