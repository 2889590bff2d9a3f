/// A stretch of cuts over which one discrete choice (closures and posts) holds, found by
/// `ClosingAllocators.steppedJumps`.
struct ChoiceSegment {
    var from: Double
    var to: Double
    var choice: DiscreteChoice
    /// Whether the choice holds at `from` itself (else the one before does).
    var holdsAtFrom: Bool
    /// Whether the choice holds at `to` itself (else the one after does).
    var holdsAtTo: Bool

    /// Whether the choice holds at `cut`.
    func holds(at cut: Double) -> Bool {
        (from < cut || (from == cut && holdsAtFrom)) && (cut < to || (cut == to && holdsAtTo))
    }
}

extension ClosingAllocators {
    /// The cuts in `[start, end]` at which the closures or posts of a scenario with steps change
    /// (SCENARIO-SPEC section 12), each with the allocations on both sides, in increasing order;
    /// the stretches between them are kept (`segment(around:)`) so that a later walk over the
    /// range allocates each cut with the choice that holds there.
    ///
    /// The walk goes from the choice at `start` along the linear pieces of its allocation (each
    /// piece of the allocator with that choice held, cut short at that choice's own maximum cut)
    /// and makes the choice again just past the end of each piece. Where it differs, the change
    /// is placed exactly by `ChoiceComparison` between the two choices' exact allocations (no
    /// mixed-integer programme, so none of its gaps): halved to `exactWidth`, then put at the cut
    /// where the deciding figure (a sorted shortfall, a weighted sum) of the two lines is equal,
    /// or at the earlier choice's maximum cut where that is what ends it; the mixed-integer
    /// choice halfway to either side confirms it or finds a third choice between. A choice that
    /// holds only between two cuts the walk chose at, and at neither, is not seen.
    func steppedJumps(from start: Double, to end: Double, for parent: Allocator) throws(AllocationError) -> [(cut: Double, jump: AllocationJump)] {
        stepSegments = []
        var jumps: [(cut: Double, jump: AllocationJump)] = []
        var segments: [ChoiceSegment] = []
        var cut = start
        var current = try choice(atCut: start, for: parent)
        var segment = ChoiceSegment(from: start, to: end, choice: current, holdsAtFrom: true, holdsAtTo: true)
        var visited = 0
        while cut < end {
            visited += 1
            guard visited <= Self.maximumPieces else {
                throw AllocationError(cutPercent: cut, reason: "the walk of whole posts met more than \(Self.maximumPieces) pieces")
            }
            let fixed = allocator(current, for: parent)
            var reach = cut
            if let line = try fixed.linearAllocations(atCut: cut) { reach = cut + line.forward }
            if let maximum = try fixed.maximumFeasibleCut(), maximum < reach { reach = max(cut, maximum) }
            let (next, following) = try choice(near: min(end, reach + Self.probe), for: parent)
            if following == current {
                cut = next
                continue
            }
            var found: [(cut: Double, jump: AllocationJump, holdsAfter: Bool, after: DiscreteChoice)] = []
            try locate(from: cut, current, to: next, following, since: segment.from, until: end, for: parent, into: &found)
            for change in found {
                segment.to = change.cut
                segment.holdsAtTo = !change.holdsAfter
                segments.append(segment)
                jumps.append((change.cut, change.jump))
                segment = ChoiceSegment(from: change.cut, to: end, choice: change.after, holdsAtFrom: change.holdsAfter, holdsAtTo: true)
            }
            current = segment.choice
            cut = max(next, segment.from + Self.probe)
        }
        segments.append(segment)
        stepSegments = segments
        return jumps
    }

    /// The changes of choice in `(low, high]`, given the choice `before` at `low` and `after` at
    /// `high`: the change from one to the other is placed exactly, then the mixed-integer choice
    /// is made again halfway from it to each end; where that finds a third choice, each change
    /// on either side of it is located in turn (searching no further than `since ... until`).
    private func locate(
        from low: Double, _ before: DiscreteChoice, to high: Double, _ after: DiscreteChoice,
        since: Double, until: Double, for parent: Allocator,
        into found: inout [(cut: Double, jump: AllocationJump, holdsAfter: Bool, after: DiscreteChoice)]
    ) throws(AllocationError) {
        let placed = try place(from: low, before, to: high, after, since: since, until: until, for: parent)
        for end in [low, high] where abs(end - placed.cut) > Self.bracketWidth {
            let (middle, chosen) = try choice(near: (end + placed.cut) / 2, for: parent)
            // Only a third choice is a change of its own: between these two the exact order decides.
            guard chosen != before, chosen != after else { continue }
            try locate(from: low, before, to: middle, chosen, since: since, until: until, for: parent, into: &found)
            try locate(from: middle, chosen, to: high, after, since: found.last?.cut ?? since, until: until, for: parent, into: &found)
            return
        }
        found.append(placed)
    }

    /// The mixed-integer choice at `cut`, or, where its programme cannot decide there (at a
    /// boundary of some choice, within its tolerances), at the nearest of a few cuts beside it.
    private func choice(near cut: Double, for parent: Allocator) throws(AllocationError) -> (cut: Double, choice: DiscreteChoice) {
        var failure: AllocationError?
        for offset in Self.nudges {
            do {
                return (cut + offset, try choice(atCut: cut + offset, for: parent))
            } catch {
                failure = failure ?? error
            }
        }
        throw failure!
    }

    /// The exact cut at which `after` takes over from `before`, near the bracket `[low, high]`.
    private func place(
        from low: Double, _ before: DiscreteChoice, to high: Double, _ after: DiscreteChoice,
        since: Double, until: Double, for parent: Allocator
    ) throws(AllocationError) -> (cut: Double, jump: AllocationJump, holdsAfter: Bool, after: DiscreteChoice) {
        let comparison = ChoiceComparison(scenario: scenario)
        func line(_ choice: DiscreteChoice, at c: Double) throws(AllocationError) -> ChoiceComparison.Line? {
            guard let piece = try allocator(choice, for: parent).linearAllocations(atCut: c) else { return nil }
            return ChoiceComparison.Line(
                choice: choice, cut: c, amounts: piece.amounts,
                slopes: piece.slopes ?? [Double](repeating: 0, count: piece.amounts.count))
        }
        func prefersAfter(at c: Double) throws(AllocationError) -> Bool {
            comparison.decide(try line(after, at: c), try line(before, at: c)).prefersFirst == true
        }
        // The mixed-integer choice holds its stages to a tolerance: widen the bracket until the
        // exact order agrees at both ends.
        var (a, b) = (low, high)
        var width = max(high - low, Self.exactWidth)
        while a > since, try prefersAfter(at: a) {
            a = max(since, a - width)
            width *= 2
        }
        width = max(high - low, Self.exactWidth)
        while b < until, !(try prefersAfter(at: b)) {
            b = min(until, b + width)
            width *= 2
        }
        while b - a > Self.exactWidth * max(1, abs(b)) {
            let middle = (a + b) / 2
            if try prefersAfter(at: middle) { b = middle } else { a = middle }
        }
        var cut = b
        if let maximum = try allocator(before, for: parent).maximumFeasibleCut(), maximum < 100,
           abs(maximum - b) <= Self.bracketWidth {
            cut = maximum
        } else if let root = try crossing(before, after, near: a, b, with: comparison, line: line) {
            cut = root
        }
        let holdsAfter = try prefersAfter(at: cut)
        let jump = AllocationJump(
            closedBefore: before.closed, closedAfter: after.closed,
            before: try amounts(before, approaching: cut, fromBelow: true, for: parent),
            after: try amounts(after, approaching: cut, fromBelow: false, for: parent),
            postsBefore: before.posts, postsAfter: after.posts, afterHoldsAtCut: holdsAfter)
        return (cut, jump, holdsAfter, after)
    }

    /// The cut near `[a, b]` at which the figure deciding between the two choices is the same on
    /// both lines, solved from the lines a little outside the bracket (where the order is
    /// decided by more than the comparison's tolerance); nil when no such figure is found there.
    private func crossing(
        _ before: DiscreteChoice, _ after: DiscreteChoice, near a: Double, _ b: Double, with comparison: ChoiceComparison,
        line: (DiscreteChoice, Double) throws(AllocationError) -> ChoiceComparison.Line?
    ) throws(AllocationError) -> Double? {
        for distance in Self.crossingDistances {
            for c in [a - distance, b + distance] {
                let decision = comparison.decide(try line(after, c), try line(before, c))
                guard let difference = decision.difference, let slope = decision.slope, slope != 0 else { continue }
                let root = c - difference / slope
                if root >= a - distance, root <= b + distance { return root }
            }
        }
        return nil
    }

    /// The allocations of `choice` at `cut`, or where it cannot quite meet it (its own maximum
    /// cut, within the solver's tolerance), continued along its line from a cut just inside.
    private func amounts(
        _ choice: DiscreteChoice, approaching cut: Double, fromBelow: Bool, for parent: Allocator
    ) throws(AllocationError) -> [Double] {
        let fixed = allocator(choice, for: parent)
        if let amounts = try fixed.allocations(atCut: cut) { return amounts }
        for distance in Self.crossingDistances {
            let inside = fromBelow ? cut - distance : cut + distance
            if let piece = try fixed.linearAllocations(atCut: inside), let slopes = piece.slopes {
                return zip(piece.amounts, slopes).map { $0 + $1 * (cut - inside) }
            }
        }
        throw AllocationError(cutPercent: cut, reason: "the posts on one side of a jump cannot be allocated at it")
    }

    /// The stretch of cuts and the choice that holds at `cut`, as found by the last
    /// `steppedJumps`; nil outside the range it walked.
    func segment(around cut: Double) -> ChoiceSegment? {
        stepSegments.first { $0.holds(at: cut) }
    }

    /// `reach` (the end of a piece at `cut`, `cut` plus its reach forward), or, when it is the end
    /// of the stretch holding `cut` but for the rounding of that sum, that end exactly: so that a
    /// piece ends on the jump's cut itself.
    func stretchEnd(_ reach: Double, from cut: Double) -> Double {
        guard let segment = segment(around: cut), abs(segment.to - reach) <= Self.probe / 2 else { return reach }
        return segment.to
    }

    /// A change is confirmed by the mixed-integer choice only farther than this from it (points).
    static let bracketWidth = 1e-6
    /// Offsets (points) tried in turn where the mixed-integer choice cannot decide a cut.
    static let nudges = [0, 1e-9, -1e-9, 1e-8, -1e-8, 1e-7, -1e-7]
    /// The exact order is halved down to this width, relative to the cut (at least 1 point).
    static let exactWidth = 1e-13
    /// How far outside the exact bracket the deciding figure is read (points), tried in turn.
    static let crossingDistances = [1e-7, 1e-6, 1e-5]
    /// Most pieces one walk of the posts may visit.
    static let maximumPieces = 100_000
}
