import LinearProgramming

/// Computes the allocation SCENARIO-SPEC section 4 defines, one cut at a time.
///
/// The allocator keeps one simplex solver per priority tier (`TierStageSolver`), each on
/// a compact programme with tier rows for that tier alone, and re-bounds them for every
/// cut and every stage of the rule, so consecutive cuts start each stage from the basis
/// of the same stage at the previous cut (a warm start: a few dual pivots instead of a
/// fresh solve). Call `result(atCut:)` in any order; increasing order is the fast one.
public final class Allocator {
    /// The scenario being allocated.
    public let scenario: Scenario
    private let schedule: TierSchedule
    let options: SimplexOptions
    /// One solver per tier of `schedule`, in the same order.
    private let tierSolvers: [TierStageSolver]
    /// The solver of the weighted optimum (weighted mode only).
    private let weightedSolver: TierStageSolver?
    /// The group limits that fail on their own at a cut.
    private let hopelessGroupLimits: HopelessGroupLimits
    /// The allocators of the scenario without one limit each, for the binding test.
    private var counterfactuals: [RemovedLimit: Allocator] = [:]
    private lazy var deficitFinder = DeficitFinder(
        layout: FullAllocationProgram(scenario: scenario), options: options, observer: solveObserver)

    /// Called with the programme and the solution of every LP the allocator solves, when set:
    /// for independent certificate checks in tests and verification runs.
    public var solveObserver: ((LinearProgram, Solution) -> Void)?
    /// Follows every stage with its slope in the cut, when set (see `linearPiece(atCut:)`).
    var slopeTracker: CutSlopeTracker?
    /// Records what decided each stage of the last run of the rule, when set (see `RuleTrace`).
    var ruleTrace: RuleTrace?
    /// When set, a cut on the linear piece of a cut this allocator solved before is read from
    /// that piece (its last stage's basic solution moved along the cut) instead of solved; the
    /// binding tests' re-solves without a limit do the same on their own pieces. The results
    /// are those of a solve at the same cut up to rounding (SCENARIO-SPEC section 6: each
    /// allocation is linear between breakpoints, and a basis stays optimal on its piece).
    public var followsPieces = false
    /// The last piece solved, per last tier run (`Int.max`: the whole rule).
    private var pieces: [Int: StagePiece] = [:]
    /// Whether an infeasible cut's result carries its fallback (SCENARIO-SPEC section 14).
    public var findsFallbacks = true
    /// What decided the fallback of the last result, when it was an infeasible cut with a
    /// fallback allocation; nil otherwise.
    private(set) var lastFallbackTrace: FallbackFinder.Trace?
    /// Called with every mixed-integer programme the allocator solves (the choice of closures,
    /// SCENARIO-SPEC section 12) and its result, when set: for certificate checks in tests.
    public var mixedIntegerObserver: ((MixedIntegerProgram, MixedIntegerSolution) -> Void)?
    /// For a scenario with closable services or steps: the choice of closures and posts at each
    /// cut and an allocator per choice, to which every cut is handed (`ClosingAllocators`); nil
    /// otherwise.
    lazy var closing: ClosingAllocators? = scenario.isDiscrete
        ? ClosingAllocators(scenario: scenario, options: options) : nil
    /// How `result(atCut:)` decides the binding reasons that name a limit.
    public var bindingTest = BindingTest.stageSolutions
    /// Collects what the stages prove about each limit, while `result(atCut:)` runs the rule.
    private var evidenceRecorder: LimitEvidenceRecorder?
    /// What the stages of the last outcome proved, when it was recorded.
    private var lastEvidence: LimitEvidence?
    /// The evidence of each kept piece's solve, per last tier run.
    private var pieceEvidence: [Int: LimitEvidence] = [:]
    /// When set, a run of the rule that follows its stages' slopes reads each stage off its known
    /// line (`StageLine`) while the line holds at the cut and the stages before decided as when
    /// it was found, solves the others, and records the lines it reads or solves.
    var readsStageLines = false
    /// The stages of the rule with their lines as the last run found or confirmed them, in the
    /// order run: the weighted optimum first in weighted mode, then every stage of every tier;
    /// only the stages up to the first whose line is unknown (unanalysed, or fixing without
    /// proof); none after a run that recorded none. A run reads only the lines of the run just
    /// before it, whose bases its stages' solvers hold (reading a line is what a warm solve from
    /// that basis would find), not lines whose stages have been solved again since.
    private var stageLines: [StageLine] = []

    /// Relative tolerance for holding the weighted optimum (SCENARIO-SPEC section 4).
    static let weightedOptimumTolerance = 1e-9
    /// Duals of tier rows above this fix a service at the current shortfall.
    static let fixingDualTolerance = 1e-9
    /// A service whose cap holds its shortfall within this of the stage's shortfall is fixed at it.
    static let fixingShortfallTolerance = 1e-12
    /// How far fixed floors are relaxed when a later stage of a feasible cut comes back
    /// infeasible through rounding, as a fraction of the baseline.
    static let retryRelaxation = 1e-7

    /// The solver settings for allocation LPs: tighter feasibility than the solver's
    /// defaults, because money is scaled by the largest fund and "within £1" of a
    /// £100m envelope is a relative 1e-8.
    public static var defaultOptions: SimplexOptions {
        var options = SimplexOptions()
        options.primalFeasibilityTolerance = 1e-9
        options.dualFeasibilityTolerance = 1e-9
        return options
    }

    /// An allocator for a validated scenario.
    public init(scenario: Scenario, options: SimplexOptions = Allocator.defaultOptions) {
        self.scenario = scenario
        self.options = options
        schedule = TierSchedule(services: scenario.services)
        hopelessGroupLimits = HopelessGroupLimits(scenario: scenario)
        tierSolvers = schedule.tiers.map { TierStageSolver(scenario: scenario, tier: $0, options: options) }
        weightedSolver = scenario.objective == .weighted
            ? TierStageSolver(scenario: scenario, tier: [], options: options) : nil
    }

    /// An allocator that takes the scenario's maximum feasible cut as known: `maximumCut` is
    /// what `maximumFeasibleCut()` returned for the same scenario and options. Allocators built
    /// this way for the same cuts in the same order give the same results to the last bit, so
    /// a sweep can start a fresh one at fixed places and split its cuts between threads.
    public convenience init(scenario: Scenario, options: SimplexOptions = Allocator.defaultOptions, maximumCut: Double?) {
        self.init(scenario: scenario, options: options)
        computedMaximumCut = .some(maximumCut)
    }

    /// An allocator for the same scenario with the same settings and observer, taking
    /// `maximumCut` (this one's `maximumFeasibleCut()`) as known, but none of this one's bases:
    /// its results do not depend on what this one solved before.
    func fresh(knowingMaximumCut maximumCut: Double?) -> Allocator {
        let allocator = Allocator(scenario: scenario, options: options, maximumCut: maximumCut)
        allocator.solveObserver = solveObserver
        allocator.mixedIntegerObserver = mixedIntegerObserver
        allocator.findsFallbacks = findsFallbacks
        allocator.bindingTest = bindingTest
        return allocator
    }

    /// The result at a cut of `cutPercent` per cent (`-100 < cutPercent < 100`), with each
    /// service's binding reason (SCENARIO-SPEC section 10).
    ///
    /// - Throws: `AllocationError` when the solver cannot reach a trustworthy
    ///   answer (never for an infeasible cut: that is a result).
    public func result(atCut cutPercent: Double) throws(AllocationError) -> CutResult {
        lastFallbackTrace = nil
        if let closing { return try closing.result(atCut: cutPercent, for: self) }
        if bindingTest == .stageSolutions {
            evidenceRecorder = evidenceRecorder ?? LimitEvidenceRecorder(scenario: scenario)
        }
        defer { evidenceRecorder = nil }
        switch try outcome(atCut: cutPercent) {
        case .feasible(let reading): return try feasibleResult(cutPercent, reading: reading, evidence: lastEvidence)
        case .infeasible: return try infeasibleResult(cutPercent)
        }
    }

    /// The allocation `x_s` per service at a cut, in the scenario's order, nil when the cut is
    /// infeasible: exactly the allocations of `result(atCut:)`, without binding reasons,
    /// explanations or a fallback.
    ///
    /// - Throws: `AllocationError` when the solver cannot reach a trustworthy answer.
    public func allocations(atCut cutPercent: Double) throws(AllocationError) -> [Double]? {
        try amounts(atCut: cutPercent, throughTier: .max)
    }

    /// The allocation `x_s` per service at a cut, nil when the cut is infeasible: the rule
    /// alone, without binding reasons or explanations, run through the tier of index
    /// `lastTier` (highest priority first) only. The allocations of those tiers are final;
    /// those of lower tiers are not.
    func amounts(atCut cutPercent: Double, throughTier lastTier: Int) throws(AllocationError) -> [Double]? {
        if let closing { return try closing.allocator(atCut: cutPercent, for: self).amounts(atCut: cutPercent, throughTier: lastTier) }
        guard case .feasible(let reading) = try outcome(atCut: cutPercent, throughTier: lastTier) else { return nil }
        return reading.amounts
    }

    /// The allocation and one valid split of it by fund and service at a cut, nil when the cut
    /// is infeasible: the reading behind `allocations(atCut:)`.
    func reading(atCut cutPercent: Double) throws(AllocationError) -> AllocationReading? {
        guard case .feasible(let reading) = try outcome(atCut: cutPercent) else { return nil }
        return reading
    }

    /// What the allocation rule gives at a cut: an allocation, or none.
    private enum Outcome {
        case feasible(AllocationReading)
        case infeasible
    }

    private func outcome(atCut cutPercent: Double, throughTier lastTier: Int = .max) throws(AllocationError) -> Outcome {
        lastEvidence = nil
        // Past the maximum feasible cut the cut is infeasible: the maximum-cut LP decides it as an
        // optimum, where a stage LP a hair past it would face an infeasibility too small to prove
        // and too large to ignore.
        if let maximum = try knownMaximumCut(), Self.lies(cutPercent, beyond: maximum) {
            return .infeasible
        }
        // A group limit that fails on its own needs no LP; close to where it starts to fail, an
        // LP could neither prove it nor meet it within tolerance.
        if !hopelessGroupLimits.groups(atCut: cutPercent).isEmpty {
            return .infeasible
        }
        guard followsPieces else {
            let solved = try solvedOutcome(atCut: cutPercent, throughTier: lastTier).outcome
            lastEvidence = evidenceRecorder?.evidence
            return solved
        }
        if let piece = pieces[lastTier], piece.covers(cutPercent) {
            lastEvidence = evidenceRecorder == nil ? nil : pieceEvidence[lastTier]?.withoutDecreases
            return .feasible(piece.reading(atCut: cutPercent))
        }
        let ownTracker = slopeTracker == nil
        let tracker = slopeTracker ?? CutSlopeTracker(serviceCount: scenario.services.count)
        slopeTracker = tracker
        defer { if ownTracker { slopeTracker = nil } }
        let solved = try solvedOutcome(atCut: cutPercent, throughTier: lastTier)
        lastEvidence = evidenceRecorder?.evidence
        // A piece is kept only from floors fixed exactly as the rule fixes them.
        if case .feasible = solved.outcome, !solved.relaxed {
            pieces[lastTier] = tracker.stagePiece
            pieceEvidence[lastTier] = lastEvidence
        }
        return solved.outcome
    }

    /// The outcome at a cut by solving, and whether fixed floors had to be relaxed to reach it.
    private func solvedOutcome(atCut cutPercent: Double, throughTier lastTier: Int) throws(AllocationError) -> (outcome: Outcome, relaxed: Bool) {
        // Warm starts carry rounding from one cut to the next. When a stage fails, redo the
        // whole cut from slack bases, as a first solve would; only if that fails too, let a
        // stage relax the floors fixed before it (which frees a few pence per service).
        do {
            return (try allocate(atCut: cutPercent, throughTier: lastTier), false)
        } catch {
            forgetBases()
        }
        do {
            return (try allocate(atCut: cutPercent, throughTier: lastTier, cold: true), false)
        } catch {
            forgetBases()
        }
        return (try allocate(atCut: cutPercent, throughTier: lastTier, cold: true, relaxingFloors: true), true)
    }

    private func forgetBases() {
        for stageSolver in tierSolvers { stageSolver.forgetBases() }
        weightedSolver?.forgetBases()
    }

    /// The allocation rule at one cut through the tier of index `lastTier`, each stage warm
    /// from the previous cut's same stage unless `cold`; a later stage that comes back
    /// infeasible relaxes the fixed floors when `relaxingFloors`, and fails otherwise.
    private func allocate(
        atCut cutPercent: Double, throughTier lastTier: Int, cold: Bool = false, relaxingFloors: Bool = false
    ) throws(AllocationError) -> Outcome {
        slopeTracker?.begin(atCut: cutPercent, kinks: scenario.cutKinks)
        ruleTrace?.begin()
        evidenceRecorder?.begin()
        if relaxingFloors { evidenceRecorder?.abandon() }
        // The stages' known lines are read while each holds at this cut and the stages before
        // it decided as when it was found; the lines of this run are recorded while known.
        var lines = StageLineRun(
            known: stageLines,
            reads: readsStageLines && !cold && !relaxingFloors && ruleTrace == nil && evidenceRecorder == nil && slopeTracker != nil,
            records: readsStageLines && !relaxingFloors && slopeTracker != nil)
        stageLines = []
        var weightedFloor: Double? = nil
        if let weightedSolver {
            weightedSolver.reset(cut: cutPercent, floors: [Double?](repeating: nil, count: scenario.services.count), weightedFloor: nil)
            let layout = weightedSolver.layout
            for (s, column) in layout.levelColumns.enumerated() {
                let service = scenario.services[s]
                weightedSolver.setCost(column, to: -service.weight * service.reference / layout.scale)
            }
            // The line's solution moved to the cut, when it is the optimum there.
            let followed = lines.next(atCut: cutPercent, kinkInterval: slopeTracker?.kinkInterval ?? -1)
                .map { (line: $0, read: $0.solution(atCut: cutPercent)) }
                .flatMap { weightedSolver.isOptimalBasicSolution($0.read) ? $0 : nil }
            let weightedOptimum: Solution
            if let followed {
                weightedOptimum = followed.read
            } else {
                weightedOptimum = try weightedSolver.solveStage(0, cold: cold, cut: cutPercent, observer: solveObserver)
            }
            if weightedOptimum.status == .infeasible { return .infeasible }
            let best = -weightedOptimum.objective
            if let ruleTrace, let program = weightedSolver.lastProgram { ruleTrace.stageSolved(program, weightedOptimum) }
            ruleTrace?.decided(best < 0 ? -1 : 1)
            weightedFloor = best - Self.weightedOptimumTolerance * abs(best)
            if let followed {
                slopeTracker?.weightedOptimumFollowed(followed.line, layout: layout, optimum: best, tolerance: Self.weightedOptimumTolerance)
                lines.stageRead(followed.line)
            } else {
                slopeTracker?.weightedOptimumSolved(by: weightedSolver, optimum: best, tolerance: Self.weightedOptimumTolerance)
                lines.stageSolved(weightedOptimum, atCut: cutPercent, choices: [best < 0 ? -1 : 1], fixed: [], tracker: slopeTracker)
            }
            evidenceRecorder?.stageSolved(by: weightedSolver, solution: weightedOptimum, tier: nil, shortfall: best, fixed: [])
        }

        var floors = [Double?](repeating: nil, count: scenario.services.count)
        var fixedServices: [Int] = []
        var isFixed = [Bool](repeating: false, count: scenario.services.count)
        var solution: Solution? = nil
        var reader: PooledStageProgram? = nil
        for (tierIndex, tier) in schedule.tiers.enumerated() where tierIndex <= lastTier {
            let stageSolver = tierSolvers[tierIndex]
            let layout = stageSolver.layout
            stageSolver.reset(cut: cutPercent, floors: floors, weightedFloor: weightedFloor)
            stageSolver.setCost(layout.shortfallColumn, to: 1)
            var unfixed = tier
            for s in unfixed { stageSolver.setRowBounds(layout.tierRows[s]!, lower: layout.measure.target(s), upper: .infinity) }
            var stage = 0
            // Fixes `fixed` at their levels at `shortfall`, clamped to their bounds, for the
            // stages after.
            func fix(_ fixed: [Int], atShortfall shortfall: Double) {
                for s in fixed {
                    let bounds = layout.levelBounds(s)
                    let held = min(bounds.upper, max(bounds.lower, layout.measure.level(s, atShortfall: shortfall)))
                    floors[s] = held
                    stageSolver.setColumnBounds(layout.levelColumns[s], lower: held, upper: bounds.upper)
                    stageSolver.setRowBounds(layout.tierRows[s]!, lower: -.infinity, upper: .infinity)
                    fixedServices.append(s)
                    isFixed[s] = true
                }
                unfixed.removeAll { isFixed[$0] }
            }
            while !unfixed.isEmpty {
                if let line = lines.next(atCut: cutPercent, kinkInterval: slopeTracker?.kinkInterval ?? -1) {
                    // The line's solution moved to the cut, when it is the stage's optimum there
                    // and fixes the same services; otherwise the stage is solved.
                    let read = line.solution(atCut: cutPercent)
                    if stageSolver.isOptimalBasicSolution(read),
                       Self.fixings(of: read, unfixed: unfixed, layout: layout).map({ unfixed[$0] }) == line.fixed {
                        stage += 1
                        let shortfall = read.columnValues[layout.shortfallColumn]
                        slopeTracker?.tierStageFollowed(line, layout: layout)
                        slopeTracker?.stageFixed(
                            unfixed, fixing: line.fixed, atShortfall: shortfall, capTolerance: Self.fixingShortfallTolerance, layout: layout)
                        lines.stageRead(line)
                        solution = read
                        reader = layout
                        fix(line.fixed, atShortfall: shortfall)
                        continue
                    }
                }
                var stageSolution = try stageSolver.solveStage(stage, cold: cold, cut: cutPercent, observer: solveObserver)
                stage += 1
                let isFirstStage = tierIndex == 0 && unfixed.count == tier.count && scenario.objective == .tiers
                if stageSolution.status == .infeasible && isFirstStage {
                    return .infeasible
                }
                if stageSolution.status == .infeasible && relaxingFloors {
                    // The cut is feasible (an earlier stage solved it), so this is rounding: floors
                    // fixed from a point within tolerance of a limit. Relax them a little and retry.
                    ruleTrace?.floorsRelaxed()
                    for s in fixedServices {
                        let relaxed = max(layout.levelBounds(s).lower, (floors[s] ?? 0) - Self.retryRelaxation)
                        floors[s] = relaxed
                        slopeTracker?.floorRelaxed(s, to: relaxed, lowest: layout.levelBounds(s).lower)
                        stageSolver.setColumnBounds(layout.levelColumns[s], lower: relaxed, upper: layout.levelBounds(s).upper)
                    }
                    stageSolution = try stageSolver.solveStage(stage, cold: cold, cut: cutPercent, observer: solveObserver)
                    stage += 1
                }
                guard stageSolution.status == .optimal else {
                    throw AllocationError(cutPercent: cutPercent, reason: "a later stage of the tiers rule became infeasible")
                }
                slopeTracker?.tierStageSolved(by: stageSolver)
                if let ruleTrace, let program = stageSolver.lastProgram { ruleTrace.stageSolved(program, stageSolution) }
                solution = stageSolution
                reader = layout
                let shortfall = stageSolution.columnValues[layout.shortfallColumn]
                let duals = unfixed.map { stageSolution.rowDuals[layout.tierRows[$0]!] }
                var fixing = Self.fixings(of: stageSolution, unfixed: unfixed, layout: layout)
                if fixing.isEmpty, let strongest = duals.indices.max(by: { duals[$0] < duals[$1] }) {
                    fixing = [strongest]
                    // A fixing no dual proves is no ground for `LimitEvidence`, nor for `RuleDecisions`.
                    evidenceRecorder?.abandon()
                    slopeTracker?.fixedWithoutProof()
                    lines.stopRecording()
                }
                if let ruleTrace { Self.trace(ruleTrace, unfixed: unfixed, duals: duals, fixing: fixing, shortfall: shortfall, layout: layout) }
                let fixed = fixing.map { unfixed[$0] }
                evidenceRecorder?.stageSolved(by: stageSolver, solution: stageSolution, tier: tierIndex, shortfall: shortfall, fixed: fixed)
                slopeTracker?.stageFixed(unfixed, fixing: fixed, atShortfall: shortfall, capTolerance: Self.fixingShortfallTolerance, layout: layout)
                lines.stageSolved(stageSolution, atCut: cutPercent, choices: slopeTracker?.stageChoices ?? [], fixed: fixed, tracker: slopeTracker)
                fix(fixed, atShortfall: shortfall)
            }
        }
        guard let final = solution, let reader else {
            throw AllocationError(cutPercent: cutPercent, reason: "the scenario has no services to allocate")
        }
        slopeTracker?.finalSolution = (cutPercent, final)
        if let recorded = lines.recorded { stageLines = recorded }
        return .feasible(AllocationReading(layout: reader, solution: final, cut: cutPercent))
    }

    /// The positions in `unfixed` of the services a stage of the tiers rule with optimal
    /// solution `solution` fixes. A positive dual proves s's shortfall cannot go below the
    /// stage's; so does a cap that already holds it there (common when a whole tier is uncut:
    /// the duals of such a degenerate stage would otherwise fix one service per solve).
    private static func fixings(of solution: Solution, unfixed: [Int], layout: PooledStageProgram) -> [Int] {
        let shortfall = solution.columnValues[layout.shortfallColumn]
        return unfixed.indices.filter { position in
            let s = unfixed[position]
            return solution.rowDuals[layout.tierRows[s]!] > fixingDualTolerance
                || layout.measure.shortfall(s, atLevel: layout.levelBounds(s).upper) >= shortfall - fixingShortfallTolerance
        }
    }

    /// Records in `trace` what a stage of the tiers rule decided: for each service it tested,
    /// whether its dual and its cap would fix it; each service it fixes, with its level at
    /// `shortfall` and its bounds.
    private static func trace(
        _ trace: RuleTrace, unfixed: [Int], duals: [Double], fixing: [Int], shortfall: Double, layout: PooledStageProgram
    ) {
        for (position, s) in unfixed.enumerated() {
            let byDual = duals[position] > fixingDualTolerance
            let byCap = layout.measure.shortfall(s, atLevel: layout.levelBounds(s).upper) >= shortfall - fixingShortfallTolerance
            trace.decided((byDual ? 2 : 0) + (byCap ? 1 : 0))
        }
        for position in fixing {
            let s = unfixed[position], bounds = layout.levelBounds(s)
            trace.fixed(s, level: layout.measure.level(s, atShortfall: shortfall), lower: bounds.lower, upper: bounds.upper)
        }
    }

    /// The largest cut in `[0, 100)` at which the scenario is feasible (SCENARIO-SPEC section 6):
    /// `100` when every such cut is feasible, `nil` when even a 0% cut is not. Solved once,
    /// then remembered.
    public func maximumFeasibleCut() throws(AllocationError) -> Double? {
        if case .some(let known) = computedMaximumCut { return known }
        let maximum: Double?
        if let closing {
            maximum = try closing.maximumFeasibleCut(for: self)
        } else {
            maximum = try MaximumCutProgram(scenario: scenario).solve(options: options, observer: solveObserver)
        }
        computedMaximumCut = .some(maximum)
        return maximum
    }

    private var computedMaximumCut: Double?? = .none

    /// How far past a maximum feasible cut, in percentage points, a cut is still solved rather
    /// than called infeasible. The maximum is an LP optimum in floating point: a cut that
    /// differs from it in the last bits of a double (a cut typed as the maximum's figures, or
    /// a boundary a report computes from it) is that maximum, and its stage LPs meet it
    /// within their tolerance.
    static let maximumCutSlack = 1e-9

    /// Whether `cut` lies past `maximum`, a maximum feasible cut, by more than `maximumCutSlack`.
    static func lies(_ cut: Double, beyond maximum: Double) -> Bool {
        cut > maximum + maximumCutSlack
    }

    /// The maximum feasible cut when it bounds the feasible cuts from above; nil when it does
    /// not (every cut below 100 is feasible, or even 0% is infeasible, so the cuts that are
    /// feasible need not start at 0).
    private func knownMaximumCut() throws(AllocationError) -> Double? {
        try maximumFeasibleCut().flatMap { $0 < 100 ? $0 : nil }
    }

    // MARK: - Results

    private func feasibleResult(
        _ cut: Double, reading allocations: AllocationReading, evidence: LimitEvidence?
    ) throws(AllocationError) -> CutResult {
        let bindings = try BindingClassifier(
            scenario: scenario, schedule: schedule, reading: allocations, cut: cut, evidence: evidence,
            counterfactual: { (limit, tier) throws(AllocationError) in try self.amounts(atCut: cut, without: limit, throughTier: tier) }
        ).bindings()
        let services = scenario.services.indices.map { s in
            ServiceAllocation(
                serviceID: scenario.services[s].id, baseline: scenario.services[s].baseline,
                allocation: allocations.amounts[s], binding: bindings[s])
        }
        let unallocated = UnallocatedFund.funds(
            of: scenario, atCut: cut, allocations: allocations.amounts, split: allocations.fundSplit,
            tolerance: 10 * options.primalFeasibilityTolerance * scenario.moneyScale)
        var result = CutResult(
            cutPercent: cut, envelope: scenario.envelope(afterCut: cut), status: .optimal,
            services: services, fundSplit: allocations.fundSplit, unallocatedByFund: unallocated)
        result.areas = AreaResult.results(of: scenario, atCut: cut, split: allocations.fundSplit)
        return result
    }

    /// The allocation at a cut of the same rule without `limit`, final for the tiers through
    /// index `lastTier`, from an allocator kept per limit so that consecutive cuts re-solve warm.
    private func amounts(atCut cut: Double, without limit: RemovedLimit, throughTier lastTier: Int) throws(AllocationError) -> [Double] {
        let allocator = counterfactuals[limit] ?? Allocator(scenario: scenario.removing(limit), options: options)
        counterfactuals[limit] = allocator
        allocator.solveObserver = solveObserver
        allocator.followsPieces = followsPieces
        guard let amounts = try allocator.amounts(atCut: cut, throughTier: lastTier) else {
            throw AllocationError(cutPercent: cut, reason: "the cut became infeasible when a limit was removed to test what binds")
        }
        return amounts
    }

    private func infeasibleResult(_ cut: Double) throws(AllocationError) -> CutResult {
        let finding = try deficitFinder.find(atCut: cut)
        // D(c) = 0 means feasible: a deficit LP that finds no deficit at a cut the allocation
        // rule or the maximum cut call infeasible has met a difference below its tolerance.
        if let deficit = finding.deficit, !(deficit > 0) {
            throw AllocationError(
                cutPercent: cut,
                reason: "the cut is within the solver's tolerance of the maximum feasible cut, too close to tell whether it is feasible")
        }
        var result = CutResult(
            cutPercent: cut, envelope: scenario.envelope(afterCut: cut), status: .infeasible,
            services: [], deficit: finding.deficit, hopeless: finding.hopeless,
            conflict: finding.conflict)
        if findsFallbacks {
            do {
                let found = try FallbackFinder(scenario: scenario, options: options, observer: solveObserver).traced(atCut: cut)
                result.fallback = found.outcome
                lastFallbackTrace = found.trace
            } catch {
                result.fallback = .undecided(error.reason)
            }
        }
        return result
    }
}
