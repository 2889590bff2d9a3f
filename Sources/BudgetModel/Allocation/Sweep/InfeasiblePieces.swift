import Foundation
import LinearProgramming

/// The infeasible cuts past a scenario's maximum feasible cut as linear pieces of the deficit
/// and the fallback, shared by every block of a sweep.
///
/// The stretch from just past the maximum cut (`PiecewiseAllocation.pastMaximum`) to just below
/// 100% is halved, and halved again, always at the same cuts: a stretch whose two ends, each
/// solved by a fresh allocator, share their conflict (`DeficitInterpolation`) and their
/// fallback's piece (`FallbackInterpolation`), with no kink of the funds between, is one piece,
/// and every cut in it is read from its ends. The halving stops at `resolution`, and where
/// neither end has a conflict to share (no money can help, or the solver could not decide);
/// the cuts there are left to be solved. Which stretches are halved depends on the scenario
/// alone, and each end is solved the same way whoever asks first, so a sweep's results do not
/// depend on how its blocks are shared between threads. Only the stretches that hold a cut
/// asked for are halved, so a coarse sweep solves few ends and a fine one no more than the
/// pieces need.
final class InfeasiblePieces: @unchecked Sendable {
    /// A stretch of infeasible cuts on which the deficit, the conflict's amounts and the
    /// fallback are linear. A class: a sweep hands one piece from cut to cut, and a copy of its
    /// two ends' results and traces would retain every array they hold.
    final class Piece {
        /// The results at the two ends.
        let start: CutResult
        let end: CutResult
        /// The fallback's factor along the stretch, read from what decided the ends' fallbacks.
        private let factorLine: FallbackInterpolation.FactorLine?

        init(start: CutResult, startTrace: FallbackFinder.Trace?, end: CutResult, endTrace: FallbackFinder.Trace?) {
            self.start = start
            self.end = end
            factorLine = FallbackInterpolation.FactorLine(startTrace, endTrace)
        }

        /// Whether `c` lies in the stretch, ends included.
        func contains(_ c: Double) -> Bool { c >= start.cutPercent && c <= end.cutPercent }

        /// Whether `c` lies in the stretch, ends excluded.
        func holdsStrictly(_ c: Double) -> Bool { c > start.cutPercent && c < end.cutPercent }

        /// The result at cut `c` of the stretch, whose envelope is `envelope`.
        func result(atCut c: Double, envelope: Double) -> CutResult {
            var result = DeficitInterpolation.between(start, end, atCut: c, envelope: envelope)
            result.fallback = FallbackInterpolation.between(start, end, line: factorLine, atCut: c, envelope: envelope)
            return result
        }
    }

    /// Stretches narrower than this (percentage points) are not halved further.
    static let resolution = 1e-6
    /// How far below 100% the last stretch ends (points).
    static let belowHundred = 1e-6

    private let scenario: Scenario
    private let maximumCut: Double
    private let kinks: [Double]
    private let observer: ((LinearProgram, Solution) -> Void)?
    private let lower: Double
    private let upper: Double
    private let lock = NSLock()
    /// An end's result and what decided its fallback: a class, so that looking an end up in
    /// `solved` (once per halving, every time a block asks for its first piece) copies no arrays.
    private final class End {
        let result: CutResult
        let trace: FallbackFinder.Trace?
        init(result: CutResult, trace: FallbackFinder.Trace?) {
            self.result = result
            self.trace = trace
        }
    }

    /// The ends solved so far, by cut; nil where the cut could not be solved. Guarded by `lock`.
    private var solved: [Double: End?] = [:]
    /// The pieces found so far, in no order. Guarded by `lock`.
    private var found: [Piece] = []
    /// The piece last found or looked up. Guarded by `lock`.
    private var lastFound: Piece?

    /// The pieces of `scenario`'s cuts above `maximumCut` (below 100), solved with `observer`
    /// watching every LP; nil when there is no stretch to cover.
    init?(scenario: Scenario, maximumCut: Double?, observer: ((LinearProgram, Solution) -> Void)?) {
        // With closures or steps the deficit is the least of several convex functions, one per
        // choice of closures and posts, and need not be linear between two cuts that share their
        // duals; with areas the fallback's split of money between the areas' funds need not be
        // unique.
        guard let maximumCut, maximumCut < 100, !scenario.isDiscrete, scenario.areas.isEmpty else { return nil }
        lower = maximumCut + PiecewiseAllocation.pastMaximum
        upper = 100 - Self.belowHundred
        guard lower < upper else { return nil }
        self.scenario = scenario
        self.maximumCut = maximumCut
        self.observer = observer
        kinks = scenario.cutKinks
    }

    /// The piece that holds cut `c`, halving the stretch around `c` as far as needed; nil when
    /// `c` lies outside the stretch covered or in no piece (it is then to be solved).
    func piece(containing c: Double) -> Piece? {
        guard c >= lower, c <= upper else { return nil }
        lock.lock()
        defer { lock.unlock() }
        // A cut strictly inside a piece found before is in no other: the halving would come down
        // to that piece again. (A cut on an end is halved afresh: it lies in the piece on its left.)
        if let known = lastFound, known.holdsStrictly(c) { return known }
        if let known = found.first(where: { $0.holdsStrictly(c) }) {
            lastFound = known
            return known
        }
        var from = lower, to = upper
        while true {
            guard let a = solve(from), let b = solve(to) else { return nil }
            if DeficitInterpolation.sameDuals(a.result, b.result),
               FallbackInterpolation.samePiece(a.result, a.trace, b.result, b.trace),
               !kinks.contains(where: { $0 > from && $0 < to }) {
                let piece = Piece(start: a.result, startTrace: a.trace, end: b.result, endTrace: b.trace)
                found.append(piece)
                lastFound = piece
                return piece
            }
            guard to - from > Self.resolution, hasConflict(a.result) || hasConflict(b.result) else { return nil }
            let middle = (from + to) / 2
            if c <= middle { to = middle } else { from = middle }
        }
    }

    /// Whether a result has a deficit and a conflict that a neighbour could share.
    private func hasConflict(_ result: CutResult) -> Bool {
        result.status == .infeasible && result.deficit != nil && !result.conflict.isEmpty
    }

    /// The result at `cut` from a fresh allocator, and its fallback's trace; solved once.
    private func solve(_ cut: Double) -> End? {
        if let known = solved[cut] { return known }
        let allocator = Allocator(scenario: scenario, maximumCut: maximumCut)
        allocator.solveObserver = observer
        let outcome = try? allocator.result(atCut: cut)
        let entry = outcome.map { End(result: $0, trace: allocator.lastFallbackTrace) }
        solved[cut] = .some(entry)
        return entry
    }
}
