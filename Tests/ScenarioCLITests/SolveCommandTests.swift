import Foundation
import Testing

@Suite struct SolveCommandTests {
    @Test func feasibleCutInDetail() throws {
        let directory = try ReportCommandRun.directory(with: ["worked.toml": ReportCommandRun.workedExample])
        let run = try ReportCommandRun.run(["solve", "worked.toml", "--cut", "20%"], in: directory)
        #expect(run.status == 0)
        let lines = run.output.components(separatedBy: "\n")
        #expect(lines.first == "Worked example: a 20% cut")
        #expect(lines.contains("Envelope after the cut: £880,000"))
        #expect(lines.contains("rj                 £300,000    £180,000  -£120,000    -40.0%  minimum"))
        #expect(lines.contains("counselling        £200,000    £100,000  -£100,000    -50.0%  share"))
        #expect(lines.contains("grant                         yes       £800,000  £800,000    £0"))
        #expect(lines.contains("Domestic violence ring-fence  yes        £80,000   £80,000    £0"))
        #expect(lines.contains("Money by fund and service (one valid split)"))
        #expect(lines.contains("Maximum feasible cut: 38.18%"))
    }

    @Test func infeasibleCutShowsTheDeficit() throws {
        let directory = try ReportCommandRun.directory(with: ["worked.toml": ReportCommandRun.workedExample])
        let run = try ReportCommandRun.run(["solve", "worked.toml", "--cut", "40", "--format", "json"], in: directory)
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let cut = try #require(object["cut"] as? [String: Any])
        #expect(cut["status"] as? String == "infeasible")
        let deficit = try #require(cut["deficit"] as? Double)
        #expect(abs(deficit - 20_000) < 1e-6)
        #expect(cut["explanation"] is String)
        let conflict = try #require(cut["conflict"] as? [[String: Any]])
        #expect(conflict.map { $0["kind"] as? String } == ["protected", "minimum", "minimum", "fund", "ring-fence"])
        #expect(conflict.map { $0["id"] as? String } == ["hub", "idva", "rj", "grant", "dv"])
        // 400,000 + 100,000 + 180,000 - (600,000 + 60,000) = 20,000, the deficit.
        let amounts = conflict.compactMap { $0["amount"] as? Double }
        let expected: [Double] = [400_000, 100_000, 180_000, 600_000, 60_000]
        #expect(amounts.count == 5 && zip(amounts, expected).allSatisfy { abs($0 - $1) < 1e-6 })
    }

    @Test func tiersModeShowsWhatEachFloorCosts() throws {
        let directory = try ReportCommandRun.directory(with: ["worked.toml": ReportCommandRun.workedExample])
        let run = try ReportCommandRun.run(["solve", "worked.toml", "--cut", "20%"], in: directory)
        #expect(run.status == 0)
        let lines = run.output.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: "What each binding floor costs the others (the floor lifted, the same cut allocated again)"))
        #expect(Array(lines[(start + 1)...(start + 4)]) == [
            "Floor            Held at  Without it  Others lose  By priority",
            "--------------  --------  ----------  -----------  -------------------",
            "hub protection  £400,000    £302,222      £97,778  priority 0: £97,778",
            "rj minimum      £180,000    £168,000      £12,000  priority 0: £12,000",
        ])
        let json = try ReportCommandRun.run(["solve", "worked.toml", "--cut", "30", "--format", "json"], in: directory)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let sensitivity = try #require(object["sensitivity"] as? [String: Any])
        #expect(sensitivity["mode"] as? String == "tiers")
        let floors = try #require(sensitivity["floors"] as? [[String: Any]])
        #expect(floors.map { $0["service"] as? String } == ["hub", "rj"])
        let othersLose = floors.compactMap { $0["others_lose"] as? Double }
        #expect(othersLose.count == 2 && abs(othersLose[0] - 146_666.666_667) < 1e-3 && abs(othersLose[1] - 78_000) < 1e-3)

        let without = try ReportCommandRun.run(["solve", "worked.toml", "--cut", "30", "--format", "json", "--sensitivity", "no"], in: directory)
        let plain = try #require(try JSONSerialization.jsonObject(with: Data(without.output.utf8)) as? [String: Any])
        #expect(plain["sensitivity"] == nil && plain["conflict"] == nil)
        #expect((plain["cut"] as? [String: Any])?["unallocated_by_fund"] as? [Any] != nil)
    }

    @Test func weightedModeShowsTheSensitivityReport() throws {
        let weighted = ReportCommandRun.workedExample
            .replacingOccurrences(of: "title = \"Worked example\"", with: "title = \"Worked example\"\n[objective]\nmode = \"weighted\"")
            .replacingOccurrences(of: "priority = 1", with: "priority = 1\nweight = 3")
            .replacingOccurrences(of: "min = \"60%\"", with: "min = \"60%\"\nweight = 2")
        let directory = try ReportCommandRun.directory(with: ["weighted.toml": weighted])
        let run = try ReportCommandRun.run(["solve", "weighted.toml", "--cut", "20%"], in: directory)
        #expect(run.status == 0)
        let lines = run.output.components(separatedBy: "\n")
        #expect(lines.contains("Sensitivity report of the allocation above in the weighted LP (maximise W = sum of weight x allocation subject to the hard constraints at this cut, the programme scenario export writes): W = £1,560,000"))
        #expect(lines.contains("idva            £200,000             1       3            no limit                   1"))
        #expect(lines.contains("rj              £280,000             0       2                   1                   1"))
        #expect(lines.contains("grant                            £800,000             2  £800,000             £20,000            £100,000"))
        let json = try ReportCommandRun.run(["solve", "weighted.toml", "--cut", "20", "--format", "json"], in: directory)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let sensitivity = try #require(object["sensitivity"] as? [String: Any])
        let constraints = try #require(sensitivity["constraints"] as? [[String: Any]])
        #expect(constraints.map { $0["shadow_price"] as? Double } == [2, 2])
        #expect((sensitivity["basis"] as? [String: Any])?["rows"] is [String: String])
        #expect(sensitivity["program"] as? String == "allocation-first-stage")
        #expect(sensitivity["optimum_is_shared"] as? Bool == false)
    }

    /// Weighted, two services of weight 1 tie for £110,000 at a 30% cut: the tiers rule gives
    /// each £55,000, and the sensitivity report's final values are those of the table.
    @Test func weightedSensitivityShowsTheAllocationOfTheTable() throws {
        let scenario = """
            title = "Weighted tie"
            [objective]
            mode = "weighted"

            [[fund]]
            id = "grant"
            amount = 300000

            [[service]]
            id = "advocacy"
            baseline = 100000
            weight = 2
            min = "50%"

            [[service]]
            id = "befriending"
            baseline = 100000

            [[service]]
            id = "counselling"
            baseline = 100000

            """
        let directory = try ReportCommandRun.directory(with: ["tie.toml": scenario])
        let run = try ReportCommandRun.run(["solve", "tie.toml", "--cut", "30%"], in: directory)
        #expect(run.status == 0)
        // Lines with the columns' spacing squeezed to one space.
        let lines = run.output.components(separatedBy: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        #expect(lines.contains("befriending £100,000 £55,000 -£45,000 -45.0% share"))
        #expect(lines.contains("counselling £100,000 £55,000 -£45,000 -45.0% share"))
        #expect(lines.contains("advocacy £100,000 1 2 no limit 1"))
        #expect(lines.contains("befriending £55,000 0 1 0 0"))
        #expect(lines.contains("counselling £55,000 0 1 0 0"))
        #expect(lines.contains("grant £210,000 1 £210,000 £90,000 £10,000"))
        #expect(lines.contains { $0.hasPrefix("The weighted optimum is not unique at this cut") })
        let json = try ReportCommandRun.run(["solve", "tie.toml", "--cut", "30", "--format", "json"], in: directory)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let sensitivity = try #require(object["sensitivity"] as? [String: Any])
        let finals = (sensitivity["services"] as? [[String: Any]])?.compactMap { $0["final_value"] as? Double } ?? []
        let cut = object["cut"] as? [String: Any]
        let allocated = (cut?["services"] as? [[String: Any]])?.compactMap { $0["allocation"] as? Double } ?? []
        #expect(finals.count == 3 && zip(finals, allocated).allSatisfy { abs($0 - $1) < 1e-6 }, "\(finals) vs \(allocated)")
        #expect(sensitivity["optimum_is_shared"] as? Bool == true)
    }

    @Test func solveTakesExactlyOneCut() throws {
        let run = try ReportCommandRun.run(["solve", "--cut", "5..10%"])
        #expect(run.status == 64)
        #expect(run.errors.hasSuffix("scenario solve: --cut takes one value, such as 12.5%; use scenario sweep for several\n"))
        #expect(try ReportCommandRun.run(["solve", "--cut", "100%"]).status == 64)
    }

    @Test func invalidScenarioExitsWith65() throws {
        let directory = try ReportCommandRun.directory(with: ["broken.toml": ReportCommandRun.invalidScenario])
        let run = try ReportCommandRun.run(["solve", "broken.toml", "--cut", "5"], in: directory)
        #expect(run.status == 65)
        #expect(run.errors.split(separator: "\n").count == 2)
    }
}
