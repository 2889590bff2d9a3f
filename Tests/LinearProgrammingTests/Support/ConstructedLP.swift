import LinearProgramming

/// A linear programme whose status (and optimal value) is known by construction.
struct ConstructedLP {
    /// The status every correct solver must report.
    enum Kind: String, CaseIterable {
        case optimal, infeasible, unbounded
    }

    /// What the construction varies besides the kind.
    struct Flavour: CustomStringConvertible {
        /// Coefficients spread over 1e-6..1e6 by row and column factors of 10^-3..10^3.
        var badlyScaled: Bool
        /// Small integer data, many zero duals and reduced costs, active rows without duals.
        var degenerate: Bool
        /// Maximise instead of minimise.
        var maximize: Bool

        var description: String {
            [badlyScaled ? "badly scaled" : nil, degenerate ? "degenerate" : nil, maximize ? "maximise" : "minimise"]
                .compactMap { $0 }.joined(separator: ", ")
        }
    }

    let kind: Kind
    let flavour: Flavour
    let program: LinearProgram
    /// The optimal objective value (optimal kind only).
    let optimalValue: Double
    /// The size of the terms the optimal value sums, for a relative comparison.
    let valueScale: Double
}

/// Builds `ConstructedLP`s: a random sparse matrix, then bounds, costs and
/// (for optima) duals chosen so that the status is known.
///
/// - optimal: a point `x*` and duals `y*` are chosen first, with every column
///   at a bound, between its bounds (reduced cost zero) or free, and every row
///   active (dual of the right sign, sometimes zero) or inactive (dual zero);
///   then costs `c = d + A'y*`. `x*` and `y*` satisfy complementary slackness,
///   so `c'x*` is the optimal value.
/// - infeasible: multipliers `y` on a few rows with `z = A'y`; the rows'
///   bounds are moved so that `y'(row bounds)` exceeds the largest `z'x` over
///   the column box by a clear gap (a Farkas certificate by construction).
/// - unbounded: a feasible point `x0` and a direction `d` on columns with an
///   infinite bound in its way, rows opened in the direction `A d` moves them,
///   costs with `c'd < 0`.
struct RandomLPBuilder {
    var random: SeededGenerator
    let flavour: ConstructedLP.Flavour
    let rows: Int
    let columns: Int
    /// Per-row and per-column factors applied to the matrix (powers of ten when badly scaled).
    let rowFactor: [Double]
    let columnFactor: [Double]
    /// The matrix, column-wise, as (row, value) lists.
    var entries: [[(row: Int, value: Double)]] = []

    /// A builder for case `index` of the run seeded `seed`.
    init(seed: UInt64, index: Int) {
        random = SeededGenerator(state: seed &+ UInt64(index) &* 0xD1B5_4A32_D192_ED03)
        flavour = ConstructedLP.Flavour(
            badlyScaled: Int.random(in: 0..<4, using: &random) == 0,
            degenerate: Bool.random(using: &random),
            maximize: Bool.random(using: &random))
        rows = Int.random(in: 1...24, using: &random)
        columns = Int.random(in: 1...30, using: &random)
        var rowFactor = [Double](repeating: 1, count: rows)
        var columnFactor = [Double](repeating: 1, count: columns)
        if flavour.badlyScaled {
            for i in 0..<rows { rowFactor[i] = Self.powerOfTen(Int.random(in: -3...3, using: &random)) }
            for j in 0..<columns { columnFactor[j] = Self.powerOfTen(Int.random(in: -3...3, using: &random)) }
        }
        self.rowFactor = rowFactor
        self.columnFactor = columnFactor
        entries = (0..<columns).map { j in
            var used = Set<Int>()
            let count = Int.random(in: 1...min(rows, 5), using: &random)
            while used.count < count { used.insert(Int.random(in: 0..<rows, using: &random)) }
            return used.sorted().map { i in (i, coefficient() * rowFactor[i] * columnFactor[j]) }
        }
    }

    static func powerOfTen(_ k: Int) -> Double {
        var value = 1.0
        for _ in 0..<abs(k) { value *= 10 }
        return k < 0 ? 1 / value : value
    }

    /// A non-zero matrix entry before the row and column factors.
    mutating func coefficient() -> Double {
        if flavour.degenerate {
            let v = Double(Int.random(in: 1...4, using: &random))
            return Bool.random(using: &random) ? v : -v
        }
        let v = Double.random(in: 0.5...2, using: &random)
        return Bool.random(using: &random) ? v : -v
    }

    /// A magnitude for values and gaps: `U[lo, hi]`, on a grid of 1/8 when degenerate.
    mutating func amount(_ lo: Double, _ hi: Double) -> Double {
        let v = Double.random(in: lo...hi, using: &random)
        return flavour.degenerate ? max(lo, (v * 8).rounded() / 8) : v
    }

    /// Whether an event of probability `p` happens.
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &random) < p }

    /// The activities `A x`.
    func activities(_ x: [Double]) -> [Double] {
        var a = [Double](repeating: 0, count: rows)
        for j in 0..<columns { for (i, v) in entries[j] { a[i] += v * x[j] } }
        return a
    }

    /// `A'y`.
    func transposeProduct(_ y: [Double]) -> [Double] {
        (0..<columns).map { j in entries[j].reduce(0) { $0 + $1.value * y[$1.row] } }
    }

    /// A random value for column `j` of a point, in the column's own units.
    mutating func pointValue(_ j: Int) -> Double {
        amount(-10, 10) / columnFactor[j]
    }

    /// A width for a bound gap of column `j` or row `i` units.
    mutating func columnWidth(_ j: Int) -> Double { amount(0.5, 10) / columnFactor[j] }
    mutating func rowWidth(_ i: Int, activity: Double) -> Double { amount(0.5, 10) * max(rowFactor[i], 1e-3 * abs(activity)) }

    func program(costs: [Double], columnLower: [Double], columnUpper: [Double], rowLower: [Double], rowUpper: [Double]) -> LinearProgram {
        var lp = LinearProgram(name: "random", sense: flavour.maximize ? .maximize : .minimize)
        for i in 0..<rows { lp.addRow(lower: rowLower[i], upper: rowUpper[i]) }
        for j in 0..<columns {
            lp.addColumn(
                cost: flavour.maximize ? -costs[j] : costs[j], lower: columnLower[j], upper: columnUpper[j],
                coefficients: entries[j])
        }
        return lp
    }

    // MARK: Optimal by construction

    mutating func optimal() -> ConstructedLP {
        var x = [Double](repeating: 0, count: columns)
        var lower = [Double](repeating: 0, count: columns)
        var upper = [Double](repeating: 0, count: columns)
        var reduced = [Double](repeating: 0, count: columns)
        let zeroDual = flavour.degenerate ? 0.5 : 0.1
        for j in 0..<columns {
            x[j] = pointValue(j)
            let cost = amount(0.1, 5) * columnFactor[j]
            switch Double.random(in: 0..<1, using: &random) {
            case ..<0.4:  // at its lower bound
                lower[j] = x[j]
                upper[j] = chance(0.5) ? .infinity : x[j] + columnWidth(j)
                reduced[j] = chance(zeroDual) ? 0 : cost
            case ..<0.6:  // at its upper bound
                upper[j] = x[j]
                lower[j] = chance(0.5) ? -.infinity : x[j] - columnWidth(j)
                reduced[j] = chance(zeroDual) ? 0 : -cost
            case ..<0.7:  // free
                lower[j] = -.infinity
                upper[j] = .infinity
            case ..<0.75:  // fixed
                lower[j] = x[j]
                upper[j] = x[j]
                reduced[j] = chance(0.5) ? cost : -cost
            default:  // between its bounds
                lower[j] = chance(0.3) ? -.infinity : x[j] - columnWidth(j)
                upper[j] = chance(0.3) ? .infinity : x[j] + columnWidth(j)
            }
        }
        let a = activities(x)
        var rowLower = [Double](repeating: 0, count: rows)
        var rowUpper = [Double](repeating: 0, count: rows)
        var y = [Double](repeating: 0, count: rows)
        for i in 0..<rows {
            let dual = chance(zeroDual) ? 0 : amount(0.1, 5) / rowFactor[i]
            switch Double.random(in: 0..<1, using: &random) {
            case ..<0.2:  // equality
                rowLower[i] = a[i]
                rowUpper[i] = a[i]
                y[i] = chance(0.5) ? dual : -dual
            case ..<0.45:  // active at its lower bound
                rowLower[i] = a[i]
                rowUpper[i] = chance(0.5) ? .infinity : a[i] + rowWidth(i, activity: a[i])
                y[i] = dual
            case ..<0.65:  // active at its upper bound
                rowUpper[i] = a[i]
                rowLower[i] = chance(0.5) ? -.infinity : a[i] - rowWidth(i, activity: a[i])
                y[i] = -dual
            case ..<0.7:  // free row
                rowLower[i] = -.infinity
                rowUpper[i] = .infinity
            default:  // inactive: a range, or one side
                rowLower[i] = chance(0.3) ? -.infinity : a[i] - rowWidth(i, activity: a[i])
                rowUpper[i] = chance(0.3) ? .infinity : a[i] + rowWidth(i, activity: a[i])
            }
        }
        let aty = transposeProduct(y)
        let costs = (0..<columns).map { reduced[$0] + aty[$0] }
        var value = 0.0, scale = 1.0
        for j in 0..<columns {
            value += costs[j] * x[j]
            scale = max(scale, abs(costs[j] * x[j]))
        }
        for i in 0..<rows { scale = max(scale, abs(y[i] * a[i])) }
        let lp = program(costs: costs, columnLower: lower, columnUpper: upper, rowLower: rowLower, rowUpper: rowUpper)
        return ConstructedLP(
            kind: .optimal, flavour: flavour, program: lp,
            optimalValue: flavour.maximize ? -value : value, valueScale: scale)
    }

    // MARK: Infeasible by construction

    mutating func infeasible() -> ConstructedLP {
        var y = [Double](repeating: 0, count: rows)
        let support = Int.random(in: 1...min(rows, 3), using: &random)
        var chosen = Set<Int>()
        while chosen.count < support { chosen.insert(Int.random(in: 0..<rows, using: &random)) }
        for i in chosen.sorted() { y[i] = (chance(0.5) ? 1 : -1) * amount(0.5, 2) / rowFactor[i] }
        let z = transposeProduct(y)
        var x = [Double](repeating: 0, count: columns)
        var lower = [Double](repeating: 0, count: columns)
        var upper = [Double](repeating: 0, count: columns)
        var largest = 0.0, size = 0.0
        for j in 0..<columns {
            x[j] = pointValue(j)
            lower[j] = x[j] - columnWidth(j)
            upper[j] = x[j] + columnWidth(j)
            // Open the side z does not push against (or both, where z is zero).
            if z[j] >= 0 && chance(0.4) { lower[j] = -.infinity }
            if z[j] <= 0 && chance(0.4) { upper[j] = .infinity }
            if z[j] != 0 {
                let bound = z[j] > 0 ? upper[j] : lower[j]
                largest += z[j] * bound
                size += abs(z[j] * bound)
            }
        }
        let a = activities(x)
        var rowLower = [Double](repeating: 0, count: rows)
        var rowUpper = [Double](repeating: 0, count: rows)
        for i in 0..<rows {
            rowLower[i] = chance(0.3) ? -.infinity : a[i] - rowWidth(i, activity: a[i])
            rowUpper[i] = chance(0.3) ? .infinity : a[i] + rowWidth(i, activity: a[i])
            if y[i] > 0 { rowLower[i] = a[i] }
            if y[i] < 0 { rowUpper[i] = a[i] }
            size += abs(y[i] * a[i])
        }
        // Now sum_i y_i * (bound y_i uses) = z'x <= largest; move one bound past largest.
        let k = chosen.min()!
        let excess = largest - zip(z, x).reduce(0) { $0 + $1.0 * $1.1 } + 0.05 * max(1, size)
        if y[k] > 0 {
            rowLower[k] += excess / y[k]
            rowUpper[k] = chance(0.5) ? .infinity : rowLower[k] + rowWidth(k, activity: rowLower[k])
        } else {
            rowUpper[k] += excess / y[k]
            rowLower[k] = chance(0.5) ? -.infinity : rowUpper[k] - rowWidth(k, activity: rowUpper[k])
        }
        for i in chosen.sorted() where i != k && chance(0.3) {
            // An equality on the side y uses.
            if y[i] > 0 { rowUpper[i] = rowLower[i] } else { rowLower[i] = rowUpper[i] }
        }
        let costs = (0..<columns).map { j in (chance(0.5) ? 1 : -1) * amount(0, 5) * columnFactor[j] }
        let lp = program(costs: costs, columnLower: lower, columnUpper: upper, rowLower: rowLower, rowUpper: rowUpper)
        return ConstructedLP(kind: .infeasible, flavour: flavour, program: lp, optimalValue: .nan, valueScale: 1)
    }

    // MARK: Unbounded by construction

    mutating func unbounded() -> ConstructedLP {
        var d = [Double](repeating: 0, count: columns)
        let support = Int.random(in: 1...min(columns, 3), using: &random)
        var chosen = Set<Int>()
        while chosen.count < support { chosen.insert(Int.random(in: 0..<columns, using: &random)) }
        for j in chosen.sorted() { d[j] = chance(0.5) ? 1 / columnFactor[j] : -1 / columnFactor[j] }
        var x = [Double](repeating: 0, count: columns)
        var lower = [Double](repeating: 0, count: columns)
        var upper = [Double](repeating: 0, count: columns)
        for j in 0..<columns {
            x[j] = pointValue(j)
            lower[j] = chance(0.3) ? -.infinity : x[j] - columnWidth(j)
            upper[j] = chance(0.3) ? .infinity : x[j] + columnWidth(j)
            if d[j] > 0 { upper[j] = .infinity }
            if d[j] < 0 { lower[j] = -.infinity }
        }
        let a = activities(x)
        let w = activities(d)
        var rowLower = [Double](repeating: 0, count: rows)
        var rowUpper = [Double](repeating: 0, count: rows)
        for i in 0..<rows {
            if w[i] == 0 && chance(0.3) {
                rowLower[i] = a[i]
                rowUpper[i] = a[i]
                continue
            }
            rowLower[i] = w[i] < 0 || chance(0.3) ? -.infinity : a[i] - (chance(0.3) ? 0 : rowWidth(i, activity: a[i]))
            rowUpper[i] = w[i] > 0 || chance(0.3) ? .infinity : a[i] + (chance(0.3) ? 0 : rowWidth(i, activity: a[i]))
        }
        var costs = (0..<columns).map { j in (chance(0.5) ? 1 : -1) * amount(0, 5) * columnFactor[j] }
        let k = chosen.min()!
        let slope = zip(costs, d).reduce(0) { $0 + $1.0 * $1.1 }
        let target = -amount(0.5, 2)
        costs[k] += (target - slope) / d[k]
        let lp = program(costs: costs, columnLower: lower, columnUpper: upper, rowLower: rowLower, rowUpper: rowUpper)
        return ConstructedLP(kind: .unbounded, flavour: flavour, program: lp, optimalValue: .nan, valueScale: 1)
    }
}
