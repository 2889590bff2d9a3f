import BudgetModel

/// A sweep through `Allocator`, in increasing cut order, as `scenario sweep` runs it (without
/// writing any output): the whole allocation rule at every cut, each cut warm from the last.
public enum SweepBenchmark {
    /// Allocates `scenario` at every cut and returns how long it took and what it solved.
    ///
    /// - Throws: `AllocationError` when the allocator cannot reach a trustworthy answer.
    public static func run(_ scenario: Scenario, cuts: [Double]) throws(AllocationError) -> SweepMeasurement {
        let allocator = Allocator(scenario: scenario)
        var programs = 0
        allocator.solveObserver = { _, _ in programs += 1 }
        var infeasible = 0
        let start = ContinuousClock.now
        for cut in cuts where try allocator.result(atCut: cut).status == .infeasible {
            infeasible += 1
        }
        let seconds = Stopwatch.seconds(ContinuousClock.now - start)
        return SweepMeasurement(cuts: cuts.count, infeasible: infeasible, linearPrograms: programs, seconds: seconds)
    }
}

/// What `SweepBenchmark.run` measured.
public struct SweepMeasurement: Sendable, Equatable {
    /// Cut levels allocated.
    public var cuts: Int
    /// How many of them were infeasible.
    public var infeasible: Int
    /// LPs the allocator solved (every stage of every cut, the maximum-cut LP and deficit LPs).
    public var linearPrograms: Int
    /// Wall-clock seconds for the whole sweep.
    public var seconds: Double
}
