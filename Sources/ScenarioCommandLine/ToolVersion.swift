/// The version printed by `scenario --version` and recorded in every report's provenance.
public enum ToolVersion {
    public static let current = "0.1.0"
}
