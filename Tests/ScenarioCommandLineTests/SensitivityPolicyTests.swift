import BudgetModel
import ScenarioCommandLine
import Testing

/// `scenario solve --sensitivity`: auto leaves the tiers-mode figures out above 100 services.
@Suite struct SensitivityPolicyTests {
    static func scenario(services: Int, mode: ObjectiveMode) throws -> Scenario {
        let text = try ScenarioGenerator.toml(GenerationSettings(services: services, funds: 2, groups: 1, seed: 3, mode: mode))
        return try ScenarioDecoder.decode(text, fileName: "generated.toml").scenario
    }

    @Test(arguments: [(100, ObjectiveMode.tiers, true), (101, .tiers, false), (101, .weighted, true)])
    func autoFollowsTheServiceCount(services: Int, mode: ObjectiveMode, wanted: Bool) throws {
        let scenario = try Self.scenario(services: services, mode: mode)
        #expect(FloorCost.automaticServiceLimit == 100)
        #expect(SensitivityChoice.auto.isWanted(for: scenario) == wanted)
        #expect(SensitivityChoice.yes.isWanted(for: scenario))
        #expect(!SensitivityChoice.no.isWanted(for: scenario))
    }
}
