import BudgetModel
import Testing

/// The reading and validation of `closable` and `step` (SCENARIO-SPEC section 12), each
/// problem on one line with its file, line and column.
@Suite struct ClosureValidationTests {
    /// One fund of 1000 and a service `s` (lines 5 `[[service]]`, 6 id, 7 baseline) followed by `lines`.
    private func text(_ lines: String) -> String {
        "title = \"T\"\n[[fund]]\nid = \"f\"\namount = 1000\n[[service]]\nid = \"s\"\nbaseline = 400\n\(lines)\n"
    }

    @Test func closableDecodesAndDefaultsToFalse() throws {
        let closable = try ScenarioDecoder.decode(text("closable = true\nmin = \"50%\""), fileName: "t.toml").scenario
        #expect(closable.services[0].isClosable)
        #expect(closable.closableServices == [0])
        let plain = try ScenarioDecoder.decode(text(""), fileName: "t.toml").scenario
        #expect(!plain.services[0].isClosable)
    }

    @Test func aProtectedServiceCannotBeClosable() {
        #expect(issueLines(text("protected = true\nclosable = true")) == [
            "t.toml:9:1: [[service]] \"s\": a protected service cannot be closable: protection holds it at no less "
                + "than its baseline in every scenario, and closing it would give it nothing",
        ])
    }

    @Test func closableMustBeABoolean() {
        #expect(issueLines(text("closable = \"yes\"")) == [
            "t.toml:8:1: [[service]] \"s\": \"closable\" must be true or false, not a string",
        ])
    }

    @Test func stepDecodesWithItsPosts() throws {
        let stepped = try ScenarioDecoder.decode(text("step = 150\nmin = \"50%\""), fileName: "t.toml").scenario
        #expect(stepped.services[0].step == 150)
        #expect(stepped.services[0].mostPosts == 2)
        #expect(stepped.services[0].fewestPosts == 2)
        #expect(stepped.steppedServices == [0])
    }

    @Test func aStepWhoseMultiplesMissTheBoundsIsAnError() {
        // [lo, hi] = [250, 400]: the multiples of 150 are 150 and 300... 300 fits; of 180, 180 and 360 do too;
        // of 300 with min 350 none does.
        #expect(issueLines(text("step = 150\nmin = 250")) == [])
        #expect(issueLines(text("step = 300\nmin = 350")) == [
            "t.toml:8:1: [[service]] \"s\": no whole multiple of \"step\" 300 lies between the service's lower bound 350 "
                + "and its max 400",
        ])
    }

    @Test func aStepMustBeMoneyAboveZero() {
        #expect(issueLines(text("step = 0")) == [
            "t.toml:8:1: [[service]] \"s\": \"step\" must be an amount of money above 0 (got 0)",
        ])
    }

    @Test func aPlanAcceptsSteps() throws {
        let plan = text("step = 100") + "[plan]\nbase_year = \"2016/17\"\nyears = [\"2017/18\"]\n"
        #expect(issueLines(plan) == [])
        #expect(try ScenarioDecoder.decode(plan, fileName: "t.toml").scenario.services[0].step == 100)
    }

    @Test func aGroupMaximumBelowTheFloorsIsNoProblemWhenAMemberCanClose() throws {
        // The group's max 300 is below the members' floors 200 + 200, but b can close.
        let lines = "min = \"50%\"\n[[service]]\nid = \"b\"\nbaseline = 400\nmin = \"50%\"\nclosable = true\n"
            + "[[group]]\nid = \"g\"\nservices = [\"s\", \"b\"]\nmax = 300"
        #expect(issueLines(text(lines)) == [])
    }

    @Test func aPlanAcceptsClosableServices() throws {
        let plan = text("closable = true\nmin = \"50%\"") + "[plan]\nbase_year = \"2016/17\"\nyears = [\"2017/18\"]\n"
        #expect(issueLines(plan) == [])
        let document = try ScenarioDecoder.decode(plan, fileName: "t.toml")
        #expect(document.plan != nil && document.scenario.closableServices == [0])
    }
}
