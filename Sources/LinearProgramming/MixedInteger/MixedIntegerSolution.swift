/// How a branch-and-bound search ended.
public enum MixedIntegerStatus: String, Sendable, Codable {
    /// The incumbent is optimal within the gap tolerances.
    case optimal
    /// No point satisfies the constraints and the integrality (every node was infeasible).
    case infeasible
    /// The continuous relaxation is unbounded (the search does not go on to decide whether
    /// an integer point exists).
    case unbounded
    /// The node limit stopped the search.
    case nodeLimit
    /// The time limit stopped the search.
    case timeLimit
    /// The iteration limit stopped the search.
    case iterationLimit
    /// A node LP failed numerically even from a fresh start, so no bound could be proven.
    case numericalFailure
}

/// The result of a branch-and-bound search.
///
/// Objective values are in the programme's own sense (a maximisation reports its largest
/// value found and an upper bound on it).
public struct MixedIntegerSolution: Sendable {
    /// How the search ended.
    public var status: MixedIntegerStatus
    /// The best integer-feasible point found (the incumbent), one value per column; `nil`
    /// when none was found.
    public var columnValues: [Double]?
    /// The incumbent's objective `c'x + constant`; `nil` when there is no incumbent.
    public var objective: Double?
    /// The proven bound: no integer-feasible point has an objective better than this
    /// (smaller when minimising, larger when maximising). Infinite when nothing is proven
    /// (an infeasible programme has `+infinity` when minimising, `-infinity` when
    /// maximising).
    public var bound: Double
    /// Branch-and-bound nodes solved (the root is one).
    public var nodes: Int
    /// Simplex iterations over every LP of the search (strong branching included).
    public var iterations: Int
    /// The LP of the final node: the programme with every integer column fixed at its
    /// incumbent value and every semi-continuous column held on the piece its incumbent value
    /// lies on. `nil` when there is no incumbent.
    public var finalProgram: LinearProgram?
    /// The optimal solution of `finalProgram`, whose column values are the incumbent.
    public var finalSolution: Solution?

    /// A result with every field given.
    public init(
        status: MixedIntegerStatus, columnValues: [Double]?, objective: Double?, bound: Double,
        nodes: Int, iterations: Int, finalProgram: LinearProgram? = nil, finalSolution: Solution? = nil
    ) {
        self.status = status
        self.columnValues = columnValues
        self.objective = objective
        self.bound = bound
        self.nodes = nodes
        self.iterations = iterations
        self.finalProgram = finalProgram
        self.finalSolution = finalSolution
    }

    /// The relative gap `|objective - bound| / max(1, |objective|)`: 0 when the bound meets
    /// the incumbent; `nil` without an incumbent or a finite bound.
    public var gap: Double? {
        guard let objective, bound.isFinite else { return nil }
        return max(0, abs(objective - bound)) / max(1, abs(objective))
    }
}
