/// How an allocator decides whether removing a limit changes a service's allocation, for the
/// binding reasons that name a limit (`group:`, `ring-fence:`, `area:`; SCENARIO-SPEC section 10).
/// Both give the same reasons.
public enum BindingTest: Sendable {
    /// From the duals and slacks of the rule's own stage LPs where they decide it
    /// (`LimitEvidence`), re-solving the cut without the limit only for the services they leave
    /// undecided.
    case stageSolutions
    /// By re-solving the cut without each limit that could hold an unexplained service: the
    /// definition itself, for checking the other.
    case reSolving
}
