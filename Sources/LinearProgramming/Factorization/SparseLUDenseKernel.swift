/// Dense elimination of what is left of the active submatrix once it has
/// filled in: partial pivoting by columns on a contiguous column-major
/// array, which costs far less per operation than sparse updates.
extension SparseLUElimination {
    /// Pivots every remaining column that has a usable entry, in column order,
    /// on its largest remaining entry; columns with none are left unpivoted
    /// (dependent). Empties the active submatrix.
    mutating func eliminateDensely() {
        var columns: [Int] = []
        var rowLabels: [Int] = []
        var rowPosition = [Int](repeating: -1, count: dimension)
        for j in 0..<dimension where columnBuckets.bucket[j] >= 0 { columns.append(j) }
        for i in 0..<dimension where rowBuckets.bucket[i] >= 0 {
            rowPosition[i] = rowLabels.count
            rowLabels.append(i)
        }
        let rowCount = rowLabels.count
        var dense = [Double](repeating: 0, count: rowCount * columns.count)
        for (position, j) in columns.enumerated() {
            for k in active.entries(ofColumn: j) {
                dense[position * rowCount + rowPosition[active.columnRows[k]]] = active.columnValues[k]
            }
            active.clearColumn(j)
            columnBuckets.remove(j)
        }
        for i in rowLabels {
            active.clearRow(i)
            rowBuckets.remove(i)
        }

        dense.withUnsafeMutableBufferPointer { a in
            var p = 0  // pivots taken so far = first unpivoted row position
            for (position, column) in columns.enumerated() where p < rowCount {
                let base = position * rowCount
                var best = -1
                var largest = 0.0
                for i in p..<rowCount where a[base + i].isFinite && abs(a[base + i]) > largest {
                    largest = abs(a[base + i])
                    best = i
                }
                guard best >= 0, isUsablePivot(a[base + best]) else { continue }
                if best != p {
                    for q in 0..<columns.count { a.swapAt(q * rowCount + p, q * rowCount + best) }
                    rowLabels.swapAt(p, best)
                }
                let pivot = a[base + p]
                for i in (p + 1)..<rowCount where a[base + i] != 0 {
                    a[base + i] /= pivot
                    pivots.appendL(row: rowLabels[i], multiplier: a[base + i])
                }
                let below = rowCount - p - 1
                for later in (position + 1)..<columns.count {
                    let laterBase = later * rowCount
                    let u = a[laterBase + p]
                    guard u != 0 else { continue }
                    pivots.appendU(column: columns[later], value: u)
                    // Through slices of the column below the pivot, so the loop vectorises.
                    let multipliers = UnsafeBufferPointer(rebasing: a[(base + p + 1)..<(base + rowCount)])
                    let target = UnsafeMutableBufferPointer(rebasing: a[(laterBase + p + 1)..<(laterBase + rowCount)])
                    for i in 0..<below { target[i] -= multipliers[i] * u }
                }
                pivots.finishPivot(row: rowLabels[p], column: column, value: pivot)
                p += 1
            }
        }
    }
}
