/// The scenario's fairness measure as the allocation programmes state it: every programme
/// writes "service `s`'s shortfall is at most `t`" as the tier row
///
///     coefficient_s * y_s + t >= target_s
///
/// in the level `y_s = x_s / b_s` and the common shortfall column `t`, so that the shortfall
/// of a level is `target_s - coefficient_s * y_s`:
///
/// - `relative`: `y_s + t >= 1`, `t` the relative shortfall `(b_s - x_s) / b_s`;
/// - `cash`: `(b_s / scale) y_s + t >= b_s / scale`, `t` the cash shortfall `(b_s - x_s) / scale`;
/// - `award`: `(b_s / scale) y_s + t >= 0`, `t` minus the award, `-x_s / scale`.
///
/// `b_s` is the service's reference: its baseline, or for a new bid its request, so that a
/// bid's shortfall is `(r_s - x_s) / r_s`, `r_s - x_s` in cash and `-x_s` as an award.
/// Money is divided by the programme's `scale`, as everywhere in the programmes. This is the
/// one place the rule's stages, their fixings and their slopes learn what is equalised.
struct TierRowMeasure {
    let fairness: FairnessMeasure
    /// The reference of each service (its baseline, or a bid's request), divided by the scale.
    private let scaledReferences: [Double]

    init(scenario: Scenario, scale: Double) {
        fairness = scenario.fairness
        scaledReferences = scenario.services.map { $0.reference / scale }
    }

    /// The coefficient of service `s`'s level in its tier row.
    func coefficient(_ s: Int) -> Double {
        fairness == .relative ? 1 : scaledReferences[s]
    }

    /// The lower bound of service `s`'s tier row while its tier is being cut.
    func target(_ s: Int) -> Double {
        switch fairness {
        case .relative: return 1
        case .cash: return scaledReferences[s]
        case .award: return 0
        }
    }

    /// Service `s`'s shortfall, in the programme's units, at level `level`.
    func shortfall(_ s: Int, atLevel level: Double) -> Double {
        target(s) - coefficient(s) * level
    }

    /// The level at which service `s`'s shortfall is `shortfall` (unclamped).
    func level(_ s: Int, atShortfall shortfall: Double) -> Double {
        (target(s) - shortfall) / coefficient(s)
    }

    /// How service `s`'s level moves per unit of shortfall: `-1 / coefficient_s`.
    func levelRate(_ s: Int) -> Double { -1 / coefficient(s) }
}
