/// The allocations at a cut with the line they lie on (`AllocationPiece` without the binding
/// reasons, so one allocation per call).
struct LinearAllocations {
    /// `x_s` per service, in the scenario's order.
    var amounts: [Double]
    /// `d x_s / dc` per service, in money per percentage point; nil when some stage's basis
    /// could not be analysed.
    var slopes: [Double]?
    /// How far above the cut (percentage points) the slopes hold; zero without slopes.
    var forward: Double
    /// How far below the cut they hold; zero without slopes.
    var backward: Double
    /// What the rule decided at the cut (`RuleDecisions`); nil when it proves nothing, and
    /// always with closable services, whose choice can jump between cuts.
    var decisions: RuleDecisions?
}

extension Allocator {
    /// The allocations at a cut (`allocations(atCut:)`, with the stages whose lines from the
    /// last such call still hold read off them, `StageLine`) with their line; nil when the
    /// cut is infeasible. With closable services the line is that of the closures chosen at the
    /// cut, and holds no further than they are known to (`ClosingAllocators.heldInterval`); with
    /// steps it holds at the cut alone, as the posts may change at any other.
    func linearAllocations(atCut cut: Double) throws(AllocationError) -> LinearAllocations? {
        if let closing {
            let choice = try closing.choice(atCut: cut, for: self)
            guard var line = try closing.allocator(choice, for: self).linearAllocations(atCut: cut) else { return nil }
            if let held = closing.heldInterval(around: cut) {
                line.forward = min(line.forward, held.upperBound - cut)
                line.backward = min(line.backward, cut - held.lowerBound)
            } else if closing.isStepped {
                line.forward = 0
                line.backward = 0
            }
            line.decisions = nil
            return line
        }
        let tracker = CutSlopeTracker(serviceCount: scenario.services.count)
        slopeTracker = tracker
        readsStageLines = true
        defer {
            slopeTracker = nil
            readsStageLines = false
        }
        guard let amounts = try allocations(atCut: cut) else { return nil }
        let slopes = tracker.allocationSlopes
        return LinearAllocations(
            amounts: amounts, slopes: slopes, forward: slopes == nil ? 0 : tracker.forward,
            backward: slopes == nil ? 0 : tracker.backward, decisions: tracker.decisions)
    }
}
