import ScenarioCommandLine
import Testing

/// The closing line of a sweep with unsolved cuts names them as given, at most ten.
@Suite struct UnsolvedCutsTests {
    @Test func oneCutIsNamedAsGiven() {
        #expect(UnsolvedCuts.summary([99.000001], command: "sweep")
            == "scenario sweep: 1 cut unsolved (99.000001%); the report gives each one's reason")
    }

    @Test func twelveCutsNameTenAndCountTheRest() {
        let cuts = (1...12).map(Double.init)
        #expect(UnsolvedCuts.summary(cuts, command: "sweep")
            == "scenario sweep: 12 cuts unsolved (1%, 2%, 3%, 4%, 5%, 6%, 7%, 8%, 9%, 10% and 2 more); the report gives each one's reason")
    }
}
