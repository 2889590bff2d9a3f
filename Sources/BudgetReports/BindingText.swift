import BudgetModel

/// A binding reason in the words of a prose table (text, Markdown, LaTeX, HTML): names, not
/// ids, and "not cut" for `not-cut` (SCENARIO-SPEC section 10). CSV and JSON print
/// `Binding.label` instead.
enum BindingText {
    /// The reason as a table prints it: `closed`, `protected`, `minimum`, `maximum`,
    /// `step`, `group: <group name>`, `ring-fence: <fund name>`, `area: <area name>`, `not cut` or `share`.
    static func phrase(_ binding: Binding, in scenario: Scenario) -> String {
        switch binding {
        case .group(let id): return "group: " + (scenario.groups.first { $0.id == id }?.name ?? id)
        case .ringFence(let id): return "ring-fence: " + (scenario.funds.first { $0.id == id }?.name ?? id)
        case .area(let id): return "area: " + (scenario.areas.first { $0.id == id }?.name ?? id)
        case .notCut: return "not cut"
        case .closed, .protected, .contract, .minimum, .maximum, .step, .share: return binding.label
        }
    }

    /// A service's reason as a table prints it, followed for a service with a `step` by its
    /// posts ("step, 1 post of 2", `PostsWording`).
    static func phrase(_ service: ServiceAllocation, in scenario: Scenario) -> String {
        let reason = phrase(service.binding, in: scenario)
        return PostsWording.phrase(service, in: scenario).map { reason + ", " + $0 } ?? reason
    }
}
