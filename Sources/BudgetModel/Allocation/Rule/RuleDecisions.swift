/// What the allocation rule decided at one cut, and how fast each stage's optimum moved
/// there: enough to prove that the allocation is affine between two cuts without knowing
/// where any stage's basis stops being feasible.
///
/// Each stage minimises a shortfall (or, in weighted mode, the weighted objective) over
/// bounds that are affine in the cut as long as the stages before it decide the same. Its
/// optimum is then convex in the cut, and the objective rate of any optimal basis (the slope
/// of its dual objective, `ParametricRange.objectiveRate`) is a subgradient of it. When two
/// cuts `a < b` give the same subgradient, the optimum is affine on `[a, b]` and the dual
/// solution found at `a` stays optimal on all of it, so every fixing it proved stays proved;
/// fixings by a cap and the clamps of fixed floors compare an affine shortfall with fixed
/// thresholds, so the same side at both ends is the same side throughout. Stage by stage,
/// the same decisions and rates at both ends make every stage affine on `[a, b]`, and with
/// it the allocation (the tiers rule's allocation is unique, whichever proof of a fixing the
/// solver found in between).
struct RuleDecisions: Equatable {
    /// Per stage, in order: a separator, the services fixed, the side of its cap test each
    /// tested service stands on and the side of its bounds each fixed floor lies on.
    private(set) var choices: [Int] = []
    /// Per stage: the objective rate of its optimal basis, per point of cut.
    private(set) var rates: [Double] = []
    /// How many of the scenario's kinks lie at or below the cut: the funds are affine in the
    /// cut only between kinks.
    let kinkInterval: Int

    /// Objective rates that differ by at most this (relative to the larger, or absolutely
    /// below 1) are the same subgradient: the solver's rounding.
    static let rateTolerance = 1e-9

    /// The decisions of a run at a cut with `kinkInterval` kinks at or below it.
    init(kinkInterval: Int) {
        self.kinkInterval = kinkInterval
    }

    /// A stage's optimum was found, with the objective rate `rate` of its optimal basis.
    mutating func stageSolved(rate: Double) {
        rates.append(rate)
    }

    /// A stage decided `stageChoices`: the services it fixed, a separator (-2), the sides of its
    /// cap tests and of its fixed floors' bounds.
    mutating func stageDecided(_ stageChoices: [Int]) {
        choices.append(-1)
        choices += stageChoices
    }

    /// Whether the allocation is affine between the cut of `self` and the cut of `other`:
    /// the same decisions, the same rates to `rateTolerance`, and no kink between them.
    func provesAffine(with other: RuleDecisions) -> Bool {
        guard kinkInterval == other.kinkInterval, choices == other.choices, rates.count == other.rates.count else { return false }
        return zip(rates, other.rates).allSatisfy { abs($0 - $1) <= Self.rateTolerance * max(1, abs($0), abs($1)) }
    }
}
