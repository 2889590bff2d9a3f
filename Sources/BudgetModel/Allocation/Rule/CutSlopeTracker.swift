import LinearProgramming

/// Follows the stages of the allocation rule at one cut with the slope, per percentage point
/// of cut, of everything they compute, and the interval of cuts around it in which those
/// slopes hold.
///
/// Each stage LP's bounds are linear in the cut as long as the stages before it keep their
/// bases: the pool and group rows directly (`PooledStageProgram.cutRowSlopes`), a floor fixed at
/// the clamped level at its stage's shortfall `t` (`clamp(1 - t)` for relative shortfalls,
/// `TierRowMeasure.level` for any measure) with the slope of that level (zero while the
/// clamp holds it), the weighted floor with the slope of the weighted optimum. From those the
/// tracker builds each stage's `BoundDirection` and asks the stage's solver for the
/// `ParametricRange` of its optimal basis. The duals that fix services do not move with the
/// bounds, so the fixings stay the same while every basis stays feasible, and while no stage's shortfall
/// crosses the cap test or the clamp of a fixing: inside the interval all of that holds,
/// and the allocation is linear with the slopes of the last stage.
final class CutSlopeTracker {
    /// The slope of each service's floor, in level per point; nil while it has none.
    private var floorSlopes: [Double?]
    /// The slope of the weighted floor, once the weighted optimum is known.
    private var weightedFloorSlope: Double?
    /// The slope of the last stage's shortfall.
    private var shortfallSlope = 0.0
    /// The last stage's rates and layout.
    private var latest: (range: ParametricRange, layout: PooledStageProgram)?
    /// The solution of the rule's last stage, once the allocator has run it.
    var finalSolution: (cutPercent: Double, solution: Solution)?
    /// The interval, in points either side of the cut, in which every stage so far keeps its
    /// basis and its fixings.
    private var limits = StepLimits(rateTolerance: CutSlopeTracker.rateTolerance)
    /// The interval, in points either side of the cut, in which the last stage keeps its basis
    /// and its fixings while the stages before it decide as they did at the cut.
    private var stageLimits = StepLimits(rateTolerance: CutSlopeTracker.rateTolerance)
    /// What the last stage decided (its part of `RuleDecisions`: the services it fixed, -2 and
    /// the sides of its tests); empty until it has fixed anyone.
    private(set) var stageChoices: [Int] = []
    /// What the rule decided so far at the cut, and each stage's objective rate.
    private var record = RuleDecisions(kinkInterval: 0)
    /// Whether every stage so far was analysed and every fixing proved, with no floor relaxed.
    private var recordHolds = true

    /// Below this a level's rate (per point) counts as zero against the fixed thresholds.
    static let rateTolerance = 1e-12

    init(serviceCount: Int) {
        floorSlopes = [Double?](repeating: nil, count: serviceCount)
    }

    /// The cut being followed.
    private var cut = 0.0

    /// Starts over, for a fresh attempt at `cut`. The funds are linear in the cut only between
    /// the scenario's `kinks`, so the interval ends at the nearest kink on either side.
    func begin(atCut cut: Double, kinks: [Double]) {
        self.cut = cut
        floorSlopes = floorSlopes.map { _ in nil }
        weightedFloorSlope = nil
        shortfallSlope = 0
        latest = nil
        finalSolution = nil
        limits = StepLimits(rateTolerance: Self.rateTolerance)
        stageLimits = StepLimits(rateTolerance: Self.rateTolerance)
        stageChoices = []
        record = RuleDecisions(kinkInterval: kinks.count(where: { $0 <= cut }))
        recordHolds = true
        if let above = kinks.first(where: { $0 > cut }) { limits.limit(forward: above - cut, backward: .infinity) }
        if let below = kinks.last(where: { $0 <= cut }) { limits.limit(forward: .infinity, backward: cut - below) }
    }

    /// How far above the cut the allocation stays linear with `allocationSlopes`, in points.
    var forward: Double { limits.forward }
    /// How far below the cut it does.
    var backward: Double { limits.backward }

    /// The slope of each service's allocation, in money per point, from the last stage;
    /// nil when no stage could be analysed.
    var allocationSlopes: [Double]? {
        guard let (range, layout) = latest else { return nil }
        return layout.scenario.services.indices.map { s in
            range.columnRates[layout.levelColumns[s]] * layout.scenario.services[s].reference
        }
    }

    /// What the rule decided at the cut and how fast each stage's optimum moved: nil when some
    /// stage could not be analysed, a fixing had no proof or fixed floors were relaxed.
    var decisions: RuleDecisions? { recordHolds && latest != nil ? record : nil }

    /// The last stage's solution and the line its columns follow in the cut, when every stage
    /// could be analysed.
    var stagePiece: StagePiece? {
        guard let (range, layout) = latest, let finalSolution, limits.forward > 0 || limits.backward > 0 else { return nil }
        return StagePiece(
            cut: finalSolution.cutPercent, solution: finalSolution.solution, rates: range.columnRates, layout: layout,
            forward: limits.forward, backward: limits.backward)
    }

    /// The weighted optimum `best` was solved by `solver`; the weighted floor is `best`
    /// less a relative `tolerance`.
    func weightedOptimumSolved(by solver: TierStageSolver, optimum best: Double, tolerance: Double) {
        guard let range = analyse(solver) else { return }
        weightedOptimumMoves(at: range, optimum: best, tolerance: tolerance)
    }

    /// The weighted optimum `best` was read off `line` (`StageLine`) at the cut instead of solved.
    func weightedOptimumFollowed(_ line: StageLine, layout: PooledStageProgram, optimum best: Double, tolerance: Double) {
        let range = line.range(atCut: cut)
        adopt(range, layout: layout)
        weightedOptimumMoves(at: range, optimum: best, tolerance: tolerance)
    }

    private func weightedOptimumMoves(at range: ParametricRange, optimum best: Double, tolerance: Double) {
        let bestSlope = -range.objectiveRate
        weightedFloorSlope = bestSlope * (1 - tolerance * (best < 0 ? -1 : 1))
    }

    /// A stage of the tiers rule was solved by `solver`.
    func tierStageSolved(by solver: TierStageSolver) {
        guard let range = analyse(solver) else { return }
        shortfallSlope = range.columnRates[solver.layout.shortfallColumn]
    }

    /// A stage of the tiers rule was read off `line` (`StageLine`) at the cut instead of solved:
    /// its basis and rates are those of the line, its distances to the ends of the basis's
    /// range measured from the cut. What it fixes follows (`stageFixed`), as for a solved stage.
    func tierStageFollowed(_ line: StageLine, layout: PooledStageProgram) {
        let range = line.range(atCut: cut)
        adopt(range, layout: layout)
        shortfallSlope = range.columnRates[layout.shortfallColumn]
    }

    /// The parametric analysis of the last stage, when it could be analysed.
    var latestRange: ParametricRange? { latest?.range }

    /// The cuts on which the last stage keeps its basis and its fixings while the stages
    /// before it decide as they did at the cut (the same services fixed, on the same sides of
    /// their tests, at the same objective rates).
    var stageHeld: ClosedRange<Double> { (cut - stageLimits.backward)...(cut + stageLimits.forward) }

    /// The scenario's kinks at or below the cut (`RuleDecisions.kinkInterval`).
    var kinkInterval: Int { record.kinkInterval }

    /// The stage just analysed cut `unfixed` equally to shortfall `shortfall` and fixes `fixing`:
    /// a service's cap fixes it while its shortfall at the cap is at least
    /// `shortfall - capTolerance`, which must not change for anyone in the interval; each fixed
    /// floor follows the level at `shortfall`, clamped to the service's bounds.
    func stageFixed(_ unfixed: [Int], fixing: [Int], atShortfall shortfall: Double, capTolerance: Double, layout: PooledStageProgram) {
        let measure = layout.measure
        var sides: [Int] = []
        sides.reserveCapacity(unfixed.count + fixing.count)
        for s in unfixed {
            let threshold = measure.shortfall(s, atLevel: layout.levelBounds(s).upper) + capTolerance
            guard threshold.isFinite else {
                sides.append(2)
                continue
            }
            if shortfall <= threshold {
                limitStage(value: shortfall, rate: shortfallSlope, lower: -.infinity, upper: threshold)
            } else {
                limitStage(value: shortfall, rate: shortfallSlope, lower: threshold, upper: .infinity)
            }
            sides.append(Self.side(of: shortfall, between: -.infinity, and: threshold))
        }
        for s in fixing {
            let bounds = layout.levelBounds(s)
            let free = measure.level(s, atShortfall: shortfall)
            let rate = measure.levelRate(s) * shortfallSlope
            if free >= bounds.upper {
                limitStage(value: free, rate: rate, lower: bounds.upper, upper: .infinity)
                floorSlopes[s] = 0
            } else if free <= bounds.lower {
                limitStage(value: free, rate: rate, lower: -.infinity, upper: bounds.lower)
                floorSlopes[s] = 0
            } else {
                limitStage(value: free, rate: rate, lower: bounds.lower, upper: bounds.upper)
                floorSlopes[s] = rate
            }
            sides.append(Self.side(of: free, between: bounds.lower, and: bounds.upper))
        }
        stageChoices = fixing + [-2] + sides
        record.stageDecided(stageChoices)
    }

    /// Narrows both the interval and the last stage's own by a value of the stage.
    private func limitStage(value: Double, rate: Double, lower: Double, upper: Double) {
        limits.limit(value: value, rate: rate, lower: lower, upper: upper)
        stageLimits.limit(value: value, rate: rate, lower: lower, upper: upper)
    }

    /// Which side of `[lower, upper]` `value` lies on, for `RuleDecisions`: within
    /// `sideTolerance` of a bound (3 at the lower, 4 at the upper), else below (0), inside (1)
    /// or above (2). A value affine in the cut with the same side at two cuts keeps it in
    /// between; one within the tolerance of a bound at both stays within it, where clamping to
    /// the bound or not moves a level by no more than the tolerance.
    static func side(of value: Double, between lower: Double, and upper: Double) -> Int {
        if abs(value - lower) <= sideTolerance { return 3 }
        if abs(value - upper) <= sideTolerance { return 4 }
        return value < lower ? 0 : (value > upper ? 2 : 1)
    }

    /// How close (in levels or shortfalls, fractions of a reference amount) a value must be to a
    /// threshold for `side(of:between:and:)` to call it on it.
    static let sideTolerance = 1e-9

    /// Service `s`'s floor was relaxed to `floor`, no lower than its minimum level `lowest`.
    func floorRelaxed(_ s: Int, to floor: Double, lowest: Double) {
        if floor <= lowest { floorSlopes[s] = 0 }
        recordHolds = false
    }

    /// A stage fixed a service that no dual proved fixed.
    func fixedWithoutProof() {
        recordHolds = false
    }

    /// Analyses the basis `solver` just found along the direction the cut moves its bounds in,
    /// narrowing the interval; an unavailable analysis narrows it to the cut alone.
    private func analyse(_ solver: TierStageSolver) -> ParametricRange? {
        let direction = solver.layout.boundDirection(
            cutRowSlopes: solver.cutRowSlopes(atCut: cut), floorSlopes: floorSlopes, weightedFloorSlope: weightedFloorSlope ?? 0)
        guard let range = solver.parametricRange(along: direction) else {
            limits.limit(forward: 0, backward: 0)
            latest = nil
            recordHolds = false
            return nil
        }
        adopt(range, layout: solver.layout)
        return range
    }

    /// Narrows the interval to where the stage analysed as `range` keeps its basis, and records
    /// its objective rate.
    private func adopt(_ range: ParametricRange, layout: PooledStageProgram) {
        limits.limit(forward: range.forward, backward: range.backward)
        stageLimits = StepLimits(rateTolerance: Self.rateTolerance)
        stageLimits.limit(forward: range.forward, backward: range.backward)
        stageChoices = []
        record.stageSolved(rate: range.objectiveRate)
        latest = (range, layout)
    }
}

extension PooledStageProgram {
    /// How the bounds of this programme move per point of cut just above a cut whose cut rows
    /// move at `cutRowSlopes` (`cutRowSlopes(atCut:)`), with the floors (levels) moving at
    /// `floorSlopes` (nil: no floor) and the weighted row's lower bound at `weightedFloorSlope`.
    func boundDirection(
        cutRowSlopes: [(row: Int, slopes: (lower: Double, upper: Double))], floorSlopes: [Double?], weightedFloorSlope: Double
    ) -> BoundDirection {
        var direction = BoundDirection(columnCount: program.columnCount, rowCount: program.rowCount)
        for entry in cutRowSlopes {
            direction.rowLower[entry.row] = entry.slopes.lower
            direction.rowUpper[entry.row] = entry.slopes.upper
        }
        for (s, slope) in floorSlopes.enumerated() {
            direction.columnLower[levelColumns[s]] = slope ?? 0
        }
        direction.rowLower[weightedRow] = weightedFloorSlope
        return direction
    }
}
