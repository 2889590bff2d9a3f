/// Finds the group limits that no amount of extra money can meet at a cut, each on its own
/// (SCENARIO-SPEC section 6), by plain arithmetic on the limits rather than by an LP: a
/// maximum below the group's minimum, a minimum above what its services may take at most,
/// or a maximum below what they must get at least. Such a limit fails only because a limit
/// in per cent moved with the envelope (amounts alone are validation errors). Close to the
/// cut where it starts to fail, the failure is too small for a Farkas ray to prove with a
/// clear margin, but not for this arithmetic.
struct HopelessGroupLimits {
    /// Why a group's limits cannot be met.
    enum Reason: Equatable {
        /// The maximum is below the minimum.
        case crossed
        /// The minimum is above `reach`, the sum of the members' maxima.
        case minimumAboveMaxima(reach: Double)
        /// The maximum is below `need`, the sum of the members' floors.
        case maximumBelowFloors(need: Double)
    }

    private let scenario: Scenario
    /// Per group, the sums of its members' maxima and of their floors.
    private let reach: [Double]
    private let need: [Double]
    /// How far (money) a limit must fail to count.
    private let tolerance: Double

    /// Relative to the scenario's money scale, how far a limit must fail to count: rounding in
    /// the sums and the envelope, far below any failure a cut can cause (a cut 1e-9 points past
    /// where a limit starts to fail moves it by 1e-11 of the envelope).
    static let relativeTolerance = 1e-13

    /// A finder for `scenario`.
    init(scenario: Scenario) {
        self.scenario = scenario
        self.tolerance = Self.relativeTolerance * scenario.moneyScale
        let serviceIndex = Dictionary(uniqueKeysWithValues: scenario.services.enumerated().map { ($1.id, $0) })
        let members = scenario.groups.map { $0.services.compactMap { serviceIndex[$0] }.map { scenario.services[$0] } }
        reach = members.map { $0.reduce(0) { $0 + $1.maximumAmount } }
        // A closable member can be closed, and then needs nothing (SCENARIO-SPEC section 12).
        need = members.map { $0.reduce(0) { $0 + ($1.isClosable ? 0 : $1.lowerBound) } }
    }

    /// Each hopeless group at a cut of `cut` per cent (index into `scenario.groups`) with its
    /// reason, in file order; empty when none is.
    func groups(atCut cut: Double) -> [(group: Int, reason: Reason)] {
        let envelope = scenario.envelope(afterCut: cut)
        var hopeless: [(group: Int, reason: Reason)] = []
        for (g, group) in scenario.groups.enumerated() {
            let minimum = group.minimum?.resolved(against: envelope)
            let maximum = group.maximum?.resolved(against: envelope)
            if let minimum, let maximum, minimum - maximum > tolerance {
                hopeless.append((g, .crossed))
            } else if let minimum, minimum - reach[g] > tolerance {
                hopeless.append((g, .minimumAboveMaxima(reach: reach[g])))
            } else if let maximum, need[g] - maximum > tolerance {
                hopeless.append((g, .maximumBelowFloors(need: need[g])))
            }
        }
        return hopeless
    }
}
