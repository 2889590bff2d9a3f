import BudgetModel
import BudgetReports
import Foundation
import Testing

/// The words reports make from the facts of a cut (SCENARIO-SPEC section 10).
@Suite struct WordingTests {
    static func header(_ scenario: Scenario) -> SweepHeader {
        SweepHeader(
            document: ScenarioDocument(scenario: scenario, fileName: "wording.toml", sha256: String(repeating: "0", count: 64)),
            toolVersion: "0.1.0", maximumFeasibleCut: nil)
    }

    @Test func theWorkedExampleAtFortyPercent() {
        let text = CutDetailReport(header: WorkedExample.header, result: WorkedExample.results[3]).text()
        #expect(text.contains(
            "At a 40% cut the envelope is £660,000. The protected Victims' Hub (£400,000), the minimum for IDVA service (£100,000) and the minimum for Restorative Justice (£180,000) need £680,000: £20,000 more than the envelope."))
    }

    /// Three protections of £100,400, £200,400 and £300,400 against £600,000, in £k: the
    /// deficit of £1,200 prints as £2k (rounded up), the envelope as £600k, so the need prints
    /// as £602k and its parts are rounded over it: 101 + 201 + 300 = 602. Rounded one by one
    /// they would add up to £601k, and the need less the envelope would be £1k.
    @Test func roundedFiguresAddUpInThousands() {
        let scenario = Scenario(
            title: "Thousands", unit: 1000,
            funds: [Fund(id: "grant", name: "Main grant", amount: 600_000, isCut: false)],
            services: [
                Service(id: "a", name: "Alpha", baseline: 100_400, isProtected: true),
                Service(id: "b", name: "Beta", baseline: 200_400, isProtected: true),
                Service(id: "c", name: "Gamma", baseline: 300_400, isProtected: true),
            ])
        let result = CutResult(
            cutPercent: 0, envelope: 600_000, status: .infeasible, services: [], deficit: 1_200,
            conflict: [
                ConflictConstraint(kind: .protected, id: "a", amount: 100_400, limit: 100_400),
                ConflictConstraint(kind: .protected, id: "b", amount: 200_400, limit: 200_400),
                ConflictConstraint(kind: .protected, id: "c", amount: 300_400, limit: 300_400),
                ConflictConstraint(kind: .fund, id: "grant", amount: 600_000, limit: 600_000),
            ])
        let text = CutDetailReport(header: Self.header(scenario), result: result).text()
        #expect(text.contains("Deficit: £2k"))
        #expect(text.contains(
            "At a 0% cut the envelope is £600k. The protected Alpha (£101k), the protected Beta (£201k) and the protected Gamma (£300k) need £602k: £2k more than the envelope."))
    }

    /// A need of exactly £600,000 and £180,000 against a grant of £767,500.50 (the fence
    /// cannot help): the deficit £12,499.50 prints as £12,500 (rounded up), what the grant can
    /// give as £767,500 (rounded down), so the need prints as its exact £780,000 and the
    /// protection as its exact £600,000. Rounding the grant to the nearest pound would print
    /// £767,501 and a need of £780,001, a pound of which would land on a whole amount.
    @Test func aWholeNeedStaysItselfBesideAFractionalFund() {
        let scenario = Scenario(
            title: "Whole need",
            funds: [
                Fund(id: "grant", name: "Main grant", amount: 767_500.5, isCut: false),
                Fund(id: "fence", name: "Fence", amount: 50_000, isCut: false, ringFencedFor: ["c"]),
            ],
            services: [
                Service(id: "a", name: "Alpha", baseline: 600_000, isProtected: true),
                Service(id: "b", name: "Beta", baseline: 200_000, minimum: .amount(180_000)),
                Service(id: "c", name: "Gamma", baseline: 50_000),
            ])
        let result = CutResult(
            cutPercent: 0, envelope: 817_500.5, status: .infeasible, services: [], deficit: 12_499.5,
            conflict: [
                ConflictConstraint(kind: .protected, id: "a", amount: 600_000, limit: 600_000),
                ConflictConstraint(kind: .minimum, id: "b", amount: 180_000, limit: 180_000),
                ConflictConstraint(kind: .fund, id: "grant", amount: 767_500.5, limit: 767_500.5),
            ])
        let text = CutDetailReport(header: Self.header(scenario), result: result).text()
        #expect(text.contains("Deficit: £12,500"))
        #expect(text.contains(
            "At a 0% cut the envelope is £817,501. The protected Alpha (£600,000) and the minimum for Beta (£180,000) need £780,000: £12,500 more than the £767,500 that Main grant (£767,500) can give them."),
            "\(text)")
    }

    /// A group minimum less a maximum and a ring-fence, with a member counted twice.
    @Test func groupsMaximaAndMultipliers() throws {
        let scenario = Scenario(
            title: "Groups",
            funds: [Fund(id: "fb", name: "B fund", amount: 100, ringFencedFor: ["b"])],
            services: [Service(id: "a", name: "Alpha", baseline: 50), Service(id: "b", name: "Beta", baseline: 100)],
            groups: [ServiceGroup(id: "g", name: "Community services", services: ["a", "b"], minimum: .amount(300))])
        let result = CutResult(
            cutPercent: 0, envelope: 100, status: .infeasible, services: [], deficit: 200,
            conflict: [
                ConflictConstraint(kind: .groupMinimum, id: "g", amount: 300, limit: 300),
                ConflictConstraint(kind: .minimum, id: "b", amount: 50, limit: 25),
                ConflictConstraint(kind: .maximum, id: "a", amount: 50, limit: 50),
                ConflictConstraint(kind: .ringFence, id: "fb", amount: 100, limit: 100),
            ])
        let json = CutDetailReport(header: Self.header(scenario), result: result).json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let cut = try #require(object["cut"] as? [String: Any])
        #expect(cut["explanation"] as? String
            == "At a 0% cut the envelope is £100. The Community services group limit (at least £300) and the minimum for Beta (£25 counted 2 times: £50) need £350: £200 more than the £150 that the maximum for Alpha (£50) and the ring-fenced B fund (£100) can give them.")
        let conflict = try #require(cut["conflict"] as? [[String: Any]])
        #expect(conflict.map { $0["kind"] as? String } == ["group-min", "minimum", "maximum", "ring-fence"])
        #expect(conflict.map { $0["amount"] as? Double } == [300, 50, 50, 100])
    }

    /// £65,000 of a full ring-fence, and the money of a fund whose services are all at their
    /// maxima, each in a sentence under the table with the fund's name; ids only in the JSON.
    @Test func unallocatedMoneyByFund() throws {
        let scenario = Scenario(
            title: "Fence",
            funds: [
                Fund(id: "grant", name: "Main grant", amount: 500_000),
                Fund(id: "dv", name: "the Domestic Abuse Fund", amount: 165_000, isCut: false, ringFencedFor: ["idva"]),
            ],
            services: [
                Service(id: "hub", name: "Victims' Hub", baseline: 300_000, isProtected: true),
                Service(id: "idva", name: "IDVA", baseline: 100_000),
                Service(id: "rj", name: "Restorative Justice", baseline: 200_000),
            ],
            groups: [ServiceGroup(id: "community", name: "Community services", services: ["rj"])])
        let result = CutResult(
            cutPercent: 10, envelope: 615_000, status: .optimal,
            services: [
                ServiceAllocation(serviceID: "hub", baseline: 300_000, allocation: 300_000, binding: .protected),
                ServiceAllocation(serviceID: "idva", baseline: 100_000, allocation: 100_000, binding: .ringFence("dv")),
                ServiceAllocation(serviceID: "rj", baseline: 200_000, allocation: 150_000, binding: .group("community")),
            ],
            fundSplit: [[300_000, 0, 150_000], [0, 100_000, 0]],
            unallocatedByFund: [UnallocatedFund(fundID: "dv", amount: 65_000, reason: .fenceFull)])
        let header = Self.header(scenario)
        let text = CutDetailReport(header: header, result: result).text()
        #expect(text.contains("£65,000 of the Domestic Abuse Fund is left unallocated: every service its ring-fence names is at its maximum."))
        #expect(text.contains("ring-fence: the Domestic Abuse Fund"))
        #expect(text.contains("group: Community services"))
        #expect(!text.contains("group:community") && !text.contains("ring-fence:dv"))
        let sweep = WorkedExample.report(.markdown, header: header, results: [result])
        #expect(sweep.contains("Note (10% cut): £65,000 of the Domestic Abuse Fund is left unallocated"))
        #expect(sweep.contains("group: Community services") && !sweep.contains("group:community"))
        let json = CutDetailReport(header: header, result: result).json()
        #expect(json.contains("\"unallocated_by_fund\": [{\"fund\": \"dv\", \"amount\": 65000.0, \"reason\": \"fence-full\"}]"))
        #expect(json.contains("\"binding\": \"group:community\""))
    }
}
