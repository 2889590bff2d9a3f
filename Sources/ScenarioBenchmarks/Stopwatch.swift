/// Wall-clock timing of a piece of work with the monotonic `ContinuousClock`.
public enum Stopwatch {
    /// Runs `work` once and returns its result with the seconds it took.
    public static func time<T, E: Error>(_ work: () throws(E) -> T) throws(E) -> (value: T, seconds: Double) {
        let start = ContinuousClock.now
        let value = try work()
        return (value, seconds(ContinuousClock.now - start))
    }

    /// A duration in seconds.
    public static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}
