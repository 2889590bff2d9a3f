import BudgetModel
import BudgetReports
import Foundation
import Testing

/// The reports of SCENARIO-SPEC section 14 built from facts worked by hand on the worked
/// example: `commit` over 20..40%, `compare` of two options, and the fallback at 40%.
@Suite struct BoardQuestionReportTests {
    static let maximum = 100 * (1 - 680_000.0 / 1_100_000)

    /// Over 20..40%: hub 400,000 throughout; idva down to its minimum 100,000 at the maximum
    /// cut; rj at its minimum 180,000 from 20%; counselling 0 from 29.0909%.
    static let commitment = Commitment(
        range: 20...40, infeasible: [maximum...40], feasible: 20...maximum,
        services: [
            ServiceCommitment(serviceID: "hub", baseline: 400_000, guaranteed: 400_000, atCutPercent: 20),
            ServiceCommitment(serviceID: "idva", baseline: 200_000, guaranteed: 100_000.000_000_2, atCutPercent: maximum),
            ServiceCommitment(serviceID: "rj", baseline: 300_000, guaranteed: 179_999.999_999_9, atCutPercent: 20),
            ServiceCommitment(serviceID: "counselling", baseline: 200_000, guaranteed: 0, atCutPercent: 100 * (1 - 780.0 / 1100)),
        ])

    static var commitReport: CommitReport { CommitReport(header: WorkedExample.header, commitment: commitment) }

    /// The text with runs of spaces as one, so checks do not depend on column widths.
    private func squeezed(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.split(separator: " ").joined(separator: " ") }.joined(separator: "\n")
    }

    private func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// A document format exists for exactly the sweep formats that are one document; every one
    /// of them renders the commit and compare reports, so no format can reach a report that
    /// cannot write it.
    @Test func documentFormatsAreTheSweepFormatsOfOneDocument() {
        #expect(SweepFormat.allCases.compactMap(DocumentFormat.init) == DocumentFormat.allCases)
        #expect(DocumentFormat(.csvWide) == nil && DocumentFormat(.xlsx) == nil)
        for format in DocumentFormat.allCases {
            #expect(!Self.commitReport.rendered(format).isEmpty, "\(format)")
            #expect(!Self.comparison.rendered(format).isEmpty, "\(format)")
        }
    }

    @Test func commitAsText() {
        let text = squeezed(Self.commitReport.rendered(.text))
        #expect(text.contains("Guaranteed whatever the cut from 20% to 40%"))
        #expect(text.contains("IDVA service £200,000 £100,000 38.1818% £100,000"), "\(text)")
        #expect(text.contains("counselling £200,000 £0 29.0909% £200,000"), "\(text)")
        #expect(text.contains("Total £1,100,000 £680,000 £420,000"), "\(text)")
        #expect(text.contains("At cuts above 38.1818% (the maximum feasible cut) up to 40% no allocation meets the hard constraints"))
    }

    /// The JSON of SCENARIO-SPEC section 14, exact figures beside rounded ones.
    @Test func commitAsJSON() throws {
        let object = try json(Self.commitReport.rendered(.json))
        #expect(object["range_pct"] as? [Double] == [20, 40])
        let infeasible = try #require(object["infeasible_pct"] as? [[Double]])
        #expect(infeasible.count == 1 && abs(infeasible[0][0] - Self.maximum) < 1e-12 && infeasible[0][1] == 40)
        let services = try #require(object["services"] as? [[String: Any]])
        #expect(services.map { $0["id"] as? String } == ["hub", "idva", "rj", "counselling"])
        let idva = services[1]
        #expect(idva["guaranteed"] as? Double == 100_000.000_000_2)
        #expect(idva["guaranteed_rounded"] as? Double == 100_000)
        #expect(idva["at_cut_pct"] as? Double == Self.maximum)
        #expect(idva["open"] as? Bool == false)
        #expect(abs((idva["at_risk"] as? Double ?? .nan) - 99_999.999_999_8) < 1e-6)
        #expect(services[0]["at_risk"] as? Double == 0)
    }

    /// Each column adds up to its rounded total; CSV rows per service.
    @Test func commitAsCSVAndOtherFormats() {
        let csv = Self.commitReport.rendered(.csv)
        let lines = csv.split(separator: "\r\n").map(String.init)
        #expect(lines.first == "service_id,service_name,baseline,guaranteed,guaranteed_rounded,at_cut_pct,open,at_risk,at_risk_rounded")
        #expect(lines.count == 5)
        #expect(lines[3].hasPrefix("rj,Restorative Justice,300000.0,179999.9999999,180000,20.0,false,"))
        #expect(Self.commitReport.rendered(.markdown).contains("| IDVA service | £200,000 | £100,000 | 38.1818% | £100,000 |"))
        let latex = Self.commitReport.rendered(.latex, standalone: true)
        #expect(latex.contains("\\begin{longtable}") && latex.contains("\\end{document}"))
        let html = Self.commitReport.rendered(.html)
        #expect(html.contains("<caption id=\"table-1-caption\">Table 1: Guaranteed whatever the cut from 20% to 40%</caption>"))
    }

    /// No feasible cut: dashes and nulls, and a sentence that says nothing can be guaranteed.
    @Test func commitOverAWhollyInfeasibleRange() throws {
        let commitment = Commitment(
            range: 40...50, infeasible: [40...50], feasible: nil,
            services: WorkedExample.scenario.services.map {
                ServiceCommitment(serviceID: $0.id, baseline: $0.baseline, guaranteed: nil, atCutPercent: nil)
            })
        let report = CommitReport(header: WorkedExample.header, commitment: commitment)
        #expect(report.rendered(.text).contains("No cut from 40% to 50% is feasible"))
        let services = try #require(try json(report.rendered(.json))["services"] as? [[String: Any]])
        #expect(services.allSatisfy { $0["guaranteed"] is NSNull && $0["at_risk"] is NSNull })
    }

    /// Option B drops counselling and adds outreach: matched by id, missing shown as "—" and null.
    static var comparison: CompareReport {
        var optionB = WorkedExample.scenario
        optionB.title = "Option B"
        optionB.services[3] = Service(id: "outreach", name: "Outreach", baseline: 200_000, minimum: .percent(25))
        let documentB = ScenarioDocument(scenario: optionB, fileName: "option-b.toml", sha256: String(repeating: "b", count: 64))
        let comparison = Comparison(
            scenarios: [WorkedExample.scenario, optionB],
            services: Comparison.services(of: [WorkedExample.scenario, optionB]),
            cuts: [
                Comparison.Cut(cutPercent: 10, envelopes: [990_000, 990_000], allocations: [
                    [400_000, 200_000, 234_000, 156_000], [400_000, 200_000, 230_000.4, 159_999.6],
                ]),
                Comparison.Cut(cutPercent: 40, envelopes: [660_000, 660_000], allocations: [nil, nil]),
            ])
        return CompareReport(documents: [WorkedExample.document, documentB], comparison: comparison, toolVersion: "0.1.0")
    }

    @Test func compareAsJSON() throws {
        let object = try json(Self.comparison.rendered(.json))
        let scenarios = try #require(object["scenarios"] as? [[String: Any]])
        #expect(scenarios.map { $0["file"] as? String } == ["worked-example.toml", "option-b.toml"])
        #expect(scenarios[1]["sha256"] as? String == String(repeating: "b", count: 64))
        let cuts = try #require(object["cuts"] as? [[String: Any]])
        #expect(cuts.map { $0["cut_pct"] as? Double } == [10, 40])
        let services = try #require(cuts[0]["services"] as? [[String: Any]])
        #expect(services.map { $0["id"] as? String } == ["hub", "idva", "rj", "counselling", "outreach"])
        let rj = services[2]
        #expect(rj["allocations"] as? [Double] == [234_000, 230_000.4])
        let differences = try #require(rj["differences"] as? [Double])
        #expect(differences[0] == 0 && abs(differences[1] - -3_999.6) < 1e-9)
        let counselling = try #require(services[3]["allocations"] as? [Any])
        #expect(counselling[0] as? Double == 156_000 && counselling[1] is NSNull)
        let outreachDifferences = try #require(services[4]["differences"] as? [Any])
        #expect(outreachDifferences.allSatisfy { $0 is NSNull })
        let infeasible = try #require(cuts[1]["services"] as? [[String: Any]])
        #expect(infeasible.allSatisfy { ($0["allocations"] as? [Any])?.allSatisfy { $0 is NSNull } == true })
    }

    /// Option B's 10% column rounds to 230,000 and 160,000 (adding up to 990,000); differences
    /// are those of the rounded figures.
    @Test func compareAsText() {
        let text = squeezed(Self.comparison.rendered(.text))
        #expect(text.contains("Restorative Justice £234,000 £230,000 −£4,000"), "\(text)")
        #expect(text.contains("counselling £156,000 — —"), "\(text)")
        #expect(text.contains("Outreach — £160,000 —"), "\(text)")
        #expect(text.contains("Status infeasible infeasible"), "\(text)")
        #expect(text.contains("B: Option B, option-b.toml"))
        let csv = Self.comparison.rendered(.csv).split(separator: "\r\n")
        #expect(csv.contains("10,outreach,Outreach,A,worked-example.toml,optimal,,,,"))
        let rj = csv.first { $0.hasPrefix("10,rj,Restorative Justice,B,option-b.toml,optimal,230000.4,230000,-3999.6") }
        #expect(rj?.hasSuffix(",-4000") == true, "\(csv)")
    }

    /// The fallback at 40% (rj's minimum held at 160/180) in a sweep's JSON and notes, and in solve.
    @Test func fallbackInSweepAndSolveReports() throws {
        let fallback = Fallback(
            floors: [Fallback.Floor(priority: 0, isProtected: false, factor: 160.0 / 180)],
            services: [
                Fallback.ServiceAmount(serviceID: "hub", baseline: 400_000, allocation: 400_000),
                Fallback.ServiceAmount(serviceID: "idva", baseline: 200_000, allocation: 100_000),
                Fallback.ServiceAmount(serviceID: "rj", baseline: 300_000, allocation: 160_000),
                Fallback.ServiceAmount(serviceID: "counselling", baseline: 200_000, allocation: 0),
            ])
        var result = CutResult(cutPercent: 40, envelope: 660_000, status: .infeasible, services: [], deficit: 20_000)
        result.fallback = .fallback(fallback)
        var writer = JSONSweepWriter(header: WorkedExample.header, output: "")
        writer.write(result)
        writer.finish()
        let cuts = try #require(try json(writer.output)["cuts"] as? [[String: Any]])
        let object = try #require(cuts.first?["fallback"] as? [String: Any])
        let floors = try #require(object["floors"] as? [[String: Any]])
        #expect(floors.count == 1 && floors[0]["priority"] as? Int == 0 && abs((floors[0]["factor"] as? Double ?? .nan) - 160.0 / 180) < 1e-15)
        #expect(floors[0]["protected"] == nil)
        let services = try #require(object["services"] as? [[String: Any]])
        #expect(services.map { $0["allocation"] as? Double } == [400_000, 100_000, 160_000, 0])

        var text = TextSweepWriter(header: WorkedExample.header, output: "")
        text.write(result)
        text.finish()
        #expect(text.output.contains("If it came to it (not a feasible result): with the minimums of priority 0 held at 88.88% of their level, the cut could be met"))
        let solve = squeezed(CutDetailReport(header: WorkedExample.header, result: result).text())
        #expect(solve.contains("Restorative Justice £300,000 £160,000"), "\(solve)")
    }

    /// rj's minimum of £180,000 held at £114,750 is a factor of exactly 0.6375: the sentence
    /// says 63.75% whether the solver took the factor itself or 1e-9 below it (its room where
    /// the rule needs it at that cut, `Fallback.Floor.solverRoom`); 2e-9 below prints 63.74%.
    @Test func aFactorJustBelowAHundredthPrintsThatHundredth() {
        for (factor, printed) in [(114_750.0 / 180_000, "63.75%"), (114_750.0 / 180_000 - 1e-9, "63.75%"), (0.6375 - 2e-9, "63.74%")] {
            var result = CutResult(cutPercent: 40, envelope: 660_000, status: .infeasible, services: [], deficit: 20_000)
            result.fallback = .fallback(Fallback(floors: [Fallback.Floor(priority: 0, isProtected: false, factor: factor)], services: []))
            var text = TextSweepWriter(header: WorkedExample.header, output: "")
            text.write(result)
            text.finish()
            #expect(text.output.contains("the minimums of priority 0 held at \(printed) of their level"), "\(factor): \(text.output)")
        }
    }

    /// No fallback: the JSON says null and why.
    @Test func noFallbackSaysWhy() throws {
        var floorless = CutResult(cutPercent: 60, envelope: 440_000, status: .infeasible, services: [], deficit: 10_000)
        floorless.conflict = [
            ConflictConstraint(kind: .groupMinimum, id: "core", amount: 450_000, limit: 450_000),
            ConflictConstraint(kind: .fund, id: "grant", amount: 440_000, limit: 440_000),
        ]
        var result = CutResult(cutPercent: 60, envelope: 440_000, status: .infeasible, services: [], deficit: 240_000)
        result.fallback = .impossible(floorless)
        var writer = JSONSweepWriter(header: WorkedExample.header, output: "")
        writer.write(result)
        writer.finish()
        let cut = try #require((try json(writer.output)["cuts"] as? [[String: Any]])?.first)
        #expect(cut["fallback"] is NSNull)
        let reason = try #require(cut["fallback_reason"] as? String)
        #expect(reason.hasPrefix("If it came to it: no scaling of minimums and protections would meet this cut, for even with none of them: "), "\(reason)")
        #expect(reason.hasSuffix(try explanation(of: floorless)), "\(reason)")
    }

    /// Where the cut's own conflict names no floor, the cut without floors fails for the same
    /// reason: the sentence says so instead of repeating the explanation printed beside it.
    @Test func noFallbackForAConflictWithoutFloorsDoesNotRepeatIt() throws {
        var floorless = CutResult(cutPercent: 60, envelope: 440_000, status: .infeasible, services: [], deficit: 10_000)
        floorless.conflict = [
            ConflictConstraint(kind: .groupMinimum, id: "core", amount: 450_000, limit: 450_000),
            ConflictConstraint(kind: .fund, id: "grant", amount: 440_000, limit: 440_000),
        ]
        var result = floorless
        result.fallback = .impossible(floorless)
        var text = TextSweepWriter(header: WorkedExample.header, output: "")
        text.write(result)
        text.finish()
        let explanation = try explanation(of: floorless)
        #expect(text.output.components(separatedBy: explanation).count == 2, "\(text.output)")
        #expect(text.output.contains(
            "If it came to it: no scaling of minimums and protections would meet this cut, for what makes it infeasible involves none of them."))
    }

    /// The explanation the JSON gives `result`.
    private func explanation(of result: CutResult) throws -> String {
        var writer = JSONSweepWriter(header: WorkedExample.header, output: "")
        writer.write(result)
        writer.finish()
        let cut = try #require((try json(writer.output)["cuts"] as? [[String: Any]])?.first)
        return try #require(cut["explanation"] as? String)
    }
}
