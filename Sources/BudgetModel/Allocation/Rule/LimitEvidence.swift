import LinearProgramming

/// What the stage solutions of the rule at one cut prove about removing a limit (SCENARIO-SPEC
/// section 10), without solving again.
///
/// The rule is a sequence of stage LPs, each with the floors its earlier stages fixed. Take
/// a limit and the first stage whose dual solution needs it (for a group side, a non-zero
/// dual on that side; for a fence or an area, an added column with a negative reduced cost,
/// `RelaxationColumns`). Every stage before it has an optimal dual solution that stays
/// feasible, with the same objective, without the limit: those stages keep their optima, and
/// the services they fix are still held there by the same duals (complementary slackness) or
/// caps. So removing the limit leaves unchanged every service fixed before that stage.
///
/// At that stage the optimal basis, moved along the relaxation, stays optimal for a step
/// (`ParametricRange`); its shortfall `t` falls by at least that step times its rate, and
/// more without the limit. Every service of the tier not yet fixed ends at a shortfall no
/// higher than the lowered one, so a service whose shortfall was higher than that changes.
/// Anything else is not decided here: the binding test re-solves for it.
struct LimitEvidence {
    /// One stage of the rule.
    struct Stage {
        /// Its tier's index; nil for the weighted optimum.
        var tier: Int?
        /// Its optimal shortfall `t` (programme units).
        var shortfall: Double
    }

    /// A limit's first stage whose dual solution needs it.
    struct Activity {
        /// The stage's index.
        var stage: Int
        /// How much at least that stage's shortfall falls without the limit; nil when not known.
        var decrease: Double?
    }

    /// What the stages say about one limit.
    enum Finding {
        /// No stage needs it.
        case never
        /// The first stage that does.
        case first(Activity)
        /// The stages do not say (a removal that is not a set of added columns).
        case unknown
    }

    /// The stages, in the order solved.
    var stages: [Stage] = []
    /// The stage that fixed each service.
    var stageOfService: [Int?]
    /// Per group, what its minimum and its maximum do.
    var groupMinimum: [Finding]
    var groupMaximum: [Finding]
    /// Per fund with a fence, and per area, what removing it does.
    var fences: [Int: Finding] = [:]
    var areas: [Finding]

    /// The finding for `limit`: for a group at both limits, the earlier of the two.
    func finding(_ limit: RemovedLimit) -> Finding {
        switch limit {
        case .group(let g, let minimum, let maximum):
            let sides = [minimum ? groupMinimum[g] : .never, maximum ? groupMaximum[g] : .never]
            var earliest: Finding = .never
            for side in sides {
                switch (side, earliest) {
                case (.unknown, _): return .unknown
                case (.first(let a), .first(let b)) where a.stage < b.stage: earliest = side
                case (.first, .never): earliest = side
                default: break
                }
            }
            return earliest
        case .ringFence(let f): return fences[f] ?? .unknown
        case .area(let a): return areas[a]
        }
    }

    /// The same evidence with no decreases: what holds at another cut of the same linear piece,
    /// where every stage keeps its basis, its duals and its fixings but the steps differ.
    var withoutDecreases: LimitEvidence {
        var copy = self
        func strip(_ finding: Finding) -> Finding {
            if case .first(var activity) = finding { activity.decrease = nil; return .first(activity) }
            return finding
        }
        copy.groupMinimum = groupMinimum.map(strip)
        copy.groupMaximum = groupMaximum.map(strip)
        copy.fences = fences.mapValues(strip)
        copy.areas = areas.map(strip)
        return copy
    }

    /// What removing `limit` does to service `s` (whose allocation is `amount` and reference
    /// `reference`), as far as the stages prove it: true (it changes by more than `difference`),
    /// false (it does not change), nil (not decided).
    func changes(_ s: Int, without limit: RemovedLimit, measure: TierRowMeasure, reference: Double, difference: Double) -> Bool? {
        guard let fixedAt = stageOfService[s] else { return nil }
        switch finding(limit) {
        case .never: return false
        case .unknown: return nil
        case .first(let activity):
            if activity.stage > fixedAt { return false }
            guard let decrease = activity.decrease, let tier = stages[activity.stage].tier, stages[fixedAt].tier == tier
            else { return nil }
            // s's shortfall was stages[fixedAt].shortfall; without the limit it is at most the
            // active stage's less `decrease`.
            let fall = decrease - (stages[activity.stage].shortfall - stages[fixedAt].shortfall)
            let money = fall * reference * abs(measure.levelRate(s))
            return money > Self.decisiveMargin * difference ? true : nil
        }
    }

    /// A change is taken as proved when its lower bound is this many times the difference that counts.
    static let decisiveMargin = 2.0
}

/// Collects `LimitEvidence` while the allocator runs the rule at one cut.
final class LimitEvidenceRecorder {
    private let scenario: Scenario
    /// The evidence so far; nil once something makes it unusable (floors relaxed, a fixing by
    /// a dual the rule does not trust).
    private(set) var evidence: LimitEvidence?
    /// The added columns of each fence and area removal, per tier programme (by tier index; -1 the
    /// weighted one), computed once.
    private var columnCache: [Int: [RemovedLimit: [RelaxationColumn]?]] = [:]

    /// Duals and reduced costs at most this far from zero count as zero: with the money at most a
    /// few hundred scaled units, they move a shortfall by less than 1e-9 of the money scale.
    static let zeroDual = 1e-12

    init(scenario: Scenario) {
        self.scenario = scenario
    }

    /// Starts over for a fresh attempt at a cut.
    func begin() {
        evidence = LimitEvidence(
            stageOfService: [Int?](repeating: nil, count: scenario.services.count),
            groupMinimum: scenario.groups.map { _ in .never }, groupMaximum: scenario.groups.map { _ in .never },
            fences: Dictionary(uniqueKeysWithValues: scenario.funds.indices.filter { scenario.funds[$0].ringFencedFor != nil }.map { ($0, .never) }),
            areas: scenario.areas.map { _ in .never })
    }

    /// The evidence cannot be used for this cut.
    func abandon() { evidence = nil }

    /// A stage was solved by `solver` (tier index `tier`, nil for the weighted optimum), with
    /// optimal shortfall `shortfall`, fixing `fixed`.
    func stageSolved(by solver: TierStageSolver, solution: Solution, tier: Int?, shortfall: Double, fixed: [Int]) {
        guard var evidence else { return }
        let stage = evidence.stages.count
        evidence.stages.append(LimitEvidence.Stage(tier: tier, shortfall: shortfall))
        for s in fixed { evidence.stageOfService[s] = stage }
        let layout = solver.layout
        let duals = solution.rowDuals
        func activity(_ direction: BoundDirection) -> LimitEvidence.Activity {
            LimitEvidence.Activity(stage: stage, decrease: tier == nil ? nil : Self.decrease(solver.parametricRange(along: direction)))
        }
        for g in scenario.groups.indices {
            let row = layout.groupRows[g]
            let dual = duals[row]
            if case .never = evidence.groupMinimum[g], dual > Self.zeroDual {
                var direction = BoundDirection(columnCount: layout.program.columnCount, rowCount: layout.program.rowCount)
                direction.rowLower[row] = -1
                evidence.groupMinimum[g] = .first(activity(direction))
            }
            if case .never = evidence.groupMaximum[g], dual < -Self.zeroDual {
                var direction = BoundDirection(columnCount: layout.program.columnCount, rowCount: layout.program.rowCount)
                direction.rowUpper[row] = 1
                evidence.groupMaximum[g] = .first(activity(direction))
            }
        }
        func examine(_ limit: RemovedLimit, _ finding: LimitEvidence.Finding) -> LimitEvidence.Finding {
            guard case .never = finding else { return finding }
            guard let columns = columns(removing: limit, tier: tier ?? -1, layout: layout) else { return .unknown }
            var best: (column: RelaxationColumn, reducedCost: Double)? = nil
            for column in columns {
                let reducedCost = -column.entries.reduce(0) { $0 + $1.value * duals[$1.row] }
                if reducedCost < -Self.zeroDual, reducedCost < best?.reducedCost ?? 0 { best = (column, reducedCost) }
            }
            guard let best else { return .never }
            var direction = BoundDirection(columnCount: layout.program.columnCount, rowCount: layout.program.rowCount)
            for (row, value) in best.column.entries {
                direction.rowLower[row] -= value
                direction.rowUpper[row] -= value
            }
            guard tier != nil else { return .first(LimitEvidence.Activity(stage: stage, decrease: nil)) }
            let range = solver.parametricRange(along: direction)
            var found = LimitEvidence.Activity(stage: stage, decrease: Self.decrease(range))
            if let level = best.column.singlePoolLevel, let step = found.decrease {
                found.decrease = Self.guarded(step, level: level, solution: solution, range: range)
            }
            return .first(found)
        }
        for f in evidence.fences.keys.sorted() { evidence.fences[f] = examine(.ringFence(f), evidence.fences[f]!) }
        for a in scenario.areas.indices { evidence.areas[a] = examine(.area(a), evidence.areas[a]) }
        self.evidence = evidence
    }

    /// The added columns of a removal in one tier's programme, once per tier.
    private func columns(removing limit: RemovedLimit, tier: Int, layout: PooledStageProgram) -> [RelaxationColumn]? {
        if let cached = columnCache[tier]?[limit] { return cached }
        let columns = RelaxationColumns.columns(removing: limit, from: scenario, in: layout)
        columnCache[tier, default: [:]][limit] = .some(columns)
        return columns
    }

    /// The least fall of the stage's objective along a relaxation from its parametric range:
    /// the step the basis stays optimal for times the rate; nil without a finite, falling step.
    private static func decrease(_ range: ParametricRange?) -> Double? {
        guard let range, range.forward.isFinite, range.forward > 0, range.objectiveRate < 0 else { return nil }
        return -range.objectiveRate * range.forward
    }

    /// `decrease` cut back to the step at which a draw into a single-pool service would carry
    /// more than the service's money `coefficient * level`.
    private static func guarded(
        _ decrease: Double, level: (column: Int, coefficient: Double), solution: Solution, range: ParametricRange?
    ) -> Double? {
        guard let range, range.objectiveRate < 0 else { return nil }
        let money = level.coefficient * solution.columnValues[level.column]
        let rate = level.coefficient * range.columnRates[level.column] - 1
        let step = rate < 0 ? max(0, money / -rate) : .infinity
        let allowed = min(range.forward, step)
        guard allowed > 0 else { return nil }
        return min(decrease, -range.objectiveRate * allowed)
    }
}
