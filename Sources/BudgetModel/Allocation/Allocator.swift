import LinearProgramming

/// Computes the allocation SCENARIO-SPEC section 4 defines, one cut at a time.
///
/// The allocator keeps one simplex solver for the scenario's programme and
/// re-bounds it for every cut and every stage of the rule, so consecutive cuts
/// start from the bases of the previous cut (a warm start: a few dual pivots
/// instead of a fresh solve). Call `result(atCut:)` in any order; increasing
/// order is the fast one.
public final class Allocator {
    /// The scenario being allocated.
    public let scenario: Scenario
    private var layout: AllocationProgram
    private let schedule: TierSchedule
    private let solver: SimplexSolver
    private let options: SimplexOptions
    /// The final basis of each stage of the previous cut, to start the same stage of the next one.
    private var stageBases: [Basis] = []
    /// Whether the cut being allocated starts every stage from a slack basis.
    private var coldStarts = false
    private lazy var deficitFinder = DeficitFinder(layout: layout, options: options, observer: solveObserver)

    /// Called with the programme and the solution of every LP the allocator solves, when set:
    /// for independent certificate checks in tests and verification runs.
    public var solveObserver: ((LinearProgram, Solution) -> Void)?

    /// Relative tolerance for holding the weighted optimum (SCENARIO-SPEC section 4).
    static let weightedOptimumTolerance = 1e-9
    /// Duals of tier rows above this fix a service at the current shortfall level.
    static let fixingDualTolerance = 1e-9
    /// A service whose cap holds its shortfall within this of the stage's level is fixed at it.
    static let fixingLevelTolerance = 1e-12
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
        layout = AllocationProgram(scenario: scenario)
        schedule = TierSchedule(services: scenario.services)
        solver = SimplexSolver(layout.program, options: options)
    }

    /// The result at a cut of `cutPercent` per cent (`-100 < cutPercent < 100`).
    ///
    /// - Throws: `AllocationError` when the solver cannot reach a trustworthy
    ///   answer (never for an infeasible cut: that is a result).
    public func result(atCut cutPercent: Double) throws(AllocationError) -> CutResult {
        if let maximum = try knownMaximumCut(), cutPercent > maximum + Self.beyondMaximumCutMargin {
            return try infeasibleResult(cutPercent)
        }
        // Warm starts carry rounding from one cut to the next. When a stage fails, redo the
        // whole cut from slack bases, as a first solve would; only if that fails too, let a
        // stage relax the floors fixed before it (which frees a few pence per service).
        do {
            return try allocate(atCut: cutPercent)
        } catch {
            stageBases.removeAll()
        }
        do {
            return try allocate(atCut: cutPercent, cold: true)
        } catch {
            stageBases.removeAll()
        }
        return try allocate(atCut: cutPercent, cold: true, relaxingFloors: true)
    }

    /// The allocation rule at one cut, each stage warm from the previous cut's same stage
    /// unless `cold`; a later stage that comes back infeasible relaxes the fixed floors
    /// when `relaxingFloors`, and fails otherwise.
    private func allocate(
        atCut cutPercent: Double, cold: Bool = false, relaxingFloors: Bool = false
    ) throws(AllocationError) -> CutResult {
        coldStarts = cold
        layout.setCut(cutPercent)
        resetStageBounds()
        var stage = 0
        var solution: Solution? = nil

        if scenario.objective == .weighted {
            for (s, column) in layout.levelColumns.enumerated() {
                let service = scenario.services[s]
                solver.setCost(column, to: -service.weight * service.baseline / layout.scale)
            }
            let weightedOptimum = try solveStage(&stage, cut: cutPercent)
            if weightedOptimum.status == .infeasible { return try infeasibleResult(cutPercent) }
            let best = -weightedOptimum.objective
            solver.setRowBounds(layout.weightedRow, lower: best - Self.weightedOptimumTolerance * abs(best), upper: .infinity)
            for column in layout.levelColumns { solver.setCost(column, to: 0) }
        }

        solver.setCost(layout.shortfallColumn, to: 1)
        var levels = [Double](repeating: 0, count: scenario.services.count)
        var fixedServices: [Int] = []
        for (tierIndex, tier) in schedule.tiers.enumerated() {
            var unfixed = tier
            for s in unfixed { solver.setRowBounds(layout.tierRows[s], lower: 1, upper: .infinity) }
            while !unfixed.isEmpty {
                var stageSolution = try solveStage(&stage, cut: cutPercent)
                let isFirstStage = tierIndex == 0 && unfixed.count == tier.count && scenario.objective == .tiers
                if stageSolution.status == .infeasible && isFirstStage {
                    return try infeasibleResult(cutPercent)
                }
                if stageSolution.status == .infeasible && relaxingFloors {
                    // The cut is feasible (an earlier stage solved it), so this is rounding: floors
                    // fixed from a point within tolerance of a limit. Relax them a little and retry.
                    relaxFixedFloors(of: fixedServices, by: Self.retryRelaxation)
                    stageSolution = try solveStage(&stage, cut: cutPercent)
                }
                guard stageSolution.status == .optimal else {
                    throw AllocationError(cutPercent: cutPercent, reason: "a later stage of the tiers rule became infeasible")
                }
                solution = stageSolution
                let level = stageSolution.columnValues[layout.shortfallColumn]
                let duals = unfixed.map { stageSolution.rowDuals[layout.tierRows[$0]] }
                // A positive dual proves r_s cannot go below the level; so does a cap that
                // already holds r_s at it (common when a whole tier is uncut: the duals of
                // such a degenerate stage would otherwise fix one service per solve).
                var fixing = unfixed.indices.filter { position in
                    let s = unfixed[position]
                    return duals[position] > Self.fixingDualTolerance
                        || 1 - layout.levelBounds(s).upper >= level - Self.fixingLevelTolerance
                }
                if fixing.isEmpty, let strongest = duals.indices.max(by: { duals[$0] < duals[$1] }) {
                    fixing = [strongest]
                }
                for position in fixing {
                    let s = unfixed[position]
                    levels[s] = level
                    fixShortfall(of: s, at: level)
                    fixedServices.append(s)
                }
                let fixedSet = Set(fixing.map { unfixed[$0] })
                unfixed.removeAll { fixedSet.contains($0) }
            }
        }
        solver.setCost(layout.shortfallColumn, to: 0)
        guard let final = solution else {
            throw AllocationError(cutPercent: cutPercent, reason: "the scenario has no services to allocate")
        }
        return feasibleResult(cutPercent, solution: final, levels: levels)
    }

    /// The largest cut in `[0, 100)` at which the scenario is feasible (SCENARIO-SPEC section 6):
    /// `100` when every such cut is feasible, `nil` when even a 0% cut is not.
    public func maximumFeasibleCut() throws(AllocationError) -> Double? {
        try MaximumCutProgram(scenario: scenario).solve(options: options, observer: solveObserver)
    }

    /// Cuts further than this (percentage points) beyond the maximum feasible cut
    /// are infeasible without trying the allocation rule; closer ones are solved.
    static let beyondMaximumCutMargin = 1e-6
    private var cachedMaximumCut: Double?? = .none

    /// The maximum feasible cut, computed once; nil when it is not known to bound anything
    /// (even 0% is infeasible, so the cuts that are feasible need not start at 0).
    private func knownMaximumCut() throws(AllocationError) -> Double? {
        if case .some(let known) = cachedMaximumCut { return known }
        let maximum = try maximumFeasibleCut()
        cachedMaximumCut = .some(maximum.flatMap { $0 < 100 ? $0 : nil })
        return cachedMaximumCut ?? nil
    }

    // MARK: - Stages

    /// Solves the next stage, warm from the same stage of the previous cut when there is one.
    private func solveStage(_ stage: inout Int, cut: Double) throws(AllocationError) -> Solution {
        let warm = coldStarts ? slackBasis() : stage < stageBases.count ? stageBases[stage] : nil
        var solution = solver.solve(from: warm)
        if solution.status != .optimal {
            // A warm basis can mislead a degenerate solve, infeasibility claims included:
            // confirm anything but an optimum with a cold solve before believing it.
            solveObserver?(solver.program, solution)
            solution = solver.solve(from: slackBasis())
        }
        solveObserver?(solver.program, solution)
        guard solution.status == .optimal || solution.status == .infeasible else {
            throw AllocationError(cutPercent: cut, reason: "the LP solver stopped with status \(solution.status.rawValue)")
        }
        if stage < stageBases.count { stageBases[stage] = solution.basis } else { stageBases.append(solution.basis) }
        stage += 1
        return solution
    }

    private func slackBasis() -> Basis {
        let program = solver.program
        let columns = program.columnLower.indices.map { j -> BasisStatus in
            if program.columnLower[j].isFinite { return .atLower }
            if program.columnUpper[j].isFinite { return .atUpper }
            return .free
        }
        return Basis(columns: columns, rows: [BasisStatus](repeating: .basic, count: program.rowCount))
    }

    /// Restores the bounds of a fresh cut: original service bounds, every tier row free,
    /// the weighted row free, zero costs; and the cut's fund and group bounds.
    private func resetStageBounds() {
        for f in layout.fundRows.indices {
            solver.setRowBounds(layout.fundRows[f], lower: -.infinity, upper: layout.program.rowUpper[layout.fundRows[f]])
        }
        for g in layout.groupRows.indices {
            let row = layout.groupRows[g]
            solver.setRowBounds(row, lower: layout.program.rowLower[row], upper: layout.program.rowUpper[row])
        }
        for s in scenario.services.indices {
            let bounds = layout.levelBounds(s)
            solver.setColumnBounds(layout.levelColumns[s], lower: bounds.lower, upper: bounds.upper)
            solver.setRowBounds(layout.tierRows[s], lower: -.infinity, upper: .infinity)
            solver.setCost(layout.levelColumns[s], to: 0)
        }
        solver.setRowBounds(layout.weightedRow, lower: -.infinity, upper: .infinity)
        solver.setCost(layout.shortfallColumn, to: 0)
    }

    /// Holds service `s`'s shortfall at no more than `level` for the stages that follow.
    private func fixShortfall(of s: Int, at level: Double) {
        let bounds = layout.levelBounds(s)
        let held = min(bounds.upper, max(bounds.lower, 1 - level))
        solver.setColumnBounds(layout.levelColumns[s], lower: held, upper: bounds.upper)
        solver.setRowBounds(layout.tierRows[s], lower: -.infinity, upper: .infinity)
    }

    /// Lowers the fixed floors of `services` by `amount` (as a fraction of each baseline),
    /// never below a service's own lower bound.
    private func relaxFixedFloors(of services: [Int], by amount: Double) {
        for s in services {
            let column = layout.levelColumns[s]
            let bounds = layout.levelBounds(s)
            let relaxed = max(bounds.lower, solver.program.columnLower[column] - amount)
            solver.setColumnBounds(column, lower: relaxed, upper: bounds.upper)
        }
    }

    // MARK: - Results

    private func feasibleResult(_ cut: Double, solution: Solution, levels: [Double]) -> CutResult {
        let allocations = AllocationReading(layout: layout, solution: solution)
        let bindings = BindingClassifier(
            scenario: scenario, schedule: schedule, reading: allocations, levels: levels, cut: cut
        ).bindings()
        let services = scenario.services.indices.map { s in
            ServiceAllocation(
                serviceID: scenario.services[s].id, baseline: scenario.services[s].baseline,
                allocation: allocations.amounts[s], binding: bindings[s])
        }
        return CutResult(
            cutPercent: cut, envelope: scenario.envelope(afterCut: cut), status: .optimal,
            services: services, fundSplit: allocations.fundSplit)
    }

    private func infeasibleResult(_ cut: Double) throws(AllocationError) -> CutResult {
        let finding = try deficitFinder.find(atCut: cut)
        return CutResult(
            cutPercent: cut, envelope: scenario.envelope(afterCut: cut), status: .infeasible,
            services: [], deficit: finding.deficit, explanation: finding.explanation,
            conflict: finding.conflict)
    }
}
