/// Which bound of a row a sensitivity figure is about.
public enum RowSide: String, Sendable, Codable {
    /// The row's lower bound (a `>=` row, or an equality).
    case lower
    /// The row's upper bound (a `<=` row).
    case upper
}

/// Cost ranging of one column at an optimal basis, as in Excel Solver's Sensitivity Report.
public struct ColumnSensitivity: Sendable, Equatable {
    /// The column's optimal value.
    public var value: Double
    /// Its reduced cost (the sign convention of `Solution`).
    public var reducedCost: Double
    /// Its objective coefficient.
    public var cost: Double
    /// How far the cost can rise with the basis staying optimal (`infinity` when without limit).
    public var allowableIncrease: Double
    /// How far the cost can fall with the basis staying optimal (`infinity` when without limit).
    public var allowableDecrease: Double
}

/// Right-hand-side ranging of one row at an optimal basis, as in Excel Solver's Sensitivity Report.
public struct RowSensitivity: Sendable, Equatable {
    /// The row's activity `a_i x`.
    public var activity: Double
    /// Its dual, the shadow price of `rightHandSide` (the sign convention of `Solution`).
    public var dual: Double
    /// The bound reported: the one the row sits at, or for a row strictly between its bounds
    /// the finite bound nearer its activity; nil for a free row.
    public var side: RowSide?
    /// That bound's value (nan for a free row).
    public var rightHandSide: Double
    /// How far that bound can rise with the basis staying feasible (so the dual stays valid).
    public var allowableIncrease: Double
    /// How far that bound can fall with the basis staying feasible.
    public var allowableDecrease: Double
}

/// Why ranging could not be computed.
public enum SensitivityError: Error, Sendable, Equatable {
    /// The solution is not optimal: ranging is about an optimal basis.
    case notOptimal(SolveStatus)
    /// The basis does not have one status per column and row with `rowCount` basic entries.
    case malformedBasis
    /// The basis matrix is singular.
    case singularBasis
}
