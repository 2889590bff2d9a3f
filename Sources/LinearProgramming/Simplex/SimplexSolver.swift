/// A bounded-variable revised simplex solver holding one LP, its factorised
/// basis and its last solution, so that a modified problem (bounds,
/// right-hand sides, costs) re-solves warm from the last basis.
///
/// Internally the problem is `A x - r = 0` over `n` structural variables `x`
/// (the columns) and `m` logical variables `r` (the row activities), each
/// with its own bounds, in minimisation form and (optionally) scaled. The
/// dual simplex is the workhorse; the primal simplex cleans up after cost
/// changes and proves unboundedness.
///
/// Inconsistent input — a lower bound above its upper bound, or a NaN in the
/// data — ends the solve with `.infeasible` (no ray: none of the documented
/// form exists) or `.numericalFailure` respectively; nothing traps.
///
/// The arrays the iterations index element by element are marked
/// `@exclusivity(unchecked)`: Swift's run-time exclusivity check on every
/// subscript of a class's stored array cost about a fifth of the solve time
/// on small problems. The solver is single-threaded and never passes one of
/// these arrays `inout` while it reads the same array.
public final class SimplexSolver {
    /// The current (possibly modified) problem, in its original units.
    public private(set) var program: LinearProgram
    /// The options this solver was created with; branch and bound (same module) lowers the
    /// iteration and time limits of single solves through `setLimits`.
    private(set) var options: SimplexOptions

    // MARK: Dimensions and the internal (scaled, minimisation) problem

    /// Number of rows `m`.
    let rowCount: Int
    /// Number of columns `n`.
    let columnCount: Int
    /// Whether the matrix and the objective constant, which no setter changes, hold a
    /// non-finite number: checked once here rather than on every solve.
    let fixedDataIsNotFinite: Bool
    /// Column scale factors `C` (internal `x = x_original / C`).
    var columnScale: [Double]
    /// Row scale factors `R` (internal row `i` is `R_i` times the original).
    var rowScale: [Double]
    /// The scaled matrix, column-wise.
    @exclusivity(unchecked) var columnStarts: [Int] = []
    @exclusivity(unchecked) var columnRows: [Int] = []
    @exclusivity(unchecked) var columnValues: [Double] = []
    /// The scaled matrix, row-wise (for the pivot row of the dual).
    @exclusivity(unchecked) var rowStarts: [Int] = []
    @exclusivity(unchecked) var rowColumns: [Int] = []
    @exclusivity(unchecked) var rowValues: [Double] = []
    /// Bounds of all `n + m` variables (structurals first, then logicals).
    @exclusivity(unchecked) var lower: [Double] = []
    @exclusivity(unchecked) var upper: [Double] = []
    /// Per-variable factors on the tolerances so that a violation within
    /// tolerance in scaled units is also within it in original units:
    /// `min(1, 1/C_j)` / `min(1, R_i)` for primal values, `min(1, C_j)` /
    /// `min(1, 1/R_i)` for reduced costs (structurals / logicals).
    @exclusivity(unchecked) var primalToleranceFactor: [Double] = []
    @exclusivity(unchecked) var dualToleranceFactor: [Double] = []
    /// Internal (minimisation, scaled) costs; zero for logicals.
    @exclusivity(unchecked) var cost: [Double] = []
    /// Costs the current phase works with (zero in the feasibility phase).
    @exclusivity(unchecked) var workCost: [Double] = []

    // MARK: The basis and the iterate

    /// Status of each of the `n + m` variables.
    @exclusivity(unchecked) var status: [BasisStatus] = []
    /// The variable in each basis position.
    @exclusivity(unchecked) var head: [Int] = []
    /// Values of all variables.
    @exclusivity(unchecked) var x: [Double] = []
    /// Reduced costs (zero for basic variables).
    @exclusivity(unchecked) var d: [Double] = []
    /// Dual steepest-edge weights, one per basis position.
    @exclusivity(unchecked) var edgeWeights: [Double] = []
    /// The factorised basis.
    @exclusivity(unchecked) var factor = EtaFileFactorization()

    // MARK: State flags

    /// Whether `head`/`status` form a basis installed in the solver.
    var hasBasis = false
    /// Whether the factors no longer match `head`.
    var factorStale = true
    /// Whether `d` must be recomputed (basis or costs changed outside an iteration).
    var dualsStale = true
    /// Whether `edgeWeights` are no longer meaningful (primal pivots happened).
    var edgeWeightsStale = true
    /// Whether `workCost` differs from `cost` (perturbation or shifts).
    var costsPerturbed = false
    /// Whether `perturbCosts` has run since the costs were last restored.
    var perturbationApplied = false
    /// Estimated condition number of the basis last factorised, once
    /// `refactorizationDue` has needed it.
    var factoredBasisCondition: Double?
    /// Iterations of the current solve.
    var iterations = 0
    /// When the current solve started.
    var solveStart = ContinuousClock.now

    // MARK: Work arrays (kept to make iterations allocation-free)

    /// Length-`m` work vectors.
    @exclusivity(unchecked) var rho: [Double] = []
    @exclusivity(unchecked) var alphaColumn: [Double] = []
    @exclusivity(unchecked) var workRows: [Double] = []
    @exclusivity(unchecked) var tau: [Double] = []
    /// Pivot row over all `n + m` variables.
    @exclusivity(unchecked) var alphaRow: [Double] = []
    /// The variables whose `alphaRow` entries the last `computePivotRow` wrote (the only ones
    /// that can be non-zero), each once, in the first `alphaRowCount` places; `alphaRowListed`
    /// marks them. Loops over the pivot row and its clearing visit these, not all `n + m`.
    @exclusivity(unchecked) var alphaRowIndices: [Int] = []
    @exclusivity(unchecked) var alphaRowListed: [Bool] = []
    var alphaRowCount = 0
    /// Candidate lists of the dual ratio test.
    @exclusivity(unchecked) var candidateVariable: [Int] = []
    @exclusivity(unchecked) var candidateAlpha: [Double] = []
    @exclusivity(unchecked) var candidateRatio: [Double] = []
    @exclusivity(unchecked) var candidateRelaxed: [Double] = []
    @exclusivity(unchecked) var candidateOrder: [Int] = []
    @exclusivity(unchecked) var flipped: [Int] = []
    /// Basis matrix in CSC form for refactorisation.
    @exclusivity(unchecked) var basisStarts: [Int] = []
    @exclusivity(unchecked) var basisRows: [Int] = []
    @exclusivity(unchecked) var basisValues: [Double] = []
    /// Original bounds while dual phase 1 works on its auxiliary boxes.
    var savedLower: [Double] = []
    var savedUpper: [Double] = []
    /// Direction of the last proof of infeasibility (`m`, internal units) or unboundedness (`n + m`).
    var farkasInternal: [Double] = []
    var rayInternal: [Double] = []
    /// The Farkas ray in original units, set when the dual simplex proves infeasibility.
    var farkasProof: [Double] = []
    /// Slope left by the last dual ratio test that found no entering variable.
    var residualSlope = 0.0
    /// Variables whose violated bound was moved onto their value because the
    /// infeasibility was too small to prove (see `runDualSimplex`); their
    /// bounds are restored from `program` when the solve ends.
    var shiftedBounds: [Int] = []
    /// Whether dual phase 1 has replaced the bounds by its auxiliary boxes.
    var inDualPhaseOne = false
    /// How many columns and rows of `program` have bounds the method cannot start on (see
    /// `boundsAreUnusable`), kept by the setters so that a solve scans the bounds only when
    /// one of them is.
    var unusableBoundCount = 0
    /// Basis updates from which a phase that ends optimal refactorises before the final
    /// check: 1 (always) for single solves; branch and bound raises it, since its node LPs
    /// end after a few iterations and the check recomputes the values from the factors anyway.
    var phaseEndRefactorizationUpdates = 1
    /// Bases with more rows than this are factorised by the sparse LU, smaller ones by the
    /// dense one (see `EtaFileFactorization`): 50 for single solves, above which the dense
    /// LU's cube and its solves over every entry of the factors cost more than the sparse
    /// one's (on Netlib's bandm, 305 rows, they took two thirds of the solve with 200);
    /// branch and bound sets 0, since its node bases are mostly slack columns, which the
    /// sparse LU peels off as singletons where the dense one pays for the whole cube.
    var sparseFactorizationThreshold: Int {
        get { factor.sparseDimensionThreshold }
        set { factor.sparseDimensionThreshold = newValue }
    }
    /// The basis the last solution reported, handed out again while the statuses are unchanged
    /// (warm re-solves often end where they started): building the two status arrays costs
    /// more than comparing them.
    var reportedBasis: Basis?

    /// Creates a solver for `program`. No numerical work is done until `solve`.
    public init(_ program: LinearProgram, options: SimplexOptions = SimplexOptions()) {
        self.program = program
        self.options = options
        rowCount = program.rowCount
        columnCount = program.columnCount
        fixedDataIsNotFinite = !program.objectiveConstant.isFinite || program.matrix.values.contains { !$0.isFinite }
        columnScale = [Double](repeating: 1, count: program.columnCount)
        rowScale = [Double](repeating: 1, count: program.rowCount)
        unusableBoundCount = zip(program.columnLower, program.columnUpper).filter(Self.boundsAreUnusable).count
            + zip(program.rowLower, program.rowUpper).filter(Self.boundsAreUnusable).count
        loadProgram()
        allocateWorkspace()
    }

    /// Changes the bounds of column `column` (original units). Out-of-range
    /// indices are ignored.
    public func setColumnBounds(_ column: Int, lower newLower: Double, upper newUpper: Double) {
        guard column >= 0 && column < columnCount else { return }
        countUnusableBounds(replacing: (program.columnLower[column], program.columnUpper[column]), with: (newLower, newUpper))
        program.columnLower[column] = newLower
        program.columnUpper[column] = newUpper
        loadBounds(of: column)
    }

    /// Changes the bounds of row `row`'s activity (original units).
    /// Out-of-range indices are ignored.
    public func setRowBounds(_ row: Int, lower newLower: Double, upper newUpper: Double) {
        guard row >= 0 && row < rowCount else { return }
        countUnusableBounds(replacing: (program.rowLower[row], program.rowUpper[row]), with: (newLower, newUpper))
        program.rowLower[row] = newLower
        program.rowUpper[row] = newUpper
        loadBounds(of: columnCount + row)
    }

    /// Whether the simplex method cannot start on these bounds (`boundProblem`).
    static func boundsAreUnusable(_ lower: Double, _ upper: Double) -> Bool { boundProblem(lower, upper) != nil }

    private func countUnusableBounds(replacing old: (Double, Double), with new: (Double, Double)) {
        if Self.boundsAreUnusable(old.0, old.1) { unusableBoundCount -= 1 }
        if Self.boundsAreUnusable(new.0, new.1) { unusableBoundCount += 1 }
    }

    /// Sets the iteration and time limits of the next solves (the other options stay).
    func setLimits(iterations: Int, seconds: Double) {
        options.iterationLimit = iterations
        options.timeLimit = seconds
    }

    /// Changes the objective coefficient of column `column`. Out-of-range
    /// indices are ignored.
    public func setCost(_ column: Int, to newCost: Double) {
        guard column >= 0 && column < columnCount else { return }
        program.costs[column] = newCost
        cost[column] = internalCost(newCost, column: column)
        dualsStale = true
    }

    /// Changes the objective sense.
    public func setSense(_ sense: ObjectiveSense) {
        guard sense != program.sense else { return }
        program.sense = sense
        for j in 0..<columnCount { cost[j] = internalCost(program.costs[j], column: j) }
        dualsStale = true
    }

    /// The internal cost of a column: scaled, negated when maximising.
    func internalCost(_ c: Double, column j: Int) -> Double {
        let scaled = c * columnScale[j]
        return program.sense == .maximize ? -scaled : scaled
    }

    /// Solves from `basis` when given; otherwise warm from the last solve's
    /// final basis; on the first call from a slack basis.
    ///
    /// A given basis of the wrong shape (sizes, or not exactly `rowCount`
    /// basic entries) is ignored in favour of the slack basis.
    public func solve(from basis: Basis? = nil) -> Solution {
        switch run(from: basis) {
        case .success(let outcome): return makeSolution(outcome)
        case .failure(let problem): return trivialSolution(problem)
        }
    }

    /// Solves exactly as `solve(from:)` does (the same iterations, the same final basis and
    /// the same objective to the last bit) but reports only the status and the objective,
    /// building no `Solution`: for callers that re-solve many times and read nothing else.
    public func solveForObjective(from basis: Basis? = nil) -> (status: SolveStatus, objective: Double) {
        switch run(from: basis) {
        case .success(let outcome): return (solveStatus(outcome), program.objectiveValue(at: originalColumnValues()))
        case .failure(let problem): return (trivialStatus(problem), program.objectiveConstant)
        }
    }

    /// The phases of one solve, or what in the input kept them from starting.
    private func run(from basis: Basis?) -> Result<PhaseResult, InputProblem> {
        solveStart = ContinuousClock.now
        iterations = 0
        if let problem = inputProblem() { return .failure(problem) }
        var coldStart = false
        if let basis {
            if !install(basis) {
                installSlackBasis()
                coldStart = true
            }
        } else if !hasBasis {
            installSlackBasis()
            coldStart = true
        }
        let outcome = runPhases(coldStart: coldStart)
        restoreShiftedBounds()
        return .success(outcome)
    }
}

extension LinearProgram {
    /// One cold solve of this programme with the simplex method.
    public func solve(options: SimplexOptions = SimplexOptions()) -> Solution {
        SimplexSolver(self, options: options).solve()
    }
}
