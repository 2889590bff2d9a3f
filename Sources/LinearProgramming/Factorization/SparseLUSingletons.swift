/// The triangular part of the matrix, pivoted before any Markowitz search.
///
/// A simplex basis is mostly slack and singleton columns. A column with one
/// entry left in unpivoted rows (a column singleton) is pivoted on that
/// entry: its row leaves, which may make further column singletons. Then a
/// row with one entry left in unpivoted columns (a row singleton) is pivoted
/// on that entry: its column leaves, which may make further row singletons.
/// Neither kind changes any other entry, so neither needs a threshold test
/// or a search, and the whole pass costs O(entries).
enum SparseLUSingletons {
    /// Pivots every column singleton and then every row singleton whose
    /// entry is finite and above `tolerance` in magnitude, appending them to `pivots`
    /// and marking their rows and columns in `rowPivoted`/`columnPivoted`.
    static func peel(
        _ matrix: SparseLUCompressedMatrix, tolerance: Double,
        into pivots: inout SparseLUPivotSequence, rowPivoted: inout [Bool], columnPivoted: inout [Bool]
    ) {
        let n = matrix.dimension
        var columnCount = (0..<n).map { matrix.entries(ofColumn: $0).count }
        var rowCount = [Int](repeating: 0, count: n)
        var queue: [Int] = []
        queue.reserveCapacity(n)

        queue.append(contentsOf: (0..<n).filter { columnCount[$0] == 1 })
        var head = 0
        while head < queue.count {
            let c = queue[head]
            head += 1
            guard !columnPivoted[c], columnCount[c] == 1 else { continue }
            guard let k = matrix.entries(ofColumn: c).first(where: { !rowPivoted[matrix.columnRows[$0]] }),
                matrix.columnValues[k].isFinite, abs(matrix.columnValues[k]) > tolerance
            else { continue }
            let r = matrix.columnRows[k]
            for q in matrix.entries(ofRow: r) {
                let j = matrix.rowColumns[q]
                guard j != c, !columnPivoted[j] else { continue }
                pivots.appendU(column: j, value: matrix.rowValues[q])
                columnCount[j] -= 1
                if columnCount[j] == 1 { queue.append(j) }
            }
            pivots.finishPivot(row: r, column: c, value: matrix.columnValues[k])
            rowPivoted[r] = true
            columnPivoted[c] = true
        }

        // Count each row's entries in columns still unpivoted.
        for i in 0..<n where !rowPivoted[i] {
            rowCount[i] = matrix.entries(ofRow: i).reduce(0) { $0 + (columnPivoted[matrix.rowColumns[$1]] ? 0 : 1) }
        }
        queue.removeAll(keepingCapacity: true)
        queue.append(contentsOf: (0..<n).filter { !rowPivoted[$0] && rowCount[$0] == 1 })
        head = 0
        while head < queue.count {
            let r = queue[head]
            head += 1
            guard !rowPivoted[r], rowCount[r] == 1 else { continue }
            guard let q = matrix.entries(ofRow: r).first(where: { !columnPivoted[matrix.rowColumns[$0]] }),
                matrix.rowValues[q].isFinite, abs(matrix.rowValues[q]) > tolerance
            else { continue }
            let c = matrix.rowColumns[q]
            let pivot = matrix.rowValues[q]
            for k in matrix.entries(ofColumn: c) {
                let i = matrix.columnRows[k]
                guard i != r, !rowPivoted[i] else { continue }
                pivots.appendL(row: i, multiplier: matrix.columnValues[k] / pivot)
                rowCount[i] -= 1
                if rowCount[i] == 1 { queue.append(i) }
            }
            pivots.finishPivot(row: r, column: c, value: pivot)
            rowPivoted[r] = true
            columnPivoted[c] = true
        }
    }
}
