import ScenarioCommandLine
import Testing

/// `scenario lp`'s note for a mixed-integer file, singular and plural.
@Suite struct LPOutcomeTests {
    @Test func relaxationNoteCountsTheIntegerColumns() {
        #expect(LPOutcome.relaxationNote(file: "mip.mps", integerColumns: 1)
            == "mip.mps: 1 integer column: solving the continuous relaxation (branch and bound is not implemented)")
        #expect(LPOutcome.relaxationNote(file: "-", integerColumns: 3)
            == "-: 3 integer columns: solving the continuous relaxation (branch and bound is not implemented)")
    }
}
