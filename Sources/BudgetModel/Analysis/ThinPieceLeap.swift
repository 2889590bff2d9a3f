/// Leaps along the cut past a thin piece: one whose stages' bases hold for almost no distance
/// (a degenerate vertex of a large optimal face, which the dual simplex meets where areas or
/// shared services leave many optimal splits), although the allocation stays on one line far
/// beyond.
///
/// From a thin piece at cut `a` it allocates at `b = a + length` and keeps `b` when the rule
/// decided the same at both cuts with the same rates (`RuleDecisions.provesAffine(with:)`):
/// then every allocation is affine on `[a, b]`. A leap that proves nothing is halved, down to
/// `thinReach`; the length doubles after a leap that proves a line and starts again from a few
/// times `thinReach` after none does, so a walk spends a few allocations on each breakpoint
/// it meets among thin pieces, as a bisection would.
struct ThinPieceLeap {
    /// A piece reaching less far than this (points) is thin.
    static let thinReach = 1e-6
    /// The first leap tried (points).
    static let firstLength = 0.5

    /// The next leap's length (points).
    private(set) var length = ThinPieceLeap.firstLength

    /// The first cut `a + length` (halving `length` down to `thinReach`), at most `end`, whose
    /// allocation the rule decided as at `a`, with that allocation; nil when the piece at `a`
    /// (reaching `forward` with `decisions`) is not thin, carries no decisions, or no leap
    /// proves a line.
    mutating func past(
        reaching forward: Double, decisions: RuleDecisions?, at a: Double, before end: Double, with allocator: Allocator
    ) throws(AllocationError) -> (cut: Double, landed: LinearAllocations)? {
        guard forward < Self.thinReach, let decisions else { return nil }
        while length > Self.thinReach {
            let b = min(a + length, end)
            guard b > a + forward else { return nil }
            if let landed = try allocator.linearAllocations(atCut: b), let found = landed.decisions,
               decisions.provesAffine(with: found) {
                length = min(2 * length, max(Self.firstLength, end - b))
                return (b, landed)
            }
            length /= 2
        }
        length = 4 * Self.thinReach
        return nil
    }
}
