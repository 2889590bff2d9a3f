/// Row and column scale factors for a matrix: a few passes of geometric-mean
/// scaling followed by column equilibration, each factor rounded to a power
/// of two so that scaling itself adds no rounding error.
///
/// The scaled matrix is `R A C`; both vectors are all ones for an empty matrix.
struct Scaling: Sendable {
    /// Row factors `R`.
    var rows: [Double]
    /// Column factors `C`.
    var columns: [Double]

    /// Geometric-mean passes before equilibration.
    static let geometricPasses = 4

    /// Computes the factors for `matrix`.
    init(_ matrix: SparseMatrix) {
        let m = matrix.rowCount
        let n = matrix.columnCount
        var rows = [Double](repeating: 1, count: m)
        var columns = [Double](repeating: 1, count: n)
        var rowMin = [Double](repeating: 0, count: m)
        var rowMax = [Double](repeating: 0, count: m)
        for _ in 0..<Self.geometricPasses {
            for i in 0..<m { rowMin[i] = .infinity; rowMax[i] = 0 }
            for j in 0..<n {
                for k in matrix.range(ofColumn: j) {
                    let v = abs(matrix.values[k]) * columns[j]
                    let i = matrix.rowIndices[k]
                    rowMin[i] = min(rowMin[i], v)
                    rowMax[i] = max(rowMax[i], v)
                }
            }
            for i in 0..<m where rowMax[i] > 0 { rows[i] = Self.powerOfTwo(1 / (rowMin[i] * rowMax[i]).squareRoot()) }
            for j in 0..<n {
                var low = Double.infinity
                var high = 0.0
                for k in matrix.range(ofColumn: j) {
                    let v = abs(matrix.values[k]) * rows[matrix.rowIndices[k]]
                    low = min(low, v)
                    high = max(high, v)
                }
                if high > 0 { columns[j] = Self.powerOfTwo(1 / (low * high).squareRoot()) }
            }
        }
        for j in 0..<n {
            var high = 0.0
            for k in matrix.range(ofColumn: j) {
                high = max(high, abs(matrix.values[k]) * rows[matrix.rowIndices[k]] * columns[j])
            }
            if high > 0 { columns[j] = Self.powerOfTwo(columns[j] / high) }
        }
        self.rows = rows
        self.columns = columns
    }

    /// The power of two nearest to `value` (in the logarithmic sense); 1 for
    /// values that are not positive and finite.
    static func powerOfTwo(_ value: Double) -> Double {
        guard value.isFinite && value > 0 else { return 1 }
        let exponent = (value.significand >= 1.4142135623730951) ? value.exponent + 1 : value.exponent
        return Double(sign: .plus, exponent: exponent, significand: 1)
    }
}
