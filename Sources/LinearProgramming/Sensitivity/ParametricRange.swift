/// How the bounds of a programme move with a parameter `θ`: the derivative of every bound
/// per unit of `θ`, in the programme's own units (zero for a bound that does not move or
/// is infinite).
public struct BoundDirection: Sendable, Equatable {
    /// `d columnLower[j] / dθ`.
    public var columnLower: [Double]
    /// `d columnUpper[j] / dθ`.
    public var columnUpper: [Double]
    /// `d rowLower[i] / dθ`.
    public var rowLower: [Double]
    /// `d rowUpper[i] / dθ`.
    public var rowUpper: [Double]

    /// A direction in which no bound of a programme of this shape moves.
    public init(columnCount: Int, rowCount: Int) {
        columnLower = [Double](repeating: 0, count: columnCount)
        columnUpper = columnLower
        rowLower = [Double](repeating: 0, count: rowCount)
        rowUpper = rowLower
    }
}

/// Parametric right-hand-side analysis of an optimal basis: with the bounds at
/// `b + θ Δb` and the basis kept, every primal value is linear in `θ`, and the basis stays
/// primal feasible (so, with the costs unchanged, optimal) for `-backward <= θ <= forward`.
///
/// Non-basic variables move with the bound they sit at; the basic ones by `B⁻¹` times the
/// change of the non-basic ones' contribution (one FTRAN). At `θ = forward` some basic
/// variable meets a bound (or a non-basic variable's bounds meet): the next basis of the
/// parametric method differs there, and the values' slopes may change.
public struct ParametricRange: Sendable, Equatable {
    /// `d x_j / dθ` for every column.
    public var columnRates: [Double]
    /// `d (a_i x) / dθ` for every row.
    public var rowRates: [Double]
    /// The rate of change of the objective (in the programme's own sense).
    public var objectiveRate: Double
    /// The largest `θ >= 0` for which the basis stays primal feasible (`infinity` without limit).
    public var forward: Double
    /// The largest distance `θ` can move below zero with the basis primal feasible.
    public var backward: Double
}
