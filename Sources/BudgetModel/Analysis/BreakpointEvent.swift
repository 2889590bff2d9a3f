/// A limit that starts or stops binding at a breakpoint (SCENARIO-SPEC section 10), as a
/// fact: which limit, and which way its slack moves.
public struct BreakpointEvent: Sendable, Equatable, Hashable {
    /// The kinds of limit an event is about.
    public enum Kind: String, Sendable, CaseIterable {
        /// A service's lower bound `lo_s` (its minimum, or its baseline when protected); `id` is the service's.
        case minimum
        /// A service's upper bound `hi_s`; `id` is the service's.
        case maximum
        /// A group's minimum; `id` is the group's.
        case groupMinimum = "group-min"
        /// A group's maximum; `id` is the group's.
        case groupMaximum = "group-max"
        /// A ring-fenced fund, tight when the services it names take at most all of it: the
        /// fence then holds them up (or part of it is left unspent), and the allocation would
        /// differ were it removed; `id` is the fund's.
        case ringFence = "ring-fence"
        /// A priority tier, tight when some service of it is below its baseline (cut); `id`
        /// is the priority, written as an integer.
        case tier
        /// A closable service closing (`starts` true) or reopening (false) as the cut passes
        /// the breakpoint (SCENARIO-SPEC section 12); `id` is the service's.
        case closure
        /// A service's allocation jumping at the breakpoint, because the closures change there:
        /// `starts` is true when it jumps up, false when it jumps down; `id` is the service's.
        /// The values on both sides are the breakpoint's `jump`.
        case jump
    }

    /// Which kind of limit.
    public var kind: Kind
    /// The service, group or fund id, or the priority (see `Kind`).
    public var id: String
    /// True: the limit is tight just after the breakpoint and was not just before (it starts
    /// to bind). False: it was tight just before and has positive slack just after (it stops).
    public var starts: Bool

    /// An event from its parts.
    public init(kind: Kind, id: String, starts: Bool) {
        self.kind = kind
        self.id = id
        self.starts = starts
    }
}
