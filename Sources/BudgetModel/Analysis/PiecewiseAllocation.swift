/// Every service's allocation over a range of cuts as linear pieces, and the deficit over the
/// infeasible part of the range likewise (SCENARIO-SPEC sections 6 and 15): enough to give
/// the allocation at any cut of the range without solving.
///
/// The feasible part comes from the allocator's linear pieces (`Allocator.linearPiece(atCut:)`,
/// the parametric analysis the breakpoint walk uses): the allocation at a cut and its slope,
/// valid as far either side as every stage keeps its basis and fixings. The range's feasible
/// cuts are found first, exactly (`Allocator.feasibleCuts(in:)`); the walk solves at the least
/// of them, then just past (`BreakpointFinder.probe`) the end of each piece; with closures or
/// steps a piece ends where they change (`ClosingAllocators.jumps`), and the next starts there. On either side of
/// the feasible cuts the deficit is convex and piecewise linear: it is solved at both ends
/// of a stretch, and the stretch is one piece when both ends share their conflict (the same
/// optimal dual solution, `DeficitInterpolation`), else it is halved, down to `resolution`.
public struct PiecewiseAllocation: Sendable {
    /// A stretch of cuts on which every allocation is linear.
    public struct Piece: Sendable, Equatable {
        /// The first cut of the stretch.
        public var from: Double
        /// The last cut of the stretch.
        public var to: Double
        /// The cut the allocation was solved at.
        public var anchor: Double
        /// `x_s` at `anchor`, per service in file order.
        public var allocations: [Double]
        /// `d x_s / dc` per service, in money per percentage point.
        public var slopes: [Double]
        /// Whether `from` is a jump's cut at which the piece before holds (SCENARIO-SPEC section
        /// 12): this piece then gives the limit there, not the allocation.
        public var startsOpen = false

        /// `x_s(c)`, per service, for a cut `c` of the stretch.
        public func allocations(atCut c: Double) -> [Double] {
            zip(allocations, slopes).map { $0 + $1 * (c - anchor) }
        }
    }

    /// A stretch of infeasible cuts on which the deficit is linear.
    public struct DeficitPiece: Sendable, Equatable {
        /// The first cut of the stretch.
        public var from: Double
        /// The last cut of the stretch.
        public var to: Double
        /// `D(from)`.
        public var deficitFrom: Double
        /// `D(to)`.
        public var deficitTo: Double

        /// `D(c)` for a cut `c` of the stretch.
        public func deficit(atCut c: Double) -> Double {
            to > from ? deficitFrom + (deficitTo - deficitFrom) * (c - from) / (to - from) : deficitFrom
        }
    }

    /// The range covered.
    public let range: ClosedRange<Double>
    /// The maximum feasible cut (`Allocator.maximumFeasibleCut()`).
    public let maximumFeasibleCut: Double?
    /// The feasible cuts of the range, an interval (`Allocator.feasibleCuts(in:)`: a group
    /// minimum in per cent of the envelope can make the cuts below some level infeasible); nil
    /// when none is.
    public let feasibleCuts: ClosedRange<Double>?
    /// The feasible stretches, in increasing order, each starting where the one before ends.
    public let pieces: [Piece]
    /// The infeasible stretches with a deficit, in increasing order.
    public let deficitPieces: [DeficitPiece]

    /// Stretches of infeasible cuts are halved down to this width (percentage points) looking
    /// for ends that share their conflict; a narrower one is taken as linear.
    public static let resolution = 1e-6
    /// How far past the maximum feasible cut the first deficit is solved (points): the breakpoints' accuracy.
    public static let pastMaximum = 1e-4
    /// Most pieces one range may have.
    public static let maximumPieces = 100_000

    /// The pieces of `range` for `allocator`'s scenario.
    ///
    /// - Throws: `AllocationError` when a cut cannot be solved, or the range needs more than
    ///   `maximumPieces` pieces.
    public init(allocator: Allocator, range: ClosedRange<Double>) throws(AllocationError) {
        self.range = range
        maximumFeasibleCut = try allocator.maximumFeasibleCut()
        let feasible = try allocator.feasibleCuts(in: range)
        feasibleCuts = feasible
        var pieces: [Piece] = []
        var infeasible: [ClosedRange<Double>] = []
        if let feasible {
            if feasible.lowerBound > range.lowerBound { infeasible.append(range.lowerBound...feasible.lowerBound) }
            // With steps, the stretches of one choice of posts are found first: no piece crosses a jump.
            if let closing = allocator.closing, closing.isStepped {
                _ = try closing.jumps(from: feasible.lowerBound, to: feasible.upperBound, for: allocator)
            }
            var cut = feasible.lowerBound
            while true {
                let piece = try allocator.linearPiece(atCut: cut)
                guard piece.result.status == .optimal else {
                    throw AllocationError(cutPercent: cut, reason: "a cut inside the feasible cuts of the range came back infeasible")
                }
                let slopes = piece.slopes ?? [Double](repeating: 0, count: piece.result.services.count)
                let end = min(feasible.upperBound, allocator.closing?.stretchEnd(cut + piece.forward, from: cut) ?? cut + piece.forward)
                let start = pieces.last?.to ?? feasible.lowerBound
                let segment = allocator.closing?.segment(around: cut)
                let startsOpen = segment.map { $0.from == start && !$0.holdsAtFrom } ?? false
                pieces.append(Piece(
                    from: start, to: end, anchor: cut, allocations: piece.result.services.map(\.allocation), slopes: slopes,
                    startsOpen: startsOpen))
                guard pieces.count <= Self.maximumPieces else {
                    throw AllocationError(cutPercent: cut, reason: "the allocation has more than \(Self.maximumPieces) linear pieces in the range")
                }
                guard end < feasible.upperBound else { break }
                cut = min(feasible.upperBound, end + BreakpointFinder.probe)
            }
            // Just past the largest feasible cut the deficit is too small for its LP to tell
            // from none: the first deficit piece starts a little after it and reaches back to it.
            if feasible.upperBound < range.upperBound {
                infeasible.append(min(range.upperBound, feasible.upperBound + Self.pastMaximum)...range.upperBound)
            }
        } else {
            infeasible.append(range)
        }
        self.pieces = pieces
        var deficits: [DeficitPiece] = []
        for stretch in infeasible {
            try Self.deficitPieces(allocator, from: stretch.lowerBound, to: stretch.upperBound, into: &deficits)
        }
        deficitPieces = deficits
    }

    /// The allocation at cut `c` of the range, per service; nil where the cut is infeasible.
    public func allocations(atCut c: Double) -> [Double]? {
        guard let feasible = feasibleCuts, feasible.contains(c) else { return nil }
        guard let piece = pieces.last(where: { $0.from < c || ($0.from == c && !$0.startsOpen) }) else { return nil }
        return piece.allocations(atCut: c)
    }

    /// The deficit pieces on the side of the feasible cuts where `c` lies (all of them when the
    /// range has no feasible cut), nil when `c` is feasible.
    public func deficitPieces(beside c: Double) -> [DeficitPiece]? {
        guard let feasible = feasibleCuts else { return deficitPieces }
        if feasible.contains(c) { return nil }
        return c < feasible.lowerBound
            ? deficitPieces.filter { $0.to <= feasible.lowerBound } : deficitPieces.filter { $0.from >= feasible.upperBound }
    }

    /// The deficit at an infeasible cut `c` of the range; nil where no piece has one.
    public func deficit(atCut c: Double) -> Double? {
        guard let side = deficitPieces(beside: c) else { return nil }
        return (side.last { $0.from <= c } ?? side.first)?.deficit(atCut: c)
    }

    /// Appends the deficit pieces of `[a, b]` (both infeasible) to `pieces`.
    private static func deficitPieces(_ allocator: Allocator, from a: Double, to b: Double, into pieces: inout [DeficitPiece]) throws(AllocationError) {
        let first = try allocator.result(atCut: a)
        guard a < b else {
            if let deficit = first.deficit { pieces.append(DeficitPiece(from: a, to: a, deficitFrom: deficit, deficitTo: deficit)) }
            return
        }
        var stack = [(first, try allocator.result(atCut: b))]
        var found: [DeficitPiece] = []
        while let (low, high) = stack.popLast() {
            guard let lowDeficit = low.deficit, let highDeficit = high.deficit else { continue }
            if DeficitInterpolation.sameDuals(low, high) || high.cutPercent - low.cutPercent <= resolution {
                found.append(DeficitPiece(from: low.cutPercent, to: high.cutPercent, deficitFrom: lowDeficit, deficitTo: highDeficit))
                guard found.count <= maximumPieces else {
                    throw AllocationError(cutPercent: low.cutPercent, reason: "the deficit has more than \(maximumPieces) linear pieces in the range")
                }
                continue
            }
            let middle = try allocator.result(atCut: (low.cutPercent + high.cutPercent) / 2)
            stack.append((middle, high))
            stack.append((low, middle))
        }
        pieces += found
    }
}

