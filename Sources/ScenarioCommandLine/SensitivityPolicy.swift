import ArgumentParser
import BudgetModel

/// Whether `scenario solve` computes the cut's sensitivity.
public enum SensitivityChoice: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// Always in weighted mode; in tiers mode up to `FloorCost.automaticServiceLimit` services.
    case auto
    case yes
    case no

    /// Whether the sensitivity of a cut of `scenario` is computed: `auto` leaves the tiers-mode
    /// figures out above `FloorCost.automaticServiceLimit` services, since each binding floor
    /// costs one more allocation.
    public func isWanted(for scenario: Scenario) -> Bool {
        switch self {
        case .yes: true
        case .no: false
        case .auto: scenario.objective == .weighted || scenario.services.count <= FloorCost.automaticServiceLimit
        }
    }
}
