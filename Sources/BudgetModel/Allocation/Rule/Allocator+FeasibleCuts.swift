extension Allocator {
    /// The feasible cuts of `range`, an interval, or nil when the range has none: the least and
    /// the largest feasible cut of the range, each the optimum of one LP
    /// (`MaximumCutProgram.feasibleCuts(in:)`), wherever 0% lies; with closable services, of
    /// one mixed-integer programme over every choice of closures (`ClosureFeasibleCuts`).
    public func feasibleCuts(in range: ClosedRange<Double>) throws(AllocationError) -> ClosedRange<Double>? {
        if let closing { return try closing.feasibleCuts(in: range, for: self) }
        return try MaximumCutProgram(scenario: scenario).feasibleCuts(in: range, options: options, observer: solveObserver)
    }
}
