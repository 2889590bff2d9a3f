/// A basis factorisation kept up to date in product form: a fresh LU of the
/// basis followed by one eta matrix per column replacement.
///
/// The LU is LAPACK's dense one (`DenseLU`) for small bases and the sparse
/// Markowitz one (`SparseLU`) for bases of more than
/// `sparseDimensionThreshold` rows (50 unless its owner sets it).
///
/// After replacing column `r` by `a` with `α = B⁻¹ a`, the new inverse is
/// `E B⁻¹` where `E` is the identity with column `r` replaced by
/// `(-α₁/α_r, …, 1/α_r, …, -α_m/α_r)`. Etas are stored sparsely in flat
/// arrays that keep their capacity, so updates do not allocate once warm.
struct EtaFileFactorization: BasisFactorization {
    /// The factorisation of the basis at the last refactorisation.
    private var base = BaseFactor.dense(DenseLU())
    /// `‖B‖₁` of the basis at the last refactorisation (largest column sum of magnitudes).
    private var baseOneNorm = 0.0

    /// The LU under the eta file.
    private enum BaseFactor {
        case dense(DenseLU)
        case sparse(SparseLU)
    }

    /// Bases with more rows than this are factorised sparsely.
    var sparseDimensionThreshold = 50
    /// Pivot position of each eta.
    private var etaPosition: [Int] = []
    /// Pivot value `α_r` of each eta.
    private var etaPivot: [Double] = []
    /// Start of each eta's off-pivot entries in `etaIndex`/`etaValue`; one more than the eta count.
    private var etaStart: [Int] = [0]
    /// Row of each off-pivot entry.
    private var etaIndex: [Int] = []
    /// Value `α_i` of each off-pivot entry.
    private var etaValue: [Double] = []

    /// Entries of an FTRAN column smaller than this are not stored in an eta.
    static let dropTolerance = 1e-14
    /// Relative size below which an update pivot is refused.
    static let updatePivotTolerance = 1e-9

    /// An empty factorisation (dimension 0).
    init() {}

    var updateCount: Int { etaPosition.count }

    mutating func factorize(
        dimension: Int, columnStarts: [Int], rowIndices: [Int], values: [Double]
    ) -> [BasisSingularity] {
        clearEtas()
        baseOneNorm = 0
        for j in 0..<dimension {
            var columnSum = 0.0
            for k in columnStarts[j]..<columnStarts[j + 1] { columnSum += abs(values[k]) }
            baseOneNorm = max(baseOneNorm, columnSum)
        }
        if dimension > sparseDimensionThreshold {
            // A singular basis leaves factors of the basis repaired with unit columns.
            let (factors, repair) = SparseLU.factorRepairingDependentColumns(
                dimension: dimension, columnStarts: columnStarts, rowIndices: rowIndices, values: values)
            base = .sparse(factors)
            guard let repair else { return [] }
            return zip(repair.dependentColumns, repair.unpivotedRows).map {
                BasisSingularity(position: $0, row: $1)
            }
        }
        var dense: DenseLU
        if case .dense(let existing) = base { dense = existing } else { dense = DenseLU() }
        base = .dense(DenseLU())  // drop the enum's reference so the storage is reused, not copied
        let singular = dense.factorize(
            dimension: dimension, columnStarts: columnStarts, rowIndices: rowIndices, values: values)
        base = .dense(dense)
        return singular
    }

    func conditionEstimate() -> Double {
        switch base {
        case .dense(let lu):
            guard lu.dimension > 0 else { return 1 }
            let reciprocal = lu.reciprocalCondition(oneNorm: baseOneNorm)
            return reciprocal > 0 ? 1 / reciprocal : .infinity
        case .sparse(let lu):
            let estimate = baseOneNorm * lu.inverseOneNormEstimate()
            return estimate.isFinite ? max(estimate, 1) : .infinity
        }
    }

    private func baseSolve(_ rhs: inout [Double]) {
        switch base {
        case .dense(let lu): lu.solve(&rhs)
        case .sparse(let lu): lu.solve(&rhs)
        }
    }

    private func baseSolveTransposed(_ rhs: inout [Double]) {
        switch base {
        case .dense(let lu): lu.solveTransposed(&rhs)
        case .sparse(let lu): lu.solveTransposed(&rhs)
        }
    }

    private mutating func clearEtas() {
        etaPosition.removeAll(keepingCapacity: true)
        etaPivot.removeAll(keepingCapacity: true)
        etaStart.removeAll(keepingCapacity: true)
        etaStart.append(0)
        etaIndex.removeAll(keepingCapacity: true)
        etaValue.removeAll(keepingCapacity: true)
    }

    func solve(_ rhs: inout [Double]) {
        baseSolve(&rhs)
        // Buffers, not array subscripts: one exclusivity and bounds check per array instead
        // of one per entry, in what is most of an iteration's work on a large basis.
        rhs.withUnsafeMutableBufferPointer { rhs in
            withEtaBuffers { position, pivot, start, index, value in
                for k in 0..<position.count {
                    let r = position[k]
                    let vr = rhs[r] / pivot[k]
                    rhs[r] = vr
                    if vr == 0 { continue }
                    for e in start[k]..<start[k + 1] { rhs[index[e]] -= value[e] * vr }
                }
            }
        }
    }

    func solveTransposed(_ rhs: inout [Double]) {
        rhs.withUnsafeMutableBufferPointer { rhs in
            withEtaBuffers { position, pivot, start, index, value in
                var k = position.count - 1
                while k >= 0 {
                    let r = position[k]
                    var sum = rhs[r]
                    for e in start[k]..<start[k + 1] { sum -= value[e] * rhs[index[e]] }
                    rhs[r] = sum / pivot[k]
                    k -= 1
                }
            }
        }
        baseSolveTransposed(&rhs)
    }

    /// Calls `body` with buffers over the eta file: positions, pivots, starts, rows, values.
    @inline(__always)
    private func withEtaBuffers(
        _ body: (
            UnsafeBufferPointer<Int>, UnsafeBufferPointer<Double>, UnsafeBufferPointer<Int>,
            UnsafeBufferPointer<Int>, UnsafeBufferPointer<Double>
        ) -> Void
    ) {
        etaPosition.withUnsafeBufferPointer { position in
            etaPivot.withUnsafeBufferPointer { pivot in
                etaStart.withUnsafeBufferPointer { start in
                    etaIndex.withUnsafeBufferPointer { index in
                        etaValue.withUnsafeBufferPointer { value in body(position, pivot, start, index, value) }
                    }
                }
            }
        }
    }

    /// `solve(_:)` for a caller that holds the factors in a class property: being mutating,
    /// the call works on the property in place instead of on a copy of every array.
    mutating func solveInPlace(_ rhs: inout [Double]) { solve(&rhs) }

    /// `solveTransposed(_:)` in place, as `solveInPlace(_:)`.
    mutating func solveTransposedInPlace(_ rhs: inout [Double]) { solveTransposed(&rhs) }

    mutating func replaceColumn(at position: Int, ftranColumn: [Double]) -> Bool {
        let pivot = ftranColumn[position]
        var largest = 0.0
        for v in ftranColumn { largest = max(largest, abs(v)) }
        guard abs(pivot) > Self.updatePivotTolerance * max(largest, 1) else { return false }
        for i in 0..<ftranColumn.count where i != position {
            let v = ftranColumn[i]
            if abs(v) > Self.dropTolerance {
                etaIndex.append(i)
                etaValue.append(v)
            }
        }
        etaPosition.append(position)
        etaPivot.append(pivot)
        etaStart.append(etaIndex.count)
        return true
    }
}
