import CLAPACK

/// `B = P L U` of a dense square matrix by LAPACK `dgetrf_`. The solves are
/// written out here rather than left to `dgetrs_`: on the small bases this
/// type serves, LAPACK's per-call overhead dominates, and the right-hand
/// sides of the simplex method are mostly zeros, which substitution by
/// columns skips. Storage is reused between factorisations.
struct DenseLU: Sendable {
    /// Order of the factorised matrix.
    private(set) var dimension = 0
    /// `L` and `U` packed column-major, as `dgetrf_` leaves them.
    private var factors: [Double] = []
    /// The same factors transposed (row-major), so that solves with `Bᵀ`
    /// also run by columns and skip zeros.
    private var transposedFactors: [Double] = []
    /// `dgetrf_`'s row interchanges (1-based).
    private var pivots: [Int32] = []

    /// A pivot of `U` smaller than this times the largest entry of the
    /// matrix counts as zero: the column is then dependent.
    static let singularityThreshold = 1e-11

    /// Factorises the matrix given column-wise. Returns the dependent
    /// positions, each with the row left unpivoted; the factors are then
    /// those of the matrix with these columns replaced by unit columns.
    mutating func factorize(
        dimension m: Int, columnStarts: [Int], rowIndices: [Int], values: [Double]
    ) -> [BasisSingularity] {
        dimension = m
        if factors.count != m * m {
            factors = [Double](repeating: 0, count: m * m)
            transposedFactors = [Double](repeating: 0, count: m * m)
            pivots = [Int32](repeating: 0, count: m)
        }
        guard m > 0 else { return [] }
        var largest = 0.0
        factors.withUnsafeMutableBufferPointer { a in
            for k in 0..<(m * m) { a[k] = 0 }
            for j in 0..<m {
                for k in columnStarts[j]..<columnStarts[j + 1] {
                    a[j * m + rowIndices[k]] = values[k]
                    largest = max(largest, abs(values[k]))
                }
            }
        }
        var singular = factorInPlace(scale: largest)
        guard !singular.isEmpty else {
            transposeFactors()
            return []
        }
        // Replace each dependent column by the unit column of the row that got
        // its (zero) pivot, then factorise again.
        factors.withUnsafeMutableBufferPointer { a in
            for k in 0..<(m * m) { a[k] = 0 }
            for j in 0..<m {
                for k in columnStarts[j]..<columnStarts[j + 1] {
                    a[j * m + rowIndices[k]] = values[k]
                }
            }
            for s in singular {
                for i in 0..<m { a[s.position * m + i] = 0 }
                a[s.position * m + s.row] = 1
            }
        }
        let again = factorInPlace(scale: max(largest, 1))
        if !again.isEmpty { singular.append(contentsOf: again) }
        transposeFactors()
        return singular
    }

    /// Copies `factors` into `transposedFactors`, transposed.
    private mutating func transposeFactors() {
        let m = dimension
        factors.withUnsafeBufferPointer { a in
            transposedFactors.withUnsafeMutableBufferPointer { t in
                for j in 0..<m {
                    for i in 0..<m { t[i * m + j] = a[j * m + i] }
                }
            }
        }
    }

    /// Runs `dgetrf_` on `factors`; returns the positions whose pivot is
    /// negligible and the rows that sat in those pivot positions.
    private mutating func factorInPlace(scale: Double) -> [BasisSingularity] {
        var n = Int32(dimension)
        var info: Int32 = 0
        factors.withUnsafeMutableBufferPointer { a in
            pivots.withUnsafeMutableBufferPointer { p in
                dgetrf_(&n, &n, a.baseAddress, &n, p.baseAddress, &info)
            }
        }
        let m = dimension
        let tiny = Self.singularityThreshold * max(scale, 1e-300)
        var singular: [BasisSingularity] = []
        for j in 0..<m where !(abs(factors[j * m + j]) > tiny) {
            singular.append(BasisSingularity(position: j, row: -1))
        }
        guard !singular.isEmpty else { return [] }
        // Row permutation: which original row ended in each pivot position.
        var rowAt = Array(0..<m)
        for k in 0..<m {
            let other = Int(pivots[k]) - 1
            if other != k { rowAt.swapAt(k, other) }
        }
        for index in singular.indices { singular[index].row = rowAt[singular[index].position] }
        return singular
    }

    /// LAPACK `dgecon_`'s estimate of `1 / κ₁(B)` for the factorised matrix,
    /// given `oneNorm = ‖B‖₁` of the matrix before factorisation: 0 for a
    /// matrix singular to working precision, 1 for a perfectly conditioned one.
    func reciprocalCondition(oneNorm: Double) -> Double {
        guard dimension > 0 else { return 1 }
        var n = Int32(dimension)
        var norm = oneNorm
        var reciprocal = 0.0
        var work = [Double](repeating: 0, count: 4 * dimension)
        var integerWork = [Int32](repeating: 0, count: dimension)
        var info: Int32 = 0
        factors.withUnsafeBufferPointer { a in
            dgecon_("1", &n, a.baseAddress, &n, &norm, &reciprocal, &work, &integerWork, &info, 1)
        }
        return info == 0 ? reciprocal : 0
    }

    /// Overwrites `rhs` with `B⁻¹ rhs`: the row interchanges, then `L` (unit
    /// lower) and `U` by columns, skipping zero entries.
    func solve(_ rhs: inout [Double]) {
        let m = dimension
        guard m > 0 else { return }
        factors.withUnsafeBufferPointer { a in
            pivots.withUnsafeBufferPointer { p in
                rhs.withUnsafeMutableBufferPointer { b in
                    for k in 0..<m {
                        let other = Int(p[k]) - 1
                        if other != k { b.swapAt(k, other) }
                    }
                    for j in 0..<m {
                        let bj = b[j]
                        if bj == 0 { continue }
                        let column = j * m
                        for i in (j + 1)..<m { b[i] -= a[column + i] * bj }
                    }
                    var j = m - 1
                    while j >= 0 {
                        let column = j * m
                        let bj = b[j] / a[column + j]
                        b[j] = bj
                        if bj != 0 {
                            for i in 0..<j { b[i] -= a[column + i] * bj }
                        }
                        j -= 1
                    }
                }
            }
        }
    }

    /// Overwrites `rhs` with `B⁻ᵀ rhs`: `Uᵀ` (lower) and `Lᵀ` (unit upper)
    /// by columns of the transposed factors, skipping zero entries, then the
    /// row interchanges in reverse.
    func solveTransposed(_ rhs: inout [Double]) {
        let m = dimension
        guard m > 0 else { return }
        transposedFactors.withUnsafeBufferPointer { t in
            pivots.withUnsafeBufferPointer { p in
                rhs.withUnsafeMutableBufferPointer { b in
                    for j in 0..<m {
                        let column = j * m
                        let bj = b[j] / t[column + j]
                        b[j] = bj
                        if bj == 0 { continue }
                        for i in (j + 1)..<m { b[i] -= t[column + i] * bj }
                    }
                    var j = m - 1
                    while j >= 0 {
                        let column = j * m
                        let bj = b[j]
                        if bj != 0 {
                            for i in 0..<j { b[i] -= t[column + i] * bj }
                        }
                        j -= 1
                    }
                    var k = m - 1
                    while k >= 0 {
                        let other = Int(p[k]) - 1
                        if other != k { b.swapAt(k, other) }
                        k -= 1
                    }
                }
            }
        }
    }
}
