import BudgetModel
import LinearProgramming
import LPCertificates
import Testing

/// Explanations of infeasible cuts name a minimal conflicting set (SCENARIO-SPEC section 6).
@Suite struct ConflictSetTests {
    @Test func threeFloorsWhereAnyTwoConflict() throws {
        // £100, uncut, for floors of 60, 50 and 50. Every floor has a non-zero dual in the
        // deficit LP (each pound of floor costs a pound of deficit), so the naive support names
        // all three; but any two of them already exceed £100. The deletion filter drops b first.
        let allocator = CheckedAllocator(Scenario(
            title: "Three floors",
            funds: [Fund(id: "grant", amount: 100, isCut: false)],
            services: [
                Service(id: "a", baseline: 60, isProtected: true),
                Service(id: "b", baseline: 100, minimum: .amount(50)),
                Service(id: "c", baseline: 100, minimum: .amount(50)),
            ]))
        let result = try allocator.result(0)
        #expect(abs((result.deficit ?? 0) - 60) < 1e-6)
        #expect(result.conflict == [.floor(service: "a"), .floor(service: "c"), .fund("grant")])
        #expect(result.explanation == "At a 0% cut the envelope is £100. The protected a (£60) and the minimum for c (£50) need £110: £10 more than the envelope. This is one conflict of several: meeting every constraint at this cut needs £60 more.")
    }

    @Test func twoRingFencesShortAtOnce() throws {
        // At 20%, a (protected 100) has 80 in fa and b (minimum 90) has 80 in fb: two separate
        // conflicts, £20 and £10 short. The support names both; the minimal set is one of them.
        let allocator = CheckedAllocator(Scenario(
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
            ]))
        let result = try allocator.result(20)
        #expect(abs((result.deficit ?? 0) - 30) < 1e-6)
        #expect(result.conflict == [.floor(service: "b"), .fund("fb")])
        #expect(result.explanation == "At a 20% cut the envelope is £240. The minimum for b (£90) needs £90: £10 more than the £80 that it may draw on (fb). This is one conflict of several: meeting every constraint at this cut needs £30 more.")
    }

    @Test func aGroupMinimumThatIsNotNeeded() throws {
        // Floors 500 + 400 against a £800 grant at 20% (deficit 100). The group {a, b} must have
        // at least 50% of the envelope (400), which the floors already meet: never named.
        let allocator = CheckedAllocator(Scenario(
            title: "Group",
            funds: [Fund(id: "grant", amount: 1000)],
            services: [
                Service(id: "a", baseline: 500, isProtected: true),
                Service(id: "b", baseline: 500, minimum: .amount(400)),
            ],
            groups: [ServiceGroup(id: "pair", services: ["a", "b"], minimum: .percent(50))]))
        let result = try allocator.result(20)
        #expect(abs((result.deficit ?? 0) - 100) < 1e-6)
        #expect(result.conflict == [.floor(service: "a"), .floor(service: "b"), .fund("grant")])
    }

    @Test func theWorkedExampleAtFortyPercentIsAlreadyMinimal() throws {
        let result = try CheckedAllocator(workedExample()).result(40)
        // idva may draw on the ring-fenced dv as well as the grant, so both funds take part.
        #expect(result.conflict == [
            .floor(service: "hub"), .floor(service: "idva"), .floor(service: "rj"), .fund("grant"), .fund("dv"),
        ])
    }

    /// On generated scenarios, beyond the maximum cut: the named constraints alone are infeasible,
    /// and relaxing any one of them (everything else the board could change relaxed too) is feasible.
    @Test(arguments: [(24, 4, 3, 1), (30, 5, 4, 2), (18, 3, 2, 3), (40, 6, 5, 4), (12, 2, 2, 5), (60, 8, 6, 6)] as [(Int, Int, Int, UInt64)])
    func everyNamedConstraintIsNecessary(services: Int, funds: Int, groups: Int, seed: UInt64) throws {
        let scenario = try ScenarioGenerator.scenario(
            GenerationSettings(services: services, funds: funds, groups: groups, seed: seed))
        let allocator = CheckedAllocator(scenario)
        let maximum = try #require(try allocator.maximumFeasibleCut())
        for cut in [maximum + 0.5, maximum + 3, (maximum + 99) / 2] where cut < 100 {
            let result = try allocator.result(cut)
            #expect(result.status == .infeasible)
            guard (result.deficit ?? 0) > 0.01 else { continue }
            #expect(!result.conflict.isEmpty)
            let program = AllocationExport.firstStageProgram(of: scenario, atCut: cut)
            let alone = relaxingAllBut(result.conflict, in: program, scenario: scenario)
            #expect(certifiedStatus(of: alone) == .infeasible, "cut \(cut): \(result.conflict.map(\.label)) alone is feasible")
            for named in result.conflict {
                let without = relaxingAllBut(result.conflict.filter { $0 != named }, in: program, scenario: scenario)
                #expect(certifiedStatus(of: without) == .optimal, "cut \(cut): \(named.label) is not needed")
            }
        }
    }

    /// The conflict filter re-solves without building solutions when nobody observes them: the
    /// results of every infeasible cut are the same to the last bit as with an observer.
    @Test(arguments: [(24, 4, 3, 1), (40, 6, 5, 4), (60, 8, 6, 6)] as [(Int, Int, Int, UInt64)])
    func unobservedFilterGivesTheObservedResults(services: Int, funds: Int, groups: Int, seed: UInt64) throws {
        let scenario = try ScenarioGenerator.scenario(
            GenerationSettings(services: services, funds: funds, groups: groups, seed: seed))
        let observed = CheckedAllocator(scenario)
        let unobserved = Allocator(scenario: scenario)
        let maximum = try #require(try observed.maximumFeasibleCut())
        var conflicts = 0
        for step in 0..<12 where maximum + Double(step) * 0.75 < 100 {
            let cut = maximum + 0.01 + Double(step) * 0.75
            let expected = try observed.result(cut)
            #expect(try unobserved.result(atCut: cut) == expected, "cut \(cut)")
            if !expected.conflict.isEmpty { conflicts += 1 }
        }
        #expect(conflicts > 0)
    }

    /// A sweep's deficit finder reuses the last list of floors it named while the floors stay
    /// the same: beyond the bundled scenario's maximum cut the named floors change several
    /// times, and every explanation is the one a fresh allocator gives for that cut alone.
    @Test func consecutiveExplanationsMatchFreshOnes() throws {
        let scenario = try ScenarioDecoder.decode(BundledScenario.text, fileName: BundledScenario.fileName).scenario
        let sweep = Allocator(scenario: scenario)
        var needs: Set<String> = []
        for cut in stride(from: 21.75, through: 45, by: 0.75) {
            let result = try sweep.result(atCut: cut)
            let alone = try Allocator(scenario: scenario).result(atCut: cut)
            #expect(result.explanation == alone.explanation, "cut \(cut)")
            #expect(result.conflict == alone.conflict, "cut \(cut)")
            let explanation = try #require(result.explanation)
            if let need = explanation.range(of: "need £[0-9,]+", options: .regularExpression) {
                needs.insert(String(explanation[need]))
            }
        }
        #expect(needs.count >= 4, "the named floors change: \(needs.sorted())")
    }

    /// A limit no allocation comes near (in solver units, where the largest amount is 1). Relaxed
    /// rows get it rather than an infinite bound: the solver's Farkas rays on free rows fail the
    /// certificate check.
    private static let farAway = 1e6

    /// `program` with every floor, fund limit and group limit relaxed except those in `kept`.
    private func relaxingAllBut(_ kept: [ConflictConstraint], in program: LinearProgram, scenario: Scenario) -> LinearProgram {
        let keep = Set(kept)
        var relaxed = program
        func row(_ name: String) -> Int { relaxed.rowNames.firstIndex(of: name)! }
        for service in scenario.services where !keep.contains(.floor(service: service.id)) {
            relaxed.columnLower[relaxed.columnNames.firstIndex(of: "level:\(service.id)")!] = 0
        }
        for fund in scenario.funds where !keep.contains(.fund(fund.id)) {
            relaxed.rowUpper[row("fund:\(fund.id)")] = Self.farAway
        }
        for group in scenario.groups {
            if !keep.contains(.groupMinimum(group.id)) { relaxed.rowLower[row("group:\(group.id)")] = -Self.farAway }
            if !keep.contains(.groupMaximum(group.id)) { relaxed.rowUpper[row("group:\(group.id)")] = Self.farAway }
        }
        return relaxed
    }

    private func certifiedStatus(of program: LinearProgram, sourceLocation: SourceLocation = #_sourceLocation) -> SolveStatus {
        let solution = program.solve()
        let report = CertificateChecker().check(solution, of: program)
        #expect(report.failures.isEmpty, "\(report.failures)", sourceLocation: sourceLocation)
        return solution.status
    }
}
