import BudgetModel
import BudgetReports
import Foundation
import Testing

/// A cut the solver could not decide, in every format: its column or note says
/// "unsolved: <reason>", and CSV and JSON carry the status and the reason.
@Suite struct UnsolvedCutTests {
    static let reason = "the LP solver stopped with status numericalFailure"
    static let results = [
        WorkedExample.results[0],
        CutResult.unsolved(AllocationError(cutPercent: 38.181819, reason: reason), envelope: 1_100_000 * (1 - 0.38181819)),
        WorkedExample.results[3],
    ]

    @Test func textAndMarkdownNoteTheReason() {
        for format in [SweepFormat.text, .markdown] {
            let text = WorkedExample.report(format, results: Self.results)
            #expect(text.contains("Note (38.181819% cut): unsolved: \(Self.reason)"), "\(format)")
            #expect(text.contains("unsolved"))
        }
        let text = WorkedExample.report(.text, results: Self.results)
        let status = text.split(separator: "\n").first { $0.hasPrefix("Status") }.map(String.init) ?? ""
        #expect(status.contains("optimal") && status.contains("unsolved") && status.contains("infeasible"), "\(status)")
        // No figure for a cut that has no allocation.
        let total = text.split(separator: "\n").first { $0.hasPrefix("Total allocated") }.map(String.init) ?? ""
        #expect(total.filter { $0 == "—" }.count == 2, "\(total)")
    }

    @Test func latexAndHTMLNoteTheReason() {
        #expect(WorkedExample.report(.latex, results: Self.results).contains("unsolved: \(Self.reason)"))
        #expect(WorkedExample.report(.html, results: Self.results).contains("unsolved: \(Self.reason)"))
    }

    @Test func jsonCarriesStatusAndReason() throws {
        let text = WorkedExample.report(.json, results: Self.results)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let cuts = try #require(object["cuts"] as? [[String: Any]])
        #expect(cuts.map { $0["status"] as? String } == ["optimal", "unsolved", "infeasible"])
        #expect(cuts[1]["reason"] as? String == Self.reason)
        #expect(cuts[1]["cut_pct"] as? Double == 38.181819)
        #expect(cuts[1]["deficit"] == nil)
        #expect(cuts[1]["services"] == nil)
    }

    @Test func csvCarriesStatusAndReason() {
        let rows = WorkedExample.report(.csv, results: Self.results).split(separator: "\r\n")
        let unsolved = rows.filter { $0.hasPrefix("38.181819,unsolved,") }
        #expect(unsolved.count == 1)
        #expect(unsolved.first?.hasSuffix(",,\(Self.reason)") == true, "\(unsolved)")
    }
}
