/// What the tiers rule equalises within a priority tier (`[objective] fairness`,
/// SCENARIO-SPEC section 14): the shortfall measure whose largest values it makes as small
/// as it can, leximin, tier by tier.
///
/// With one fund, no floors and one tier the three measures give three classic rules for
/// claims problems (the baselines as the claims, the envelope as the estate): `relative`
/// the proportional rule, `cash` constrained equal losses, `award` constrained equal awards.
public enum FairnessMeasure: String, Sendable, Equatable, CaseIterable {
    /// Equal percentage cuts: the relative shortfall `(baseline_s - x_s) / baseline_s`.
    case relative
    /// Equal cash cuts: the shortfall in money, `baseline_s - x_s`.
    case cash
    /// Equal awards: `-x_s`, so the smallest allocations are made as large as they can be.
    case award

    /// The measure of an allocation `x` of a service with baseline `baseline`, in the
    /// measure's own units (a fraction for `relative`, money for the others).
    public func shortfall(allocation x: Double, baseline: Double) -> Double {
        switch self {
        case .relative: return (baseline - x) / baseline
        case .cash: return baseline - x
        case .award: return -x
        }
    }
}
