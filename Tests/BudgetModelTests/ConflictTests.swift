import BudgetModel
import LinearProgramming
import LPCertificates
import Testing

/// The conflict of an infeasible cut is the support of an optimal dual solution of the deficit
/// programme, and its needs less what its other members give are the deficit (SCENARIO-SPEC
/// section 10). Every LP solution behind these results passes the certificate checker.
@Suite struct ConflictTests {
    @Test func threeFloorsAgainstOneFund() throws {
        // £100, uncut, for floors of 60, 50 and 50: 160 - 100 = 60.
        let result = try CheckedAllocator(Scenario(
            title: "Three floors",
            funds: [Fund(id: "grant", amount: 100, isCut: false)],
            services: [
                Service(id: "a", baseline: 60, isProtected: true),
                Service(id: "b", baseline: 100, minimum: .amount(50)),
                Service(id: "c", baseline: 100, minimum: .amount(50)),
            ])).result(0)
        #expect(abs((result.deficit ?? 0) - 60) < 1e-6)
        expectConflict(result, [(.protected, "a", 60), (.minimum, "b", 50), (.minimum, "c", 50), (.fund, "grant", 100)])
    }

    @Test func twoRingFencesShortAtOnce() throws {
        // At 20%, a (protected 100) has 80 in fa and b (minimum 90) has 80 in fb: both short,
        // 20 + 10 = 30, and both are named: (100 + 90) - (80 + 80) = 30.
        let result = try CheckedAllocator(Scenario(
            title: "Two fences",
            funds: [
                Fund(id: "fa", amount: 100, ringFencedFor: ["a"]),
                Fund(id: "fb", amount: 100, ringFencedFor: ["b"]),
                Fund(id: "grant", amount: 100, ringFencedFor: ["c"]),
            ],
            services: [
                Service(id: "a", baseline: 100, isProtected: true),
                Service(id: "b", baseline: 100, minimum: .percent(90)),
                Service(id: "c", baseline: 100),
            ])).result(20)
        #expect(abs((result.deficit ?? 0) - 30) < 1e-6)
        expectConflict(result, [(.protected, "a", 100), (.minimum, "b", 90), (.ringFence, "fa", 80), (.ringFence, "fb", 80)])
    }

    @Test func aGroupMinimumThatTheFloorsAlreadyMeet() throws {
        // Floors 500 + 400 against a £800 grant at 20% (deficit 100). The group {a, b} must have
        // at least 50% of the envelope (400), which the floors already meet: not named.
        let result = try CheckedAllocator(Scenario(
            title: "Group",
            funds: [Fund(id: "grant", amount: 1000)],
            services: [
                Service(id: "a", baseline: 500, isProtected: true),
                Service(id: "b", baseline: 500, minimum: .amount(400)),
            ],
            groups: [ServiceGroup(id: "pair", services: ["a", "b"], minimum: .percent(50))])).result(20)
        #expect(abs((result.deficit ?? 0) - 100) < 1e-6)
        expectConflict(result, [(.protected, "a", 500), (.minimum, "b", 400), (.fund, "grant", 800)])
    }

    @Test func aGroupMinimumLessAMaximum() throws {
        // The group {a, b} needs 300. a may take at most 50 (its maximum), so b needs 250 and
        // its fence gives 100: 300 - 50 - 100 = 150. a's fence (200) has room to spare.
        let result = try CheckedAllocator(Scenario(
            title: "Group and maximum",
            funds: [
                Fund(id: "fa", amount: 200, isCut: false, ringFencedFor: ["a"]),
                Fund(id: "fb", amount: 100, isCut: false, ringFencedFor: ["b"]),
            ],
            services: [
                Service(id: "a", baseline: 50),
                Service(id: "b", baseline: 100, maximum: .amount(400)),
            ],
            groups: [ServiceGroup(id: "g", services: ["a", "b"], minimum: .amount(300))])).result(0)
        #expect(abs((result.deficit ?? 0) - 150) < 1e-6)
        expectConflict(result, [(.groupMinimum, "g", 300), (.maximum, "a", 50), (.ringFence, "fb", 100)])
    }

    /// On generated scenarios beyond the maximum cut: the needs less the other members are the
    /// deficit to 1e-6 relative, each floor's and maximum's limit is the service's own, and
    /// every solve behind the result is certified.
    @Test(arguments: [(24, 4, 3, 1), (30, 5, 3, 2), (30, 5, 4, 9), (18, 3, 2, 3), (40, 6, 5, 4), (12, 2, 2, 5), (60, 8, 6, 6), (20, 4, 6, 7)] as [(Int, Int, Int, UInt64)])
    func needLessAvailableIsTheDeficit(services: Int, funds: Int, groups: Int, seed: UInt64) throws {
        let scenario = try ScenarioGenerator.scenario(
            GenerationSettings(services: services, funds: funds, groups: groups, seed: seed))
        let allocator = CheckedAllocator(scenario)
        let maximum = try #require(try allocator.maximumFeasibleCut())
        var checked = 0
        for cut in [maximum + 0.5, maximum + 3, (maximum + 99) / 2, 99] where cut < 100 {
            let result = try allocator.result(cut)
            #expect(result.status == .infeasible)
            guard let deficit = result.deficit, deficit > 0.01 else { continue }
            let conflict = result.conflict
            #expect(conflict.contains { $0.isNeed })
            let difference = conflict.need - conflict.available
            #expect(abs(difference - deficit) <= 1e-6 * max(deficit, 1), "cut \(cut): \(difference) vs \(deficit)")
            #expect(conflict.allSatisfy { $0.amount > 0 && $0.limit > 0 })
            for member in conflict where [.minimum, .protected, .maximum].contains(member.kind) {
                guard let service = scenario.services.first(where: { $0.id == member.id }) else { continue }
                let limit = member.kind == .maximum ? service.maximumAmount : service.lowerBound
                #expect(abs(member.limit - limit) <= 1e-9 * scenario.funds.map(\.amount).reduce(0, +), "\(member.kind) \(member.id)")
            }
            checked += 1
        }
        #expect(checked > 0)
    }
}

/// Expects `result`'s conflict to be `expected` (kind, id, amount), in order, amounts to 1e-6
/// relative; and its needs less the rest to be its deficit.
func expectConflict(
    _ result: CutResult, _ expected: [(ConflictConstraint.Kind, String, Double)],
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let found = result.conflict.map { ($0.kind, $0.id) }
    #expect(found.map(\.0) == expected.map(\.0), sourceLocation: sourceLocation)
    #expect(found.map(\.1) == expected.map(\.1), sourceLocation: sourceLocation)
    for (member, (_, _, amount)) in zip(result.conflict, expected) {
        #expect(abs(member.amount - amount) <= 1e-6 * amount, "\(member.id): \(member.amount)", sourceLocation: sourceLocation)
        // Every hand-worked conflict counts each limit once.
        #expect(abs(member.limit - amount) <= 1e-6 * amount, "\(member.id): limit \(member.limit)", sourceLocation: sourceLocation)
    }
    let deficit = result.deficit ?? .nan
    #expect(abs(result.conflict.need - result.conflict.available - deficit) <= 1e-6 * max(deficit, 1), sourceLocation: sourceLocation)
}
