import LinearProgramming

/// The feasible cuts of a range over every choice of closures (SCENARIO-SPEC section 12: a cut
/// is feasible when some choice of closures meets it). Its largest and its least are each the
/// optimum of the feasible-cuts programme (`MaximumCutProgram.feasibleCuts(in:)`) with a binary
/// `z_s` per closable service (`ClosureColumns`), solved by branch and bound stretch by stretch
/// between the cut kinks, as the LP is. The cut is then that of the LP with the optimum's
/// closures closed, so that it agrees to the last bit with what the rule's allocators for that
/// choice decide.
///
/// Every choice's feasible cuts form an interval. Where feasibility is closed downwards
/// (`Scenario.feasibilityIsMonotoneInCut`) their union does too, so the range's feasible cuts
/// are exactly the interval from the least to the largest.
struct ClosureFeasibleCuts {
    let scenario: Scenario
    var observer: ((MixedIntegerProgram, MixedIntegerSolution) -> Void)?

    /// The least and the largest feasible cut of `range` over every choice of closures, nil when
    /// no cut of the range is feasible with any choice.
    func feasibleCuts(
        in range: ClosedRange<Double>, options: SimplexOptions, observer lpObserver: ((LinearProgram, Solution) -> Void)?
    ) throws(AllocationError) -> ClosedRange<Double>? {
        let stretches = MaximumCutProgram(scenario: scenario).stretches(of: range)
        guard let highest = try extremeCut(over: stretches.reversed(), maximising: true, options: options, observer: lpObserver),
              let lowest = try extremeCut(over: stretches, maximising: false, options: options, observer: lpObserver)
        else { return nil }
        return min(lowest, highest)...highest
    }

    /// The largest (or least) feasible cut over every choice of closures of the first of
    /// `stretches` that has one.
    private func extremeCut(
        over stretches: [(lower: Double, upper: Double)], maximising: Bool, options: SimplexOptions,
        observer lpObserver: ((LinearProgram, Solution) -> Void)?
    ) throws(AllocationError) -> Double? {
        for stretch in stretches {
            let program = MaximumCutProgram(scenario: scenario).program(stretch: stretch, maximising: maximising)
            let cutColumn = program.columnCount - 1
            let (closures, _, result) = ClosureColumns.solvingMaximumCut(program, of: scenario, observer: observer)
            switch result.status {
            case .optimal:
                guard let values = result.columnValues else { break }
                let closed = closures.closed(in: values)
                // The LP of that choice decides the cut; within its tolerance of the stretch's
                // edge it may find none, and then the programme's own cut stands.
                let chosen = MaximumCutProgram(scenario: scenario.closing(closed))
                return try chosen.extremeCut(over: [stretch], maximising: maximising, options: options, observer: lpObserver)
                    ?? MaximumCutProgram.cut(fromLevel: values[cutColumn], in: stretch)
            case .infeasible:
                continue
            default:
                break
            }
            throw AllocationError(
                cutPercent: stretch.lower, reason: "the feasible-cuts programme with closures stopped with status \(result.status.rawValue)")
        }
        return nil
    }
}

extension ClosingAllocators {
    /// The feasible cuts of `range` over every choice of closures (`ClosureFeasibleCuts`), an
    /// interval from the least to the largest, nil when it has none.
    func feasibleCuts(in range: ClosedRange<Double>, for parent: Allocator) throws(AllocationError) -> ClosedRange<Double>? {
        var finder = ClosureFeasibleCuts(scenario: scenario)
        finder.observer = parent.mixedIntegerObserver
        return try finder.feasibleCuts(in: range, options: parent.options, observer: parent.solveObserver)
    }
}
