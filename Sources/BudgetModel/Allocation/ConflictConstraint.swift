/// One hard constraint named in the explanation of an infeasible cut (SCENARIO-SPEC section 6).
public enum ConflictConstraint: Sendable, Equatable, Hashable {
    /// A service's floor: its minimum-service level, or its baseline when protected (by service id).
    case floor(service: String)
    /// A fund's limit: no more than it holds after the cut (by fund id).
    case fund(String)
    /// A group's minimum (by group id).
    case groupMinimum(String)
    /// A group's maximum (by group id).
    case groupMaximum(String)

    /// `floor:<service>`, `fund:<fund>`, `group-min:<group>` or `group-max:<group>`.
    public var label: String {
        switch self {
        case .floor(let service): return "floor:\(service)"
        case .fund(let fund): return "fund:\(fund)"
        case .groupMinimum(let group): return "group-min:\(group)"
        case .groupMaximum(let group): return "group-max:\(group)"
        }
    }
}
