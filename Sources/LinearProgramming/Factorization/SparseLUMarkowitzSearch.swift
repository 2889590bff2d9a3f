/// The choice of the next pivot: Markowitz ordering with threshold partial
/// pivoting, searching the shortest columns and rows first.
extension SparseLUElimination {
    /// A chosen pivot: its row, its column and its value.
    struct Pivot {
        var row: Int
        var column: Int
        var value: Double
    }

    /// Whether `value` may be a pivot at all: finite and above the absolute tolerance.
    @inline(__always)
    func isUsablePivot(_ value: Double) -> Bool { value.isFinite && abs(value) > absoluteTolerance }

    /// The next pivot, or nil when no active column is left.
    ///
    /// Visits columns with one entry, then rows with one entry, then columns
    /// and rows with two entries, and so on, keeping the entry of least
    /// Markowitz cost `(rowLength - 1) × (columnLength - 1)` among those that
    /// pass the threshold test. Singletons cost nothing and are taken at
    /// once, so the triangular part of a basis is peeled off without any
    /// search. The search stops when no unvisited entry can cost less, or
    /// after `searchLimit` columns and rows once it holds a candidate.
    ///
    /// Columns found to hold only negligible entries are discarded as
    /// dependent on the way.
    mutating func choosePivot() -> Pivot? {
        var best: Pivot?
        var bestCost = Int.max
        var searched = 0
        var count = 1
        while count <= dimension {
            var j = columnBuckets.first[count]
            while j >= 0 {
                let following = columnBuckets.next[j]
                let largest = active.largestMagnitude(inColumn: j)
                if largest <= absoluteTolerance {
                    discardDependentColumn(j)
                    j = following
                    continue
                }
                let threshold = pivotThreshold * largest
                for k in active.entries(ofColumn: j) {
                    let value = active.columnValues[k]
                    guard abs(value) >= threshold, isUsablePivot(value) else { continue }
                    let i = active.columnRows[k]
                    let cost = (active.rowLength[i] - 1) * (count - 1)
                    if cost < bestCost {
                        bestCost = cost
                        best = Pivot(row: i, column: j, value: value)
                    }
                }
                searched += 1
                if best != nil && (bestCost <= (count - 1) * (count - 1) || searched >= searchLimit) {
                    return best
                }
                j = following
            }

            var i = rowBuckets.first[count]
            while i >= 0 {
                for k in active.entries(ofRow: i) {
                    let column = active.rowColumns[k]
                    let (value, largest) = active.value(row: i, column: column)
                    // A row singleton changes nothing else in the active
                    // submatrix, so any non-negligible value is a stable pivot.
                    let acceptable =
                        isUsablePivot(value) && (count == 1 || abs(value) >= pivotThreshold * largest)
                    guard acceptable else { continue }
                    let cost = (count - 1) * (active.columnLength[column] - 1)
                    if cost < bestCost {
                        bestCost = cost
                        best = Pivot(row: i, column: column, value: value)
                    }
                }
                searched += 1
                if best != nil && (bestCost <= (count - 1) * count || searched >= searchLimit) {
                    return best
                }
                i = rowBuckets.next[i]
            }

            if best != nil && bestCost <= count * count { return best }
            count += 1
        }
        return best
    }
}
