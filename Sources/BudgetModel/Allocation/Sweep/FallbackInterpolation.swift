/// The fallbacks (SCENARIO-SPEC section 14) of the infeasible cuts between two solved infeasible
/// cuts, read from the fallback's linear piece.
///
/// At a cut `c` the fallback takes the first class of floors whose factor LP is feasible, its
/// largest factor `θ(c)` (less a margin), and the rule's allocation with the floors so scaled.
/// Let two cuts `a < b`, with the scenario's bounds linear on `[a, b]`, have the same giving
/// class and margin (or margins within `maximumMarginDifference`), a factor LP whose dual solution at `a` is optimal at `b` too, and rule
/// traces of one piece (`RuleTrace`). The factor LP maximises with right-hand sides linear in
/// the cut, so that dual solution is optimal throughout and `θ` is linear on `[a, b]`
/// (`DualOptimum`), below 1 throughout. No earlier class becomes
/// feasible between: one that did would let the giving class reach a factor of 1 there (its
/// floors whole, the earlier classes at 0, is less than the earlier class asks at 0). The
/// scaled floors are then linear in the cut, and with the same rule trace so is the
/// allocation. When no scaling helps at either end, the cut without floors is infeasible at
/// both; with the same conflict it is infeasible between (`DeficitInterpolation`), and so is
/// every scaling.
enum FallbackInterpolation {
    /// Two ends whose factors were taken this far apart below their largest (`FallbackFinder.factorMargins`:
    /// 0 at one, 1e-9 at the other, as the rule's rounding at the factor itself decides) still
    /// share a piece: the factor between is then within this of the one a solve takes.
    static let maximumMarginDifference = 1e-9

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
                  abs(FallbackFinder.factorMargins[s.margin] - FallbackFinder.factorMargins[t.margin]) <= maximumMarginDifference,
                  x.floors.count == s.givingClass + 1, y.floors.count == t.givingClass + 1,
                  x.services.count == y.services.count,
                  s.factor.staysOptimal(at: t.factor),
                  s.rule.sameLinearPiece(as: t.rule)
            else { return false }
            // The classes before the giving one are at 0 at both ends; the giving one's factor is
            // linear only where its margin does not clamp it at 0 (at both ends, or at neither).
            for (f, g) in zip(x.floors, y.floors).dropLast() where f.factor != 0 || g.factor != 0 { return false }
            let (f, g) = (x.floors[s.givingClass].factor, y.floors[s.givingClass].factor)
            guard f + FallbackFinder.factorMargins[s.margin] < 1, g + FallbackFinder.factorMargins[t.margin] < 1 else { return false }
            return (f > 0 && g > 0) || (f == 0 && g == 0 && s.margin == 0)
        default:
            return false
        }
    }

    /// The fallback at cut `c` strictly between the cuts of `a` and `b`, which `samePiece`
    /// accepts; `envelope` is `E(c)`.
    static func between(_ a: CutResult, _ b: CutResult, atCut c: Double, envelope: Double) -> FallbackOutcome? {
        let t = (c - a.cutPercent) / (b.cutPercent - a.cutPercent)
        func along(_ x: Double, _ y: Double) -> Double { x + (y - x) * t }
        switch (a.fallback, b.fallback) {
        case (.impossible(let x), .impossible(let y)):
            return .impossible(DeficitInterpolation.between(x, y, atCut: c, envelope: envelope))
        case (.fallback(let x), .fallback(let y)):
            let floors = zip(x.floors, y.floors).map { f, g in
                Fallback.Floor(priority: f.priority, isProtected: f.isProtected, factor: along(f.factor, g.factor))
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
