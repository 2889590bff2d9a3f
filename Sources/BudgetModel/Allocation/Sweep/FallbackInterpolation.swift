/// The fallbacks (SCENARIO-SPEC section 14) of the infeasible cuts between two solved infeasible
/// cuts, read from the fallback's linear piece.
///
/// At a cut `c` the fallback takes the first class of floors whose factor LP is feasible, its
/// largest factor `θ(c)` less a margin (`FallbackFinder.factorMargins`), and the rule's
/// allocation with the floors so scaled. Let two cuts `a < b`, with the scenario's bounds linear
/// on `[a, b]`, have the same giving class and margin, a factor LP whose dual solution at `a` is
/// optimal at `b` too, and rule traces of one piece (`RuleTrace`). The factor LP maximises with
/// right-hand sides linear in the cut, so that dual solution is optimal throughout and `θ` is
/// linear on `[a, b]` (`DualOptimum`), below 1 throughout. No earlier class becomes feasible
/// between: one that did would let the giving class reach a factor of 1 there (its floors
/// whole, the earlier classes at 0, is less than the earlier class asks at 0). The factor is
/// then `θ(c)` less the margin, worked out as a solve works it out (so that a factor a solve
/// finds at a hundredth of a per cent prints as that hundredth from the piece too); the scaled
/// floors are linear in the cut, and with the same rule trace so is the allocation. When no
/// scaling helps at either end, the cut without floors is infeasible at both; with the same
/// conflict it is infeasible between (`DeficitInterpolation`), and so is every scaling.
///
/// Used only for scenarios without areas: a fallback's split of money between the areas' funds
/// need not be unique, so a piece could show another valid split than a solve.
enum FallbackInterpolation {
    /// Whether the fallbacks of the infeasible results `a` and `b` (traced as `traceA` and
    /// `traceB` by `FallbackFinder.traced(atCut:)`) lie on one linear piece.
    static func samePiece(_ a: CutResult, _ traceA: FallbackFinder.Trace?, _ b: CutResult, _ traceB: FallbackFinder.Trace?) -> Bool {
        switch (a.fallback, b.fallback) {
        case (nil, nil):
            return true
        case (.impossible(let x), .impossible(let y)):
            return DeficitInterpolation.sameDuals(x, y)
        case (.fallback(let x), .fallback(let y)):
            guard let s = traceA, let t = traceB, s.givingClass == t.givingClass,
                  s.margin == t.margin,
                  x.floors.count == s.givingClass + 1, y.floors.count == t.givingClass + 1,
                  x.services.count == y.services.count,
                  s.factor.staysOptimal(at: t.factor),
                  s.rule.sameLinearPiece(as: t.rule)
            else { return false }
            // The classes before the giving one are at 0 at both ends; the giving one's factor is
            // linear only where its margin does not clamp it at 0 (at both ends, or at neither).
            for (f, g) in zip(x.floors, y.floors).dropLast() where f.factor != 0 || g.factor != 0 { return false }
            let (f, g) = (x.floors[s.givingClass].factor, y.floors[s.givingClass].factor)
            guard s.largest < 1, t.largest < 1 else { return false }
            return (f > 0 && g > 0) || (f == 0 && g == 0 && s.margin == 0)
        default:
            return false
        }
    }

    /// What a fallback's factor along a piece is worked out from, read once from its two ends'
    /// traces: a trace is copied whole (every array of its rule's stages retained) wherever it
    /// is passed as a value, and a piece gives thousands of cuts.
    struct FactorLine {
        /// The index of the floor class that gives way.
        let givingClass: Int
        /// The margin taken off the largest factor (`FallbackFinder.factorMargins`).
        let margin: Double
        /// The largest factor at the piece's two ends, before the margin.
        let largestAtStart: Double
        let largestAtEnd: Double

        /// The line between the ends traced as `traceA` and `traceB`; nil unless both are traced.
        init?(_ traceA: FallbackFinder.Trace?, _ traceB: FallbackFinder.Trace?) {
            guard let traceA, let traceB else { return nil }
            givingClass = traceA.givingClass
            margin = FallbackFinder.factorMargins[traceA.margin]
            largestAtStart = traceA.largest
            largestAtEnd = traceB.largest
        }
    }

    /// The fallback at cut `c` strictly between the cuts of `a` and `b`, which `samePiece`
    /// accepts with their traces, whose factor line is `line`; `envelope` is `E(c)`.
    static func between(_ a: CutResult, _ b: CutResult, line: FactorLine?, atCut c: Double, envelope: Double) -> FallbackOutcome? {
        let t = (c - a.cutPercent) / (b.cutPercent - a.cutPercent)
        func along(_ x: Double, _ y: Double) -> Double { x + (y - x) * t }
        switch (a.fallback, b.fallback) {
        case (.impossible(let x), .impossible(let y)):
            return .impossible(DeficitInterpolation.between(x, y, atCut: c, envelope: envelope))
        case (.fallback(let x), .fallback(let y)):
            guard let line else { return nil }
            // As `FallbackFinder` takes it: the largest factor less the margin, not below 0.
            let factor = max(0, along(line.largestAtStart, line.largestAtEnd) - line.margin)
            let floors = x.floors.enumerated().map { k, floor in
                Fallback.Floor(priority: floor.priority, isProtected: floor.isProtected, factor: k == line.givingClass ? factor : 0)
            }
            let services = zip(x.services, y.services).map { u, v in
                Fallback.ServiceAmount(serviceID: u.serviceID, baseline: u.baseline, allocation: along(u.allocation, v.allocation))
            }
            return .fallback(Fallback(floors: floors, services: services))
        default:
            return nil
        }
    }
}
