import BudgetModel
import Testing

/// Validation of what the arithmetic and the terminal can take: the finest `unit`, printable
/// names and titles, and problems repeated for one cause reported once with a count.
@Suite struct InputLimitValidationTests {
    // MARK: unit

    @Test func decimalPlacesOfAUnit() {
        #expect(MoneyFormatter.decimalPlaces(of: 1) == 0)
        #expect(MoneyFormatter.decimalPlaces(of: 1000) == 0)
        #expect(MoneyFormatter.decimalPlaces(of: 0.05) == 2)
        #expect(MoneyFormatter.decimalPlaces(of: 0.000001) == 6)
        #expect(MoneyFormatter.decimalPlaces(of: 0.000003) == 6)
        #expect(MoneyFormatter.decimalPlaces(of: 0.0000005) == nil)
        #expect(MoneyFormatter.decimalPlaces(of: 0.0000001) == nil)
        #expect(MoneyFormatter.decimalPlaces(of: 1.0 / 3) == nil)
    }

    /// 2^53 = 9,007,199,254,740,992 is the largest whole number printed: in millionths for
    /// unit 0.000001 (and 0.000003), in hundredths for 0.05, in thousands for 1000.
    @Test func theLargestAmountPrintedExactly() {
        let millionths = MoneyFormatter(currency: "GBP", unit: 0.000001)
        #expect(millionths.printsExactly(upTo: 9_007_199_254.740992))
        #expect(!millionths.printsExactly(upTo: 9_007_199_254.741))
        #expect(MoneyFormatter(currency: "GBP", unit: 0.000003).printsExactly(upTo: 9e9))
        #expect(!MoneyFormatter(currency: "GBP", unit: 0.000003).printsExactly(upTo: 1e10))
        #expect(MoneyFormatter(currency: "GBP", unit: 0.05).printsExactly(upTo: 9e13))
        #expect(!MoneyFormatter(currency: "GBP", unit: 0.05).printsExactly(upTo: 1e14))
        #expect(MoneyFormatter(currency: "GBP", unit: 1).printsExactly(upTo: 9e15))
        #expect(MoneyFormatter(currency: "GBP", unit: 1000).printsExactly(upTo: 9e18))
        #expect(!MoneyFormatter(currency: "GBP", unit: 0.0000005).printsExactly(upTo: 1))
    }

    /// At the limit the formatter prints each millionth: 9,007,199,254.740991 is 2^53 - 1 millionths.
    @Test func millionthsAtTheLimitPrintEveryDigit() {
        let money = MoneyFormatter(currency: "GBP", unit: 0.000001)
        #expect(money.format(units: 9_007_199_254_740_991) == "£9,007,199,254.740991")
        #expect(money.plain(units: 9_007_199_254_740_991) == "9007199254.740991")
        #expect(money.format(amount: 0.000001) == "£0.000001")
    }

    /// The largest figure counts twice the funds, the baselines, the services' lower bounds and
    /// amount group minimums: each alone decides here (unit 0.01 allows up to 9.007e13).
    @Test(arguments: [
        ("[[fund]]\nid = \"big\"\namount = 4.6e13\n", "92000000002000", "9.2000000002e+15"),
        ("[[service]]\nid = \"big\"\nbaseline = 9.1e13\n", "91000000000400", "9.10000000004e+15"),
        ("[[service]]\nid = \"big\"\nbaseline = 1e13\nmin = 9.2e13\nmax = 9.2e13\n", "92000000000000", "9.2e+15"),
        ("[[group]]\nid = \"g\"\nservices = [\"hub\"]\nmin = 9.1e13\n", "91000000000000", "9.1e+15"),
    ])
    func theLargestFigureDecidesTheFinestUnit(extra: String, largest: String, count: String) {
        let text = minimalScenario(appending: extra)
            .replacingOccurrences(of: "title = \"T\"\n", with: "title = \"T\"\nunit = 0.01\n")
        #expect(issueLines(text).first ==
            "t.toml:2:1: \"unit\" 0.01 is too fine for this scenario's largest figure, \(largest): in steps of "
                + "0.01 that is \(count), above 2^53 = 9007199254740992, the largest count a double "
                + "holds exactly; the finest unit it allows is 0.1")
    }

    /// Five funds of 1e15: the largest figure 1e16 is beyond 2^53 pounds, not beyond 2^53 thousands.
    @Test func unitsOfThousandsAllowTheLargestTotals() {
        let funds = (0..<5).map { "[[fund]]\nid = \"f\($0)\"\namount = 1e15\n" }.joined()
        let text = "title = \"T\"\nunit = UNIT\n" + funds + "[[service]]\nid = \"s\"\nbaseline = 1e15\n"
        #expect(issueLines(text.replacingOccurrences(of: "UNIT", with: "1000")).isEmpty)
        #expect(issueLines(text.replacingOccurrences(of: "UNIT", with: "1")) == [
            "t.toml:2:1: \"unit\" 1 is too fine for this scenario's largest figure, 1e+16: in steps of 1 that "
                + "is 1e+16, above 2^53 = 9007199254740992, the largest count a double holds exactly; the finest "
                + "unit it allows is 1000",
        ])
    }

    // MARK: Printable text

    static let printableRule = "names, titles and sources must be one line of printable text, without control "
        + "characters, line separators or bidirectional overrides"

    @Test(arguments: [
        ("\\t", "U+0009 (tab)"), ("\\r", "U+000D (carriage return)"), ("\\u0001", "U+0001 (a control character)"),
        ("\\u007F", "U+007F (delete)"), ("\\u0085", "U+0085 (next line)"), ("\\u009B", "U+009B (a control character)"),
        ("\\u2028", "U+2028 (line separator)"), ("\\u2029", "U+2029 (paragraph separator)"),
        ("\\u202E", "U+202E (a bidirectional override)"), ("\\u2066", "U+2066 (a bidirectional override)"),
    ])
    func unprintableCharactersInANameAreRejected(escape: String, described: String) {
        let text = minimalScenario(appending: "name = \"Hub\(escape)x\"\n")
        #expect(issueLines(text) == [
            "t.toml:10:1: [[service]] \"hub\": \"name\" holds \(described) at character 4; \(Self.printableRule)",
        ])
    }

    @Test func everyPrintedTextIsChecked() {
        let text = """
            title = "T\\u001b]0;owned\\u0007"
            source = "line one\\nline two"

            [[fund]]
            id = "grant"
            name = "\\u202Ednuf"
            amount = 1000

            [[service]]
            id = "hub"
            baseline = 400

            [[group]]
            id = "g"
            name = "Group\\r"
            services = ["hub"]
            max = 500

            """
        #expect(issueLines(text) == [
            "t.toml:1:1: \"title\" holds U+001B (escape) at character 2 and 1 more; \(Self.printableRule)",
            "t.toml:2:1: \"source\" holds U+000A (line feed) at character 9; \(Self.printableRule)",
            "t.toml:6:1: [[fund]] \"grant\": \"name\" holds U+202E (a bidirectional override) at character 1; "
                + Self.printableRule,
            "t.toml:15:1: [[group]] \"g\": \"name\" holds U+000D (carriage return) at character 6; \(Self.printableRule)",
        ])
    }

    /// The TOML reader cut `"Hub\u0000x"` short to `"Hub"` with no issue at all.
    @Test func anEscapedNulIsRejectedWhereItIsWritten() {
        let rule = "a string holds the escape \\u0000 (NUL), which is not allowed: names, titles and sources "
            + "must be one line of printable text, and the TOML reader would cut the string short there"
        #expect(issueLines(minimalScenario(appending: "name = \"Hub\\u0000x\"\n")) == ["t.toml:10:12: \(rule)"])
        #expect(issueLines(minimalScenario(appending: "name = \"\"\"\nHub \\\"\\U00000000\"\"\"\n")) == [
            "t.toml:11:7: \(rule)",
        ])
        let notEscapes = "# a comment may say \\u0000\nname = 'Hub \\u0000' # and so may a literal string\n"
            + "priority = 1 # \"\\u0000\"\n"
        #expect(issueLines(minimalScenario(appending: notEscapes)).isEmpty)
        #expect(issueLines(minimalScenario(appending: "name = \"Hub \\\\u0000\"\n")).isEmpty)
    }

    @Test func printableUnicodeIsAccepted() {
        let text = minimalScenario(appending: "name = \"Victims’ Hub — Ωmega 😀 \\u200D ملف\"\n")
        #expect(issueLines(text).isEmpty)
    }

    @Test func aScenarioBuiltInCodeIsCheckedToo() {
        let scenario = Scenario(
            title: "Report\u{1b}[2J", funds: [Fund(id: "f", amount: 10)],
            services: [Service(id: "s", name: "S\nT", baseline: 10)])
        #expect(ScenarioValidator.validate(scenario, fileName: "code").map(\.description) == [
            "code: \"title\" holds U+001B (escape) at character 7; \(Self.printableRule)",
            "code: [[service]] \"s\": \"name\" holds U+000A (line feed) at character 2; \(Self.printableRule)",
        ])
    }

    // MARK: Repeated problems

    /// 100,000 copies of one member gave 99,999 identical lines.
    @Test func aMemberRepeatedManyTimesIsOneLine() {
        let members = Array(repeating: "\"hub\"", count: 100_000).joined(separator: ", ")
        let text = minimalScenario(appending: "\n[[group]]\nid = \"g\"\nservices = [\(members)]\nmax = 500\n")
        #expect(issueLines(text) == [
            "t.toml:13:20: [[group]] \"g\": \"services\" names \"hub\" 100,000 times (99,999 repeats)",
        ])
    }

    @Test func anUnknownMemberRepeatedIsReportedOnceAndCounted() {
        let text = minimalScenario(appending: """

            [[fund]]
            id = "dv"
            amount = 10
            ring_fenced_for = ["zzz", "hub", "zzz", "zzz"]

            """)
        #expect(issueLines(text) == [
            "t.toml:14:20: [[fund]] \"dv\": \"ring_fenced_for\" names \"zzz\", which is not a service id",
            "t.toml:14:34: [[fund]] \"dv\": \"ring_fenced_for\" names \"zzz\" 3 times (2 repeats)",
        ])
    }

    @Test func anIDUsedManyTimesIsOneLine() {
        let services = (0..<1_000).map { _ in "[[service]]\nid = \"hub\"\nbaseline = 1\n" }.joined()
        #expect(issueLines(minimalScenario(appending: services)) == [
            "t.toml:11:1: [[service]] \"hub\": id \"hub\" is already used by an earlier [[service]] "
                + "(and by 999 more [[service]] after this one)",
        ])
    }
}
