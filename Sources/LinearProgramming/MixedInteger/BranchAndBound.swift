/// Branch and bound for a `MixedIntegerProgram`, on the project's dual simplex.
///
/// Every node's LP is the root LP with some column bounds tightened, solved warm: a child
/// solved right after its parent continues from the parent's factorised basis (diving), any
/// other node re-installs its parent's final basis. The dual simplex is at its best there: a
/// bound change leaves the parent's basis dual feasible.
///
/// The search:
/// - the nodes solve the programme with its big-M coefficients tightened (see
///   `CoefficientTightening`), which has the same mixed-integer points;
/// - node selection: depth-first diving from each node into the child its pseudo-costs say
///   is cheaper (the up branch on a tie) while no incumbent exists or the child's bound is in
///   the better half between the best open bound and the incumbent; otherwise the open node
///   with the best estimate (its bound plus the pseudo-cost gains of rounding its parent's
///   fractional columns), every tenth selection with an incumbent the one with the best
///   bound (the deeper one on a tie) (SCIP's best-estimate node selection);
/// - branching: reliability branching on pseudo-costs (SCIP's product score); a candidate
///   whose pseudo-costs have fewer than `reliability` observations in a direction is
///   strong-branched (a dual simplex from the node's basis with at most
///   `strongBranchingIterations` iterations per side), and a side strong branching proves
///   infeasible or worse than the incumbent is not created;
/// - integer columns branch on `x <= floor(v)` / `x >= ceil(v)`; a semi-continuous column with
///   a value strictly between 0 and its range's lower end `l` branches on `x = 0` / `x >= l`;
/// - reduced-cost fixing: at the root against every new incumbent (global), at every node
///   for its subtree;
/// - a rounding heuristic at every node (a fractional column is rounded in a direction that
///   no row limits, when it has one), and sub-MIP heuristics (RENS at the root, RINS later):
///   a small search over the programme with part of the integer columns fixed;
/// - when the objective moves in steps over the mixed-integer points (see
///   `MixedIntegerProgram.objectiveStep`), a node whose bound rounds up to the incumbent's
///   step is pruned.
///
/// The search stops optimal when `incumbent - bound <= max(absoluteGap, relativeGap *
/// max(1, |incumbent|))` (minimisation terms), or when every node is settled (see
/// `settles(integralPoint:objective:)`: a node LP point integral within the integrality
/// tolerance settles its node, so the bound can lie below the incumbent by what that rounding
/// is worth), or at the node, time or iteration limit. The
/// incumbent is finally polished by an LP with every integer column fixed at its value (the
/// "final node" LP of `MixedIntegerSolution`), which certifies its continuous part.
public final class BranchAndBound {
    /// The programme being solved.
    public let problem: MixedIntegerProgram
    /// The tolerances and limits of the search.
    public let options: MixedIntegerOptions
    /// The programme whose relaxation the nodes solve and the cuts are derived from:
    /// `problem` with its coefficients tightened (see `CoefficientTightening`), which has the
    /// same mixed-integer points. Incumbents are checked against `problem` itself.
    let relaxation: MixedIntegerProgram

    /// The node LP solver: the relaxation, with the root's cuts as extra rows.
    var solver: SimplexSolver
    let columnCount: Int
    /// `+1` when minimising, `-1` when maximising: the search works in minimisation form.
    let sign: Double
    /// Column bounds valid for the whole tree (the relaxation's, rounded to integers on
    /// integer columns and tightened by root reduced-cost fixing).
    /// The six bound arrays are read element by element at every node; as in
    /// `SimplexSolver`, they skip the run-time exclusivity check (never passed `inout`).
    @exclusivity(unchecked) var globalLower: [Double]
    @exclusivity(unchecked) var globalUpper: [Double]
    /// The column bounds installed in the solver.
    @exclusivity(unchecked) var localLower: [Double]
    @exclusivity(unchecked) var localUpper: [Double]
    /// The node bound changes installed in the solver on top of the global bounds.
    var applied: [BoundChange] = []
    /// Work arrays of `install`.
    @exclusivity(unchecked) var targetLower: [Double]
    @exclusivity(unchecked) var targetUpper: [Double]
    /// Rows that forbid moving each column down (up): the rounding heuristic's locks.
    let downLocks: [Int]
    let upLocks: [Int]
    /// The step of every mixed-integer point's objective and its offset, in minimisation
    /// form (see `MixedIntegerProgram.objectiveStep`).
    let objectiveStep: (step: Double, offset: Double)?
    var pseudoCosts: PseudoCosts

    var queue = NodeQueue()
    var incumbent: [Double]?
    /// The incumbent's objective in minimisation form, `+infinity` without one.
    var incumbentValue = Double.infinity
    var nodes = 0
    var iterations = 0
    /// The smallest bound of a node whose LP could not be solved (its subtree is unexplored).
    var lostBound = Double.infinity
    /// The smallest bound (minimisation form) of a subtree pruned against the incumbent.
    var prunedBound = Double.infinity
    /// The root LP's objective (minimisation form) and reduced costs, for global fixing.
    var rootObjective: Double?
    var rootReducedCosts: [Double] = []
    var rootStatuses: [BasisStatus] = []
    let clock = ContinuousClock()
    var start = ContinuousClock.now
    /// Whether this search runs the sub-MIP heuristics (a sub-MIP's own search does not).
    var runsSubMIPs = true
    /// The node count from which the next sub-MIP heuristic may run, the nodes to wait after
    /// a fruitless one, and the seconds the sub-MIPs have taken.
    var nextSubMIPNode = 0
    var subMIPInterval = 100
    var subMIPSeconds = 0.0

    /// Basis updates from which a node LP refactorises when it ends (see `SimplexSolver`).
    static let phaseEndRefactorizationUpdates = 40

    /// A search over `problem` with `options`. No numerical work is done until `solve`.
    public init(_ problem: MixedIntegerProgram, options: MixedIntegerOptions = MixedIntegerOptions()) {
        self.problem = problem
        self.options = options
        relaxation = CoefficientTightening.tightened(problem)
        let program = relaxation.program
        solver = SimplexSolver(program, options: options.simplex)
        solver.phaseEndRefactorizationUpdates = Self.phaseEndRefactorizationUpdates
        solver.sparseFactorizationThreshold = 0
        columnCount = program.columnCount
        sign = program.sense == .maximize ? -1 : 1
        globalLower = program.columnLower
        globalUpper = program.columnUpper
        localLower = program.columnLower
        localUpper = program.columnUpper
        targetLower = program.columnLower
        targetUpper = program.columnUpper
        (downLocks, upLocks) = Self.locks(of: problem.program)
        let direction: Double = program.sense == .maximize ? -1 : 1
        objectiveStep = problem.objectiveStep.map { ($0.step, direction * $0.offset) }
        pseudoCosts = PseudoCosts(columnCount: program.columnCount)
    }

    /// Rows whose finite bounds stop each column from moving down and up.
    private static func locks(of program: LinearProgram) -> ([Int], [Int]) {
        var down = [Int](repeating: 0, count: program.columnCount)
        var up = [Int](repeating: 0, count: program.columnCount)
        let m = program.matrix
        for j in 0..<program.columnCount {
            for k in m.range(ofColumn: j) where m.values[k] != 0 {
                let i = m.rowIndices[k]
                let lowerFinite = program.rowLower[i] > -.infinity
                let upperFinite = program.rowUpper[i] < .infinity
                if m.values[k] > 0 {
                    if upperFinite { up[j] += 1 }
                    if lowerFinite { down[j] += 1 }
                } else {
                    if lowerFinite { up[j] += 1 }
                    if upperFinite { down[j] += 1 }
                }
            }
        }
        return (down, up)
    }

    /// Seconds since `solve` started.
    var elapsed: Double {
        let d = start.duration(to: clock.now)
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    /// The gap below the incumbent within which a bound proves nothing better exists.
    var gapTolerance: Double {
        max(options.absoluteGap, options.relativeGap * max(1, abs(incumbentValue)))
    }

    /// Whether a subtree with this bound (minimisation form) cannot hold a better point.
    /// A pruned subtree's bound is kept in `prunedBound` (rounded up to the objective's step
    /// when it has one), so that the reported bound is what the search proved.
    func isPrunable(_ bound: Double) -> Bool {
        guard incumbentValue < .infinity else { return false }
        var effective = bound
        if let (step, offset) = objectiveStep {
            effective = max(bound, ((bound - offset) / step - 1e-6).rounded(.up) * step + offset)
        }
        guard effective >= incumbentValue - gapTolerance else { return false }
        prunedBound = min(prunedBound, effective)
        return true
    }

    /// Runs the search.
    public func solve() -> MixedIntegerSolution {
        start = clock.now
        for j in 0..<columnCount where problem.isInteger[j] {
            let l = globalLower[j], u = globalUpper[j]
            let rl = l.isFinite ? (l - options.integralityTolerance).rounded(.up) : l
            let ru = u.isFinite ? (u + options.integralityTolerance).rounded(.down) : u
            if rl > ru { return finish(.infeasible) }
            if rl != l || ru != u { setGlobalBounds(j, lower: rl, upper: ru) }
        }
        addRootCuts()
        var current: BranchNode? = BranchNode(
            bound: -.infinity, estimate: -.infinity, depth: 0, changes: [], basis: nil, branch: nil)
        var warm = true
        var stop: MixedIntegerStatus?
        var selections = 0
        while stop == nil {
            if current == nil {
                while let node = nextOpenNode(selection: &selections) {
                    if isPrunable(node.bound) { continue }
                    current = node
                    warm = false
                    break
                }
            }
            guard let node = current else { break }
            current = nil
            if let limit = limitReached() {
                queue.push(node)
                stop = limit
                break
            }
            guard install(node.changes) else { continue }
            nodes += 1
            switch solveNodeLP(basis: warm ? nil : node.basis) {
            case .stopped(let status):
                queue.push(node)
                stop = status
            case .failed:
                if !branchWithoutCuts(node) { lostBound = min(lostBound, node.bound) }
                warm = false
            case .infeasible:
                warm = true
            case .unbounded:
                if node.depth == 0 { return finish(.unbounded) }
                lostBound = min(lostBound, node.bound)
                warm = false
            case .solved(let lp):
                let outcome = process(node, lp)
                current = outcome.next
                warm = outcome.warm
            }
        }
        return finish(stop)
    }

    /// The open node to search from when a dive ends (SCIP's best-estimate selection): the
    /// one with the best estimate, except every `bestBoundFrequency`-th selection with an
    /// incumbent, which takes the one with the best bound.
    func nextOpenNode(selection: inout Int) -> BranchNode? {
        selection += 1
        if incumbent != nil && selection % Self.bestBoundFrequency == 0 { return queue.popBest() }
        return queue.popBestEstimate()
    }

    /// How often a selection takes the best-bound node (SCIP's `bestnodefreq`).
    static let bestBoundFrequency = 10

    /// The limit that stops the search now, if one does.
    func limitReached() -> MixedIntegerStatus? {
        if nodes >= options.nodeLimit { return .nodeLimit }
        if iterations >= options.iterationLimit { return .iterationLimit }
        if options.timeLimit.isFinite && elapsed >= options.timeLimit { return .timeLimit }
        return nil
    }

    /// Sets a column's global bounds (and the solver's, unless a node change overrides them).
    func setGlobalBounds(_ j: Int, lower: Double, upper: Double) {
        globalLower[j] = lower
        globalUpper[j] = upper
        if !applied.contains(where: { $0.column == j }) {
            localLower[j] = lower
            localUpper[j] = upper
            solver.setColumnBounds(j, lower: lower, upper: upper)
        }
    }

    /// Installs a node's bounds: global bounds intersected with its changes. Returns `false`
    /// when they are empty for some column (the node holds no point).
    func install(_ changes: [BoundChange]) -> Bool {
        for c in applied {
            targetLower[c.column] = globalLower[c.column]
            targetUpper[c.column] = globalUpper[c.column]
        }
        for c in changes {
            targetLower[c.column] = globalLower[c.column]
            targetUpper[c.column] = globalUpper[c.column]
        }
        for c in changes {
            targetLower[c.column] = max(targetLower[c.column], c.lower)
            targetUpper[c.column] = min(targetUpper[c.column], c.upper)
        }
        var empty = false
        for c in applied { empty = apply(c.column) || empty }
        for c in changes { empty = apply(c.column) || empty }
        applied = changes
        return !empty
    }

    /// Puts column `j`'s target bounds into the solver when they differ from its local ones;
    /// returns whether they are empty.
    private func apply(_ j: Int) -> Bool {
        if targetLower[j] != localLower[j] || targetUpper[j] != localUpper[j] {
            localLower[j] = targetLower[j]
            localUpper[j] = targetUpper[j]
            solver.setColumnBounds(j, lower: localLower[j], upper: localUpper[j])
        }
        return targetLower[j] > targetUpper[j]
    }
}
