import BudgetModel
import LinearProgramming
import LPCertificates
import Testing

/// A sweep that reads cuts from linear pieces (`BlockSweep` with `followsPieces`) gives, at
/// every cut, what a fresh solve at that cut gives (`scenario solve --cut C`): the same status,
/// binding reasons, conflict members and unallocated funds, and figures within 1e-9 of the
/// scenario's money scale; and it solves far fewer LPs. Every LP either side solves goes
/// through the certificate checker.
@Suite struct PiecewiseSweepTests {
    /// Figures agree to this, relative to the scenario's largest fund or baseline.
    static let relativeAgreement = 1e-9

    /// Generated scenarios (both modes) and the bundled one: name and scenario.
    static func scenarios() throws -> [(String, Scenario)] {
        var list: [(String, Scenario)] = []
        for seed in UInt64(1)...6 {
            let mode: ObjectiveMode = seed % 2 == 0 ? .weighted : .tiers
            let settings = GenerationSettings(services: 6 + Int(seed) * 2, funds: 2 + Int(seed % 3), groups: Int(seed % 4), seed: seed, mode: mode)
            list.append(("generated seed \(seed) \(mode)", try ScenarioGenerator.scenario(settings)))
        }
        list.append(("bundled", try ScenarioDecoder.decode(BundledScenario.text, fileName: BundledScenario.fileName).scenario))
        list.append(("worked example", workedExample()))
        return list
    }

    /// Cuts at random (fixed seed) from -5% to 60%: runs of close cuts, so that pieces are used,
    /// with jumps between them, in increasing order.
    static func randomCuts(seed: UInt64) -> [Double] {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 &+ 1
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        var cuts: [Double] = []
        var cut = -5.0
        while cut < 60 {
            cuts.append(cut)
            cut += next() < 0.1 ? next() * 4 : next() * 0.3
        }
        return cuts
    }

    /// The results of a sweep of `cuts`, every LP solution certified; and how many LPs it solved.
    /// `solves` counts every LP; `fullSolves` only the full programmes (`allocation`), which is
    /// what an infeasible cut's deficit takes (its fallback solves programmes of its own).
    static func swept(
        _ scenario: Scenario, cuts: [Double], followsPieces: Bool
    ) throws -> (results: [CutResult], solves: Int, fullSolves: Int) {
        let maximumCut = try CheckedAllocator(scenario).maximumFeasibleCut()
        let sweep = BlockSweep(scenario: scenario, maximumCut: maximumCut, cuts: cuts, jobs: 1, followsPieces: followsPieces)
        let checker = CertificateChecker()
        var solves = 0
        var fullSolves = 0
        var failures: [String] = []
        sweep.solveObserver = { program, solution in
            solves += 1
            if program.name == "allocation" { fullSolves += 1 }
            failures += checker.check(solution, of: program).failures.map { "\(program.name): \($0)" }
        }
        var results: [CutResult] = []
        try sweep.run { results.append($0) }
        #expect(failures.isEmpty, "certificate failures: \(failures.prefix(5))")
        return (results, solves, fullSolves)
    }

    @Test func everyCutAgreesWithAFreshSolve() throws {
        var interpolatedSweeps = 0
        for (index, (name, scenario)) in try Self.scenarios().enumerated() {
            let cuts = Self.randomCuts(seed: UInt64(index + 1))
            let (results, solves, _) = try Self.swept(scenario, cuts: cuts, followsPieces: true)
            let everyCut = try Self.swept(scenario, cuts: cuts, followsPieces: false)
            #expect(results.count == cuts.count)
            let scale = (scenario.funds.map(\.amount) + scenario.services.map(\.baseline)).max() ?? 1
            let tolerance = Self.relativeAgreement * scale
            for (k, (cut, result)) in zip(cuts, results).enumerated() {
                let solved = try CheckedAllocator(scenario).result(cut)
                expectAgreement(result, solved, tolerance: tolerance, "\(name) at \(cut)%", comparingFunds: false)
                expectAgreement(result, everyCut.results[k], tolerance: tolerance, "\(name) at \(cut)%, sweep without pieces")
            }
            if solves * 2 < everyCut.solves { interpolatedSweeps += 1 }
            #expect(solves <= everyCut.solves, "\(name): \(solves) LPs with pieces, \(everyCut.solves) without")
        }
        // The pieces must actually be used: at least half the LPs saved on most scenarios.
        #expect(interpolatedSweeps >= 6)
    }

    /// The bundled 3,001-cut sweep: its 2,161 feasible cuts from pieces and its 840 infeasible
    /// cuts, each solved for its fallback, agree with the sweep that solves every cut, in about
    /// half the LPs.
    @Test func theBundledSweepAgreesWithSolvingEveryCut() throws {
        let scenario = try ScenarioDecoder.decode(BundledScenario.text, fileName: BundledScenario.fileName).scenario
        let cuts = (0...3000).map { Double($0) / 100 }
        let pieces = try Self.swept(scenario, cuts: cuts, followsPieces: true)
        let everyCut = try Self.swept(scenario, cuts: cuts, followsPieces: false)
        #expect(pieces.results.filter { $0.status == .infeasible }.count == 840)
        for (a, b) in zip(pieces.results, everyCut.results) {
            expectAgreement(a, b, tolerance: Self.relativeAgreement * 910_000, "bundled at \(a.cutPercent)%")
        }
        #expect(pieces.solves * 10 < everyCut.solves * 6, "\(pieces.solves) LPs with pieces, \(everyCut.solves) without")
    }

    /// The bundled scenario's infeasible cuts 21.61..30% in steps of 0.01 (840 cuts): every
    /// fallback read from a piece agrees with a fresh solve; the pieces are solved at a few cuts
    /// for the whole sweep, not at every cut. At 25% the minimum of Restorative Justice (the only
    /// priority-0 floor, £88,200) gives way by the deficit, £30,400: to (88,200 - 30,400) / 88,200.
    @Test func infeasibleCutsTakeTheirFallbackFromItsPiece() throws {
        let scenario = try ScenarioDecoder.decode(BundledScenario.text, fileName: BundledScenario.fileName).scenario
        let cuts = (2161...3000).map { Double($0) / 100 }
        var factorSolves = 0
        let maximumCut = try CheckedAllocator(scenario).maximumFeasibleCut()
        let sweep = BlockSweep(scenario: scenario, maximumCut: maximumCut, cuts: cuts, jobs: 1, followsPieces: true)
        let checker = CertificateChecker()
        var failures: [String] = []
        sweep.solveObserver = { program, solution in
            if program.name == "fallback-factor" { factorSolves += 1 }
            failures += checker.check(solution, of: program).failures.map { "\(program.name): \($0)" }
        }
        var results: [CutResult] = []
        try sweep.run { results.append($0) }
        #expect(failures.isEmpty, "certificate failures: \(failures.prefix(5))")
        #expect(results.allSatisfy { $0.status == .infeasible })
        #expect(factorSolves < 100, "\(factorSolves) factor LPs for 840 cuts")
        for result in results where Int((result.cutPercent * 100).rounded()) % 7 == 0 {
            let solved = try CheckedAllocator(scenario).result(result.cutPercent)
            expectAgreement(result, solved, tolerance: Self.relativeAgreement * 910_000, "bundled at \(result.cutPercent)%")
        }
        let at25 = try #require(results.first { $0.cutPercent == 25 })
        guard case .fallback(let fallback) = at25.fallback else {
            Issue.record("no fallback at 25%: \(String(describing: at25.fallback))")
            return
        }
        #expect(fallback.floors.map(\.priority) == [0])
        #expect(abs(fallback.floors[0].factor - 57_800.0 / 88_200) < 1e-9)
        #expect(abs((fallback.services.first { $0.serviceID == "rj" }?.allocation ?? 0) - 57_800) < 1e-4)
    }

    /// Between two infeasible cuts with the same conflict, the deficit is their linear
    /// interpolation: past the bundled scenario's maximum cut (21.607%), at 25% the deficit is
    /// what the minimums and protection need (£716,400) less the envelope (£686,000): £30,400.
    @Test func infeasibleCutsFromTheDeficitPiece() throws {
        let scenario = try ScenarioDecoder.decode(BundledScenario.text, fileName: BundledScenario.fileName).scenario
        let cuts = stride(from: 22.0, through: 30.0, by: 0.5).map { $0 }
        let (results, _, deficitSolves) = try Self.swept(scenario, cuts: cuts, followsPieces: true)
        let at25 = try #require(results.first { $0.cutPercent == 25 })
        #expect(abs(at25.envelope - 686_000) < 1e-6)
        #expect(abs((at25.deficit ?? 0) - 30_400) < 1e-6)
        #expect(abs(at25.conflict.need - 716_400) < 1e-6)
        #expect(results.allSatisfy { $0.fallback != nil })
        // Only the ends of the pieces that hold the 17 cuts are solved (5 in all), every cut
        // between read from its piece's shared conflict.
        #expect(deficitSolves * 3 < cuts.count, "\(deficitSolves) deficit LPs")
    }
}

/// Expects `a` (from a piece) and `b` (solved) to say the same at their cut, with figures within
/// `tolerance`. Unless `comparingFunds`, the unallocated money is compared in total only: which
/// fund holds it depends on the split of money across funds, which is not unique (SCENARIO-SPEC
/// section 3), so a fresh solve may name another fund than a sweep that reached the cut warm.
func expectAgreement(
    _ a: CutResult, _ b: CutResult, tolerance: Double, _ label: String, comparingFunds: Bool = true,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(a.status == b.status, "\(label): status \(a.status) != \(b.status)", sourceLocation: sourceLocation)
    #expect(a.cutPercent == b.cutPercent && a.envelope == b.envelope, "\(label)", sourceLocation: sourceLocation)
    #expect(bindings(a) == bindings(b), "\(label): reasons \(bindings(a)) != \(bindings(b))", sourceLocation: sourceLocation)
    for (x, y) in zip(a.services, b.services) {
        #expect(abs(x.allocation - y.allocation) <= tolerance, "\(label): \(x.serviceID) \(x.allocation) != \(y.allocation)", sourceLocation: sourceLocation)
    }
    #expect(abs(a.unallocated - b.unallocated) <= tolerance, "\(label): unallocated", sourceLocation: sourceLocation)
    if comparingFunds {
        #expect(a.unallocatedByFund.map(\.fundID) == b.unallocatedByFund.map(\.fundID), "\(label): unallocated funds", sourceLocation: sourceLocation)
        #expect(a.unallocatedByFund.map(\.reason) == b.unallocatedByFund.map(\.reason), "\(label): unallocated reasons", sourceLocation: sourceLocation)
        for (x, y) in zip(a.unallocatedByFund, b.unallocatedByFund) {
            #expect(abs(x.amount - y.amount) <= tolerance, "\(label): unallocated in \(x.fundID)", sourceLocation: sourceLocation)
        }
    }
    #expect(abs((a.deficit ?? 0) - (b.deficit ?? 0)) <= tolerance, "\(label): deficit \(a.deficit ?? -1) != \(b.deficit ?? -1)", sourceLocation: sourceLocation)
    #expect(a.conflict.map(\.id) == b.conflict.map(\.id) && a.conflict.map(\.kind) == b.conflict.map(\.kind),
            "\(label): conflict", sourceLocation: sourceLocation)
    for (x, y) in zip(a.conflict, b.conflict) {
        #expect(abs(x.amount - y.amount) <= tolerance, "\(label): conflict amount of \(x.id)", sourceLocation: sourceLocation)
    }
    #expect(a.hopeless == b.hopeless, "\(label): hopeless", sourceLocation: sourceLocation)
    expectSameFallback(a.fallback, b.fallback, tolerance: tolerance, label, sourceLocation: sourceLocation)
}

/// Expects two fallbacks (SCENARIO-SPEC section 14) to be of the same kind, with the same
/// classes of floors giving way by factors within 1e-9 and allocations within `tolerance`;
/// or, where no scaling helps, the same conflict without floors and its deficit within `tolerance`.
func expectSameFallback(
    _ a: FallbackOutcome?, _ b: FallbackOutcome?, tolerance: Double, _ label: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    switch (a, b) {
    case (nil, nil), (.undecided?, .undecided?):
        return
    case (.fallback(let x)?, .fallback(let y)?):
        #expect(x.floors.map(\.priority) == y.floors.map(\.priority) && x.floors.map(\.isProtected) == y.floors.map(\.isProtected),
                "\(label): fallback floors", sourceLocation: sourceLocation)
        // A factor is the largest its LP finds, or 1e-9 below it where the rule needs room at the
        // cut (SCENARIO-SPEC section 14), as rounding at that cut decides: two results may
        // differ by that margin, plus the rounding of the factor itself.
        for (f, g) in zip(x.floors, y.floors) {
            #expect(abs(f.factor - g.factor) <= 1e-9 + 1e-12, "\(label): fallback factor \(f.factor) != \(g.factor)", sourceLocation: sourceLocation)
        }
        #expect(x.services.map(\.serviceID) == y.services.map(\.serviceID), "\(label): fallback services", sourceLocation: sourceLocation)
        for (u, v) in zip(x.services, y.services) {
            #expect(abs(u.allocation - v.allocation) <= tolerance,
                    "\(label): fallback \(u.serviceID) \(u.allocation) != \(v.allocation)", sourceLocation: sourceLocation)
        }
    case (.impossible(let x)?, .impossible(let y)?):
        #expect(x.conflict.map(\.id) == y.conflict.map(\.id) && x.hopeless == y.hopeless, "\(label): floorless conflict", sourceLocation: sourceLocation)
        #expect(abs((x.deficit ?? 0) - (y.deficit ?? 0)) <= tolerance, "\(label): floorless deficit", sourceLocation: sourceLocation)
    default:
        Issue.record("\(label): fallback \(String(describing: a)) against \(String(describing: b))", sourceLocation: sourceLocation)
    }
}
