import BudgetModel
import Testing

/// `scenario commit` at the edges of a range (SCENARIO-SPEC section 14): feasible cuts that
/// start above 0% or lie wholly below it, ranges with no feasible cut, and ranges of one cut,
/// each worked by hand.
@Suite struct CommitmentRangeTests {
    private func commitment(_ scenario: Scenario, _ range: ClosedRange<Double>) throws -> Commitment {
        let checked = CheckedAllocator(scenario)
        let found = try CommitmentFinder(allocator: checked.allocator).commitment(over: range)
        #expect(checked.solvesChecked > 0 && checked.failures.isEmpty, "\(checked.failures)")
        return found
    }

    /// Within `1e-6` points, one interval against another.
    private func close(_ found: ClosedRange<Double>?, _ expected: ClosedRange<Double>) -> Bool {
        guard let found else { return false }
        return abs(found.lowerBound - expected.lowerBound) < 1e-6 && abs(found.upperBound - expected.upperBound) < 1e-6
    }

    private func expect(
        _ service: ServiceCommitment, guaranteed: Double, at cut: Double, atRisk: Double,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(abs((service.guaranteed ?? .nan) - guaranteed) < 0.001, "\(service)", sourceLocation: sourceLocation)
        #expect(abs((service.atCutPercent ?? .nan) - cut) < 1e-6, "\(service)", sourceLocation: sourceLocation)
        #expect(abs((service.atRisk ?? .nan) - atRisk) < 0.001, "\(service)", sourceLocation: sourceLocation)
        #expect(!service.isOpen, sourceLocation: sourceLocation)
    }

    /// One fund of 1,000; `a` (baseline 400, max 450) must have half the envelope, `b`
    /// (baseline 600, min 300) the rest. `a >= E/2` needs `E <= 900` (cuts from 10%), and
    /// `b >= 300` beside it needs `E >= 600` (cuts to 40%): 0% is infeasible. Between, the
    /// rule cuts `b` as little as it can, `E/2`, which leaves `a` the other `E/2`:
    /// `a = b = 500 (1 - c/100)`, least at 40%: 300 each.
    static let island = Scenario(
        title: "island", funds: [Fund(id: "grant", amount: 1000)],
        services: [
            Service(id: "a", baseline: 400, maximum: .amount(450)),
            Service(id: "b", baseline: 600, minimum: .amount(300)),
        ],
        groups: [ServiceGroup(id: "half", services: ["a"], minimum: .percent(50))])

    /// 0..50%: both ends infeasible, the feasible cuts 10..40% in the middle.
    @Test func rangeFromZeroWithBothEndsInfeasible() throws {
        let found = try commitment(Self.island, 0...50)
        #expect(close(found.feasible, 10...40), "\(String(describing: found.feasible))")
        #expect(found.infeasible.count == 2, "\(found.infeasible)")
        #expect(found.infeasible.first.map { close($0, 0...10) } == true, "\(found.infeasible)")
        #expect(found.infeasible.last.map { close($0, 40...50) } == true, "\(found.infeasible)")
        expect(found.services[0], guaranteed: 300, at: 40, atRisk: 100)
        expect(found.services[1], guaranteed: 300, at: 40, atRisk: 300)
    }

    /// 0..25%: infeasible to 10%, then `a = b = 375` at 25%.
    @Test func rangeFromAnInfeasibleZeroToAFeasibleEnd() throws {
        let found = try commitment(Self.island, 0...25)
        #expect(close(found.feasible, 10...25), "\(String(describing: found.feasible))")
        #expect(found.infeasible.count == 1 && found.infeasible.first.map { close($0, 0...10) } == true, "\(found.infeasible)")
        expect(found.services[0], guaranteed: 375, at: 25, atRisk: 25)
        expect(found.services[1], guaranteed: 375, at: 25, atRisk: 225)
    }

    /// 0..5% and 45..60% have no feasible cut, on either side of the island.
    @Test func rangesWhollyInfeasibleOnEitherSide() throws {
        for range in [0.0...5, 45.0...60] {
            let found = try commitment(Self.island, range)
            #expect(found.feasible == nil && found.infeasible == [range], "\(range): \(found.infeasible)")
            #expect(found.services.allSatisfy { $0.guaranteed == nil && $0.atCutPercent == nil && $0.atRisk == nil })
        }
    }

    /// A range of one cut: the allocation there (`a = b = 400` at 20%), or nothing at 5%.
    @Test func rangesOfOneCut() throws {
        let feasible = try commitment(Self.island, 20...20)
        #expect(feasible.feasible == 20...20 && feasible.infeasible.isEmpty)
        expect(feasible.services[0], guaranteed: 400, at: 20, atRisk: 0)
        expect(feasible.services[1], guaranteed: 400, at: 20, atRisk: 200)
        let infeasible = try commitment(Self.island, 5...5)
        #expect(infeasible.feasible == nil && infeasible.infeasible == [5...5])
        #expect(infeasible.services.allSatisfy { $0.guaranteed == nil })
    }

    /// The range's ends are the island's: 10..40% feasible throughout, nothing infeasible.
    @Test func rangeThatIsTheIsland() throws {
        let found = try commitment(Self.island, 10...40)
        #expect(close(found.feasible, 10...40) && found.infeasible.isEmpty, "\(found.infeasible)")
        expect(found.services[0], guaranteed: 300, at: 40, atRisk: 100)
    }

    /// Feasible only for increases: `a` (baseline 500, min 450) may have at most 40% of the
    /// envelope (`E >= 1125`, cuts to -12.5%), `b` (baseline 500, max 720) at least 60%
    /// (`E <= 1200`, cuts from -20%). Between, `a` is held at `0.4 E` and `b` takes the other
    /// `0.6 E`; at -12.5% (`E = 1125`) `a = 450` and `b = 675`.
    static let increasesOnly = Scenario(
        title: "increases only", funds: [Fund(id: "grant", amount: 1000)],
        services: [
            Service(id: "a", baseline: 500, minimum: .amount(450)),
            Service(id: "b", baseline: 500, maximum: .amount(720)),
        ],
        groups: [
            ServiceGroup(id: "a-share", services: ["a"], maximum: .percent(40)),
            ServiceGroup(id: "b-share", services: ["b"], minimum: .percent(60)),
        ])

    /// -30..0%: both ends infeasible, the feasible cuts -20..-12.5% in the middle.
    @Test func increasesOnlyWithBothEndsInfeasible() throws {
        let found = try commitment(Self.increasesOnly, -30...0)
        #expect(close(found.feasible, -20...(-12.5)), "\(String(describing: found.feasible))")
        #expect(found.infeasible.count == 2, "\(found.infeasible)")
        #expect(found.infeasible.first.map { close($0, -30...(-20)) } == true, "\(found.infeasible)")
        #expect(found.infeasible.last.map { close($0, -12.5...0) } == true, "\(found.infeasible)")
        expect(found.services[0], guaranteed: 450, at: -12.5, atRisk: 50)
        expect(found.services[1], guaranteed: 675, at: -12.5, atRisk: 0)
    }
}
