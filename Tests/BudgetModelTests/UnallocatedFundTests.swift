import BudgetModel
import Testing

/// Unallocated money is explained by fund (SCENARIO-SPEC section 10).
@Suite struct UnallocatedFundTests {
    /// At 10%: the grant (450,000) goes to the hub (300,000) and rj (150,000 of its 200,000); idva
    /// takes its baseline and maximum of 100,000 from its uncut fence of 165,000, which keeps
    /// 65,000 that no other service may use.
    static let fenced = Scenario(
        title: "Fence",
        funds: [
            Fund(id: "grant", name: "Main grant", amount: 500_000),
            Fund(id: "dv", name: "Domestic Abuse Fund", amount: 165_000, isCut: false, ringFencedFor: ["idva"]),
        ],
        services: [
            Service(id: "hub", baseline: 300_000, isProtected: true),
            Service(id: "idva", baseline: 100_000),
            Service(id: "rj", baseline: 200_000),
        ])

    @Test func moneyLeftInsideAFullRingFence() throws {
        let result = try CheckedAllocator(Self.fenced).result(10)
        expectAllocations(result, ["hub": 300_000, "idva": 100_000, "rj": 150_000])
        #expect(abs(result.unallocated - 65_000) < 1e-6)
        #expect(result.unallocatedByFund.map(\.fundID) == ["dv"])
        #expect(result.unallocatedByFund.map(\.reason) == [.fenceFull])
        #expect(abs((result.unallocatedByFund.first?.amount ?? 0) - 65_000) < 1e-6)
    }

    @Test func moneyLeftWhenEveryServiceIsAtItsMaximum() throws {
        // £100 uncut for baselines of 30 and 40, each its maximum: £30 left in the grant.
        let result = try CheckedAllocator(Scenario(
            title: "Too much",
            funds: [Fund(id: "grant", amount: 100, isCut: false)],
            services: [Service(id: "a", baseline: 30), Service(id: "b", baseline: 40)])).result(0)
        #expect(result.unallocatedByFund == [UnallocatedFund(fundID: "grant", amount: 30, reason: .allAtMaximum)])
    }

    @Test func nothingLeftNothingListed() throws {
        let result = try CheckedAllocator(Self.fenced).result(30)
        // At 30% the grant is 350,000 for the hub's 300,000 and rj; idva draws 100,000 from dv,
        // which still has 65,000 it cannot spend; the grant has nothing left.
        #expect(result.unallocatedByFund.map(\.fundID) == ["dv"])
        let none = try CheckedAllocator(Scenario(
            title: "Exact", funds: [Fund(id: "grant", amount: 100)],
            services: [Service(id: "a", baseline: 60), Service(id: "b", baseline: 40)])).result(10)
        #expect(none.unallocatedByFund.isEmpty)
    }
}
