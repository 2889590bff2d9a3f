import BudgetModel
import LinearProgramming

/// The linear programme that `scenario export` writes.
public enum ExportedProgram {
    /// The first-stage programme of `scenario` at `cut` per cent, with exact ranges.
    public static func at(cut: Double, of scenario: Scenario) -> LinearProgram {
        withExactRanges(AllocationExport.firstStageProgram(of: scenario, atCut: cut))
    }

    /// The programme with each two-sided row's upper bound set to `lower + (upper - lower)` as
    /// computed in floating point (at most one unit in the last place away): a reader rebuilds a
    /// range from the lower bound and the width, and MPS can then state the row exactly.
    static func withExactRanges(_ program: LinearProgram) -> LinearProgram {
        var exact = program
        for i in 0..<program.rowCount where program.rowLower[i].isFinite && program.rowUpper[i].isFinite {
            exact.rowUpper[i] = program.rowLower[i] + (program.rowUpper[i] - program.rowLower[i])
        }
        return exact
    }
}
