import BudgetModel
import Foundation
import Testing

/// Reading scenario files: values, defaults, amounts or percentages, types, unknown keys, syntax errors.
@Suite struct DecodingTests {
    /// SCENARIO-SPEC section 9's worked example as a scenario file (`Tests/Fixtures/worked-example.toml`).
    static let workedExample: String = {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/worked-example.toml")
        return (try? String(contentsOf: fixture, encoding: .utf8)) ?? "missing fixture \(fixture.path)"
    }()

    @Test func workedExampleDecodesWithTheSpecDefaults() throws {
        let document = try ScenarioDecoder.decode(Self.workedExample, fileName: "example.toml")
        let expected = Scenario(
            title: "Worked example", currency: "GBP", source: nil, unit: 1, objective: .tiers,
            funds: [
                Fund(id: "grant", name: "grant", amount: 1_000_000, isCut: true, ringFencedFor: nil),
                Fund(id: "dv", name: "Domestic violence ring-fence", amount: 100_000, isCut: true, ringFencedFor: ["idva"]),
            ],
            services: [
                Service(id: "hub", baseline: 400_000, minimum: .amount(0), maximum: .percent(100), isProtected: true),
                Service(id: "idva", baseline: 200_000, minimum: .percent(50), priority: 1),
                Service(id: "rj", baseline: 300_000, minimum: .percent(60)),
                Service(id: "counselling", baseline: 200_000),
            ])
        #expect(document.scenario == expected)
        #expect(document.fileName == "example.toml")
        #expect(document.sha256 == SHA256.hexDigest(of: Array(Self.workedExample.utf8)))
        #expect(document.scenario.envelope(afterCut: 10) == 990_000)
    }

    @Test func everyKeyIsRead() throws {
        let text = """
            title = "All keys"
            currency = "EUR"
            source = "a paper"
            unit = 1000

            [objective]
            mode = "weighted"

            [[fund]]
            id = "f"
            name = "Fund F"
            amount = 5000.5
            cut = false
            ring_fenced_for = ["a"]

            [[fund]]
            id = "g"
            amount = 100

            [[service]]
            id = "a"
            name = "Service A"
            baseline = 300
            min = 10
            max = "150%"
            protected = true
            priority = -2
            weight = 2.5

            [[group]]
            id = "grp"
            name = "The group"
            services = ["a"]
            min = "10%"
            max = 2000

            """
        let scenario = try ScenarioDecoder.decode(text, fileName: "t.toml").scenario
        #expect(scenario == Scenario(
            title: "All keys", currency: "EUR", source: "a paper", unit: 1000, objective: .weighted,
            funds: [
                Fund(id: "f", name: "Fund F", amount: 5000.5, isCut: false, ringFencedFor: ["a"]),
                Fund(id: "g", amount: 100),
            ],
            services: [
                Service(
                    id: "a", name: "Service A", baseline: 300, minimum: .amount(10), maximum: .percent(150),
                    isProtected: true, priority: -2, weight: 2.5),
            ],
            groups: [ServiceGroup(id: "grp", name: "The group", services: ["a"], minimum: .percent(10), maximum: .amount(2000))]))
    }

    @Test func objectiveWithoutModeIsTiers() throws {
        let scenario = try ScenarioDecoder.decode(minimalScenario(appending: "[objective]\n"), fileName: "t.toml").scenario
        #expect(scenario.objective == .tiers)
    }

    @Test(arguments: [
        ("\"12.5%\"", AmountOrPercent.percent(12.5)), ("\"0%\"", .percent(0)), ("\"150%\"", .percent(150)),
        ("\"100.25%\"", .percent(100.25)), ("30", .amount(30)), ("30.5", .amount(30.5)), ("1_000", .amount(1000)),
    ])
    func amountOrPercentForms(written: String, expected: AmountOrPercent) throws {
        let scenario = try ScenarioDecoder.decode(minimalScenario(appending: "max = 2000\nmin = \(written)\n"), fileName: "t.toml").scenario
        #expect(scenario.services[0].minimum == expected)
    }

    @Test(arguments: ["abc%", "5 %", " 5%", "5% ", "5", "%", "1e2%", "+5%", "5.%", ".5%", "5%%", "5_0%", "", "５%"])
    func malformedPercentages(written: String) {
        #expect(issueLines(minimalScenario(appending: "min = \"\(written)\"\n")) == [
            "t.toml:10:1: [[service]] \"hub\": \"min\" must be a number or a percentage such as \"50%\" (got \"\(written)\")",
        ])
    }

    @Test func syntaxErrorHasTheParsersPosition() {
        #expect(issueLines("title = \"T\"\n[[fund]]\nid = \"grant\namount = 1\n") == [
            "t.toml:3:12: syntax error: Error while parsing string: unescaped control characters other than TAB (U+0009) are explicitly prohibited",
        ])
    }

    @Test func duplicateKeyIsASyntaxError() {
        #expect(issueLines("title = \"A\"\ntitle = \"B\"\n") == [
            "t.toml:2:9: syntax error: Error while parsing key-value pair: cannot redefine existing string 'title'",
        ])
    }

    @Test func unknownKeysAtEveryLevelWithHints() {
        let text = """
            titel = "T"
            colour = "blue"

            [objective]
            mod = "tiers"

            [[fund]]
            id = "grant"
            amout = 1000

            [[service]]
            id = "hub"
            baseline = 400
            protect = true

            [[group]]
            id = "g"
            service = ["hub"]
            max = 10

            """
        #expect(issueLines(text) == [
            "t.toml:1:1: unknown key \"titel\"; did you mean \"title\"?",
            "t.toml:2:1: unknown key \"colour\"",
            "t.toml:5:1: [objective]: unknown key \"mod\"; did you mean \"mode\"?",
            "t.toml:7:1: [[fund]] \"grant\": missing required key \"amount\"",
            "t.toml:9:1: [[fund]] \"grant\": unknown key \"amout\"; did you mean \"amount\"?",
            "t.toml:14:1: [[service]] \"hub\": unknown key \"protect\"; did you mean \"protected\"?",
            "t.toml:16:1: [[group]] \"g\": missing required key \"services\"",
            "t.toml:18:1: [[group]] \"g\": unknown key \"service\"; did you mean \"services\"?",
            "t.toml: missing required key \"title\"",
        ])
    }

    @Test func unknownTableIsPlacedAtItsHeader() {
        #expect(issueLines(minimalScenario(appending: "\n[services]\nx = 1\n")) == [
            "t.toml:11:1: unknown key \"services\"; did you mean \"service\"?",
        ])
    }

    @Test func missingRequiredKeysArePlacedAtTheTableHeader() {
        let text = """
            [[fund]]
            name = "no id, no amount"

            [[service]]
            name = "no id, no baseline"

            [[group]]
            max = 5

            """
        #expect(issueLines(text) == [
            "t.toml:1:1: [[fund]] #1: missing required key \"id\"",
            "t.toml:1:1: [[fund]] #1: missing required key \"amount\"",
            "t.toml:4:1: [[service]] #1: missing required key \"id\"",
            "t.toml:4:1: [[service]] #1: missing required key \"baseline\"",
            "t.toml:7:1: [[group]] #1: missing required key \"id\"",
            "t.toml:7:1: [[group]] #1: missing required key \"services\"",
            "t.toml: missing required key \"title\"",
        ])
    }

    @Test func wrongTypes() {
        let text = """
            title = 7
            currency = true
            source = 1.5
            unit = "1000"

            [objective]
            mode = 1

            [[fund]]
            id = 3
            name = ["x"]
            amount = "1000"
            cut = "no"
            ring_fenced_for = "hub"

            [[fund]]
            id = "f2"
            amount = 10
            ring_fenced_for = ["hub", 2]

            [[service]]
            id = "hub"
            baseline = 2024-01-01
            min = true
            max = [1]
            protected = "yes"
            priority = 1.5
            weight = "heavy"

            [[group]]
            id = "g"
            services = { a = 1 }
            min = 10:30:00

            """
        #expect(issueLines(text) == [
            "t.toml:1:1: \"title\" must be a string, not an integer",
            "t.toml:2:1: \"currency\" must be a string, not a boolean",
            "t.toml:3:1: \"source\" must be a string, not a floating-point number",
            "t.toml:4:1: \"unit\" must be a number, not a string",
            "t.toml:7:1: [objective]: \"mode\" must be a string, not an integer",
            "t.toml:10:1: [[fund]] #1: \"id\" must be a string, not an integer",
            "t.toml:11:1: [[fund]] #1: \"name\" must be a string, not an array",
            "t.toml:12:1: [[fund]] #1: \"amount\" must be a number, not a string",
            "t.toml:13:1: [[fund]] #1: \"cut\" must be true, false or a number from 0 to 2 (a rate of cut), not a string",
            "t.toml:14:1: [[fund]] #1: \"ring_fenced_for\" must be an array of service ids, not a string",
            "t.toml:19:1: [[fund]] \"f2\": \"ring_fenced_for\" must list service ids as strings, but item 2 is an integer",
            "t.toml:23:1: [[service]] \"hub\": \"baseline\" must be a number, not a date",
            "t.toml:24:1: [[service]] \"hub\": \"min\" must be a number or a percentage such as \"50%\", not a boolean",
            "t.toml:25:1: [[service]] \"hub\": \"max\" must be a number or a percentage such as \"50%\", not an array",
            "t.toml:26:1: [[service]] \"hub\": \"protected\" must be true or false, not a string",
            "t.toml:27:1: [[service]] \"hub\": \"priority\" must be an integer, not a floating-point number",
            "t.toml:28:1: [[service]] \"hub\": \"weight\" must be a number, not a string",
            "t.toml:32:1: [[group]] \"g\": \"services\" must be an array of service ids, not a table",
            "t.toml:33:1: [[group]] \"g\": \"min\" must be a number or a percentage such as \"50%\", not a time",
        ])
    }

    @Test func tablesOfTheWrongShape() {
        #expect(issueLines("title = \"T\"\nobjective = \"tiers\"\nfund = 3\nservice = [1]\ngroup = []\n") == [
            "t.toml:2:1: \"objective\" must be a table ([objective]), not a string",
            "t.toml:3:1: \"fund\" must be an array of tables ([[fund]]), not an integer",
            "t.toml:4:1: \"service\" must be an array of tables ([[service]]), but item 1 is an integer",
        ])
    }

    @Test func unknownObjectiveMode() {
        #expect(issueLines(minimalScenario(appending: "\n[objective]\nmode = \"weighed\"\n")) == [
            "t.toml:12:1: [objective]: \"mode\" must be \"tiers\" or \"weighted\", not \"weighed\"; did you mean \"weighted\"?",
        ])
    }

    @Test func inlineTablesDecodeAndTheirProblemsAreNamedWithoutAPosition() throws {
        let valid = "title = \"T\"\nfund = [{ id = \"f\", amount = 10 }]\nservice = [{ id = \"s\", baseline = 5 }]\n"
        #expect(try ScenarioDecoder.decode(valid, fileName: "t.toml").scenario.services.map(\.id) == ["s"])
        let invalid = "title = \"T\"\nfund = [{ id = \"f\", amount = -10 }]\nservice = [{ id = \"s\", baseline = 5 }]\n"
        #expect(issueLines(invalid) == ["t.toml:2:1: [[fund]] \"f\": \"amount\" must not be negative (got -10)"])
    }

    @Test func windowsLineEndingsAndAByteOrderMarkAreAccepted() throws {
        let text = "\u{FEFF}" + minimalScenario().replacingOccurrences(of: "\n", with: "\r\n")
        let document = try ScenarioDecoder.decode(text, fileName: "t.toml")
        #expect(document.scenario.services[0].baseline == 400)
        #expect(document.sha256 == SHA256.hexDigest(of: Array(text.utf8)))
        let invalid = minimalScenario(appending: "min = -1\n").replacingOccurrences(of: "\n", with: "\r\n")
        #expect(issueLines(invalid) == ["t.toml:10:1: [[service]] \"hub\": \"min\" must not be negative (got -1)"])
    }

    @Test func keysInsideMultilineStringsAreNotMistakenForKeys() {
        let text = """
            title = \"\"\"
            [[service]]
            amount = 5
            \"\"\"

            [[fund]]
            id = "grant"
            amount = -1

            [[service]]
            id = "hub"
            baseline = 400

            """
        #expect(issueLines(text) == [
            "t.toml:1:1: \"title\" holds U+000A (line feed) at character 12 and 1 more; names, titles and sources "
                + "must be one line of printable text, without control characters, line separators or "
                + "bidirectional overrides",
            "t.toml:8:1: [[fund]] \"grant\": \"amount\" must not be negative (got -1)",
        ])
    }
}
