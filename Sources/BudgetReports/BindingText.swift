import BudgetModel

/// A binding reason in the words of a prose table (text, Markdown, LaTeX, HTML): names, not
/// ids, and "not cut" for `not-cut` (SCENARIO-SPEC section 10). CSV and JSON print
/// `Binding.label` instead.
enum BindingText {
    /// The reason as a table prints it: `closed`, `protected`, `minimum`, `maximum`,
    /// `group: <group name>`, `ring-fence: <fund name>`, `area: <area name>`, `not cut` or `share`.
    static func phrase(_ binding: Binding, in scenario: Scenario) -> String {
        switch binding {
        case .group(let id): return "group: " + (scenario.groups.first { $0.id == id }?.name ?? id)
        case .ringFence(let id): return "ring-fence: " + (scenario.funds.first { $0.id == id }?.name ?? id)
        case .area(let id): return "area: " + (scenario.areas.first { $0.id == id }?.name ?? id)
        case .notCut: return "not cut"
        case .closed, .protected, .contract, .minimum, .maximum, .share: return binding.label
        }
    }
}
