import ArgumentParser
import BudgetModel

/// `--area ID` of `scenario solve`: one area's view of the cut (SCENARIO-SPEC section 13).
public enum AreaOption {
    /// `id` when the scenario has an area with that id; nil when no `--area` was given.
    ///
    /// - Throws: `ExitStatus.usage` (64), after one line on standard error, when the scenario
    ///   has no such area.
    public static func checked(_ id: String?, in scenario: Scenario, command: String) throws -> String? {
        guard let id else { return nil }
        guard !scenario.areas.contains(where: { $0.id == id }) else { return id }
        throw failing([message(id, in: scenario, command: command)], status: ExitStatus.usage)
    }

    /// The one-line error for an `--area` that names no area of the scenario.
    public static func message(_ id: String, in scenario: Scenario, command: String) -> String {
        let known = scenario.areas.map(\.id)
        guard !known.isEmpty else { return "scenario \(command): --area \(id): the scenario has no [[area]]" }
        let listed = known.count <= 10 ? known.joined(separator: ", ") : known.prefix(10).joined(separator: ", ") + ", …"
        return "scenario \(command): --area \(id) is not an area of the scenario (its areas: \(listed))"
    }
}
