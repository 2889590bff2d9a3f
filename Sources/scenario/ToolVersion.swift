/// The version printed by `scenario --version` and recorded in every report's provenance.
enum ToolVersion {
    static let current = "0.1.0"
}
