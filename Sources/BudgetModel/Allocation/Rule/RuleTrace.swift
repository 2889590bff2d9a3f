import LinearProgramming

/// An LP's optimum with the dual solution that proves it, and the bounds it was solved with.
///
/// For two LPs that differ only in bounds that move linearly with the cut, solved at cuts
/// `a < b`: if the dual solution found at `a` is optimal at `b` too (`staysOptimal(at:)`), it is
/// optimal at every cut between, and the optimum is linear between. Its dual objective is
/// linear in the cut (each dual times the bound its sign selects, which is linear), a bound on
/// the optimum everywhere by weak duality, and equal to it at both ends; the optimum of a
/// minimisation is convex in the cut (of a maximisation concave), so it cannot leave the line
/// through its two end values between them.
struct DualOptimum {
    /// The programme as solved (its bounds, costs and sense).
    let program: LinearProgram
    /// The optimal row duals and reduced costs.
    let rowDuals: [Double]
    let reducedCosts: [Double]
    /// The optimal objective.
    let objective: Double

    /// The optimum `solution` of `program`.
    init(program: LinearProgram, solution: Solution) {
        self.program = program
        rowDuals = solution.rowDuals
        reducedCosts = solution.reducedCosts
        objective = solution.objective
    }

    /// The dual objective and the optimum agree to this, relative to the optimum (at least 1).
    static let relativeGap = 1e-9
    /// Duals and reduced costs no larger than this count as zero.
    static let negligible = 1e-12

    /// Whether this dual solution is optimal for `other`, the same programme with other bounds:
    /// its dual objective at `other`'s bounds is `other`'s optimum.
    func staysOptimal(at other: DualOptimum) -> Bool {
        let p = other.program
        guard p.sense == program.sense, p.columnCount == reducedCosts.count, p.rowCount == rowDuals.count else { return false }
        let sign: Double = p.sense == .minimize ? 1 : -1
        var value = p.objectiveConstant
        // Each dual's term: the dual times the bound its sign makes active.
        func add(_ g: Double, lower: Double, upper: Double) -> Bool {
            guard abs(g) > Self.negligible else { return true }
            let bound = sign * g > 0 ? lower : upper
            guard bound.isFinite else { return false }
            value += g * bound
            return true
        }
        for j in 0..<p.columnCount where !add(reducedCosts[j], lower: p.columnLower[j], upper: p.columnUpper[j]) { return false }
        for i in 0..<p.rowCount where !add(rowDuals[i], lower: p.rowLower[i], upper: p.rowUpper[i]) { return false }
        return abs(value - other.objective) <= Self.relativeGap * max(1, abs(other.objective))
    }
}

/// What decided the allocation rule at one cut, stage by stage: each stage LP's optimum with
/// its dual solution, which services it fixed with where their floors were clamped, and how
/// every cap test came out. `Allocator` fills it when given one (`Allocator.ruleTrace`).
///
/// Two cuts `a < b` of one scenario whose bounds are linear in the cut on `[a, b]` and whose
/// traces show one piece (`sameLinearPiece`) have a rule that is linear on `[a, b]`. Stage by
/// stage: the stage's right-hand sides are linear (those of the cut, and the floors fixed
/// before, by induction), and the dual solution found at `a` is optimal at `b`, so it is optimal
/// throughout and the stage's optimum is linear (`DualOptimum`). The fixings follow that dual
/// solution, which does not move; a cap test compares a linear function of the cut with a fixed
/// threshold, so one that comes out the same at both ends comes out the same between. A floor
/// is fixed at its level at the stage's shortfall clamped to its bounds, each linear in the cut:
/// where one formula (its lower bound, the level, its upper bound) gives the clamp at both ends,
/// it gives it between, so the floors fixed are linear. The rule's allocation is unique
/// (SCENARIO-SPEC section 4), so a solve between gives the interpolation of the two ends, up
/// to the solver's tolerance.
final class RuleTrace {
    /// One stage LP of the rule.
    struct Stage {
        /// Its optimum.
        var optimum: DualOptimum
        /// What the stage decided from its optimum: per service tested, the outcome of its dual
        /// and cap tests; then the index of each service it fixed.
        var decisions: [Int]
        /// Per service fixed, the formulas that give its clamped floor (`clampFormulas`).
        var clamps: [Int]
    }

    /// A floor at its lower bound, at its level, at its upper bound (bits of `Stage.clamps`).
    static let atLower = 1, atLevel = 2, atUpper = 4
    /// A level within this (relative, at least 1) of a bound is clamped alike by either formula:
    /// the allocation LPs' feasibility tolerance (`Allocator.defaultOptions`), within which a
    /// floor sitting at its bound (as a class of floors does where it gives way) is found.
    static let clampTolerance = 1e-9

    /// The formulas that give `min(upper, max(lower, level))`, within `clampTolerance`.
    static func clampFormulas(level: Double, lower: Double, upper: Double) -> Int {
        let tolerance = clampTolerance * max(1, abs(level))
        var formulas = 0
        if level <= lower + tolerance { formulas |= atLower }
        if level >= lower - tolerance && level <= upper + tolerance { formulas |= atLevel }
        if level >= upper - tolerance { formulas |= atUpper }
        return formulas
    }

    /// The stages of the last run of the rule, in order.
    private(set) var stages: [Stage] = []
    /// False when a stage needed its fixed floors relaxed: such a run follows no linear piece.
    private(set) var isExact = true

    /// Starts a fresh run of the rule.
    func begin() {
        stages.removeAll(keepingCapacity: true)
        isExact = true
    }

    /// A stage was solved to optimality: `solution` of `program`.
    func stageSolved(_ program: LinearProgram, _ solution: Solution) {
        stages.append(Stage(optimum: DualOptimum(program: program, solution: solution), decisions: [], clamps: []))
    }

    /// The last stage solved decided `decision` (a test's outcome, a fixing, a clamp, a sign).
    func decided(_ decision: Int) {
        guard !stages.isEmpty else { return }
        stages[stages.count - 1].decisions.append(decision)
    }

    /// The last stage solved fixed service `s` at its level clamped to its bounds.
    func fixed(_ s: Int, level: Double, lower: Double, upper: Double) {
        guard !stages.isEmpty else { return }
        stages[stages.count - 1].decisions.append(s)
        stages[stages.count - 1].clamps.append(Self.clampFormulas(level: level, lower: lower, upper: upper))
    }

    /// Fixed floors had to be relaxed to reach an answer.
    func floorsRelaxed() { isExact = false }

    /// Whether `self`, the trace at a cut `a`, and `other`, at a cut `b`, show one linear piece
    /// of the rule: both exact, with the same stages deciding the same, each fixed floor
    /// clamped by one formula at both ends, and each stage's dual solution at `a` optimal at `b`.
    func sameLinearPiece(as other: RuleTrace) -> Bool {
        guard isExact, other.isExact, stages.count == other.stages.count, !stages.isEmpty else { return false }
        return zip(stages, other.stages).allSatisfy { x, y in
            x.decisions == y.decisions && x.clamps.count == y.clamps.count
                && zip(x.clamps, y.clamps).allSatisfy { $0 & $1 != 0 }
                && x.optimum.staysOptimal(at: y.optimum)
        }
    }
}
