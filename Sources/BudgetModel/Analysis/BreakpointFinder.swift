/// Finds the cut levels at which the allocation changes slope, by walking along the cut.
///
/// Each allocation `x_s(c)` is piecewise linear in the cut. At a cut, the allocator gives
/// the allocation together with its line (`Allocator.linearPiece(atCut:)`): the slope of
/// every service's allocation, from parametric right-hand-side analysis of each stage's
/// optimal basis inside the solver, and how far the cut can move before some stage's basis
/// stops being feasible (or a fixing changes). The walk starts at the lower end of the range
/// and jumps from event to event: just past each one (by `probe` points) it allocates again,
/// warm, so the dual simplex makes the pivots the parametric method would, and compares the
/// new slopes with the old. Where they differ the event is a breakpoint, located exactly by
/// the ratio test rather than by sampling; a basis change that keeps every slope (a degenerate
/// one) is not. From a thin piece (one whose bases hold for almost no distance) the walk
/// leaps as `CommitmentFinder` does (`ThinPieceLeap`): a leap the rule's decisions prove
/// affine is one line, whose slopes are its chord's. The maximum feasible cut, if in range,
/// ends the walk and is reported as a breakpoint of its own. Where the closures or posts change
/// (SCENARIO-SPEC section 12) the breakpoint is a jump, found first
/// (`ClosingAllocators.jumps`), and the walk runs within the stretches between jumps.
public struct BreakpointFinder {
    private let allocator: Allocator
    private var scenario: Scenario { allocator.scenario }

    /// How far past an event the walk allocates again, in percentage points: far inside the
    /// 1e-4 accuracy promised, far outside the solver's rounding.
    static let probe = 1e-7
    /// Kinks closer than this to an end of the range are not reported (percentage points).
    static let resolution = 1e-7
    /// The accuracy promised (percentage points): kinks closer together than this are one
    /// breakpoint, at the first of them. (In weighted mode the tie-break may spend the 1e-9
    /// slack of the weighted optimum, which can split a kink into two a few 1e-6 points apart.)
    static let accuracy = 1e-4
    /// A slope changes when it moves by more than this times the envelope at 0%, per point.
    static let relativeSlopeTolerance = 1e-8
    /// Most events one walk may visit before it gives up.
    static let maximumEvents = 100_000

    /// A finder that evaluates allocations with the given allocator.
    public init(allocator: Allocator) {
        self.allocator = allocator
    }

    /// The breakpoints strictly inside `range` (and the maximum feasible cut if it lies in the range),
    /// in increasing order.
    public func breakpoints(in range: ClosedRange<Double>) throws(AllocationError) -> [Breakpoint] {
        var upper = range.upperBound
        var result: [Breakpoint] = []
        let maximum = try allocator.maximumFeasibleCut()
        guard let maximum else { return [] }
        if maximum < 100, maximum <= range.upperBound {
            upper = maximum
        }
        let fresh = allocator.fresh(knowingMaximumCut: maximum)
        let events = BreakpointEventFinder(allocator: fresh)
        let endsAtMaximum = maximum < 100 && range.contains(maximum)
        if range.lowerBound < upper {
            let jumps = try allocator.closing?.jumps(from: range.lowerBound, to: upper, for: allocator)
                .filter { $0.cut > range.lowerBound + Self.resolution } ?? []
            let jumpCuts = jumps.map { $0.cut }
            // With steps, the events are read with the choices of the stretches between jumps.
            if let segments = allocator.closing?.stepSegments { fresh.closing?.stepSegments = segments }
            let kinks = try walk(from: range.lowerBound, to: upper)
                .filter { $0 > range.lowerBound + Self.resolution && $0 < upper - Self.resolution }
                .filter { kink in !jumpCuts.contains { abs($0 - kink) <= Self.accuracy } }
            let cuts = (kinks + jumpCuts).sorted()
            for (k, cut) in cuts.enumerated() {
                if let jump = jumps.first(where: { $0.cut == cut })?.jump {
                    result.append(Breakpoint(cutPercent: cut, events: jumpEvents(jump), jump: jump))
                    continue
                }
                let previous = k > 0 ? cuts[k - 1] : range.lowerBound
                let next = k + 1 < cuts.count ? cuts[k + 1] : upper
                result.append(try events.breakpoint(at: cut, after: previous, before: next))
            }
        }
        if endsAtMaximum {
            result.append(try events.maximumCutBreakpoint(maximum))
        }
        return result
    }

    /// The events of a jump: each service that closes or reopens, then each whose allocation
    /// jumps (by more than a billionth of the scenario's scale: with steps, a change of posts
    /// and the moves it makes in the others), in file order.
    private func jumpEvents(_ jump: AllocationJump) -> [BreakpointEvent] {
        var events: [BreakpointEvent] = []
        for (s, service) in scenario.services.enumerated() where jump.closedBefore.contains(s) != jump.closedAfter.contains(s) {
            events.append(BreakpointEvent(kind: .closure, id: service.id, starts: jump.closedAfter.contains(s)))
        }
        let tolerance = 1e-9 * scenario.moneyScale
        for (s, service) in scenario.services.enumerated() where abs(jump.after[s] - jump.before[s]) > tolerance {
            events.append(BreakpointEvent(kind: .jump, id: service.id, starts: jump.after[s] > jump.before[s]))
        }
        return events
    }

    // MARK: - The walk

    private var slopeTolerance: Double { Self.relativeSlopeTolerance * max(1, scenario.envelope(afterCut: 0)) }

    /// The cuts in `[start, end]` where some allocation changes slope, in increasing order.
    private func walk(from start: Double, to end: Double) throws(AllocationError) -> [Double] {
        var kinks: [Double] = []
        var cut = start
        var piece = try allocator.linearPiece(atCut: cut)
        if piece.result.status != .optimal {
            // The feasible cuts are an interval that reaches `end`: find where it starts.
            cut = firstFeasibleCut(after: start, before: end)
            kinks.append(cut)
            piece = try allocator.linearPiece(atCut: cut)
        }
        var slopes = piece.slopes
        // Where the last piece with slopes ends: the event a slope change is located at.
        var event = cut + piece.forward
        var next = event
        var visited = 0
        var leap = ThinPieceLeap()
        // The allocation at `cut`, how far its piece reaches and what the rule decided there.
        var here = (amounts: piece.result.services.map(\.allocation), forward: piece.forward, decisions: piece.decisions)
        while next < end - Self.resolution {
            visited += 1
            guard visited <= Self.maximumEvents else {
                throw AllocationError(cutPercent: next, reason: "the breakpoint walk met more than \(Self.maximumEvents) events")
            }
            if let (leapt, landed) = try leap.past(
                reaching: here.forward, decisions: here.decisions, at: cut, before: end - Self.resolution, with: allocator) {
                // One line from `cut` to `leapt`, with the chord's slopes.
                let chord = zip(here.amounts, landed.amounts).map { ($1 - $0) / (leapt - cut) }
                if let old = slopes, differ(old, chord), event > start + Self.resolution,
                   kinks.last.map({ event - $0 > Self.accuracy }) ?? true {
                    kinks.append(event)
                }
                slopes = chord
                let continues = landed.slopes.map { landed.forward >= Self.probe && !differ($0, chord) } ?? false
                event = continues ? leapt + landed.forward : leapt
                next = leapt + landed.forward
                cut = leapt
                here = (landed.amounts, landed.forward, landed.decisions)
                continue
            }
            cut = min(next + Self.probe, end)
            piece = try allocator.linearPiece(atCut: cut)
            next = cut + piece.forward
            here = (piece.result.services.map(\.allocation), piece.forward, piece.decisions)
            // A basis that ends within the probe (two events that close, or a degenerate
            // alternative optimum the solver met at this cut alone) has no line to compare.
            guard let newSlopes = piece.slopes, piece.forward >= Self.probe else { continue }
            if let old = slopes, differ(old, newSlopes),
               event > start + Self.resolution, kinks.last.map({ event - $0 > Self.accuracy }) ?? true {
                kinks.append(event)
            }
            slopes = newSlopes
            event = next
        }
        return kinks
    }

    /// Whether two lists of slopes differ by more than `slopeTolerance` anywhere.
    private func differ(_ a: [Double], _ b: [Double]) -> Bool {
        zip(a, b).contains { abs($0 - $1) > slopeTolerance }
    }

    /// The first feasible cut after `start` (infeasible) to `resolution`, given that `end` is
    /// feasible. A cut the solver cannot decide lies on the boundary within its tolerances, and
    /// counts as infeasible.
    private func firstFeasibleCut(after start: Double, before end: Double) -> Double {
        var (infeasible, feasible) = (start, end)
        while feasible - infeasible > Self.resolution {
            let middle = (infeasible + feasible) / 2
            if (try? allocator.result(atCut: middle))?.status == .optimal { feasible = middle } else { infeasible = middle }
        }
        return feasible
    }
}
