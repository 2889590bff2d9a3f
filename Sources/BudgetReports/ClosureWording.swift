import BudgetModel

/// Says which closures a cut forced (SCENARIO-SPEC section 12), from `CutResult.closedServices`:
/// names, never ids.
struct ClosureWording {
    let scenario: Scenario

    /// "The cut forces 1 closure: Advocacy B (closed; it cannot be met with it open)." at a
    /// feasible cut; at an infeasible one, the closures of the choice with the least deficit.
    /// Nil when nothing is closed.
    func sentence(_ result: CutResult) -> String? {
        let closed = result.closedServices
        guard !closed.isEmpty else { return nil }
        let names = Self.list(closed.map { scenario.services[$0].name })
        let count = closed.count == 1 ? "1 closure" : "\(closed.count) closures"
        let them = closed.count == 1 ? "it" : "any one of them"
        switch result.status {
        case .infeasible:
            return "The least deficit needs \(count): \(names) (with \(them) open, the deficit would be larger)."
        default:
            return "The cut forces \(count): \(names) (with \(them) open, the cut cannot be met)."
        }
    }

    /// `a`, `a and b`, `a, b and c`.
    static func list(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }
}
