/// What holds a service's allocation where it is (SCENARIO-SPEC sections 5 and 10).
///
/// Each reason has a checkable definition, and when several are true the first in the
/// spec's order is given: `closed`, `protected`, `minimum`, `maximum`, `step`, `group:<id>`,
/// `ring-fence:<fund id>`, `area:<id>`, `not-cut`, `share`, with `contract` after `protected` in a
/// planned year.
public enum Binding: Sendable, Equatable, Hashable {
    /// Closed at this cut (SCENARIO-SPEC section 12): a closable service given nothing, because
    /// the cut cannot be met with it open; its shortfall is 1.
    case closed
    /// At its lower bound, which is its baseline because it is protected.
    case protected
    /// At its lower bound in a planned year, part or all of which its contract fixes
    /// (`fixed_until`, SCENARIO-SPEC section 11).
    case contract
    /// At its lower bound `lo_s` (its minimum-service level).
    case minimum
    /// At its upper bound `hi_s`, where that is not its baseline or another service of its
    /// priority is cut more.
    case maximum
    /// A service with a `step` (SCENARIO-SPEC section 12), open and strictly between its lower
    /// and upper bounds, whose shortfall is not its tier's common shortfall: the whole number of
    /// posts it holds keeps it off the share the others take (every such service of a tier with
    /// no service taking the common shortfall).
    case step
    /// In this group (by id), which is at a limit; without that limit the service's
    /// allocation would differ.
    case group(String)
    /// Named by this ring-fenced fund (by id); without the fence the service's allocation
    /// would differ.
    case ringFence(String)
    /// Paid by this area's funds (by area id): its own service, or a shared service the area
    /// contributes to; were the area's funds free to pay any service (and its contributions
    /// left out), the service's allocation would differ.
    case area(String)
    /// At its baseline with its whole priority uncut, because a lower priority takes the cut.
    case notCut
    /// None of the above: it takes the common shortfall of its priority.
    case share

    /// The label used in CSV and JSON: `closed`, `protected`, `contract`, `minimum`, `maximum`, `step`,
    /// `group:<group id>`, `ring-fence:<fund id>`, `area:<area id>`, `not-cut` or `share`.
    public var label: String {
        switch self {
        case .closed: return "closed"
        case .protected: return "protected"
        case .contract: return "contract"
        case .minimum: return "minimum"
        case .maximum: return "maximum"
        case .step: return "step"
        case .group(let group): return "group:\(group)"
        case .ringFence(let fund): return "ring-fence:\(fund)"
        case .area(let area): return "area:\(area)"
        case .notCut: return "not-cut"
        case .share: return "share"
        }
    }
}

/// One service's result at one cut.
public struct ServiceAllocation: Sendable, Equatable {
    /// The service's id.
    public var serviceID: String
    /// The service's baseline.
    public var baseline: Double
    /// The exact allocation `x_s`.
    public var allocation: Double
    /// What holds it there.
    public var binding: Binding
    /// For a service with a `step` (SCENARIO-SPEC section 12): the whole number of posts its
    /// allocation pays for, `allocation / step` (0 when closed); nil for every other service.
    public var posts: Int?

    /// A service result from its parts.
    public init(serviceID: String, baseline: Double, allocation: Double, binding: Binding, posts: Int? = nil) {
        self.serviceID = serviceID
        self.baseline = baseline
        self.allocation = allocation
        self.binding = binding
        self.posts = posts
    }

    /// Change from baseline in money (negative for a cut).
    public var change: Double { allocation - baseline }
    /// Change from baseline in per cent of the baseline; nil for a new bid (baseline 0),
    /// whose change reports show as "new".
    public var changePercent: Double? { baseline > 0 ? (allocation - baseline) / baseline * 100 : nil }
}

/// Whether a cut has an allocation that meets every hard constraint.
public enum CutStatus: String, Sendable, Equatable {
    /// Feasible; the allocation is the one the objective rule picks.
    case optimal
    /// No allocation meets the hard constraints; see the deficit.
    case infeasible
    /// The solver could not decide the cut; see the reason. Neither an allocation nor a deficit.
    case unsolved
}

/// The result of one cut level (SCENARIO-SPEC section 5).
public struct CutResult: Sendable, Equatable {
    /// The cut in per cent (negative for an increase).
    public var cutPercent: Double
    /// The envelope after the cut, `E(c)`.
    public var envelope: Double
    /// Optimal, infeasible or unsolved.
    public var status: CutStatus
    /// Per service, in the scenario's service order; empty unless optimal.
    public var services: [ServiceAllocation]
    /// Money each fund gives each service: one valid split, `[fundIndex][serviceIndex]`;
    /// empty when infeasible.
    public var fundSplit: [[Double]]
    /// When infeasible: the deficit `D(c)`, the least extra unrestricted money that would make the cut feasible.
    public var deficit: Double?
    /// When infeasible and no amount of money can help (`deficit` is nil): the group limits
    /// at fault. Nil otherwise.
    public var hopeless: HopelessConflict?
    /// When infeasible: the support of an optimal dual solution of the deficit programme, whose
    /// needs' amounts less the others' amounts are exactly `deficit` (SCENARIO-SPEC section 10);
    /// empty when feasible or when no money can help.
    public var conflict: [ConflictConstraint]
    /// When feasible: each fund with money left after the allocation, and why it cannot be
    /// spent, in file order; empty when everything is allocated or the cut is infeasible.
    public var unallocatedByFund: [UnallocatedFund]
    /// When unsolved: why the solver could not decide the cut, in a sentence.
    public var reason: String?
    /// When feasible and the scenario has areas: what each area's funds do (SCENARIO-SPEC
    /// section 13), in the file's area order; empty otherwise.
    public var areas: [AreaResult] = []
    /// When infeasible: what the rule would give if floors gave way, or why nothing would
    /// (SCENARIO-SPEC section 14); nil when feasible or when not asked for.
    public var fallback: FallbackOutcome?
    /// The closable services closed at this cut (SCENARIO-SPEC section 12), by index into the
    /// scenario's services, ascending: the set the spec's order chooses among those that meet
    /// the cut (at an infeasible cut, among those with the least deficit). Every one of them is
    /// forced by the cut: the set with any one member reopened comes earlier in the spec's order
    /// (fewer closures in that member's tier), so it cannot meet the cut (at an infeasible cut,
    /// it needs more extra money). Empty when nothing is closed.
    public var closedServices: [Int] = []

    /// A cut result from its parts.
    public init(
        cutPercent: Double, envelope: Double, status: CutStatus, services: [ServiceAllocation],
        fundSplit: [[Double]] = [], deficit: Double? = nil, hopeless: HopelessConflict? = nil,
        conflict: [ConflictConstraint] = [], unallocatedByFund: [UnallocatedFund] = []
    ) {
        self.cutPercent = cutPercent
        self.envelope = envelope
        self.status = status
        self.services = services
        self.fundSplit = fundSplit
        self.deficit = deficit
        self.hopeless = hopeless
        self.conflict = conflict
        self.unallocatedByFund = unallocatedByFund
    }

    /// The result of a cut the solver could not decide, for the reason given by `error`.
    public static func unsolved(_ error: AllocationError, envelope: Double) -> CutResult {
        var result = CutResult(cutPercent: error.cutPercent, envelope: envelope, status: .unsolved, services: [])
        result.reason = error.reason
        return result
    }

    /// Total allocated: the sum of the services' exact allocations (0 unless optimal).
    public var allocated: Double { services.reduce(0) { $0 + $1.allocation } }
    /// Money the constraints leave unspent, `U(c) = E(c) - allocated` (0 unless optimal). A
    /// difference within the sum's rounding error, 1e-12 of the envelope, is 0, so that no
    /// cut reports a negative or stray sub-penny figure for money fully allocated.
    public var unallocated: Double {
        guard status == .optimal else { return 0 }
        let rest = envelope - allocated
        return abs(rest) <= 1e-12 * max(1, abs(envelope)) ? 0 : rest
    }
}
