/// How a solve ended.
public enum SolveStatus: String, Sendable, Codable {
    /// An optimal basic solution was found (primal and dual feasible within tolerances).
    case optimal
    /// No point satisfies the constraints; `Solution.farkasRay` proves it.
    case infeasible
    /// The objective improves without limit; `Solution.unboundedRay` proves it.
    case unbounded
    /// The iteration limit was reached before optimality.
    case iterationLimit
    /// The time limit was reached before optimality.
    case timeLimit
    /// The solver could not continue reliably (for example a basis it could not repair).
    case numericalFailure
}

/// Where a variable (column or row slack) sits in a basis.
public enum BasisStatus: UInt8, Sendable, Codable {
    /// In the basis.
    case basic
    /// Non-basic at its lower bound (or fixed).
    case atLower
    /// Non-basic at its upper bound.
    case atUpper
    /// Non-basic free variable held at zero.
    case free
}

/// A simplex basis: one status per column and one per row.
///
/// A row's status describes its *activity* `a_i x`: `atLower` means the row
/// sits at `rowLower`, `atUpper` at `rowUpper`, `basic` that it is between.
/// Exactly `rowCount` entries over both arrays are `.basic` in a valid basis.
public struct Basis: Sendable, Equatable, Codable {
    /// Status of each column.
    public var columns: [BasisStatus]
    /// Status of each row.
    public var rows: [BasisStatus]

    /// A basis from explicit statuses.
    public init(columns: [BasisStatus], rows: [BasisStatus]) {
        self.columns = columns
        self.rows = rows
    }

    /// The slack basis of `program`: every row basic, every column at its lower bound, at its
    /// upper bound when only that is finite, or free. Passing it to `SimplexSolver.solve(from:)`
    /// forces a cold solve, whatever the solver solved before.
    public static func slack(for program: LinearProgram) -> Basis {
        let columns = program.columnLower.indices.map { j -> BasisStatus in
            if program.columnLower[j].isFinite { return .atLower }
            if program.columnUpper[j].isFinite { return .atUpper }
            return .free
        }
        return Basis(columns: columns, rows: [BasisStatus](repeating: .basic, count: program.rowCount))
    }
}

/// The result of a solve.
///
/// Sign conventions (decided once, for minimise and maximise alike): duals
/// are derivatives of the reported objective. `rowDuals[i]` is the rate of
/// change of the optimal objective per unit increase of row `i`'s active
/// bound, and `reducedCosts[j] = costs[j] - (A' rowDuals)[j]`. So for a
/// minimisation, a row at its lower bound has a dual >= 0 and one at its upper
/// bound a dual <= 0; for a maximisation the signs flip. Basic variables have
/// zero reduced cost, basic rows zero dual.
public struct Solution: Sendable {
    /// How the solve ended. The other fields are meaningful as documented per field.
    public var status: SolveStatus
    /// Objective value `c'x + constant` at `columnValues` (optimal when `status == .optimal`).
    public var objective: Double
    /// Primal values, one per column.
    public var columnValues: [Double]
    /// Row activities `A x`, one per row.
    public var rowActivities: [Double]
    /// Row duals (see the type's sign conventions).
    public var rowDuals: [Double]
    /// Reduced costs `c - A'y`, one per column.
    public var reducedCosts: [Double]
    /// The final basis; a warm start for a modified problem.
    public var basis: Basis
    /// Simplex iterations taken (all phases).
    public var iterations: Int
    /// When `status == .infeasible`: row multipliers `y` that prove it.
    /// With `z = A'y`, the bound the rows put on `y'Ax` from below,
    /// `sum_i (y_i > 0 ? y_i * rowLower_i : y_i * rowUpper_i)`, exceeds the
    /// largest value `z'x` can take within the column bounds,
    /// `sum_j (z_j > 0 ? z_j * columnUpper_j : z_j * columnLower_j)`.
    /// Multipliers on infinite bounds are zero.
    public var farkasRay: [Double]?
    /// When `status == .unbounded`: a column direction `d` along which
    /// `columnValues + t d` stays feasible for all `t >= 0` and the objective
    /// improves (decreases when minimising, increases when maximising).
    public var unboundedRay: [Double]?

    /// A solution with every field given.
    public init(
        status: SolveStatus, objective: Double, columnValues: [Double], rowActivities: [Double],
        rowDuals: [Double], reducedCosts: [Double], basis: Basis, iterations: Int,
        farkasRay: [Double]? = nil, unboundedRay: [Double]? = nil
    ) {
        self.status = status
        self.objective = objective
        self.columnValues = columnValues
        self.rowActivities = rowActivities
        self.rowDuals = rowDuals
        self.reducedCosts = reducedCosts
        self.basis = basis
        self.iterations = iterations
        self.farkasRay = farkasRay
        self.unboundedRay = unboundedRay
    }
}
