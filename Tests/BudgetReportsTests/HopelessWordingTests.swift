import BudgetModel
import BudgetReports
import Foundation
import Testing

/// The words for cuts that no amount of money can make feasible, made from the facts
/// (`HopelessConflict`) the allocator finds in `AllocatorRuleTests`.
@Suite struct HopelessWordingTests {
    /// Fund £1,000; a £400 and b £600; the groups each case names.
    static func header(_ groups: [ServiceGroup]) -> SweepHeader {
        WordingTests.header(Scenario(
            title: "Hopeless",
            funds: [Fund(id: "grant", amount: 1000)],
            services: [Service(id: "a", baseline: 400), Service(id: "b", baseline: 600)],
            groups: groups))
    }

    static func explanation(_ hopeless: HopelessConflict, cut: Double, groups: [ServiceGroup]) -> String? {
        let result = CutResult(
            cutPercent: cut, envelope: 1000 * (1 - cut / 100), status: .infeasible, services: [], hopeless: hopeless)
        let json = CutDetailReport(header: header(groups), result: result).json()
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
            let cut = object["cut"] as? [String: Any]
        else { return nil }
        return cut["explanation"] as? String
    }

    @Test func aMaximumBelowTheFloors() {
        let hopeless = HopelessConflict(limits: [
            HopelessLimit(groupID: "cap", minimum: nil, maximum: 250, reason: .maximumBelowFloors, total: 300)])
        #expect(Self.explanation(hopeless, cut: 50, groups: [ServiceGroup(id: "cap", services: ["a"], maximum: .percent(50))])
            == "At a 50% cut no amount of extra money can meet the cap group limit (at most £250), "
            + "less than its services' floors need in all (£300).")
    }

    @Test func limitsThatCross() {
        let hopeless = HopelessConflict(limits: [HopelessLimit(groupID: "mixed", minimum: 300, maximum: 250, reason: .crossed)])
        let groups = [ServiceGroup(id: "mixed", services: ["a"], minimum: .amount(300), maximum: .percent(50))]
        #expect(Self.explanation(hopeless, cut: 50, groups: groups)
            == "At a 50% cut no amount of extra money can meet the mixed group limit "
            + "(at least £300 and at most £250), whose maximum is below its minimum.")
    }

    @Test func aMinimumAboveTheMaxima() {
        let hopeless = HopelessConflict(limits: [
            HopelessLimit(groupID: "share", minimum: 472.5, maximum: nil, reason: .minimumAboveMaxima, total: 450)])
        #expect(Self.explanation(hopeless, cut: -5, groups: [ServiceGroup(id: "share", services: ["a"], minimum: .percent(45))])
            == "At a -5% cut no amount of extra money can meet the share group limit "
            + "(at least £473), more than its services may take in all (£450).")
    }

    @Test func limitsThatFailTogether() {
        let hopeless = HopelessConflict(
            limits: [
                HopelessLimit(groupID: "both", minimum: 640, maximum: nil, reason: .combined),
                HopelessLimit(groupID: "small", minimum: nil, maximum: 80, reason: .combined),
            ],
            leansOnMaxima: true)
        let groups = [
            ServiceGroup(id: "both", services: ["a", "b"], minimum: .percent(80)),
            ServiceGroup(id: "small", services: ["b"], maximum: .percent(10)),
        ]
        #expect(Self.explanation(hopeless, cut: 20, groups: groups)
            == "At a 20% cut no amount of extra money can meet the both group limit (at least £640) "
            + "and the small group limit (at most £80) together with the services' maximums, "
            + "because group limits in per cent shrink with the envelope.")
        // Growing with the envelope, leaning on floors and maxima, a cut given to four decimals.
        var both = hopeless
        both.leansOnFloors = true
        #expect(Self.explanation(both, cut: -2.123456, groups: groups)?.hasPrefix("At a -2.1235% cut") == true)
        #expect(Self.explanation(both, cut: -2.123456, groups: groups)?.hasSuffix(
            "together with the services' floors and maximums, because group limits in per cent grow with the envelope.") == true)
    }

    /// The facts beside the words in JSON: each group with the limits named, the reason and the total.
    @Test func theFactsInJSON() throws {
        let hopeless = HopelessConflict(limits: [
            HopelessLimit(groupID: "cap", minimum: nil, maximum: 250, reason: .maximumBelowFloors, total: 300)])
        let result = CutResult(cutPercent: 50, envelope: 500, status: .infeasible, services: [], hopeless: hopeless)
        let groups = [ServiceGroup(id: "cap", services: ["a"], maximum: .percent(50))]
        let json = CutDetailReport(header: Self.header(groups), result: result).json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let cut = try #require(object["cut"] as? [String: Any])
        #expect(cut["deficit"] is NSNull)
        let facts = try #require(cut["hopeless"] as? [String: Any])
        #expect(facts["leans_on_maxima"] as? Bool == false && facts["leans_on_floors"] as? Bool == false)
        let group = try #require((facts["groups"] as? [[String: Any]])?.first)
        #expect(group["group"] as? String == "cap" && group["minimum"] is NSNull && group["maximum"] as? Double == 250)
        #expect(group["reason"] as? String == "maximum-below-floors" && group["total"] as? Double == 300)
    }
}
