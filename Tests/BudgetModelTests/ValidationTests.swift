import BudgetModel
import Testing

/// The semantic checks of SCENARIO-SPEC section 2 (and the extra ones `ScenarioValidator`
/// documents), each with its exact message and position.
@Suite struct ValidationTests {
    // MARK: Numbers

    @Test(arguments: [
        ("amount = -5", "\"amount\" must not be negative (got -5)"),
        ("amount = nan", "\"amount\" must be a finite number, not nan"),
        ("amount = inf", "\"amount\" must be a finite number, not inf"),
        ("amount = -inf", "\"amount\" must be a finite number, not -inf"),
        ("amount = 1e16", "\"amount\" is too large to compute with to the penny (got 1e+16; the limit is 1e+15)"),
        ("amount = 1e300", "\"amount\" is too large to compute with to the penny (got 1e+300; the limit is 1e+15)"),
    ])
    func fundAmounts(line: String, message: String) {
        let text = "title = \"T\"\n[[fund]]\nid = \"f\"\n\(line)\n[[service]]\nid = \"s\"\nbaseline = 1\n"
        #expect(issueLines(text) == ["t.toml:4:1: [[fund]] \"f\": \(message)"])
    }

    @Test func largestAmountsAreAccepted() throws {
        let text = "title = \"T\"\n[[fund]]\nid = \"f\"\namount = 1e15\n[[service]]\nid = \"s\"\nbaseline = 1e15\nmax = 1e15\n"
        #expect(try ScenarioDecoder.decode(text, fileName: "t.toml").scenario.funds[0].amount == 1e15)
    }

    @Test(arguments: [
        ("baseline = 0", "\"baseline\" must be greater than 0 (got 0); a new bid with baseline 0 needs a \"request\", the money it asks for"),
        ("baseline = -400", "\"baseline\" must be greater than 0 (got -400)"),
        ("baseline = nan", "\"baseline\" must be a finite number, not nan"),
        ("baseline = 2e15", "\"baseline\" is too large to compute with to the penny (got 2e+15; the limit is 1e+15)"),
    ])
    func baselines(line: String, message: String) {
        let text = "title = \"T\"\n[[fund]]\nid = \"f\"\namount = 1\n[[service]]\nid = \"s\"\n\(line)\n"
        #expect(issueLines(text) == ["t.toml:7:1: [[service]] \"s\": \(message)"])
    }

    @Test(arguments: [
        ("min = -1", "\"min\" must not be negative (got -1)"),
        ("min = \"-5%\"", "\"min\" must not be below 0% (got \"-5%\")"),
        ("max = \"-0.5%\"", "\"max\" must not be below 0% (got \"-0.5%\")"),
        ("max = \"1000000000000000%\"",
         "\"max\" is too large to compute with to the penny (got \"1e+15%\" (4e+15); the limit is 1e+15)"),
        ("weight = -1", "\"weight\" must not be negative (got -1)"),
        ("weight = nan", "\"weight\" must be a finite number, not nan"),
        ("weight = 1e16", "\"weight\" is too large to compute with (got 1e+16; the limit is 1e+15)"),
    ])
    func serviceShares(line: String, message: String) {
        #expect(issueLines(minimalScenario(appending: line + "\n")) == ["t.toml:10:1: [[service]] \"hub\": \(message)"])
    }

    @Test(arguments: [
        ("unit = 0", "\"unit\" must be greater than 0 (got 0)"),
        ("unit = -1000", "\"unit\" must be greater than 0 (got -1000)"),
        ("unit = inf", "\"unit\" must be a finite number, not inf"),
        ("currency = \"gbp\"", "\"currency\" must be three upper-case letters (an ISO 4217 code such as \"GBP\"), not \"gbp\""),
        ("currency = \"£\"", "\"currency\" must be three upper-case letters (an ISO 4217 code such as \"GBP\"), not \"£\""),
        ("currency = \"POUND\"",
         "\"currency\" must be three upper-case letters (an ISO 4217 code such as \"GBP\"), not \"POUND\""),
    ])
    func topLevelValues(line: String, message: String) {
        #expect(issueLines(line + "\n" + minimalScenario()) == ["t.toml:1:1: \(message)"])
    }

    // MARK: Ids

    @Test(arguments: ["Hub", "victims hub", "-hub", "_hub", "", "hub!", "hüb"])
    func malformedIDs(id: String) {
        let text = "title = \"T\"\n[[fund]]\nid = \"f\"\namount = 1\n[[service]]\nid = \"\(id)\"\nbaseline = 1\n"
        #expect(issueLines(text) == [
            "t.toml:6:1: [[service]] \"\(id)\": id \"\(id)\" is not allowed: an id is lower-case letters, digits, "
                + "\"_\" and \"-\", starting with a letter or digit",
        ])
    }

    @Test(arguments: ["hub", "0", "a-b_c", "9lives", "x_"])
    func wellFormedIDs(id: String) {
        let text = "title = \"T\"\n[[fund]]\nid = \"\(id)\"\namount = 1\n[[service]]\nid = \"\(id)\"\nbaseline = 1\n"
        #expect(issueLines(text) == [])
    }

    @Test func duplicateIDsWithinEachKind() {
        let text = """
            title = "T"
            [[fund]]
            id = "f"
            amount = 1
            [[fund]]
            id = "f"
            amount = 2
            [[service]]
            id = "f"
            baseline = 1
            [[service]]
            id = "f"
            baseline = 2
            [[group]]
            id = "f"
            services = ["f"]
            max = 10
            [[group]]
            id = "f"
            services = ["f"]
            max = 10

            """
        #expect(issueLines(text) == [
            "t.toml:6:1: [[fund]] \"f\": id \"f\" is already used by an earlier [[fund]]",
            "t.toml:12:1: [[service]] \"f\": id \"f\" is already used by an earlier [[service]]",
            "t.toml:19:1: [[group]] \"f\": id \"f\" is already used by an earlier [[group]]",
        ])
    }

    // MARK: References and lists

    @Test func referencesToUnknownServices() {
        let text = minimalScenario(appending: """

            [[fund]]
            id = "dv"
            amount = 10
            ring_fenced_for = ["hub", "hbu", "zzz"]

            [[group]]
            id = "g"
            services = [
                "hub",
                "counselling",
            ]
            max = 100

            """)
        #expect(issueLines(text) == [
            "t.toml:14:27: [[fund]] \"dv\": \"ring_fenced_for\" names \"hbu\", which is not a service id; did you mean \"hub\"?",
            "t.toml:14:34: [[fund]] \"dv\": \"ring_fenced_for\" names \"zzz\", which is not a service id",
            "t.toml:20:5: [[group]] \"g\": \"services\" names \"counselling\", which is not a service id",
        ])
    }

    /// Hints compare a word with every service id, so only the first 100 bad references get one.
    @Test func didYouMeanHintsAreLimitedToTheFirstHundred() {
        let groups = (0..<101).map { "[[group]]\nid = \"g\($0)\"\nservices = [\"hbu\"]\nmax = 1000\n" }.joined()
        let lines = issueLines(minimalScenario(appending: groups))
        #expect(lines.count == 101)
        #expect(lines.prefix(100).allSatisfy { $0.hasSuffix("which is not a service id; did you mean \"hub\"?") })
        #expect(lines.last == "t.toml:412:13: [[group]] \"g100\": \"services\" names \"hbu\", which is not a service id")
    }

    @Test func servicesNamedTwice() {
        let text = minimalScenario(appending: """

            [[fund]]
            id = "dv"
            amount = 10
            ring_fenced_for = ["hub", "hub"]

            [[group]]
            id = "g"
            services = ["hub", "hub"]
            min = 1

            """)
        #expect(issueLines(text) == [
            "t.toml:14:27: [[fund]] \"dv\": \"ring_fenced_for\" names \"hub\" twice",
            "t.toml:18:20: [[group]] \"g\": \"services\" names \"hub\" twice",
        ])
    }

    @Test func emptyLists() {
        let text = minimalScenario(appending: """

            [[fund]]
            id = "dv"
            amount = 10
            ring_fenced_for = []

            [[group]]
            id = "g"
            services = []
            min = 1

            """)
        #expect(issueLines(text) == [
            "t.toml:14:1: [[fund]] \"dv\": \"ring_fenced_for\" must not be empty (leave it out to let every service draw on the fund)",
            "t.toml:18:1: [[group]] \"g\": \"services\" must not be empty",
        ])
    }

    @Test func noFundAndNoService() {
        #expect(issueLines("title = \"T\"\nfund = []\n") == [
            "t.toml: a scenario needs at least one [[fund]]",
            "t.toml: a scenario needs at least one [[service]]",
        ])
    }

    // MARK: Service bounds

    @Test(arguments: [
        ("min = 500\nmax = 450", "min 500 is above max 450"),
        ("min = \"120%\"", "min \"120%\" (480) is above max \"100%\" (400)"),
        ("min = \"60%\"\nmax = 200", "min \"60%\" (240) is above max 200"),
    ])
    func serviceMinimumAboveMaximum(lines: String, message: String) {
        #expect(issueLines(minimalScenario(appending: lines + "\n")) == ["t.toml:10:1: [[service]] \"hub\": \(message)"])
    }

    @Test func serviceMinimumEqualToMaximumIsAllowed() {
        #expect(issueLines(minimalScenario(appending: "min = 400\nmax = \"100%\"\n")) == [])
    }

    @Test func protectedServiceWithMaximumBelowBaseline() {
        #expect(issueLines(minimalScenario(appending: "protected = true\nmax = \"90%\"\n")) == [
            "t.toml:11:1: [[service]] \"hub\": a protected service is funded at no less than its baseline 400, "
                + "but its max is \"90%\" (360)",
        ])
    }

    @Test func protectedServiceWithMinimumAboveBaselineIsAllowed() {
        #expect(issueLines(minimalScenario(appending: "protected = true\nmin = 450\nmax = 500\n")) == [])
    }

    // MARK: Groups

    static let twoServices = """
        title = "T"
        [[fund]]
        id = "f"
        amount = 1000
        [[service]]
        id = "a"
        baseline = 100
        min = 60
        max = 150
        [[service]]
        id = "b"
        baseline = 200
        protected = true
        [[group]]
        id = "g"
        services = ["a", "b"]

        """

    @Test(arguments: [
        ("min = 300\nmax = 280", "t.toml:17:1: [[group]] \"g\": min 300 is above max 280"),
        ("min = \"30%\"\nmax = \"20%\"", "t.toml:17:1: [[group]] \"g\": min \"30%\" is above max \"20%\""),
        ("max = -1", "t.toml:17:1: [[group]] \"g\": \"max\" must not be negative (got -1)"),
        ("min = \"-1%\"", "t.toml:17:1: [[group]] \"g\": \"min\" must not be below 0% (got \"-1%\")"),
        ("min = \"2000000000000000%\"",
         "t.toml:17:1: [[group]] \"g\": \"min\" is too large to compute with to the penny (got \"2e+15%\"; the limit is 1e+15)"),
        ("", "t.toml:14:1: [[group]] \"g\": a group needs \"min\" or \"max\" (or both)"),
        ("max = 259", "t.toml:17:1: [[group]] \"g\": max 259 is below 260, the sum of its members' lower bounds "
            + "(min, or baseline when protected): no amount of money can meet both"),
        ("min = 351", "t.toml:17:1: [[group]] \"g\": min 351 is above 350, the sum of its members' maximums: "
            + "no amount of money can meet both"),
    ])
    func groupLimits(lines: String, issue: String) {
        #expect(issueLines(Self.twoServices + lines + "\n") == [issue])
    }

    @Test(arguments: ["max = 260", "min = 350", "min = \"10%\"\nmax = 300", "min = 100\nmax = \"10%\"", "max = \"1%\""])
    func groupLimitsThatSomeMoneyCanMeet(lines: String) {
        #expect(issueLines(Self.twoServices + lines + "\n") == [])
    }

    // MARK: Many problems at once

    @Test func everyProblemInAFileIsReportedInFileOrder() {
        let text = """
            title = "Many problems"
            currency = "pounds"

            [[fund]]
            id = "Grant"
            amount = -1
            ring_fenced_for = ["hubb"]

            [[service]]
            id = "hub"
            baseline = 0
            protected = true
            priorty = 2

            [[service]]
            id = "rj"
            baseline = 100
            min = "80%"
            max = "50%"

            [[group]]
            id = "g"
            services = ["rj", "nobody"]

            """
        #expect(issueLines(text) == [
            "t.toml:2:1: \"currency\" must be three upper-case letters (an ISO 4217 code such as \"GBP\"), not \"pounds\"",
            "t.toml:5:1: [[fund]] \"Grant\": id \"Grant\" is not allowed: an id is lower-case letters, digits, "
                + "\"_\" and \"-\", starting with a letter or digit",
            "t.toml:6:1: [[fund]] \"Grant\": \"amount\" must not be negative (got -1)",
            "t.toml:7:20: [[fund]] \"Grant\": \"ring_fenced_for\" names \"hubb\", which is not a service id; did you mean \"hub\"?",
            "t.toml:11:1: [[service]] \"hub\": \"baseline\" must be greater than 0 (got 0); a new bid with baseline 0 needs a "
                + "\"request\", the money it asks for",
            "t.toml:13:1: [[service]] \"hub\": unknown key \"priorty\"; did you mean \"priority\"?",
            "t.toml:18:1: [[service]] \"rj\": min \"80%\" (80) is above max \"50%\" (50)",
            "t.toml:21:1: [[group]] \"g\": a group needs \"min\" or \"max\" (or both)",
            "t.toml:23:19: [[group]] \"g\": \"services\" names \"nobody\", which is not a service id",
        ])
    }

    @Test func issuesCarryTheirParts() {
        do {
            _ = try ScenarioDecoder.decode(minimalScenario(appending: "min = -1\n"), fileName: "dir/t.toml")
            Issue.record("expected a validation error")
        } catch {
            #expect(error.issues == [ScenarioIssue(
                file: "dir/t.toml", line: 10, column: 1, table: "[[service]] \"hub\"",
                message: "\"min\" must not be negative (got -1)")])
        }
    }

    @Test func errorsPrintOneIssuePerLine() {
        let errors = ScenarioErrors(issues: [
            ScenarioIssue(file: "a.toml", line: 3, column: 7, table: "[objective]", message: "first"),
            ScenarioIssue(file: "a.toml", line: 4, message: "second"),
            ScenarioIssue(file: "a.toml", table: "[[fund]] \"f\"", message: "third"),
        ])
        #expect(errors.description == "a.toml:3:7: [objective]: first\na.toml:4: second\na.toml: [[fund]] \"f\": third")
    }

    @Test func messagesStayOnOneLine() {
        #expect(issueLines(minimalScenario(appending: "min = \"a\\nb%\"\n")) == [
            "t.toml:10:1: [[service]] \"hub\": \"min\" must be a number or a percentage such as \"50%\" (got \"a\\nb%\")",
        ])
    }

    // MARK: Scenarios built in code

    @Test func scenarioBuiltInCodeIsValidatedWithoutPositions() {
        let scenario = Scenario(
            title: "Code", currency: "gbp", unit: 0,
            funds: [Fund(id: "f", amount: .nan, ringFencedFor: ["x"])],
            services: [
                Service(id: "a", baseline: 100, minimum: .percent(50), maximum: .amount(40)),
                Service(id: "a", baseline: 10, isProtected: true, weight: -1),
            ],
            groups: [ServiceGroup(id: "g", services: ["a"])])
        #expect(ScenarioValidator.validate(scenario, fileName: "code").map(\.description) == [
            "code: \"currency\" must be three upper-case letters (an ISO 4217 code such as \"GBP\"), not \"gbp\"",
            "code: \"unit\" must be greater than 0 (got 0)",
            "code: [[fund]] \"f\": \"amount\" must be a finite number, not nan",
            "code: [[fund]] \"f\": \"ring_fenced_for\" names \"x\", which is not a service id",
            "code: [[service]] \"a\": min \"50%\" (50) is above max 40",
            "code: [[service]] \"a\": \"weight\" must not be negative (got -1)",
            "code: [[service]] \"a\": id \"a\" is already used by an earlier [[service]]",
            "code: [[group]] \"g\": a group needs \"min\" or \"max\" (or both)",
        ])
    }

    @Test func validScenarioBuiltInCodeHasNoIssues() {
        let scenario = Scenario(
            title: "Code", funds: [Fund(id: "f", amount: 100)],
            services: [Service(id: "a", baseline: 100, minimum: .percent(50))],
            groups: [ServiceGroup(id: "g", services: ["a"], maximum: .percent(80))])
        #expect(ScenarioValidator.validate(scenario, fileName: "code") == [])
    }
}
