import BudgetModel
import Testing

/// SCENARIO-SPEC section 9, figure for figure.
@Suite struct AllocatorWorkedExampleTests {
    @Test func tiersModeTable() throws {
        let allocator = CheckedAllocator(workedExample())
        let zero = try allocator.result(0)
        expectAllocations(zero, ["hub": 400_000, "idva": 200_000, "rj": 300_000, "counselling": 200_000])
        #expect(zero.envelope == 1_100_000)

        let ten = try allocator.result(10)
        expectAllocations(ten, ["hub": 400_000, "idva": 200_000, "rj": 234_000, "counselling": 156_000])
        #expect(bindings(ten) == ["hub": "protected", "idva": "not-cut", "rj": "share", "counselling": "share"])
        #expect(abs(ten.unallocated) < 0.01)

        let twenty = try allocator.result(20)
        expectAllocations(twenty, ["hub": 400_000, "idva": 200_000, "rj": 180_000, "counselling": 100_000])
        #expect(bindings(twenty) == ["hub": "protected", "idva": "not-cut", "rj": "minimum", "counselling": "share"])

        let thirty = try allocator.result(30)
        expectAllocations(thirty, ["hub": 400_000, "idva": 190_000, "rj": 180_000, "counselling": 0])
        #expect(bindings(thirty) == ["hub": "protected", "idva": "share", "rj": "minimum", "counselling": "minimum"])
    }

    @Test func infeasibleCutReportsItsDeficit() throws {
        let allocator = CheckedAllocator(workedExample())
        let forty = try allocator.result(40)
        #expect(forty.status == .infeasible)
        #expect(forty.services.isEmpty)
        #expect(abs((forty.deficit ?? 0) - 20_000) < 0.01)
        #expect(forty.envelope == 660_000)
        // hub 400,000 + idva 100,000 + rj 180,000 = 680,000 against grant 600,000 + dv 60,000.
        expectConflict(forty, [
            (.protected, "hub", 400_000), (.minimum, "idva", 100_000), (.minimum, "rj", 180_000),
            (.fund, "grant", 600_000), (.ringFence, "dv", 60_000),
        ])
        #expect(forty.hopeless == nil)
    }

    @Test func maximumFeasibleCut() throws {
        let cut = try CheckedAllocator(workedExample()).maximumFeasibleCut()
        // 1,100,000 (1 - c) = 680,000
        #expect(abs((cut ?? 0) - 100 * (1 - 680_000.0 / 1_100_000)) < 1e-9)
    }

    @Test func weightedModeTable() throws {
        let allocator = CheckedAllocator(workedExample(mode: .weighted))
        expectAllocations(try allocator.result(10), ["hub": 400_000, "idva": 200_000, "rj": 300_000, "counselling": 90_000])
        expectAllocations(try allocator.result(20), ["hub": 400_000, "idva": 200_000, "rj": 280_000, "counselling": 0])
        expectAllocations(try allocator.result(30), ["hub": 400_000, "idva": 190_000, "rj": 180_000, "counselling": 0])
    }

    @Test func cutsInAnyOrderGiveTheSameAllocations() throws {
        let forward = CheckedAllocator(workedExample())
        let backward = CheckedAllocator(workedExample())
        let cuts: [Double] = [0, 5, 12.5, 20, 27.5, 35, 38]
        let ascending = try cuts.map { try forward.result($0) }
        let descending = try cuts.reversed().map { try backward.result($0) }.reversed()
        for (a, b) in zip(ascending, descending) {
            for (x, y) in zip(a.services, b.services) { #expect(abs(x.allocation - y.allocation) < 0.01) }
        }
    }
}
