/// A scenario together with where it came from: the provenance every report prints.
public struct ScenarioDocument: Sendable, Equatable {
    /// The validated scenario.
    public var scenario: Scenario
    /// The file name as the user gave it (or a label such as `cambridgeshire-2015-16.toml (bundled)`).
    public var fileName: String
    /// Lower-case hex SHA-256 of the file's bytes.
    public var sha256: String
    /// The file's `[plan]` (SCENARIO-SPEC section 11), nil for a one-year scenario.
    public var plan: Plan?

    /// A document from its parts.
    public init(scenario: Scenario, fileName: String, sha256: String, plan: Plan? = nil) {
        self.scenario = scenario
        self.fileName = fileName
        self.sha256 = sha256
        self.plan = plan
    }
}
