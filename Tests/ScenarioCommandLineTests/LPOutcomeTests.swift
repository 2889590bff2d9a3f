import ScenarioCommandLine
import Testing

/// `scenario lp --relax`'s note for a mixed-integer file, singular and plural.
@Suite struct LPOutcomeTests {
    @Test func relaxationNoteCountsTheIntegerColumns() {
        #expect(LPOutcome.relaxationNote(file: "mip.mps", integerColumns: 1)
            == "mip.mps: 1 integer column: solving the continuous relaxation (--relax)")
        #expect(LPOutcome.relaxationNote(file: "-", integerColumns: 3, semicontinuousColumns: 1)
            == "-: 3 integer columns and 1 semi-continuous column: solving the continuous relaxation (--relax)")
    }
}
