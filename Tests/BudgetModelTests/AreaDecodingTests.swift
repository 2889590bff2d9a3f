import BudgetModel
import Testing

/// Reading and validating areas, cut multipliers and contributions (SCENARIO-SPEC section 13).
@Suite struct AreaDecodingTests {
    static let valid = """
        title = "T"

        [[area]]
        id = "essex"
        name = "Essex"

        [[area]]
        id = "herts"

        [[fund]]
        id = "e"
        amount = 100
        area = "essex"
        cut = 0.5

        [[fund]]
        id = "h"
        amount = 100
        area = "herts"
        cut = true

        [[fund]]
        id = "n"
        amount = 100
        cut = false

        [[service]]
        id = "post"
        baseline = 10
        contributions = { essex = "1/3", herts = "200/300" }

        [[service]]
        id = "hub"
        baseline = 10
        area = "essex"

        [[service]]
        id = "all"
        baseline = 10
        contributions = "equal"

        [[service]]
        id = "pc"
        baseline = 10
        contributions = { essex = "25%", herts = "75%" }
        """

    @Test func readsAreasMultipliersAndContributions() throws {
        let scenario = try ScenarioDecoder.decode(Self.valid, fileName: "t.toml").scenario
        #expect(scenario.areas == [Area(id: "essex", name: "Essex"), Area(id: "herts")])
        #expect(scenario.funds.map(\.cutMultiplier) == [0.5, 1, 0])
        #expect(scenario.funds.map(\.area) == ["essex", "herts", nil])
        #expect(scenario.services[1].area == "essex")
        #expect(scenario.contributionShares(ofService: 0)?.map(\.area) == ["essex", "herts"])
        #expect(abs((scenario.contributionShares(ofService: 0)?[1].fraction ?? 0) - 2.0 / 3) < 1e-15)
        #expect(scenario.contributionShares(ofService: 2)?.map(\.fraction) == [0.5, 0.5])
        #expect(scenario.contributionShares(ofService: 3)?.map(\.fraction) == [0.25, 0.75])
        #expect(scenario.contributionShares(ofService: 1) == nil)
        // Who may pay whom: the area's funds its own service and its shares, the fund with no area anything.
        #expect(scenario.fund(0, mayPay: 1) && !scenario.fund(1, mayPay: 1) && scenario.fund(2, mayPay: 1))
        #expect(scenario.fund(0, mayPay: 0) && scenario.fund(1, mayPay: 0))
    }

    @Test func everyAreaProblemIsReportedWithItsPlace() {
        let text = """
            title = "T"

            [[area]]
            id = "north"

            [[area]]
            id = "south"

            [[area]]
            id = "east"

            [[fund]]
            id = "n"
            amount = 100
            area = "north"
            cut = 2.5

            [[fund]]
            id = "s"
            amount = 100
            area = "sout"

            [[fund]]
            id = "s2"
            amount = 100
            area = "south"
            ring_fenced_for = ["x"]

            [[service]]
            id = "x"
            baseline = 10
            area = "east"

            [[service]]
            id = "y"
            baseline = 10
            contributions = { north = "1/3", south = "1/2" }

            [[service]]
            id = "z"
            baseline = 10
            contributions = { north = "1/2", south = "1/2" }

            [[service]]
            id = "w"
            baseline = 10
            area = "north"
            contributions = { north = "1/2", west = "1/2" }

            [[service]]
            id = "v"
            baseline = 10
            contributions = { north = "half" }
            """
        #expect(issueLines(text) == [
            "t.toml:16:1: [[fund]] \"n\": \"cut\" must be true, false or a rate of cut from 0 to 2, not 2.5",
            "t.toml:21:1: [[fund]] \"s\": \"area\" names \"sout\", which is not an area id; did you mean \"south\"?",
            "t.toml:32:1: [[service]] \"x\": the service's area \"east\" has no [[fund]] to pay it (give a fund area = \"east\")",
            "t.toml:37:1: [[service]] \"y\": \"contributions\" add up to 0.8333333333333333, not 1 (they must, within 1e-9)",
            "t.toml:42:1: [[service]] \"z\": \"contributions\" has area \"south\" pay a share, but the ring-fences of all its funds leave this service out",
            "t.toml:48:1: [[service]] \"w\": a service names either \"area\" (its own area pays it) or \"contributions\" (areas share it), not both",
            "t.toml:48:1: [[service]] \"w\": \"contributions\" names \"west\", which is not an area id",
            "t.toml:53:1: [[service]] \"v\": \"contributions\" gives \"north\" \"half\": a proportion is a fraction such as \"1/6\" or a percentage such as \"25%\"",
        ])
    }

    @Test func areaKeysNeedAreas() {
        let text = minimalScenario(appending: "area = \"essex\"\ncontributions = \"equal\"\n")
        let lines = issueLines(text)
        #expect(lines.contains { $0.contains("\"area\" names \"essex\", but the file has no [[area]]") })
        #expect(lines.contains { $0.contains("\"contributions\" needs [[area]] tables: the file has none") })
    }

    @Test func proportionsAreFractionsOrPercentages() {
        func lines(_ proportion: String) -> [String] {
            issueLines("""
                title = "T"
                [[area]]
                id = "a"
                [[fund]]
                id = "f"
                amount = 1
                area = "a"
                [[service]]
                id = "s"
                baseline = 1
                contributions = { a = \(proportion) }
                """)
        }
        #expect(lines("\"1/1\"").isEmpty)
        #expect(lines("\"100%\"").isEmpty)
        #expect(lines("\"2.5/2.5\"").isEmpty)
        for bad in ["\"1/0\"", "\" 1/1\"", "\"1/1/1\"", "1", "\"one\""] {
            #expect(lines(bad).count == 1 && lines(bad)[0].contains("a proportion is a fraction"), "\(bad): \(lines(bad))")
        }
    }
}

/// `ScenarioTOMLWriter` writes areas, rates of cut and contributions that read back equal.
@Suite struct AreaWritingTests {
    @Test func areasRoundTrip() throws {
        for scenario in [AreaAllocationTests.twoAreas(), AreaAllocationTests.threeAreas(zMinimum: 20_000)] {
            let text = ScenarioTOMLWriter.text(of: scenario)
            #expect(try ScenarioDecoder.decode(text, fileName: "t.toml").scenario == scenario, "\(text)")
        }
        var thirds = AreaAllocationTests.twoAreas()
        thirds.services[2].contributions = .shares([
            ContributionShare(area: "north", fraction: 1.0 / 3), ContributionShare(area: "south", fraction: 2.0 / 3),
        ])
        #expect(try ScenarioDecoder.decode(ScenarioTOMLWriter.text(of: thirds), fileName: "t.toml").scenario == thirds)
    }
}
