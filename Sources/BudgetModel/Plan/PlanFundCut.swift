/// What a cut does to a fund in a plan, in one place: the multiplier `m_f` of
/// SCENARIO-SPEC sections 11 and 13 (the fund's rate of cut: 1 for `cut = true`, 0 for
/// `cut = false`, or the rate `cut = m` gives).
enum PlanFundCut {
    /// `m_f`.
    static func multiplier(of fund: Fund) -> Double { fund.cutMultiplier }

    /// The factor a year's cut of `cutPercent` applies to the fund: `max(0, 1 - m_f c / 100)`.
    static func factor(of fund: Fund, cutPercent: Double) -> Double {
        Fund.remainingFraction(cutMultiplier: multiplier(of: fund), afterCut: cutPercent)
    }

    /// Whether every fund's multiplier is 0 or 1, so that a year's funds are the base funds cut
    /// by one cumulative cut (what the exact maximum sustainable cut relies on).
    static func multipliersAreZeroOrOne(_ funds: [Fund]) -> Bool {
        funds.allSatisfy { [0, 1].contains(multiplier(of: $0)) }
    }
}
