/// The state of a `SimplexSolver`'s iterate (basis, factors, values, weights), to return to
/// after trial solves: strong branching solves each side from the node's LP this way
/// instead of re-installing and refactorising its basis.
struct SimplexSnapshot {
    fileprivate var status: [BasisStatus]
    fileprivate var head: [Int]
    fileprivate var x: [Double]
    fileprivate var d: [Double]
    fileprivate var edgeWeights: [Double]
    fileprivate var workCost: [Double]
    fileprivate var factor: EtaFileFactorization
    fileprivate var flags: (hasBasis: Bool, factorStale: Bool, dualsStale: Bool, edgeWeightsStale: Bool,
                            costsPerturbed: Bool, perturbationApplied: Bool)
    fileprivate var factoredBasisCondition: Double?
    fileprivate var reportedBasis: Basis?
}

extension SimplexSolver {
    /// The current iterate. The factors and arrays are shared until the solver changes them.
    func snapshot() -> SimplexSnapshot {
        SimplexSnapshot(
            status: status, head: head, x: x, d: d, edgeWeights: edgeWeights, workCost: workCost, factor: factor,
            flags: (hasBasis, factorStale, dualsStale, edgeWeightsStale, costsPerturbed, perturbationApplied),
            factoredBasisCondition: factoredBasisCondition, reportedBasis: reportedBasis)
    }

    /// Returns to a snapshot's iterate; the bounds stay as they are set now (a solve then
    /// recomputes the values from them).
    func restore(_ s: SimplexSnapshot) {
        status = s.status
        head = s.head
        x = s.x
        d = s.d
        edgeWeights = s.edgeWeights
        workCost = s.workCost
        factor = s.factor
        (hasBasis, factorStale, dualsStale, edgeWeightsStale, costsPerturbed, perturbationApplied) = s.flags
        factoredBasisCondition = s.factoredBasisCondition
        reportedBasis = s.reportedBasis
    }
}
