extension SimplexSolver {
    /// A basis whose estimated condition number `κ₁` exceeds this is
    /// ill-conditioned: product-form updates of its factors lose accuracy quickly.
    static let illConditioned = 1e10
    /// Ill-conditioned bases are refactorised this many times as often.
    static let illConditionedRefactorizationFactor = 4

    /// Whether the factors have taken as many updates as they should before
    /// a refactorisation: the options' interval, or a quarter of it when the
    /// basis last factorised is ill-conditioned. Its condition is estimated
    /// (`dgecon_`, or LAPACK's estimator on the sparse solves) once the factors
    /// have taken that quarter, so short solves never pay for the estimate.
    func refactorizationDue() -> Bool {
        let updates = factor.updateCount
        let interval = options.refactorizationInterval
        guard updates >= max(1, interval / Self.illConditionedRefactorizationFactor) else { return false }
        let condition = factoredBasisCondition ?? factor.conditionEstimate()
        factoredBasisCondition = condition
        return updates >= interval || condition > Self.illConditioned
    }

    /// An estimate of the 1-norm condition number `κ₁(B)` of the current basis
    /// matrix in the solver's internal (scaled) units, from its fresh factors;
    /// nil when the factors carry updates or no basis is factorised (after a
    /// solve that ends optimal they are fresh). Large values (above about 1e10)
    /// say the last digits of the solution deserve less trust.
    public var basisConditionEstimate: Double? {
        guard hasBasis, !factorStale, factor.updateCount == 0 else { return nil }
        return factor.conditionEstimate()
    }
}
