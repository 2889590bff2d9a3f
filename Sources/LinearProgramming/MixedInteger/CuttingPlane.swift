/// A valid inequality `coefficients' x >= lower` over a programme's columns: every point of
/// the mixed-integer programme it was derived from satisfies it (for the column bounds it
/// was derived with), while the point it was separated from need not.
public struct CuttingPlane: Sendable {
    /// The nonzero coefficients, by column index.
    public var coefficients: [(column: Int, value: Double)]
    /// The right-hand side.
    public var lower: Double
    /// How far the separated point lies outside: `(lower - coefficients' x) / ||coefficients||`.
    public var efficacy: Double

    /// The left-hand side at `x`.
    public func activity(at x: [Double]) -> Double {
        var sum = 0.0
        for (j, a) in coefficients { sum += a * x[j] }
        return sum
    }

    /// The inequality `dense' x >= lower` made numerically safe, or `nil` when it is unsafe
    /// or not violated at `x`: a coefficient below `1e-6` of the largest is removed by
    /// relaxing the right-hand side with the column's bound (`nil` when that bound is
    /// infinite), the right-hand side is relaxed by `1e-9` relative, and the cut is kept only
    /// when its efficacy at `x` is at least `1e-4` and its violation at least `1e-6 *
    /// max(1, |lower|)`.
    static func cleaned(
        _ dense: [Double], lower: Double, at x: [Double], columnLower: [Double], columnUpper: [Double]
    ) -> CuttingPlane? {
        var largest = 0.0
        for v in dense { largest = max(largest, abs(v)) }
        guard largest > 0, largest.isFinite, lower.isFinite else { return nil }
        var rhs = lower
        var coefficients: [(column: Int, value: Double)] = []
        for (j, v) in dense.enumerated() where v != 0 {
            if abs(v) < 1e-6 * largest {
                // v x_j <= v * (the bound that maximises it): drop the term, lower the rhs.
                let extreme = v > 0 ? columnUpper[j] : columnLower[j]
                guard extreme.isFinite else { return nil }
                rhs -= v * extreme
            } else {
                coefficients.append((j, v))
            }
        }
        guard !coefficients.isEmpty else { return nil }
        rhs -= 1e-9 * max(1, abs(rhs))
        var activity = 0.0
        var norm = 0.0
        for (j, v) in coefficients {
            activity += v * x[j]
            norm += v * v
        }
        norm = norm.squareRoot()
        let efficacy = (rhs - activity) / norm
        guard efficacy >= 1e-4 && (rhs - activity) > 1e-6 * max(1, abs(rhs)) else { return nil }
        return CuttingPlane(coefficients: coefficients, lower: rhs, efficacy: efficacy)
    }

    /// The cosine of the angle between two cuts' coefficient vectors (1 for parallel ones).
    func parallelism(to other: CuttingPlane, work: inout [Double]) -> Double {
        var dot = 0.0, normA = 0.0, normB = 0.0
        for (j, a) in coefficients {
            work[j] = a
            normA += a * a
        }
        for (j, b) in other.coefficients {
            dot += work[j] * b
            normB += b * b
        }
        for (j, _) in coefficients { work[j] = 0 }
        return dot / (normA.squareRoot() * normB.squareRoot())
    }
}

/// A programme's constraint matrix stored row by row, for cut generators.
struct RowwiseMatrix {
    let starts: [Int]
    let columns: [Int]
    let values: [Double]

    init(_ matrix: SparseMatrix) {
        let m = matrix.rowCount
        var starts = [Int](repeating: 0, count: m + 1)
        for r in matrix.rowIndices { starts[r + 1] += 1 }
        for i in 0..<m { starts[i + 1] += starts[i] }
        var next = starts
        var columns = [Int](repeating: 0, count: matrix.rowIndices.count)
        var values = [Double](repeating: 0, count: matrix.rowIndices.count)
        for j in 0..<matrix.columnCount {
            for k in matrix.range(ofColumn: j) {
                let i = matrix.rowIndices[k]
                columns[next[i]] = j
                values[next[i]] = matrix.values[k]
                next[i] += 1
            }
        }
        self.starts = starts
        self.columns = columns
        self.values = values
    }

    /// The positions of row `i`'s entries in `columns` and `values`.
    func range(ofRow i: Int) -> Range<Int> { starts[i]..<starts[i + 1] }
}
