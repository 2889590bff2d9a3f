import LinearProgramming

/// The last stage of the allocation rule along a stretch of cuts on which every stage keeps its
/// optimal basis and the rule its fixings (SCENARIO-SPEC section 6: each allocation is linear
/// between breakpoints): the stage's solution at one cut and the rate, per percentage point of
/// cut, of each of its columns.
///
/// Within the stretch the stage's solution at a cut `c'` is the basic solution of the same
/// basis for the bounds at `c'`, which is `columns + rates × (c' - cut)`: what a solve at `c'`
/// from that basis computes, up to rounding. Reading it gives the allocation, the fund split
/// and everything derived from them without solving.
///
/// A class, immutable: an allocator looks its piece up at every cut the piece gives, and a
/// copy of the stage's solution and layout would retain each of their arrays.
final class StagePiece {
    /// The cut the stage was solved at.
    let cut: Double
    /// The stage's optimal solution at `cut`.
    let solution: Solution
    /// `d x_j / dc` per column of the stage programme, per percentage point.
    let rates: [Double]
    /// The stage programme's layout.
    let layout: PooledStageProgram
    /// How far above `cut` (points) the basis, the fixings and so the rates hold.
    let forward: Double
    /// How far below `cut` they hold.
    let backward: Double

    init(cut: Double, solution: Solution, rates: [Double], layout: PooledStageProgram, forward: Double, backward: Double) {
        self.cut = cut
        self.solution = solution
        self.rates = rates
        self.layout = layout
        self.forward = forward
        self.backward = backward
    }

    /// Whether `c` lies on the stretch.
    func covers(_ c: Double) -> Bool { c >= cut - backward && c <= cut + forward }

    /// The allocation at cut `c` (on the stretch), read from the stage's line.
    func reading(atCut c: Double) -> AllocationReading {
        var moved = solution
        let step = c - cut
        for j in moved.columnValues.indices { moved.columnValues[j] += rates[j] * step }
        return AllocationReading(layout: layout, solution: moved, cut: c)
    }
}
