import BudgetModel

/// One column of amounts rounded to the scenario's unit by the largest-remainder method, so
/// that the rounded parts add up exactly to the rounded total and no part is a whole unit
/// from its exact amount (the rounding of `scenario commit` and `scenario compare` tables).
struct ColumnRounding {
    /// Each part in units, nil where the column has no figure.
    var parts: [Double?]
    /// The total in units.
    var total: Double

    /// Rounds the figures present; the absent stay absent and count for nothing.
    init(_ amounts: [Double?], unit: Double) {
        let present = amounts.compactMap { $0 }
        let rounded = LargestRemainderRounding.round(present, summingTo: present.reduce(0, +), unit: unit)
        var next = rounded.parts.makeIterator()
        parts = amounts.map { $0 == nil ? nil : next.next() }
        total = rounded.total
    }
}
