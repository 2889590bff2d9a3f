import BudgetModel
import ScenarioCommandLine
import Testing

/// One `--cut` reading for every command.
@Suite struct CutOptionTests {
    /// `export --cut 1e1` and `solve --cut 1e1` are the same usage error: an exponent is not a plain decimal.
    @Test(arguments: ["1e1", "1E1", "0x10", "inf", "10%%", "", "100"])
    func everyCommandRejectsTheSameCuts(text: String) {
        for command in ["solve", "export", "sweep", "breakpoints"] {
            #expect(exitStatus { _ = try CutOption.single(text, command: command) } == 64, "\(command) --cut \(text)")
        }
        #expect(exitStatus { _ = try CutOption.cuts(text, step: nil, command: "sweep") } == 64)
    }

    @Test(arguments: [("10", 10.0), ("10%", 10.0), ("12.5%", 12.5), ("-7.5", -7.5), (".5", 0.5), (" 3 ", 3.0)])
    func oneCutIsReadAlike(text: String, value: Double) throws {
        #expect(try CutOption.single(text, command: "solve") == value)
        #expect(Array(try CutOption.cuts(text, step: nil, command: "sweep")) == [value])
    }

    @Test(arguments: ["5..20%", "5,10", "5..5"])
    func aSingleCutCommandRejectsRangesAndLists(text: String) {
        #expect(exitStatus { _ = try CutOption.single(text, command: "solve") } == 64)
    }

    /// 0..20% in steps of 5 is 5 cuts: a limit of 5 takes it, 4 does not.
    @Test func theCutLimitCountsTheCuts() throws {
        #expect(try CutOption.cuts("0..20%", step: "5", command: "sweep", maximumCount: 5).count == 5)
        #expect(exitStatus { _ = try CutOption.cuts("0..20%", step: "5", command: "sweep", maximumCount: 4) } == 64)
    }

    /// --step 0.0000001 over 0..30% is 300,000,001 cuts, over the default limit of 10,000,000;
    /// 0..99% in steps of 0.00001 is 9,900,001, within it.
    @Test func theDefaultLimitIsTenMillion() throws {
        #expect(CutOption.defaultMaximumCount == 10_000_000)
        let limit = CutOption.defaultMaximumCount
        #expect(exitStatus { _ = try CutOption.cuts("0..30%", step: "0.0000001", command: "sweep", maximumCount: limit) } == 64)
        #expect(try CutOption.cuts("0..99%", step: "0.00001", command: "sweep", maximumCount: limit).count == 9_900_001)
    }

    @Test(arguments: [("1", 1), ("10000000", 10_000_000)])
    func maximumCountsAreWholeNumbers(text: String, count: Int) throws {
        #expect(try CutOption.maximumCount(text, command: "sweep") == count)
    }

    @Test(arguments: ["0", "-5", "1.5", "many", ""])
    func badMaximumCountsAreUsageErrors(text: String) {
        #expect(exitStatus { _ = try CutOption.maximumCount(text, command: "sweep") } == 64)
    }

    @Test func rangesForBreakpointsMustWiden() throws {
        #expect(try CutOption.range("0..30%", command: "breakpoints") == 0...30)
        #expect(exitStatus { _ = try CutOption.range("5..5", command: "breakpoints") } == 64)
        #expect(exitStatus { _ = try CutOption.range("5", command: "breakpoints") } == 64)
    }

    @Test(arguments: ["1", "256"])
    func jobCountsInRange(text: String) throws {
        #expect(try JobCount.parse(text, command: "sweep") == Int(text))
    }

    @Test(arguments: ["0", "-1", "257", "two", "1.0"])
    func jobCountsOutOfRangeAreUsageErrors(text: String) {
        #expect(exitStatus { _ = try JobCount.parse(text, command: "sweep") } == 64)
    }
}
