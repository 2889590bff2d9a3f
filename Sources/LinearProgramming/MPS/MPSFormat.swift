/// The two layouts of MPS data lines.
public enum MPSFormat: String, Sendable, CaseIterable {
    /// Fields at fixed column positions (2-3, 5-12, 15-22, 25-36, 40-47,
    /// 50-61, counted in bytes from 1), so names may contain spaces.
    case fixed
    /// Fields separated by spaces or tabs; names cannot contain spaces.
    case free
    /// Decide per file: when every data line fits the fixed columns (the
    /// gaps between fields are blank and nothing lies beyond column 61) the
    /// file is read as fixed, and if that fails, as free; otherwise as free.
    /// When both readings fail, the error of the reading that got further
    /// through the file is reported.
    case automatic
}
