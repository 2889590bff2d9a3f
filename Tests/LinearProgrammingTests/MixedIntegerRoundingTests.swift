import Foundation
import LPCertificates
import LinearProgramming
import Testing

/// c-MIR cuts (`MixedIntegerRoundingSeparator`): the cuts worked out by hand for small
/// fixed-charge programmes, and validity on tiny random mixed-integer programmes, where
/// every cut is checked against every integer point of the box (the continuous part by an
/// LP minimising the cut's left side, its answer certificate-checked).
@Suite struct MixedIntegerRoundingTests {
    /// A cut scaled so that its coefficient on `column` is 1.
    static func normalised(_ cut: CuttingPlane, on column: Int) -> (coefficients: [Int: Double], lower: Double)? {
        guard let pivot = cut.coefficients.first(where: { $0.column == column })?.value, pivot > 0 else { return nil }
        var coefficients: [Int: Double] = [:]
        for (j, a) in cut.coefficients { coefficients[j] = a / pivot }
        return (coefficients, cut.lower / pivot)
    }

    /// x >= 4 and x <= 10 y, x continuous in [0, 20], y binary. At the relaxation's point
    /// (x, y) = (4, 0.4) the demand row with x written as 10 y - x' (its variable upper
    /// bound) reads -10 y + x' <= -4; dropping x' >= 0 and rounding with divisor 10
    /// (f0 = 0.6) gives -y <= -1: the cut y >= 1, violated by 0.6.
    @Test func fixedChargeDemandForcesTheSetUp() throws {
        var p = LinearProgram()
        let demand = p.addRow(lower: 4, upper: .infinity)
        let setUp = p.addRow(lower: -.infinity, upper: 0)
        p.addColumn(name: "x", cost: 1, lower: 0, upper: 20, coefficients: [(demand, 1), (setUp, 1)])
        p.addColumn(name: "y", cost: 30, lower: 0, upper: 1, coefficients: [(setUp, -10)])
        let separator = MixedIntegerRoundingSeparator(problem: MixedIntegerProgram(program: p, integerColumns: [1]))
        let cuts = separator.cuts(at: [4, 0.4], limit: 10)
        let cut = try #require(cuts.first)
        let n = try #require(Self.normalised(cut, on: 1))
        #expect(n.coefficients.count == 1)
        #expect(abs(n.lower - 1) < 1e-6)
        #expect(cut.activity(at: [4, 0.4]) < cut.lower - 0.5)
    }

    /// x1 + x2 >= 7 with x1 <= 5 y1, x2 <= 5 y2 (y binary): neither facility alone covers
    /// the demand. At x = (3.5, 3.5), y = (0.7, 0.7) the demand row becomes
    /// -5 y1 - 5 y2 <= -7 after the substitution; complemented (y' = 1 - y) it is
    /// 5 y1' + 5 y2' <= 3, and rounding with divisor 5 (f0 = 0.6) gives y1' + y2' <= 0:
    /// the cut y1 + y2 >= 2.
    @Test func twoFacilitiesCoveringOneDemandAreBothOpened() throws {
        var p = LinearProgram()
        let demand = p.addRow(lower: 7, upper: .infinity)
        let first = p.addRow(lower: -.infinity, upper: 0)
        let second = p.addRow(lower: -.infinity, upper: 0)
        p.addColumn(name: "x1", cost: 1, lower: 0, upper: .infinity, coefficients: [(demand, 1), (first, 1)])
        p.addColumn(name: "x2", cost: 1, lower: 0, upper: .infinity, coefficients: [(demand, 1), (second, 1)])
        p.addColumn(name: "y1", cost: 10, lower: 0, upper: 1, coefficients: [(first, -5)])
        p.addColumn(name: "y2", cost: 10, lower: 0, upper: 1, coefficients: [(second, -5)])
        let problem = MixedIntegerProgram(program: p, integerColumns: [2, 3])
        let point = [3.5, 3.5, 0.7, 0.7]
        let cut = try #require(MixedIntegerRoundingSeparator(problem: problem).cuts(at: point, limit: 10).first)
        let n = try #require(Self.normalised(cut, on: 2))
        #expect(n.coefficients.count == 2)
        #expect(abs((n.coefficients[3] ?? 0) - 1) < 1e-6)
        #expect(abs(n.lower - 2) < 1e-6)
    }

    /// A tiny random mixed-integer programme: two binaries, one integer in [0, 3], two
    /// continuous columns (the first bounded by a variable upper bound on the first binary
    /// half the time), three rows with coefficients in halves and fractional sides.
    static func randomProgramme(_ rng: inout SeededGenerator) -> MixedIntegerProgram {
        var p = LinearProgram()
        var entries = [[(row: Int, value: Double)]](repeating: [], count: 5)
        for _ in 0..<3 {
            let kind = Int.random(in: 0..<3, using: &rng)
            let side = Double(Int.random(in: -6...12, using: &rng)) / 2 + 0.3
            let row = p.addRow(lower: kind == 1 ? -.infinity : side, upper: kind == 0 ? .infinity : side + (kind == 2 ? 1.5 : 0))
            for j in 0..<5 where Int.random(in: 0..<4, using: &rng) > 0 {
                let a = Double(Int.random(in: -8...8, using: &rng)) / 2
                if a != 0 { entries[j].append((row, a)) }
            }
        }
        var continuousUpper = 6.0
        if Bool.random(using: &rng) {
            let vub = p.addRow(lower: -.infinity, upper: 0)
            entries[3].append((vub, 1))
            entries[0].append((vub, -Double(Int.random(in: 2...7, using: &rng))))
            continuousUpper = .infinity
        }
        let uppers = [1.0, 1, 3, continuousUpper, 6]
        for j in 0..<5 {
            p.addColumn(name: "c\(j)", cost: Double(Int.random(in: -5...5, using: &rng)), lower: 0, upper: uppers[j],
                        coefficients: entries[j])
        }
        return MixedIntegerProgram(program: p, integerColumns: [0, 1, 2])
    }

    /// Whether `cut` holds at every point of `problem`: for each integer point of the box, the
    /// least value of its left side over the continuous part (an LP) is at least its lower side.
    static func holdsEverywhere(_ cut: CuttingPlane, _ problem: MixedIntegerProgram) -> Bool {
        for y0 in 0...1 {
            for y1 in 0...1 {
                for z in 0...3 {
                    var p = problem.program
                    for (j, v) in [(0, y0), (1, y1), (2, z)] {
                        p.columnLower[j] = Double(v)
                        p.columnUpper[j] = Double(v)
                    }
                    p.costs = [Double](repeating: 0, count: p.columnCount)
                    for (j, a) in cut.coefficients { p.costs[j] = a }
                    let solution = p.solve()
                    let report = CertificateChecker().check(solution, of: p)
                    #expect(report.isValid, "\(report.failures)")
                    switch solution.status {
                    case .infeasible: continue
                    case .optimal:
                        if solution.objective < cut.lower - 1e-7 * max(1, abs(cut.lower)) { return false }
                    default: return false
                    }
                }
            }
        }
        return true
    }

    /// 400 random programmes, each separated at its relaxation's optimum and at two random
    /// points of the box: no cut removes an integer point, and cuts are found.
    @Test func cutsNeverRemoveAnIntegerPoint() {
        var rng = SeededGenerator(state: 20_261_207)
        var cuts = 0
        for index in 0..<400 {
            let problem = Self.randomProgramme(&rng)
            var points: [[Double]] = []
            let relaxation = problem.program.solve()
            if relaxation.status == .optimal { points.append(relaxation.columnValues) }
            for _ in 0..<2 {
                points.append([
                    Double.random(in: 0...1, using: &rng), Double.random(in: 0...1, using: &rng),
                    Double.random(in: 0...3, using: &rng), Double.random(in: 0...6, using: &rng),
                    Double.random(in: 0...6, using: &rng),
                ])
            }
            let separator = MixedIntegerRoundingSeparator(problem: problem)
            for point in points {
                for cut in separator.cuts(at: point, limit: 20) {
                    cuts += 1
                    #expect(cut.activity(at: point) < cut.lower, "programme \(index): cut not violated at its point")
                    #expect(Self.holdsEverywhere(cut, problem), "programme \(index): cut \(cut.coefficients) >= \(cut.lower) removes an integer point")
                }
            }
        }
        print("c-MIR validity: \(cuts) cuts checked")
        #expect(cuts >= 100)
    }
}
