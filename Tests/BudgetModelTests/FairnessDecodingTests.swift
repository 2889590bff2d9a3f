import BudgetModel
import Testing

/// `[objective] fairness` (SCENARIO-SPEC section 14): read, defaulted, validated with its
/// location and the nearest name, and written back.
@Suite struct FairnessDecodingTests {
    @Test func fairnessIsReadAndDefaultsToRelative() throws {
        #expect(try ScenarioDecoder.decode(minimalScenario(), fileName: "t.toml").scenario.fairness == .relative)
        for measure in FairnessMeasure.allCases {
            let text = minimalScenario(appending: "\n[objective]\nfairness = \"\(measure.rawValue)\"\n")
            let scenario = try ScenarioDecoder.decode(text, fileName: "t.toml").scenario
            #expect(scenario.fairness == measure)
            #expect(scenario.objective == .tiers)
        }
        let weighted = minimalScenario(appending: "\n[objective]\nmode = \"weighted\"\nfairness = \"cash\"\n")
        let scenario = try ScenarioDecoder.decode(weighted, fileName: "t.toml").scenario
        #expect(scenario.objective == .weighted && scenario.fairness == .cash)
    }

    @Test func unknownFairnessIsLocatedWithTheNearestName() {
        #expect(issueLines(minimalScenario(appending: "\n[objective]\nmode = \"tiers\"\nfairness = \"cahs\"\n")) == [
            "t.toml:13:1: [objective]: \"fairness\" must be \"relative\", \"cash\" or \"award\", not \"cahs\"; did you mean \"cash\"?",
        ])
    }

    @Test func everyObjectiveProblemIsReportedAtOnce() {
        #expect(issueLines(minimalScenario(appending: "\n[objective]\nmode = \"weighed\"\nfairness = 2\nfairnes = \"cash\"\n")) == [
            "t.toml:12:1: [objective]: \"mode\" must be \"tiers\" or \"weighted\", not \"weighed\"; did you mean \"weighted\"?",
            "t.toml:13:1: [objective]: \"fairness\" must be a string, not an integer",
            "t.toml:14:1: [objective]: unknown key \"fairnes\"; did you mean \"fairness\"?",
        ])
    }

    @Test func writtenScenarioReadsBackWithItsFairness() throws {
        for measure in FairnessMeasure.allCases {
            var scenario = workedExample()
            scenario.fairness = measure
            let text = ScenarioTOMLWriter.text(of: scenario)
            #expect(text.contains("fairness") == (measure != .relative))
            #expect(try ScenarioDecoder.decode(text, fileName: "w.toml").scenario == scenario)
        }
    }
}
