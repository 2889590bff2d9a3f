import LinearProgramming

/// One stage of a run of the tiers rule with the line its optimal solution follows in the cut,
/// what it decided, and the cuts on which that line holds while the stages before it decide
/// the same.
///
/// A stage's bounds are the cut's pool and group bounds and the floors the stages before it
/// fixed, each the clamped level at that stage's optimal shortfall. While every stage before
/// it fixes the same services, on the same sides of their tests, with an optimum moving at the
/// same rate, those bounds move along one line in the cut (`CutSlopeTracker`), and the stage's
/// optimal basis stays optimal while its basic solution stays feasible (`ParametricRange`). On
/// `held`, where that and the stage's own tests stay as they were, the stage's optimum at a
/// cut `c'` is that basic solution, `solution + rates × (c' - cut)`, with the same duals, so
/// the same fixings: a later run of the rule can read the stage off its line instead of
/// solving it.
///
/// Whether the stages before decide the same need not be known at every cut in between: each
/// stage's optimum is convex in the cut while the stages before it are affine, and an optimal
/// basis's objective rate is a subgradient of it, so the same rate at two cuts makes it affine
/// between them, with the dual solution found at the first optimal throughout
/// (`RuleDecisions`). A stage re-solved with the decisions and rate its line recorded thus
/// leaves the lines of the stages after it valid.
///
/// A run reads a stage only after checking the line's solution moved to its cut against the
/// stage's bounds there: it must be an optimal basic solution of the stage
/// (`TierStageSolver.isOptimalBasicSolution`) that fixes the same services. Rounding near an
/// end of `held`, or a bound that does not move as the line assumes, makes the run solve the
/// stage instead.
struct StageLine {
    /// The cut the stage was solved at.
    let cut: Double
    /// The stage's optimal solution at `cut`.
    let solution: Solution
    /// The parametric analysis of the stage's optimal basis at `cut`, along the direction in
    /// which the cut moves the stage's bounds.
    let range: ParametricRange
    /// The cuts on which the stage keeps its basis and its decisions while the stages before
    /// it decide as they did at `cut` (`CutSlopeTracker.stageHeld`).
    let held: ClosedRange<Double>
    /// What the stage decided at `cut`: the services it fixed and the sides of its tests
    /// (`CutSlopeTracker.stageChoices`), or the sign of the weighted optimum.
    let choices: [Int]
    /// The services the stage fixed, in the order fixed (none for the weighted optimum).
    let fixed: [Int]
    /// The scenario's kinks at or below `cut`: the funds are affine in the cut only between kinks.
    let kinkInterval: Int

    /// Whether a run at cut `c`, in kink interval `kinkInterval`, can read this stage off its
    /// line: `c` lies inside `held`. At an end of `held` the next basis or fixing may already
    /// apply, so the ends are excluded.
    func covers(_ c: Double, kinkInterval: Int) -> Bool {
        kinkInterval == self.kinkInterval && c > held.lowerBound && c < held.upperBound
    }

    /// Whether a solve of the same stage that decided `choices` with objective rate `rate`
    /// decided as this line did, so that the lines of the stages after it stay valid.
    func decidedAs(_ choices: [Int], rate: Double) -> Bool {
        choices == self.choices
            && abs(rate - range.objectiveRate) <= RuleDecisions.rateTolerance * max(1, abs(rate), abs(range.objectiveRate))
    }

    /// The line's solution at cut `c`: every primal value and the objective moved along its
    /// rate; duals, reduced costs and basis as at `cut`. At a cut `covers` accepts it is the
    /// stage's optimal solution there, up to rounding.
    func solution(atCut c: Double) -> Solution {
        let step = c - cut
        var moved = solution
        for j in moved.columnValues.indices { moved.columnValues[j] += range.columnRates[j] * step }
        for i in moved.rowActivities.indices { moved.rowActivities[i] += range.rowRates[i] * step }
        moved.objective += range.objectiveRate * step
        moved.iterations = 0
        return moved
    }

    /// The parametric analysis of the same basis at cut `c`: the same rates, with the distances
    /// to where the basis stops being feasible measured from `c`.
    func range(atCut c: Double) -> ParametricRange {
        var moved = range
        moved.forward = max(0, range.forward - (c - cut))
        moved.backward = max(0, range.backward + (c - cut))
        return moved
    }
}

/// The stage lines of one run of the rule: those the allocator's last run recorded, read stage
/// by stage while each holds at the cut, and this run's, recorded while each is known.
///
/// A stage is read off its known line while every stage before it decided as when that line
/// was found; once a solved stage decides otherwise (other fixings, sides or objective rate),
/// every later stage is solved too.
struct StageLineRun {
    private let known: [StageLine]
    /// Whether the stages so far decided as when the known lines after them were found.
    private var intact: Bool
    private let records: Bool
    private var recording: Bool
    private var lines: [StageLine] = []
    private var index = 0

    /// A run that reads `known` when `reads` and records its own lines when `records`.
    init(known: [StageLine], reads: Bool, records: Bool) {
        self.known = known
        intact = reads
        self.records = records
        recording = records
    }

    /// The line to read the next stage off at cut `c` in kink interval `kinkInterval`, once its
    /// solution there checks out; nil when the stage is to be solved.
    func next(atCut c: Double, kinkInterval: Int) -> StageLine? {
        guard intact, index < known.count, known[index].covers(c, kinkInterval: kinkInterval) else { return nil }
        return known[index]
    }

    /// The stage just run fixed a service without proof: neither its line nor any after it is
    /// recorded, and no later stage is read.
    mutating func stopRecording() {
        recording = false
        intact = false
    }

    /// The stage just run was read off `line` (`next(atCut:kinkInterval:)`): records the line.
    mutating func stageRead(_ line: StageLine) {
        index += 1
        if recording { lines.append(line) }
    }

    /// The stage just run was solved with `solution` at cut `c`, deciding `choices` and fixing
    /// `fixed`: a stage that decided otherwise than the known line of the same stage ends the
    /// reading. Records the stage's line, with the parametric analysis and interval `tracker`
    /// holds for it (none when it could not be analysed, which ends the recording and the
    /// reading).
    mutating func stageSolved(_ solution: Solution, atCut c: Double, choices: [Int], fixed: [Int], tracker: CutSlopeTracker?) {
        defer { index += 1 }
        guard let tracker, let range = tracker.latestRange else {
            stopRecording()
            return
        }
        if intact, !(index < known.count && known[index].decidedAs(choices, rate: range.objectiveRate)) { intact = false }
        if recording {
            lines.append(StageLine(
                cut: c, solution: solution, range: range, held: tracker.stageHeld, choices: choices, fixed: fixed,
                kinkInterval: tracker.kinkInterval))
        }
    }

    /// The lines this run recorded, up to the first stage whose line is unknown; nil when it
    /// records none.
    var recorded: [StageLine]? { records ? lines : nil }
}
