/// The facts at a breakpoint: which limits are tight just before it and just after it.
///
/// Between two neighbouring breakpoints every allocation is linear in the cut, and so is the
/// slack of every limit; a slack that is never negative and zero inside such a piece is zero
/// all along it. So "just before" and "just after" are judged at the middle of the piece on
/// either side, where a slack that is not zero is as large as the piece allows: far clearer
/// of the tolerances than at a fixed small distance.
struct BreakpointEventFinder {
    let allocator: Allocator
    private var scenario: Scenario { allocator.scenario }

    /// The step of the cut beyond the maximum feasible cut that explains it, in percentage
    /// points: reports print cuts to four decimals.
    static let probe = 1e-4

    /// The cut that explains a maximum feasible cut `cut`: the first multiple of `probe` more
    /// than a millionth of a point past it (so it is infeasible, not the maximum within the
    /// solver's tolerance), at most 99.9999.
    static func explainingCut(beyond cut: Double) -> Double {
        min(((cut + 1e-6) / probe).rounded(.down) * probe + probe, 99.9999)
    }

    /// The breakpoint at `cut`, its events from the allocations at the middle of the pieces
    /// that end there: from `previous` (the breakpoint or range end before it) and to `next`.
    func breakpoint(at cut: Double, after previous: Double, before next: Double) throws(AllocationError) -> Breakpoint {
        let before = try allocator.result(atCut: (previous + cut) / 2)
        let after = try allocator.result(atCut: (cut + next) / 2)
        guard before.status == .optimal, after.status == .optimal else {
            return Breakpoint(cutPercent: cut, events: [], isSmallestFeasibleCut: after.status == .optimal)
        }
        let events = TightLimits.events(before: TightLimits(before, of: scenario), after: TightLimits(after, of: scenario))
        return Breakpoint(cutPercent: cut, events: events)
    }

    /// The breakpoint at the maximum feasible cut, explained by the conflict just beyond it.
    func maximumCutBreakpoint(_ cut: Double) throws(AllocationError) -> Breakpoint {
        let beyond = try allocator.result(atCut: Self.explainingCut(beyond: cut))
        return Breakpoint(cutPercent: cut, events: [], isMaximumFeasibleCut: true, beyond: beyond)
    }
}
