extension Allocator {
    /// The allocations at a cut (exactly `allocations(atCut:)`) with their line: the slope of
    /// each in money per percentage point and how far above the cut those slopes hold
    /// (`AllocationPiece` without the binding reasons, so one allocation per call); nil when
    /// the cut is infeasible. `slopes` is nil when some stage's basis could not be analysed.
    func linearAllocations(atCut cut: Double) throws(AllocationError) -> (amounts: [Double], slopes: [Double]?, forward: Double)? {
        if let closing {
            let choice = try closing.choice(atCut: cut, for: self)
            guard let line = try closing.allocator(choice, for: self).linearAllocations(atCut: cut) else { return nil }
            let held = closing.heldInterval(around: cut).map { $0.upperBound - cut } ?? (closing.isStepped ? 0 : line.forward)
            return (line.amounts, line.slopes, min(line.forward, held))
        }
        let tracker = CutSlopeTracker(serviceCount: scenario.services.count)
        slopeTracker = tracker
        defer { slopeTracker = nil }
        guard let amounts = try allocations(atCut: cut) else { return nil }
        let slopes = tracker.allocationSlopes
        return (amounts, slopes, slopes == nil ? 0 : tracker.forward)
    }
}
