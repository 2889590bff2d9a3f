import BudgetModel

/// What holds a service, as the prose reports (text, Markdown, LaTeX, HTML) print it: with the
/// group's or fund's name ("group: Community services", "ring-fence: Domestic Abuse Fund"),
/// never its id (SCENARIO-SPEC section 10). CSV and JSON print `Binding.label`.
enum BindingWording {
    static func text(_ binding: Binding, scenario: Scenario) -> String {
        switch binding {
        case .group(let id): return "group: " + (scenario.groups.first { $0.id == id }?.name ?? id)
        case .ringFence(let id): return "ring-fence: " + (scenario.funds.first { $0.id == id }?.name ?? id)
        default: return binding.label
        }
    }
}
