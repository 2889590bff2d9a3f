import BudgetModel
import Foundation
import Testing

/// The real scenario files in `scenarios/` and the bundled copy of the default one.
@Suite struct ScenariosTests {
    static let directory = packageRoot.appendingPathComponent("scenarios")

    static func document(_ name: String) throws -> ScenarioDocument {
        try ScenarioDecoder.decode(contentsOf: directory.appendingPathComponent(name).path)
    }

    /// Every scenario's hard lower bounds (`lo_s`) added up.
    static func lowerBounds(_ scenario: Scenario) -> Double {
        scenario.services.reduce(0) { $0 + $1.lowerBound }
    }

    @Test func everyFileDecodesWithoutIssues() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path)
            .filter { $0.hasSuffix(".toml") }.sorted()
        #expect(names == [
            "cambridgeshire-2015-16-plan.toml", "cambridgeshire-2015-16.toml", "cambridgeshire-2016-17-closures.toml",
            "cambridgeshire-2016-17-posts.toml",
        "eastern-region-2014-15.toml",
            "kent-2017-18-plan.toml", "national-pcc-grants.toml", "norfolk-2014.toml", "thames-valley-2017-18.toml",
        ])
        for name in names {
            #expect(fileIssueLines(Self.directory.appendingPathComponent(name).path) == [], "\(name)")
        }
    }

    @Test func bundledTextIsTheFileByteForByte() throws {
        let path = Self.directory.appendingPathComponent(BundledScenario.fileName).path
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(Array(BundledScenario.text.utf8) == bytes)
        let bundled = try ScenarioDecoder.decode(BundledScenario.text, fileName: BundledScenario.fileName)
        #expect(bundled.sha256 == (try Self.document(BundledScenario.fileName)).sha256)
    }

    @Test func cambridgeshireHasTheAppendixOneAllocations() throws {
        let scenario = try Self.document("cambridgeshire-2015-16.toml").scenario
        #expect(scenario.title == "Cambridgeshire victims' services grant 2015/16")
        #expect(scenario.currency == "GBP")
        #expect(scenario.unit == 1)
        #expect(scenario.objective == .tiers)
        #expect(scenario.source?.contains("001_fdd5c52da2bcade5.txt") == true)
        #expect(scenario.source?.contains("Appendix 1") == true)
        #expect(scenario.services.map(\.id) == [
            "hub", "shrievalty", "sarc-parents", "rj", "migrant-workers", "yp-idva", "yp-isva", "mental-health",
        ])
        #expect(scenario.services.map(\.name) == [
            "Victims' Hub", "Shrievalty Trust", "Support for parents of sexually abused children - SARC",
            "Restorative Justice", "Supporting migrant workers who are victims of exploitation",
            "Cambridgeshire County Council Young Person IDVA",
            "Young Peoples Independent Sexual Violence Advocates (two posts)", "Mental Health Pathfinder Project",
        ])
        #expect(scenario.services.map(\.baseline) == [446_000, 50_000, 42_000, 147_000, 30_000, 40_000, 80_000, 75_000])
        #expect(scenario.services.reduce(0) { $0 + $1.baseline } == 910_000)
        #expect(scenario.services.filter(\.isProtected).map(\.id) == ["hub"])
        #expect(scenario.services.first { $0.id == "rj" }?.priority == 0)
        #expect(scenario.funds == [
            Fund(id: "grant", name: "MoJ victims' services grant (unrestricted part)", amount: 878_000),
            Fund(id: "sv-dv", name: "Sexual and domestic violence support", amount: 18_000, ringFencedFor: ["yp-isva", "yp-idva"]),
            Fund(id: "pea", name: "Prisoner Earnings Allocation", amount: 14_000, isCut: false, ringFencedFor: ["hub", "migrant-workers"]),
        ])
        #expect(scenario.envelope(afterCut: 0) == 910_000)
        #expect(scenario.groups.isEmpty)
    }

    /// The lower bounds add up to £716,400; the envelope at a 20% cut is £730,800, so every
    /// cut of the board paper's 5..20% range leaves room above the hard floors, and the
    /// largest feasible cut is (1 - (716,400 - 14,000) / 896,000) = 21.607...%.
    @Test func cambridgeshireFloorsFitEveryCutUpToTwentyPercent() throws {
        let scenario = try Self.document("cambridgeshire-2015-16.toml").scenario
        #expect(Self.lowerBounds(scenario) == 716_400)
        #expect(scenario.envelope(afterCut: 20) == 730_800)
        let largestCut = (1 - (716_400.0 - 14_000) / 896_000) * 100
        #expect(abs(scenario.envelope(afterCut: largestCut) - 716_400) < 1e-6)
        #expect(largestCut > 21.6 && largestCut < 21.61)
    }

    @Test func thamesValleyAddsUpToTheGrant() throws {
        let scenario = try Self.document("thames-valley-2017-18.toml").scenario
        #expect(scenario.unit == 1000)
        #expect(scenario.services.count == 13)
        #expect(scenario.services.last?.id == "unitemised")
        #expect(scenario.services.last?.baseline == 220_488)
        #expect(scenario.services.dropLast().reduce(0) { $0 + $1.baseline } == 2_544_512)
        #expect(scenario.services.reduce(0) { $0 + $1.baseline } == 2_765_000)
        #expect(scenario.envelope(afterCut: 0) == 2_765_000)
        #expect(scenario.groups.map(\.id) == ["domestic-violence"])
        #expect(scenario.groups.first?.minimum == .percent(20))
        #expect(scenario.source?.contains("thames_valley_2017_18_partial.tsv") == true)
        #expect(Self.lowerBounds(scenario) == 1_701_356.5)
    }

    @Test func norfolkIsWeighted() throws {
        let scenario = try Self.document("norfolk-2014.toml").scenario
        #expect(scenario.objective == .weighted)
        #expect(scenario.services.map(\.id) == ["reach", "advocacy", "mental-health-crisis", "hate-crime", "rape-crisis", "rose"])
        #expect(scenario.services.map(\.weight) == [1, 2, 2, 1, 3, 3])
        #expect(scenario.services.reduce(0) { $0 + $1.baseline } == 315_282.75)
        #expect(scenario.envelope(afterCut: 0) == 315_282.75)
        #expect(scenario.source?.contains("norfolk_2014_mojcompetedfund.tsv") == true)
    }

    /// Every minimum, priority, weight, ring-fence and group in the files is an analyst's
    /// assumption and says so: each such key is preceded by a `# assumption:` comment
    /// (or by a comment quoting the paper it comes from).
    @Test(arguments: [
        "cambridgeshire-2015-16-plan.toml", "cambridgeshire-2015-16.toml", "cambridgeshire-2016-17-closures.toml",
        "eastern-region-2014-15.toml",
        "kent-2017-18-plan.toml", "national-pcc-grants.toml", "norfolk-2014.toml", "thames-valley-2017-18.toml",
    ])
    func assumptionsAreMarked(name: String) throws {
        let text = try String(contentsOf: Self.directory.appendingPathComponent(name), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let assumedKeys = [
            "min", "priority", "weight", "ring_fenced_for", "cut", "protected", "closable",
            "years", "inflation", "carry_forward", "uplift", "starts", "ends", "fixed_until",
        ]
        for (index, line) in lines.enumerated() {
            guard let key = assumedKeys.first(where: { line.hasPrefix($0 + " =") }) else { continue }
            let comments = lines[..<index].reversed().prefix { $0.hasPrefix("#") }
            #expect(
                comments.contains {
                    $0.hasPrefix("# assumption") || $0.hasPrefix("# published:") || $0.contains("Section") || $0.contains("section")
                },
                "\(name):\(index + 1): \(key) has no assumption comment")
        }
    }
}
