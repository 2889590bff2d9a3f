import Foundation
import LinearProgramming
import Testing

/// Row propagation (`BoundPropagator`): bounds worked out by hand, an empty box found, and on
/// small random integer programmes every integer point of the box that satisfies the rows
/// checked to lie within the propagated bounds.
@Suite struct BoundPropagatorTests {
    /// 3x + 5y <= 7 with x, y integer in [0, 10]: 3x <= 7 gives x <= 2, 5y <= 7 gives y <= 1.
    /// With x >= 2 as well, 5y <= 1 gives y <= 0. The continuous z in 3x + 5y + z <= 7 is
    /// not tightened, but its lower bound 0 enters the activity.
    @Test func knapsackRowBoundsItsColumns() throws {
        var p = LinearProgram()
        let r = p.addRow(lower: -.infinity, upper: 7)
        p.addColumn(name: "x", cost: 0, lower: 0, upper: 10, coefficients: [(r, 3)])
        p.addColumn(name: "y", cost: 0, lower: 0, upper: 10, coefficients: [(r, 5)])
        p.addColumn(name: "z", cost: 0, lower: 0, upper: 10, coefficients: [(r, 1)])
        let propagator = BoundPropagator(MixedIntegerProgram(program: p, integerColumns: [0, 1]))
        var lower = [0.0, 0, 0], upper = [10.0, 10, 10]
        let moved = try #require(propagator.propagate(lower: &lower, upper: &upper, from: [0, 1, 2]))
        #expect(Set(moved) == [0, 1])
        #expect(lower == [0, 0, 0] && upper == [2, 1, 10])
        lower = [2, 0, 0]
        upper = [10, 10, 10]
        _ = try #require(propagator.propagate(lower: &lower, upper: &upper, from: [0]))
        #expect(lower == [2, 0, 0] && upper == [2, 0, 10])
    }

    /// A set-partitioning row x1 + x2 + x3 = 1 over binaries, and x3 - x4 >= 0: fixing
    /// x1 = 1 fixes x2 = x3 = 0, and then x4 <= 0 through the second row (a chain of two
    /// rows). Fixing x1 = x2 = 1 leaves no point.
    @Test func fixingPropagatesThroughAChainOfRows() throws {
        var p = LinearProgram()
        let partition = p.addRow(lower: 1, upper: 1)
        let link = p.addRow(lower: 0, upper: .infinity)
        p.addColumn(name: "x1", cost: 0, lower: 0, upper: 1, coefficients: [(partition, 1)])
        p.addColumn(name: "x2", cost: 0, lower: 0, upper: 1, coefficients: [(partition, 1)])
        p.addColumn(name: "x3", cost: 0, lower: 0, upper: 1, coefficients: [(partition, 1), (link, 1)])
        p.addColumn(name: "x4", cost: 0, lower: 0, upper: 1, coefficients: [(link, -1)])
        let propagator = BoundPropagator(MixedIntegerProgram(program: p, integerColumns: [0, 1, 2, 3]))
        var lower = [1.0, 0, 0, 0], upper = [1.0, 1, 1, 1]
        let moved = try #require(propagator.propagate(lower: &lower, upper: &upper, from: [0]))
        #expect(Set(moved) == [1, 2, 3])
        #expect(lower == [1, 0, 0, 0] && upper == [1, 0, 0, 0])
        lower = [1, 1, 0, 0]
        upper = [1, 1, 1, 1]
        #expect(propagator.propagate(lower: &lower, upper: &upper, from: [0, 1]) == nil)
    }

    /// Tiny random programmes (3 integer columns in [-2, 3], 3 rows with coefficients in
    /// -4...4 and random sides): the propagated bounds keep every feasible integer point of the
    /// box, and an empty verdict only comes when there is none.
    @Test func propagatedBoundsKeepEveryFeasiblePoint() {
        var seed = UInt64(20_261_207)
        func next(_ range: ClosedRange<Int>) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return range.lowerBound + Int((seed >> 33) % UInt64(range.count))
        }
        var programmes = 0, tightened = 0, empty = 0
        for _ in 0..<400 {
            var p = LinearProgram()
            var rows: [(coefficients: [Double], lower: Double, upper: Double)] = []
            for _ in 0..<3 {
                let coefficients = (0..<3).map { _ in Double(next(-4...4)) }
                let a = Double(next(-12...8)), b = a + Double(next(0...10))
                let lower = next(0...3) == 0 ? -Double.infinity : a
                let upper = next(0...3) == 0 ? Double.infinity : b
                rows.append((coefficients, lower, upper))
                _ = p.addRow(lower: lower, upper: upper)
            }
            for j in 0..<3 {
                p.addColumn(name: "x\(j)", cost: 0, lower: -2, upper: 3,
                            coefficients: (0..<3).map { (row: $0, value: rows[$0].coefficients[j]) })
            }
            let propagator = BoundPropagator(MixedIntegerProgram(program: p, integerColumns: [0, 1, 2]))
            var lower = [Double](repeating: -2, count: 3), upper = [Double](repeating: 3, count: 3)
            let moved = propagator.propagate(lower: &lower, upper: &upper, from: [0, 1, 2])
            var feasible: [[Double]] = []
            for x0 in -2...3 { for x1 in -2...3 { for x2 in -2...3 {
                let x = [Double(x0), Double(x1), Double(x2)]
                let holds = rows.allSatisfy { row in
                    let activity = zip(row.coefficients, x).map { $0 * $1 }.reduce(0, +)
                    return activity >= row.lower && activity <= row.upper
                }
                if holds { feasible.append(x) }
            } } }
            programmes += 1
            guard moved != nil else {
                #expect(feasible.isEmpty, "empty verdict with \(feasible.count) feasible points: \(rows)")
                empty += 1
                continue
            }
            if !(moved ?? []).isEmpty { tightened += 1 }
            for x in feasible {
                #expect((0..<3).allSatisfy { lower[$0] <= x[$0] && x[$0] <= upper[$0] },
                        "point \(x) cut off by bounds \(lower) \(upper): \(rows)")
            }
        }
        #expect(programmes == 400)
        #expect(tightened > 50, "only \(tightened) programmes tightened")
        #expect(empty > 0, "no programme found empty")
    }
}
