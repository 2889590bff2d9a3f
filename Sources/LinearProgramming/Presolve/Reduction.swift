/// One row or column entry as a reduction recorded it: the other index and the coefficient.
typealias PresolveEntry = (index: Int, value: Double)

/// One step of presolve, with what postsolve needs to undo it (indices are the original
/// problem's; costs, coefficients and sides are those of the problem as the step found it, in
/// minimisation form).
///
/// Postsolve undoes the steps last first. Each undo turns an optimal primal-dual solution and
/// basis of the problem after the step into one of the problem before it: it gives the
/// removed rows and columns their values, duals and statuses, and adds as many basic entries
/// as it restores rows. The undo rules follow HiGHS's `HighsPostsolveStack`.
enum Reduction: Sendable {
    /// A row whose bounds its columns' bounds can never violate (or an empty row): dual 0, basic.
    case redundantRow(row: Int)

    /// A column held at `value` and taken out; `cost` and `entries` (its live rows) are the
    /// problem's when it was removed. Its status is `status`, or, when `nil` (a column whose
    /// bounds are equal), the bound its reduced cost's sign points to.
    case fixedColumn(column: Int, value: Double, cost: Double, entries: [PresolveEntry], status: BasisStatus?)

    /// A row with one entry, `coefficient` in column `column`, turned into bounds on that
    /// column; the flags say which of the column's bounds the row made tighter.
    case rowSingleton(row: Int, column: Int, coefficient: Double, lowerTightened: Bool, upperTightened: Bool)

    /// A row whose activity can only reach its bound `atUpper ? rowUpper : rowLower` with every
    /// column at one of its bounds; the columns were fixed there (each a `fixedColumn` step
    /// recorded after this one). `entries` are the row's columns.
    case forcingRow(row: Int, atUpper: Bool, entries: [PresolveEntry])

    /// A column whose only entry is `coefficient` in row `row`, and whose bounds the row and
    /// the other columns' bounds imply: it was solved from the row, which holds at `side`
    /// (`rowSide` says which bound that is), and its cost was moved onto the row's other
    /// columns (`entries`).
    case freeColumnSingleton(
        row: Int, column: Int, coefficient: Double, side: Double, rowSide: BasisStatus, cost: Double,
        entries: [PresolveEntry])

    /// An equality `coefficient x_column + substitutedCoefficient x_substituted = side` used
    /// to substitute `x_substituted` out of its other rows (`entries`) and the objective
    /// (`substitutedCost`); the flags say which of `column`'s bounds were tightened so that
    /// the substituted column's bounds hold.
    case doubletonEquation(
        row: Int, column: Int, substituted: Int, coefficient: Double, substitutedCoefficient: Double,
        side: Double, substitutedCost: Double, entries: [PresolveEntry], lowerTightened: Bool,
        upperTightened: Bool)
}
