/// One constraint of the conflict behind an infeasible cut (SCENARIO-SPEC section 10), with
/// what it contributes to the deficit.
///
/// The conflict is the support of an optimal dual solution of the deficit programme. Each
/// member's `amount` is its dual multiplier times its limit, in money, so that by LP duality
/// the sum of the amounts of the needs (`isNeed`) less the sum of the amounts of the others
/// is exactly the deficit `D(c)`. A member whose multiplier is one (the usual case) has its
/// own limit as its amount; where groups overlap a multiplier may be another positive number.
public struct ConflictConstraint: Sendable, Equatable, Hashable {
    /// Which kind of limit.
    public enum Kind: String, Sendable, Equatable, Hashable {
        /// An unrestricted fund: it gives no more than it holds after the cut (id: the fund's).
        case fund
        /// A ring-fenced fund: it gives no more than it holds, and only to the services it names.
        case ringFence = "ring-fence"
        /// A fund of an area, not ring-fenced: it gives no more than it holds, and only to its
        /// area's services and shares (id: the fund's).
        case area
        /// A service's minimum-service level (id: the service's).
        case minimum
        /// A protected service's baseline (id: the service's).
        case protected
        /// A service's maximum (id: the service's).
        case maximum
        /// A group's minimum (id: the group's).
        case groupMinimum = "group-min"
        /// A group's maximum (id: the group's).
        case groupMaximum = "group-max"
    }

    /// The kind of limit.
    public var kind: Kind
    /// The id of the fund, service or group the limit belongs to.
    public var id: String
    /// Its multiplier times its limit, in money (not negative).
    public var amount: Double
    /// The limit itself at the cut, in money (positive): a floor, a maximum, a fund's amount
    /// after the cut or a group's limit.
    public var limit: Double

    /// A member from its parts.
    public init(kind: Kind, id: String, amount: Double, limit: Double) {
        self.kind = kind
        self.id = id
        self.amount = amount
        self.limit = limit
    }

    /// `amount / limit`: the dual multiplier, 1 when the whole limit counts once.
    public var multiplier: Double { amount / limit }

    /// Whether the limit asks for money (a minimum, a protection, a group minimum) rather than
    /// bounding what can be given (a fund, a ring-fence, a maximum, a group maximum).
    public var isNeed: Bool {
        switch kind {
        case .minimum, .protected, .groupMinimum: return true
        case .fund, .ringFence, .area, .maximum, .groupMaximum: return false
        }
    }
}

extension Array where Element == ConflictConstraint {
    /// What the needs of the conflict add up to, in money.
    public var need: Double { filter(\.isNeed).reduce(0) { $0 + $1.amount } }
    /// What the other members can give them, in money: `need - available` is the deficit.
    public var available: Double { filter { !$0.isNeed }.reduce(0) { $0 + $1.amount } }
}
