import BudgetModel
import Testing

/// The scenario edge cases of issue #6 (item 3) that decode: each gives the hand-worked
/// allocation, with every LP behind it certificate-checked, or the exact validation error.
/// The cases a file or the command line gets wrong are in Tests/ScenarioCLITests/EdgeCaseCommandTests.swift.
@Suite struct ScenarioEdgeCaseTests {
    private func decoded(_ text: String) throws -> Scenario {
        try ScenarioDecoder.decode(text, fileName: "t.toml").scenario
    }

    @Test func zeroAmountFundsAddNothing() throws {
        // The envelope is the 1,000 grant alone: at 10% it is 900, shared 540 / 360 by an equal
        // 10% cut; the empty ring-fenced fund cannot help a.
        let allocator = CheckedAllocator(try decoded("""
            title = "Zero funds"
            [[fund]]
            id = "grant"
            amount = 1000
            [[fund]]
            id = "empty"
            amount = 0
            [[fund]]
            id = "empty-rf"
            amount = 0
            cut = false
            ring_fenced_for = ["a"]
            [[service]]
            id = "a"
            baseline = 600
            [[service]]
            id = "b"
            baseline = 400
            """))
        let result = try allocator.result(10)
        expectAllocations(result, ["a": 540, "b": 360])
        #expect(bindings(result) == ["a": "share", "b": "share"])
        #expect(result.envelope == 900)
    }

    @Test func everyFundEmptyGivesEveryServiceNothing() throws {
        let allocator = CheckedAllocator(try decoded("""
            title = "Nothing to spend"
            [[fund]]
            id = "grant"
            amount = 0
            [[service]]
            id = "a"
            baseline = 600
            [[service]]
            id = "b"
            baseline = 400
            """))
        let result = try allocator.result(0)
        expectAllocations(result, ["a": 0, "b": 0])
        #expect(result.envelope == 0)
    }

    @Test func everyServiceProtectedIsFeasibleOnlyWithoutACut() throws {
        // Baselines 600 + 400 = the 1,000 envelope: any cut leaves a deficit of the cut itself.
        let allocator = CheckedAllocator(try decoded("""
            title = "All protected"
            [[fund]]
            id = "grant"
            amount = 1000
            [[service]]
            id = "a"
            baseline = 600
            protected = true
            [[service]]
            id = "b"
            baseline = 400
            protected = true
            """))
        let zero = try allocator.result(0)
        expectAllocations(zero, ["a": 600, "b": 400])
        #expect(bindings(zero) == ["a": "protected", "b": "protected"])
        let ten = try allocator.result(10)
        #expect(ten.status == .infeasible)
        #expect(abs((ten.deficit ?? .nan) - 100) < 1e-6)
        #expect(abs((try allocator.maximumFeasibleCut() ?? .nan) - 0) < 1e-9)
    }

    @Test func fullMinimumEverywhereLeavesTheRestUnallocated() throws {
        // Floors 600 + 400 = 1,000 of a 1,200 envelope: feasible up to a cut of 200/1200 = 16.67%,
        // and at 50% (600) 400 short.
        let allocator = CheckedAllocator(try decoded("""
            title = "Full minimums"
            [[fund]]
            id = "grant"
            amount = 1200
            [[service]]
            id = "a"
            baseline = 600
            min = "100%"
            [[service]]
            id = "b"
            baseline = 400
            min = "100%"
            """))
        let ten = try allocator.result(10)
        expectAllocations(ten, ["a": 600, "b": 400])
        #expect(abs(ten.unallocated - 80) < 1e-6)
        let half = try allocator.result(50)
        #expect(half.status == .infeasible)
        #expect(abs((half.deficit ?? .nan) - 400) < 1e-6)
        #expect(abs((try allocator.maximumFeasibleCut() ?? .nan) - 100.0 / 6) < 1e-6)
    }

    @Test func pennyAndTrillionScenariosAreExact() throws {
        let pennies = CheckedAllocator(try decoded("""
            title = "Pennies"
            [[fund]]
            id = "grant"
            amount = 0.04
            [[service]]
            id = "a"
            baseline = 0.01
            [[service]]
            id = "b"
            baseline = 0.03
            """))
        let small = try pennies.result(10)
        #expect(abs(allocations(small)["a", default: .nan] - 0.009) < 1e-12)
        #expect(abs(allocations(small)["b", default: .nan] - 0.027) < 1e-12)
        #expect(abs(small.unallocated) < 1e-12)
        let trillion = CheckedAllocator(try decoded("""
            title = "A trillion"
            [[fund]]
            id = "grant"
            amount = 1_000_000_000_000
            [[service]]
            id = "a"
            baseline = 999_997_000_000.01
            [[service]]
            id = "b"
            baseline = 1_500_000
            [[service]]
            id = "c"
            baseline = 1_499_999.99
            """))
        let large = try trillion.result(10)
        expectAllocations(large, ["a": 899_997_300_000.009, "b": 1_350_000, "c": 1_349_999.991])
    }

    /// A baseline a millionth of the largest amount is still allocated exactly (at ten
    /// millionths the solver's tolerance gave the small service a wrong share, and at a
    /// hundred millionths nothing at all, before the limit existed).
    @Test func baselineAMillionthOfTheLargestAmountIsExact() throws {
        let allocator = CheckedAllocator(try decoded("""
            title = "Widest range"
            [[fund]]
            id = "grant"
            amount = 1_000_000
            [[service]]
            id = "small"
            baseline = 1
            [[service]]
            id = "big"
            baseline = 999_997
            [[service]]
            id = "two"
            baseline = 2
            """))
        let result = try allocator.result(10)
        #expect(abs(allocations(result)["small", default: .nan] - 0.9) < 1e-9)
        #expect(abs(allocations(result)["two", default: .nan] - 1.8) < 1e-9)
    }

    @Test func baselineBelowAMillionthOfTheLargestAmountIsAnError() {
        let text = """
            title = "Pennies beside a trillion"
            [[fund]]
            id = "grant"
            amount = 1_000_000_000_000.03
            [[service]]
            id = "penny"
            baseline = 0.01
            [[service]]
            id = "trillion"
            baseline = 1_000_000_000_000
            """
        #expect(issueLines(text) == [
            "t.toml:7:1: [[service]] \"penny\": \"baseline\" is too small to compute with beside the scenario's "
                + "largest amount (got 0.01; a baseline must be at least a millionth of 1000000000000.03)",
        ])
    }

    @Test func nonASCIINamesAndTitleAreKept() throws {
        let scenario = try decoded("""
            title = "Ünïcödé — 预算 🙂"
            [[fund]]
            id = "grant"
            name = "Zuschuss für Opfer"
            amount = 1000
            [[service]]
            id = "a"
            name = "Services aux victimes (Île-de-France) 🙂"
            baseline = 600
            """)
        #expect(scenario.title == "Ünïcödé — 预算 🙂")
        #expect(scenario.funds[0].name == "Zuschuss für Opfer")
        #expect(scenario.services[0].name == "Services aux victimes (Île-de-France) 🙂")
        expectAllocations(try CheckedAllocator(scenario).result(10), ["a": 600])
    }

    /// 10,000 services (the generator's file, 0.9 MB) decode and validate; solving them is
    /// measured, not unit-tested (README, "Limits and guarantees").
    @Test func tenThousandServicesDecode() throws {
        let settings = GenerationSettings(services: 10_000, funds: 50, groups: 100, seed: 1)
        let text = try ScenarioGenerator.toml(settings)
        let scenario = try decoded(text)
        #expect(scenario.services.count == 10_000)
        #expect(scenario.groups.count == 100)
        #expect(scenario == (try ScenarioGenerator.scenario(settings)))
    }
}
