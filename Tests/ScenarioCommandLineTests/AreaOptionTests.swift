import BudgetModel
import ScenarioCommandLine
import Testing

/// `solve --area ID`.
@Suite struct AreaOptionTests {
    static let scenario = Scenario(
        title: "T", funds: [Fund(id: "f", amount: 1, area: "essex")], services: [Service(id: "s", baseline: 1, area: "essex")],
        areas: [Area(id: "essex"), Area(id: "herts")])

    @Test func anAreaOfTheScenarioIsTaken() throws {
        #expect(try AreaOption.checked("herts", in: Self.scenario, command: "solve") == "herts")
        #expect(try AreaOption.checked(nil, in: Self.scenario, command: "solve") == nil)
    }

    @Test func anUnknownAreaIsAUsageError() {
        #expect(exitStatus { _ = try AreaOption.checked("kent", in: Self.scenario, command: "solve") } == 64)
        #expect(AreaOption.message("kent", in: Self.scenario, command: "solve")
            == "scenario solve: --area kent is not an area of the scenario (its areas: essex, herts)")
        let noAreas = Scenario(title: "T", funds: [Fund(id: "f", amount: 1)], services: [Service(id: "s", baseline: 1)])
        #expect(exitStatus { _ = try AreaOption.checked("kent", in: noAreas, command: "solve") } == 64)
        #expect(AreaOption.message("kent", in: noAreas, command: "solve") == "scenario solve: --area kent: the scenario has no [[area]]")
    }
}
