/// Evenly spaced cut levels, computed as `from + i * step` so that long grids do not drift.
public enum CutGrid {
    /// The cuts `from, from + step, ...` up to and including `to` (to within half a step);
    /// empty when `step` is not positive or `to < from`.
    public static func cuts(from: Double, to: Double, step: Double) -> [Double] {
        guard step > 0, to >= from, (to - from) / step < 1e9 else { return [] }
        let count = Int(((to - from) / step).rounded()) + 1
        return (0..<count).map { from + Double($0) * step }
    }
}
