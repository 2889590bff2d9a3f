/// Infeasible cuts between two solved infeasible cuts, read from the deficit's linear piece.
///
/// The deficit `D(c)` is the optimum of a linear programme whose right-hand side moves
/// linearly with the cut, so it is convex in `c`. When the optimal dual solutions at two cuts
/// `a < b` have the same support and multipliers (the conflict of SCENARIO-SPEC section 10),
/// that dual solution `y` is optimal at every cut between: `D(c) >= y·b(c)` by weak duality,
/// `D(c) <= y·b(c)` by convexity, since `y·b(c)` is linear and equals `D` at both ends. So every
/// cut between has the same conflict, each member's amount (its multiplier times a limit that
/// is linear in the cut) and the deficit are linear between the ends, and the cut is feasible
/// nowhere between (money meets the constraints at both ends, so at every cut between).
enum DeficitInterpolation {
    /// Multipliers closer than this (relative) are the same.
    static let relativeMultiplierTolerance = 1e-9

    /// Whether two infeasible results with a deficit carry the same optimal dual solution of
    /// the deficit programme: the same members in the same order with the same multipliers.
    static func sameDuals(_ a: CutResult, _ b: CutResult) -> Bool {
        guard a.status == .infeasible, b.status == .infeasible, a.deficit != nil, b.deficit != nil,
              a.hopeless == nil, b.hopeless == nil, a.conflict.count == b.conflict.count, !a.conflict.isEmpty
        else { return false }
        return zip(a.conflict, b.conflict).allSatisfy { x, y in
            x.kind == y.kind && x.id == y.id
                && abs(x.multiplier - y.multiplier) <= relativeMultiplierTolerance * max(abs(x.multiplier), abs(y.multiplier))
        }
    }

    /// The result at cut `c` strictly between the cuts of `a` and `b`, which `sameDuals`
    /// accepts; `envelope` is `E(c)`.
    static func between(_ a: CutResult, _ b: CutResult, atCut c: Double, envelope: Double) -> CutResult {
        let t = (c - a.cutPercent) / (b.cutPercent - a.cutPercent)
        func along(_ x: Double, _ y: Double) -> Double { x + (y - x) * t }
        let conflict = zip(a.conflict, b.conflict).map { x, y in
            ConflictConstraint(kind: x.kind, id: x.id, amount: along(x.amount, y.amount), limit: along(x.limit, y.limit))
        }
        return CutResult(
            cutPercent: c, envelope: envelope, status: .infeasible, services: [],
            deficit: along(a.deficit ?? 0, b.deficit ?? 0), conflict: conflict)
    }
}
