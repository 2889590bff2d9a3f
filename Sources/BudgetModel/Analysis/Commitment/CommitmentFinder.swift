/// Finds each service's guaranteed amount over a range of cuts (SCENARIO-SPEC section 14).
///
/// Without closures or steps every allocation `x_s(c)` is continuous and piecewise linear in
/// the cut, and the feasible cuts form one interval (the projection of a polyhedron). So the
/// least allocation over the range's feasible cuts is reached at an end of that interval or
/// at a breakpoint inside it. The finder walks the feasible cuts from piece to piece as
/// `BreakpointFinder` does: at a cut the rule gives the allocation and its line (the slopes
/// from parametric analysis of every stage's optimal basis, and how far the cut can move
/// before a basis or a fixing changes, which is where the next piece starts). It allocates
/// again just past that end (1e-7 points) and moves the values back along the new line to
/// the breakpoint. The least of the values at the ends of every piece, and the smallest cut
/// that reaches it, are the guarantee. No sampling is involved, and no binding
/// reason is worked out, so a walk costs one allocation per piece; and since a piece ends
/// where one stage's basis or fixing changes, the stages before that one keep theirs past
/// the end: each allocation reads them off their lines from the allocation before
/// (`StageLine`) and re-solves only the stages whose lines no longer hold: a stage keeps its
/// line while every stage before it decides as it did when the line was found.
///
/// A stage whose optimal face is large can end on a basis that holds for almost no distance
/// (a degenerate vertex the dual simplex met), although the allocation stays on one line far
/// beyond. From such a thin piece the walk leaps (`ThinPieceLeap`): it allocates at a cut
/// further on and keeps the leap when the rule decided the same at both cuts with the same
/// rates (`RuleDecisions.provesAffine(with:)`), which proves the allocation affine between
/// them, so that its least there is at one of the two ends. Where no leap proves anything,
/// the walk steps past the piece as before.
///
/// The feasible cuts of the range are found first, exactly: their least and their largest are
/// each the optimum of one LP (`MaximumCutProgram.feasibleCuts(in:)`; with closures, over every
/// choice of them, `ClosureFeasibleCuts`). They need not contain
/// 0%: a group limit in per cent of the envelope can make 0% infeasible and some cuts on one
/// side of it feasible, so that a range has infeasible cuts at both ends.
public struct CommitmentFinder {
    private let allocator: Allocator

    /// Amounts within this fraction of the scenario's money scale (its largest fund or
    /// baseline) of the least are taken to reach it: the solver's rounding, not money.
    static let relativeValueTolerance = 1e-9

    /// A finder that allocates with the given allocator.
    public init(allocator: Allocator) {
        self.allocator = allocator
    }

    /// Every service's guarantee over `range`, with the range's infeasible cuts.
    ///
    /// - Throws: `AllocationError` when the solver cannot decide a cut it needs.
    public func commitment(over range: ClosedRange<Double>) throws(AllocationError) -> Commitment {
        let scenario = allocator.scenario
        guard let feasible = try allocator.feasibleCuts(in: range) else {
            return Commitment(
                range: range, infeasible: [range], feasible: nil,
                services: scenario.services.map {
                    ServiceCommitment(serviceID: $0.id, baseline: $0.baseline, guaranteed: nil, atCutPercent: nil)
                })
        }
        var infeasible: [ClosedRange<Double>] = []
        if feasible.lowerBound > range.lowerBound { infeasible.append(range.lowerBound...feasible.lowerBound) }
        if feasible.upperBound < range.upperBound { infeasible.append(feasible.upperBound...range.upperBound) }

        var least = Least(count: scenario.services.count, tolerance: Self.relativeValueTolerance * scenario.moneyScale)
        // With steps, the stretches of one choice of posts are found first, for the walk to follow.
        if let closing = allocator.closing, closing.isStepped {
            _ = try closing.jumps(from: feasible.lowerBound, to: feasible.upperBound, for: allocator)
        }
        try walk(from: feasible.lowerBound, to: feasible.upperBound, into: &least)
        let services = scenario.services.indices.map { s in
            ServiceCommitment(
                serviceID: scenario.services[s].id, baseline: scenario.services[s].baseline,
                guaranteed: least.values[s], atCutPercent: least.cuts[s], isOpen: least.open[s])
        }
        return Commitment(range: range, infeasible: infeasible, feasible: feasible, services: services)
    }

    /// How far past the end of a piece the walk allocates again (percentage points), as
    /// `BreakpointFinder.probe`.
    static let probe = 1e-7
    /// Most pieces one walk may visit.
    static let maximumPieces = 1_000_000

    /// The least value of each service so far, the first cut it was reached at, and whether it
    /// is only approached there (on one side of a jump of the closures or posts, SCENARIO-SPEC
    /// section 12, where the choice of the other side holds).
    struct Least {
        var values: [Double]
        var cuts: [Double]
        var open: [Bool]
        let tolerance: Double

        init(count: Int, tolerance: Double) {
            values = [Double](repeating: .infinity, count: count)
            cuts = [Double](repeating: .nan, count: count)
            open = [Bool](repeating: false, count: count)
            self.tolerance = tolerance
        }

        /// Takes the allocations at a cut (or, when `approached`, their limits as the cut moves to
        /// it from one side); cuts arrive in increasing order, so a value within `tolerance` of the
        /// least so far keeps the earlier cut.
        mutating func consider(_ amounts: [Double], at cut: Double, approached: Bool = false) {
            for s in amounts.indices where amounts[s] < values[s] {
                if amounts[s] < values[s] - tolerance {
                    cuts[s] = cut
                    open[s] = approached
                }
                values[s] = amounts[s]
            }
        }
    }

    /// Walks the pieces of the feasible cuts `[lower, upper]` (both feasible), taking the
    /// allocations at both ends of each: at `lower`, at each breakpoint (from the allocation a
    /// probe past it, moved back along its line) and at `upper`.
    private func walk(from lower: Double, to upper: Double, into least: inout Least) throws(AllocationError) {
        var (cut, piece) = try firstPiece(at: lower)
        var start = lower
        var visited = 0
        // The closures in force (SCENARIO-SPEC section 12): where they change, a piece's line
        // moved back to its start gives the limit from above, not the allocation there.
        var closed = try allocator.closing?.choice(atCut: cut, for: allocator)
        // Whether the current piece's start is only approached (the choice before a jump holds there).
        var jumped = false
        var leap = ThinPieceLeap()
        while let current = piece {
            if let slopes = current.slopes, cut > start {
                least.consider(zip(current.amounts, slopes).map { $0 - $1 * (cut - start) }, at: start, approached: jumped)
            } else {
                least.consider(current.amounts, at: cut)
            }
            let reach = current.slopes == nil ? cut : allocator.closing?.stretchEnd(cut + current.forward, from: cut) ?? cut + current.forward
            if let slopes = current.slopes, let closing = allocator.closing, reach < upper - Self.probe {
                // The piece's own end: where the closures change next, attained on this side
                // unless the choice after the change holds at it.
                let endOpen = closing.segment(around: reach).map { $0.choice != closed } ?? false
                least.consider(zip(current.amounts, slopes).map { $0 + $1 * (reach - cut) }, at: reach, approached: endOpen)
            }
            if reach >= upper - Self.probe { break }
            visited += 1
            guard visited <= Self.maximumPieces else {
                throw AllocationError(cutPercent: cut, reason: "the commitment walk met more than \(Self.maximumPieces) pieces")
            }
            if let (leapt, landed) = try leap.past(
                reaching: current.forward, decisions: current.decisions, at: cut, before: upper - Self.probe, with: allocator) {
                // The allocation is affine from `cut` to `leapt`: its least there is at an end.
                (cut, start, piece) = (leapt, leapt, landed)
                continue
            }
            start = reach
            cut = min(reach + Self.probe, upper)
            piece = try allocator.linearAllocations(atCut: cut)
            let closedNow = try allocator.closing?.choice(atCut: cut, for: allocator)
            // The new piece's start is attained when its choice already holds there.
            jumped = closedNow != closed && allocator.closing?.segment(around: start).map { $0.choice != closedNow } ?? true
            closed = closedNow
            if piece == nil, cut < upper {
                throw AllocationError(cutPercent: cut, reason: "a cut inside the feasible cuts of the range came back infeasible")
            }
        }
        least.consider(try amounts(atCut: upper), at: upper)
    }

    /// The allocations and their line at the least feasible cut `lower`. There (an optimum of
    /// its own LP, as the largest is) a stage of the rule can meet an infeasibility within the
    /// solver's tolerance; then the line is taken from a cut just above, whose line reaches
    /// back to `lower`, and the walk starts from that cut.
    private func firstPiece(at lower: Double) throws(AllocationError) -> (cut: Double, piece: LinearAllocations?) {
        if let piece = try allocator.linearAllocations(atCut: lower) { return (lower, piece) }
        for step in Self.approachSteps {
            if let piece = try allocator.linearAllocations(atCut: lower + step),
               piece.slopes != nil, piece.backward >= step * (1 - 1e-6) {
                return (lower + step, piece)
            }
        }
        throw AllocationError(cutPercent: lower, reason: "the least feasible cut of the range came back infeasible")
    }

    /// The allocations at the largest feasible cut `upper`. There a stage of the rule can meet
    /// an infeasibility within the solver's tolerance; then the allocation is continued along
    /// the line of a cut just below, which is exact where that line reaches `upper`.
    private func amounts(atCut upper: Double) throws(AllocationError) -> [Double] {
        if let amounts = try allocator.allocations(atCut: upper) { return amounts }
        for step in Self.approachSteps {
            if let piece = try allocator.linearAllocations(atCut: upper - step), let slopes = piece.slopes,
               piece.forward >= step * (1 - 1e-6) {
                return zip(piece.amounts, slopes).map { $0 + $1 * step }
            }
        }
        throw AllocationError(cutPercent: upper, reason: "the largest feasible cut of the range came back infeasible")
    }

    /// How far inside the feasible cuts an end's allocation is approached from, tried in turn
    /// (percentage points).
    static let approachSteps = [1e-6, 1e-5, 1e-4]
}
