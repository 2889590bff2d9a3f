/// What the rule would do at an infeasible cut if floors gave way (SCENARIO-SPEC section 14):
/// reported beside the deficit as "if it came to it", never as a feasible result.
public enum FallbackOutcome: Sendable, Equatable {
    /// The allocation with the floors scaled down just far enough.
    case fallback(Fallback)
    /// No scaling of floors makes the cut feasible: the cut with every floor (minimums and
    /// protections) removed is still infeasible, and this, its result, says why (its deficit
    /// and conflict, or the group limits that no money can meet).
    indirect case impossible(CutResult)
    /// The solver could not decide the fallback, for this reason (a sentence); the cut's
    /// deficit stands.
    case undecided(String)
}

/// The allocation at an infeasible cut once floors give way: the minimums of the lowest
/// priority first, each tier's by one common factor from 1 down to 0, just far enough, before
/// the next tier's; protected services' floors last, all by one factor. Contracts, group
/// limits and ring-fences never give way.
public struct Fallback: Sendable, Equatable {
    /// One class of floors scaled by one factor.
    public struct Floor: Sendable, Equatable {
        /// The priority whose minimums give way; nil for the protected services' floors.
        public var priority: Int?
        /// Whether this is the protected services' floors (each its `lo_s`, the larger of its
        /// baseline and its minimum).
        public var isProtected: Bool
        /// The factor in `[0, 1)` the floors are multiplied by: the largest that makes the cut
        /// feasible with the lower classes at 0 (1e-9 below it where the solver needs room).
        public var factor: Double

        /// How far below the largest factor a fallback's factor usually lies where the solver
        /// needs room (`factor` above): two allocators at the same cut may differ by this, as
        /// rounding at the factor itself decides.
        public static let solverRoom = 1e-9

        /// A class of floors from its parts.
        public init(priority: Int?, isProtected: Bool, factor: Double) {
            self.priority = priority
            self.isProtected = isProtected
            self.factor = factor
        }
    }

    /// One service's allocation in the fallback.
    public struct ServiceAmount: Sendable, Equatable {
        /// The service's id.
        public var serviceID: String
        /// The service's baseline.
        public var baseline: Double
        /// Its allocation under the scaled floors (the scenario's rule, exact).
        public var allocation: Double

        /// A service's amount from its parts.
        public init(serviceID: String, baseline: Double, allocation: Double) {
            self.serviceID = serviceID
            self.baseline = baseline
            self.allocation = allocation
        }
    }

    /// The classes whose factor is below 1, in the order they give way (lowest priority first,
    /// the protected floors last).
    public var floors: [Floor]
    /// Per service, in the scenario's order.
    public var services: [ServiceAmount]
    /// When the scenario has areas: what each area's funds would pay in this allocation
    /// (SCENARIO-SPEC section 13, one valid split), in the file's area order; empty otherwise.
    public var areas: [AreaResult]

    /// A fallback from its parts.
    public init(floors: [Floor], services: [ServiceAmount], areas: [AreaResult] = []) {
        self.floors = floors
        self.services = services
        self.areas = areas
    }
}
