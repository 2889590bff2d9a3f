/// Complemented mixed-integer rounding (c-MIR) cuts (Marchand and Wolsey, 2001), made the
/// way SCIP's `cmir` and HiGHS's path-aggregation separators make them.
///
/// 1. **Aggregation.** A base inequality `a'x <= b` starts as one row (each finite side with
///    a normalised slack `slack / ||row||` of at most 0.1 at the point). While no cut comes
///    from it and fewer than 5 rows have been added, the continuous column furthest from its
///    bounds (and its variable upper bound) is eliminated by adding a multiple of another
///    row holding it, the one with the smallest slack among those whose side allows the
///    multiplier's sign.
/// 2. **Bound substitution.** Every continuous column is written as the distance `x' >= 0`
///    from its nearest bound: lower, upper, or a variable upper bound `x <= u y` (a two-entry
///    row with `y` binary and `x`'s lower bound 0), which moves `a u` onto `y`. A term with a
///    positive coefficient is dropped (a relaxation); the negative ones form `-s`, `s >= 0`.
///    Every integer column is complemented to its nearer bound, `x' = x - l` or `u - x`.
/// 3. **Rounding.** For `sum a_j x'_j - s <= beta` and a divisor `delta`, with `f0` the
///    fractional part of `beta / delta` and `f_j` that of `a_j / delta`, the MIR inequality
///    `sum (floor(a_j/delta) + max(0, f_j - f0)/(1 - f0)) x'_j - s/(delta (1 - f0))
///    <= floor(beta/delta)` holds for every `x' >= 0` integer and `s >= 0`. The divisors
///    tried are the coefficients of integer columns strictly inside their bounds, 1 and the
///    largest plus 1, then the best times 2, 4 and 8; then flipping each integer column's
///    complementation is kept when it raises the efficacy. `f0` must lie in `[0.01, 0.99]`.
/// 4. The cut, written back over the original columns, passes `CuttingPlane.cleaned`.
///
/// The cuts hold for every point of the programme within `columnLower`/`columnUpper`: each
/// step is a relaxation of it or an exact rewriting, whichever the point's values are.
public struct MixedIntegerRoundingSeparator: Sendable {
    public let problem: MixedIntegerProgram
    /// The column bounds the cuts are valid for (rounded inwards on integer columns).
    public let columnLower: [Double]
    public let columnUpper: [Double]
    private let rows: RowwiseMatrix
    /// For a continuous column `x` with lower bound 0: a row `x <= bound * y`, `y` binary.
    private let variableUpper: [(column: Int, bound: Double)?]
    /// Each row's Euclidean norm.
    private let rowNorms: [Double]

    /// Most rows added to a starting row.
    static let maxAggregations = 5
    /// Most normalised slack of a row used in an aggregation.
    static let maxSlack = 0.1

    /// A separator for `problem` with the given column bounds (the relaxation's when `nil`).
    public init(problem: MixedIntegerProgram, columnLower: [Double]? = nil, columnUpper: [Double]? = nil) {
        self.problem = problem
        let p = problem.program
        var lower = columnLower ?? p.columnLower
        var upper = columnUpper ?? p.columnUpper
        for j in 0..<p.columnCount where problem.isInteger[j] {
            if lower[j].isFinite { lower[j] = (lower[j] - 1e-9).rounded(.up) }
            if upper[j].isFinite { upper[j] = (upper[j] + 1e-9).rounded(.down) }
        }
        self.columnLower = lower
        self.columnUpper = upper
        let rows = RowwiseMatrix(p.matrix)
        self.rows = rows
        var norms = [Double](repeating: 0, count: p.rowCount)
        var vub = [(column: Int, bound: Double)?](repeating: nil, count: p.columnCount)
        for i in 0..<p.rowCount {
            let range = rows.range(ofRow: i)
            for k in range { norms[i] += rows.values[k] * rows.values[k] }
            norms[i] = norms[i].squareRoot()
            guard range.count == 2 else { continue }
            var entries = range.map { (column: rows.columns[$0], value: rows.values[$0]) }
            if problem.isInteger[entries[0].column] { entries.swapAt(0, 1) }
            let (x, a) = entries[0], (y, c) = entries[1]
            guard !problem.isInteger[x], problem.isInteger[y], lower[x] == 0, lower[y] == 0, upper[y] == 1 else { continue }
            // a x + c y <= 0 (or >= 0, negated) with a > 0, c < 0 reads x <= (-c/a) y.
            var sign = 0.0
            if p.rowUpper[i] == 0 && a > 0 && c < 0 { sign = 1 }
            if p.rowLower[i] == 0 && a < 0 && c > 0 { sign = -1 }
            guard sign != 0 else { continue }
            let bound = -c / a
            if vub[x] == nil || bound < vub[x]!.bound { vub[x] = (y, bound) }
        }
        variableUpper = vub
        rowNorms = norms
    }

    /// At most `limit` cuts violated at `x`, most efficacious first.
    public func cuts(at x: [Double], limit: Int) -> [CuttingPlane] {
        let p = problem.program
        let n = p.columnCount
        var activity = [Double](repeating: 0, count: p.rowCount)
        for i in 0..<p.rowCount {
            for k in rows.range(ofRow: i) { activity[i] += rows.values[k] * x[rows.columns[k]] }
        }
        var aggregate = Aggregate(columnCount: n)
        var found: [CuttingPlane] = []
        for start in 0..<p.rowCount {
            for side in [1.0, -1.0] {
                guard let slack = normalisedSlack(row: start, side: side, activity: activity), slack <= Self.maxSlack
                else { continue }
                aggregate.clear()
                aggregate.add(row: start, multiplier: side, rows: rows, bound: side > 0 ? p.rowUpper[start] : p.rowLower[start])
                var used: Set<Int> = [start]
                for step in 0...Self.maxAggregations {
                    if let cut = roundedCut(aggregate, at: x) {
                        found.append(cut)
                        break
                    }
                    guard step < Self.maxAggregations,
                          let (column, row, multiplier) = eliminationRow(aggregate, at: x, activity: activity, used: used)
                    else { break }
                    let bound = multiplier > 0 ? p.rowUpper[row] : p.rowLower[row]
                    aggregate.add(row: row, multiplier: multiplier, rows: rows, bound: bound)
                    aggregate.coefficients[column] = 0
                    used.insert(row)
                }
            }
        }
        found.sort { $0.efficacy > $1.efficacy }
        return Array(found.prefix(limit))
    }

    /// The slack of row `i`'s side (`+1` its upper, `-1` its lower) at the point over the
    /// row's norm; `nil` for an infinite side or an empty row.
    private func normalisedSlack(row i: Int, side: Double, activity: [Double]) -> Double? {
        let p = problem.program
        let bound = side > 0 ? p.rowUpper[i] : p.rowLower[i]
        guard bound.isFinite, rowNorms[i] > 0 else { return nil }
        return max(0, side * (bound - activity[i])) / rowNorms[i]
    }

    /// How far a continuous column is from its nearest bound at `x` (`+infinity` when free).
    private func boundDistance(_ j: Int, at x: [Double]) -> Double {
        var d = Double.infinity
        if columnLower[j].isFinite { d = min(d, x[j] - columnLower[j]) }
        if columnUpper[j].isFinite { d = min(d, columnUpper[j] - x[j]) }
        if let v = variableUpper[j] { d = min(d, v.bound * x[v.column] - x[j]) }
        return max(d, 0)
    }

    /// The row (and its multiplier) that eliminates the continuous column of the aggregate
    /// furthest from its bounds, among the columns some unused row can eliminate.
    private func eliminationRow(
        _ aggregate: Aggregate, at x: [Double], activity: [Double], used: Set<Int>
    ) -> (column: Int, row: Int, multiplier: Double)? {
        let p = problem.program
        var candidates: [(column: Int, distance: Double)] = []
        for j in aggregate.support where !problem.isInteger[j] && abs(aggregate.coefficients[j]) > 1e-9 {
            let d = boundDistance(j, at: x)
            if d > 1e-6 { candidates.append((j, d)) }
        }
        candidates.sort { $0.distance > $1.distance }
        for (j, _) in candidates {
            let a = aggregate.coefficients[j]
            var best: (row: Int, multiplier: Double, slack: Double)?
            for k in p.matrix.range(ofColumn: j) where !used.contains(p.matrix.rowIndices[k]) {
                let i = p.matrix.rowIndices[k], r = p.matrix.values[k]
                guard r != 0 else { continue }
                // multiplier * r = -a, and the row is used on the side the multiplier's sign picks.
                let multiplier = -a / r
                let side: Double = multiplier > 0 ? 1 : -1
                guard let slack = normalisedSlack(row: i, side: side, activity: activity), slack <= Self.maxSlack
                else { continue }
                if best == nil || slack < best!.slack { best = (i, multiplier, slack) }
            }
            if let best { return (j, best.row, best.multiplier) }
        }
        return nil
    }

    /// Drops the term `a x_j` (bounds `[lower, upper]`) from `a'x <= beta`: `a x_j` is at least
    /// `a` times its smallest value, which moves into `beta`. False, with `beta` unchanged, when
    /// that value is infinite.
    private static func drop(_ a: Double, lower: Double, upper: Double, from beta: inout Double) -> Bool {
        let extreme = a > 0 ? lower : upper
        guard extreme.isFinite else { return false }
        beta -= a * extreme
        return true
    }

    /// How a continuous column is written as a distance `x' >= 0`.
    private enum Substitution {
        case lower, upper, variableUpper
    }

    /// The best c-MIR cut of an aggregate `a'x <= b`, if one is violated at `x`.
    private func roundedCut(_ aggregate: Aggregate, at x: [Double]) -> CuttingPlane? {
        var beta = aggregate.rhs
        guard beta.isFinite else { return nil }
        var integerCoefficients: [Int: Double] = [:]
        // The continuous distances x' with negative coefficients (the -s part).
        var continuous: [(column: Int, how: Substitution, coefficient: Double, value: Double)] = []
        for j in aggregate.support where !problem.isInteger[j] {
            let a = aggregate.coefficients[j]
            if a == 0 { continue }
            let l = columnLower[j], u = columnUpper[j]
            if abs(a) < 1e-12 {
                // Too small to matter.
                guard Self.drop(a, lower: l, upper: u, from: &beta) else { return nil }
                continue
            }
            var how: Substitution?
            var distance = Double.infinity
            if let v = variableUpper[j], v.bound * x[v.column] - x[j] <= distance {
                how = .variableUpper
                distance = v.bound * x[v.column] - x[j]
            }
            if l.isFinite && x[j] - l < distance { how = .lower; distance = x[j] - l }
            if u.isFinite && u - x[j] < distance { how = .upper; distance = u - x[j] }
            guard let how else { return nil }
            let c: Double
            switch how {
            case .lower:
                beta -= a * l
                c = a
            case .upper:
                beta -= a * u
                c = -a
            case .variableUpper:
                let v = variableUpper[j]!
                integerCoefficients[v.column, default: 0] += a * v.bound
                c = -a
            }
            if c < 0 { continuous.append((j, how, c, max(distance, 0))) }
        }
        for j in aggregate.support where problem.isInteger[j] {
            let a = aggregate.coefficients[j]
            if a != 0 { integerCoefficients[j, default: 0] += a }
        }
        var integers: [IntegerTerm] = []
        for (j, a) in integerCoefficients.sorted(by: { $0.key < $1.key }) where a != 0 {
            let l = columnLower[j], u = columnUpper[j]
            if abs(a) < 1e-9 {
                // Too small to round safely.
                guard Self.drop(a, lower: l, upper: u, from: &beta) else { return nil }
                continue
            }
            if u.isFinite && (u - x[j] < x[j] - l || !l.isFinite) {
                beta -= a * u
                integers.append(IntegerTerm(column: j, coefficient: -a, value: max(u - x[j], 0), complemented: true))
            } else if l.isFinite {
                beta -= a * l
                integers.append(IntegerTerm(column: j, coefficient: a, value: max(x[j] - l, 0), complemented: false))
            } else {
                return nil
            }
        }
        guard !integers.isEmpty, beta.isFinite else { return nil }

        var divisors: [Double] = []
        var largest = 0.0
        for t in integers {
            largest = max(largest, abs(t.coefficient))
            if t.value > 1e-6 && abs(t.coefficient) > 1e-4 { divisors.append(abs(t.coefficient)) }
        }
        divisors += [1, largest + 1]
        divisors.sort()
        var distinct: [Double] = []
        for d in divisors where distinct.last.map({ d - $0 > 1e-9 * max(1, d) }) ?? true { distinct.append(d) }
        var bestDivisor = 0.0
        var bestEfficacy = 1e-4
        for d in distinct {
            let e = Self.efficacy(integers, continuous, beta: beta, divisor: d)
            if e > bestEfficacy { (bestDivisor, bestEfficacy) = (d, e) }
        }
        guard bestDivisor > 0 else { return nil }
        let base = bestDivisor
        for k in [2.0, 4, 8] {
            let e = Self.efficacy(integers, continuous, beta: beta, divisor: base * k)
            if e > bestEfficacy { (bestDivisor, bestEfficacy) = (base * k, e) }
        }
        for index in integers.indices {
            let t = integers[index]
            let l = columnLower[t.column], u = columnUpper[t.column]
            guard l.isFinite && u.isFinite && t.value > 1e-6 else { continue }
            let flippedBeta = beta - t.coefficient * (u - l)
            integers[index] = IntegerTerm(
                column: t.column, coefficient: -t.coefficient, value: max(u - l - t.value, 0),
                complemented: !t.complemented)
            let e = Self.efficacy(integers, continuous, beta: flippedBeta, divisor: bestDivisor)
            if e > bestEfficacy {
                bestEfficacy = e
                beta = flippedBeta
            } else {
                integers[index] = t
            }
        }
        return cut(integers, continuous, beta: beta, divisor: bestDivisor, at: x)
    }

    /// An integer column complemented to a bound: `x' = x - l`, or `u - x` when complemented.
    private struct IntegerTerm {
        var column: Int
        var coefficient: Double
        var value: Double
        var complemented: Bool
    }

    /// The MIR function's coefficient for `a / delta`: `floor + max(0, f - f0) / (1 - f0)`.
    private static func rounded(_ scaled: Double, f0: Double) -> Double {
        let down = (scaled + 1e-9).rounded(.down)
        return down + max(0, scaled - down - f0) / (1 - f0)
    }

    /// The efficacy of the MIR inequality with `divisor` in the space of the distances
    /// (`-infinity` when `f0` is outside `[0.01, 0.99]`).
    private static func efficacy(
        _ integers: [IntegerTerm], _ continuous: [(column: Int, how: Substitution, coefficient: Double, value: Double)],
        beta: Double, divisor: Double
    ) -> Double {
        let scaledBeta = beta / divisor
        let down = scaledBeta.rounded(.down)
        let f0 = scaledBeta - down
        guard f0 >= 0.01 && f0 <= 0.99 else { return -.infinity }
        var violation = -down
        var squares = 0.0
        for t in integers {
            let a = rounded(t.coefficient / divisor, f0: f0)
            violation += a * t.value
            squares += a * a
        }
        for c in continuous {
            let a = c.coefficient / (divisor * (1 - f0))
            violation += a * c.value
            squares += a * a
        }
        guard squares > 0 else { return -.infinity }
        return violation / squares.squareRoot()
    }

    /// The MIR inequality with `divisor`, written back over the columns as a `>=` cut.
    private func cut(
        _ integers: [IntegerTerm], _ continuous: [(column: Int, how: Substitution, coefficient: Double, value: Double)],
        beta: Double, divisor: Double, at x: [Double]
    ) -> CuttingPlane? {
        let scaledBeta = beta / divisor
        let down = scaledBeta.rounded(.down)
        let f0 = scaledBeta - down
        // g'x <= rhs over the columns.
        var g = [Double](repeating: 0, count: problem.program.columnCount)
        var rhs = divisor * down
        for t in integers {
            let a = divisor * Self.rounded(t.coefficient / divisor, f0: f0)
            if t.complemented {
                g[t.column] -= a
                rhs -= a * columnUpper[t.column]
            } else {
                g[t.column] += a
                rhs += a * columnLower[t.column]
            }
        }
        for c in continuous {
            let gamma = c.coefficient / (1 - f0)
            switch c.how {
            case .lower:
                g[c.column] += gamma
                rhs += gamma * columnLower[c.column]
            case .upper:
                g[c.column] -= gamma
                rhs -= gamma * columnUpper[c.column]
            case .variableUpper:
                let v = variableUpper[c.column]!
                g[v.column] += gamma * v.bound
                g[c.column] -= gamma
            }
        }
        for j in g.indices where g[j] != 0 { g[j] = -g[j] }
        return CuttingPlane.cleaned(g, lower: -rhs, at: x, columnLower: columnLower, columnUpper: columnUpper)
    }
}

/// A base inequality `coefficients' x <= rhs` built from rows, with the columns it touches.
private struct Aggregate {
    var coefficients: [Double]
    var support: [Int] = []
    var rhs = 0.0
    private var inSupport: [Bool]

    init(columnCount: Int) {
        coefficients = [Double](repeating: 0, count: columnCount)
        inSupport = [Bool](repeating: false, count: columnCount)
    }

    mutating func clear() {
        for j in support {
            coefficients[j] = 0
            inSupport[j] = false
        }
        support.removeAll(keepingCapacity: true)
        rhs = 0
    }

    /// Adds `multiplier` times the row `r'x <= bound` (a `>=` row when the multiplier is
    /// negative), the row's entries from `rows`.
    mutating func add(row i: Int, multiplier: Double, rows: RowwiseMatrix, bound: Double) {
        for k in rows.range(ofRow: i) {
            let j = rows.columns[k]
            coefficients[j] += multiplier * rows.values[k]
            if !inSupport[j] {
                inSupport[j] = true
                support.append(j)
            }
        }
        rhs += multiplier * bound
    }
}
