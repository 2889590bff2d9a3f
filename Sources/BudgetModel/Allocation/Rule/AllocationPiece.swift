/// The allocation at one cut with the line it lies on: the slope of every service's
/// allocation and how far either side of the cut those slopes hold.
public struct AllocationPiece: Sendable {
    /// The allocation at the cut.
    public let result: CutResult
    /// `d x_s / dc` per service (in the order of the scenario's services), in money per
    /// percentage point; nil for an infeasible cut or when some stage's basis could not be analysed.
    public let slopes: [Double]?
    /// How far above the cut (percentage points) every stage keeps its basis and fixings,
    /// so that the allocation is `x + slopes × (c' - c)` (zero when `slopes` is nil).
    public let forward: Double
    /// How far below the cut they do.
    public let backward: Double
    /// What the rule decided at the cut (`RuleDecisions`); nil when it proves nothing, and
    /// always with closable services.
    var decisions: RuleDecisions? = nil
}

extension Allocator {
    /// The allocation at `cutPercent` (exactly `result(atCut:)`) and the line it lies on, from
    /// parametric right-hand-side analysis of every stage's optimal basis in the solver.
    public func linearPiece(atCut cutPercent: Double) throws(AllocationError) -> AllocationPiece {
        if let closing {
            let choice = try closing.choice(atCut: cutPercent, for: self)
            let piece = try closing.allocator(choice, for: self).linearPiece(atCut: cutPercent)
            return closing.clamping(piece, atCut: cutPercent, choice: choice)
        }
        let tracker = CutSlopeTracker(serviceCount: scenario.services.count)
        slopeTracker = tracker
        defer { slopeTracker = nil }
        let result = try result(atCut: cutPercent)
        guard result.status == .optimal, let slopes = tracker.allocationSlopes else {
            return AllocationPiece(result: result, slopes: nil, forward: 0, backward: 0)
        }
        return AllocationPiece(
            result: result, slopes: slopes, forward: tracker.forward, backward: tracker.backward, decisions: tracker.decisions)
    }
}
