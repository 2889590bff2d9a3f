import LinearProgramming
import Testing

@Suite struct LPFormatWriterTests {
    /// Every row and bound form, a constant, a maximisation and names the format cannot hold.
    /// Numbers are the shortest text that reads back as the same double (0.116 - 0.039 is
    /// 0.07700000000000001).
    @Test func everyRowAndBoundForm() {
        var lp = LinearProgram(name: "forms", sense: .maximize)
        lp.objectiveConstant = 2.5
        let atLeast = lp.addRow(name: "fund:a-b", lower: 1, upper: .infinity)
        let atMost = lp.addRow(name: "cap", lower: -.infinity, upper: 4)
        let equal = lp.addRow(name: "", lower: 3, upper: 3)
        let ranged = lp.addRow(name: "group:g", lower: 0.039, upper: 0.116)
        lp.addRow(name: "free", lower: -.infinity, upper: .infinity)
        lp.addRow(name: "empty", lower: -.infinity, upper: 0)
        lp.addColumn(name: "x:1", cost: 3, lower: 0, upper: .infinity,
                     coefficients: [(atLeast, 1), (atMost, 2), (equal, 1), (ranged, -0.5)])
        lp.addColumn(name: "e1", cost: -1, lower: -.infinity, upper: .infinity, coefficients: [(atLeast, 1)])
        lp.addColumn(name: "fixed", cost: 0, lower: 2, upper: 2, coefficients: [(equal, 1)])
        lp.addColumn(name: "x:1", cost: 1e-7, lower: -5, upper: 5)
        #expect(LPFormatWriter.string(for: lp) == """
            \\ forms, written by scenario
            Maximize
             OBJ: + 3 x.1 - 1 _e1 + 1e-07 x.1#3 + 2.5
            Subject To
             fund.a~b: + 1 x.1 + 1 _e1 >= 1
             cap: + 2 x.1 <= 4
             R2: + 1 x.1 + 1 fixed = 3
             group.g: - 0.5 x.1 - 1 range.group.g = 0.039
             empty: + 0 x.1 <= 0
            Bounds
             0 <= x.1 <= +inf
             _e1 free
             fixed = 2
             -5 <= x.1#3 <= 5
             0 <= range.group.g <= 0.07700000000000001
            End

            """)
    }

    @Test func longRowsBreakAfterSixTerms() {
        var lp = LinearProgram(name: "long")
        let row = lp.addRow(name: "sum", lower: -.infinity, upper: 10)
        for j in 0..<8 { lp.addColumn(name: "v\(j)", cost: 0, lower: 0, upper: 1, coefficients: [(row, 1)]) }
        let text = LPFormatWriter.string(for: lp)
        #expect(text.contains(" sum: + 1 v0 + 1 v1 + 1 v2 + 1 v3 + 1 v4 + 1 v5\n   + 1 v6 + 1 v7 <= 10\n"))
        #expect(text.contains("Minimize\n OBJ: 0\n"))
    }
}
