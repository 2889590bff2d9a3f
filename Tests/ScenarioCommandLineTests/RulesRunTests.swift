import BudgetModel
import BudgetReports
import Foundation
import LinearProgramming
import LPCertificates
import ScenarioCommandLine
import Testing

/// `scenario rules` in-process: every rule at one cut of the worked example of SCENARIO-SPEC
/// section 9 (with its weights: idva 3, rj 2), every LP certificate-checked.
@Suite struct RulesRunTests {
    private let document: ScenarioDocument = {
        let services = [
            Service(id: "hub", name: "Victims' Hub", baseline: 400_000, isProtected: true),
            Service(id: "idva", baseline: 200_000, minimum: .percent(50), priority: 1, weight: 3),
            Service(id: "rj", baseline: 300_000, minimum: .percent(60), weight: 2),
            Service(id: "counselling", baseline: 200_000),
        ]
        let scenario = Scenario(
            title: "Worked example",
            funds: [
                Fund(id: "grant", amount: 1_000_000),
                Fund(id: "dv", name: "Domestic violence ring-fence", amount: 100_000, ringFencedFor: ["idva"]),
            ],
            services: services)
        return ScenarioDocument(scenario: scenario, fileName: "worked.toml", sha256: String(repeating: "0", count: 64))
    }()

    /// The report in `format`, failing the test if an LP solution behind it is not certified.
    private func report(_ format: DocumentFormat, cut: Double = 10) throws -> String {
        let checker = CertificateChecker()
        var failures: [String] = []
        var checked = 0
        let text = try RulesRun.report(document, cutPercent: cut, format: format) { program, solution in
            checked += 1
            failures += checker.check(solution, of: program).failures
        }
        #expect(checked > 0)
        #expect(failures.isEmpty, "certificate failures: \(failures)")
        return text
    }

    @Test func jsonIsTheObjectOfSectionFourteen() throws {
        // At 10% (990,000) priority 0 shares 390,000: equal percentage cuts 22% (rj 234,000,
        // counselling 156,000); equal cash cuts of 55,000 (245,000, 145,000); equal awards of
        // 195,000 each; weighted: rj (weight 2) before counselling (1): 300,000 and 90,000.
        let text = try report(.json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["cut_pct", "rules"])
        #expect(object["cut_pct"] as? Double == 10)
        let rules = try #require(object["rules"] as? [[String: Any]])
        let expected: [(fairness: String?, mode: String, allocations: [Double])] = [
            ("relative", "tiers", [400_000, 200_000, 234_000, 156_000]),
            ("cash", "tiers", [400_000, 200_000, 245_000, 145_000]),
            ("award", "tiers", [400_000, 200_000, 195_000, 195_000]),
            (nil, "weighted", [400_000, 200_000, 300_000, 90_000]),
        ]
        #expect(rules.count == expected.count)
        for (rule, want) in zip(rules, expected) {
            #expect(Set(rule.keys) == ["fairness", "mode", "status", "services"])
            if let fairness = want.fairness {
                #expect(rule["fairness"] as? String == fairness)
            } else {
                #expect(rule["fairness"] is NSNull)
            }
            #expect(rule["mode"] as? String == want.mode)
            #expect(rule["status"] as? String == "optimal")
            let services = try #require(rule["services"] as? [[String: Any]])
            #expect(services.map { $0["id"] as? String } == ["hub", "idva", "rj", "counselling"])
            for (service, amount) in zip(services, want.allocations) {
                #expect(Set(service.keys) == ["id", "allocation"])
                let allocation = try #require(service["allocation"] as? Double)
                #expect(abs(allocation - amount) < 0.01, "\(rule["fairness"] ?? "weighted"): \(allocation) != \(amount)")
            }
        }
    }

    @Test func textShowsTheRulesSideBySide() throws {
        let text = try report(.text)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "Worked example: the allocation rules at a 10% cut")
        #expect(Array(lines[3...13]) == [
            "Service            Baseline  Equal % cuts  Equal cash cuts  Equal awards  Weighted",
            "---------------  ----------  ------------  ---------------  ------------  --------",
            "Victims' Hub       £400,000      £400,000         £400,000      £400,000  £400,000",
            "idva               £200,000      £200,000         £200,000      £200,000  £200,000",
            "rj                 £300,000      £234,000         £245,000      £195,000  £300,000",
            "counselling        £200,000      £156,000         £145,000      £195,000   £90,000",
            "---------------  ----------  ------------  ---------------  ------------  --------",
            "Total allocated  £1,100,000      £990,000         £990,000      £990,000  £990,000",
            "Unallocated                            £0               £0            £0        £0",
            "Envelope                         £990,000         £990,000      £990,000  £990,000",
            "Status                            optimal          optimal       optimal   optimal",
        ])
        #expect(lines.contains("rj            -22.0% share    -18.3% share     -35.0% share    0.0% maximum"))
        #expect(lines.contains("counselling   -22.0% share    -27.5% share     -2.5% share     -55.0% share"))
        #expect(lines.contains("Rule: priority tiers, highest first; equal percentage cuts within each ([objective] fairness = \"relative\")."))
    }

    @Test func infeasibleCutIsInfeasibleUnderEveryRule() throws {
        // At 40% the floors need 680,000 of an envelope of 660,000 (SCENARIO-SPEC section 9).
        let object = try #require(try JSONSerialization.jsonObject(with: Data(try report(.json, cut: 40).utf8)) as? [String: Any])
        let rules = try #require(object["rules"] as? [[String: Any]])
        #expect(rules.map { $0["status"] as? String } == Array(repeating: "infeasible", count: 4))
        #expect(rules.allSatisfy { ($0["services"] as? [Any])?.isEmpty == true })
        #expect(try report(.text, cut: 40).contains("At a 40% cut no allocation meets every hard constraint, whatever the rule;"))
    }

    @Test func everyFormatAddsUp() throws {
        // CSV: one row per rule and service, the rounded allocations adding up to 990,000 per rule.
        let rows = try report(.csv).split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows[0] == ["cut_pct", "fairness", "mode", "status", "service_id", "service_name", "baseline",
                            "allocation", "allocation_rounded", "change_pct", "binding"])
        #expect(rows.count == 1 + 4 * 4)
        for rule in ["relative", "cash", "award", ""] {
            let rounded = rows.dropFirst().filter { $0[1] == rule }.compactMap { Double($0[8]) }
            #expect(rounded.count == 4 && rounded.reduce(0, +) == 990_000, "\(rule): \(rounded)")
        }
        #expect(try report(.markdown).contains("| counselling | £200,000 | £156,000 | £145,000 | £195,000 | £90,000 |"))
        let html = try report(.html)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.hasSuffix("</html>\n"))
        #expect(html.contains("<caption id=\"table-rules-caption\">Table 1: Allocation by rule, Worked example, 10% cut</caption>"))
        let latex = try report(.latex)
        #expect(latex.contains("\\caption{Worked example: the allocation rules at a 10\\% cut: allocation by rule}\\\\"))
    }

    @Test func claimsFixtureGivesTheClassicRules() throws {
        // Tests/Fixtures/claims-100-200-300.toml: the estate of 200 (docs/FAIRNESS.md).
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/claims-100-200-300.toml").path
        let directory = try scratchDirectory()
        try RulesRun.run(file: fixture, cut: "0", format: .csv, output: directory + "/rules.txt")
        let rows = try String(contentsOfFile: directory + "/rules.txt", encoding: .utf8).split(separator: "\r\n")
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let exact = { (rule: String) in rows.dropFirst().filter { $0[1] == rule }.compactMap { Double($0[7]) } }
        let expected: [(String, [Double])] = [
            ("relative", [100.0 / 3, 200.0 / 3, 100]), ("cash", [0, 50, 150]), ("award", [200.0 / 3, 200.0 / 3, 200.0 / 3]),
        ]
        for (rule, awards) in expected {
            let actual = exact(rule)
            #expect(actual.count == 3 && zip(actual, awards).allSatisfy { abs($0 - $1) < 1e-6 }, "\(rule): \(actual)")
        }
    }

    @Test func runWritesTheFormatItsOutputNames() throws {
        let directory = try scratchDirectory()
        let input = directory + "/worked.toml"
        try ScenarioTOMLWriter.text(of: document.scenario).write(toFile: input, atomically: true, encoding: .utf8)
        try RulesRun.run(file: input, cut: "20%", format: nil, output: directory + "/rules.json")
        let written = try String(contentsOfFile: directory + "/rules.json", encoding: .utf8)
        #expect(written.hasPrefix("{\n  \"cut_pct\": 20,\n  \"rules\": [\n    {\"fairness\": \"relative\", \"mode\": \"tiers\", \"status\": \"optimal\", \"services\": ["))
        #expect(exitStatus { try RulesRun.run(file: input, cut: "5..10%", format: nil, output: nil) } == 64)
        #expect(exitStatus { try RulesRun.run(file: input, cut: "10%", format: nil, output: directory + "/rules.xlsx") } == 64)
        try "title = \"T\"\n[objective]\nfairness = \"equal\"\n".write(toFile: directory + "/bad.toml", atomically: true, encoding: .utf8)
        #expect(exitStatus { try RulesRun.run(file: directory + "/bad.toml", cut: "10%", format: nil, output: nil) } == 65)
    }
}
