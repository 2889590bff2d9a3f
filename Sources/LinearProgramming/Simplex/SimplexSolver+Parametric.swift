extension SimplexSolver {
    /// Below this (relative to the largest bound rate of a direction, in internal units) a
    /// rate at which a variable closes on a bound counts as zero in the parametric ratio test.
    static let parametricRateTolerance = 1e-12

    /// Parametric analysis of the basis the last `solve` ended with, as the bounds move along
    /// `direction` (see `ParametricRange`).
    ///
    /// Call it right after a `solve` that returned an optimal solution, before bounds or
    /// costs change: it uses that solve's factorised basis and values. The ratio test works
    /// in the solver's scaled units, where the feasibility tolerances apply, and stops exactly
    /// where a variable reaches its bound (not the tolerance beyond it); rates are returned in
    /// the programme's own units. Returns nil when there is no factorised basis or the
    /// direction does not fit the programme.
    public func parametricRange(along direction: BoundDirection) -> ParametricRange? {
        let n = columnCount, m = rowCount
        guard hasBasis, !factorStale,
              direction.columnLower.count == n, direction.columnUpper.count == n,
              direction.rowLower.count == m, direction.rowUpper.count == m
        else { return nil }

        // Bound rates in internal units: columns are divided by C_j, rows multiplied by R_i.
        var lowerRate = [Double](repeating: 0, count: n + m)
        var upperRate = lowerRate
        for j in 0..<n {
            lowerRate[j] = finiteRate(direction.columnLower[j]) / columnScale[j]
            upperRate[j] = finiteRate(direction.columnUpper[j]) / columnScale[j]
        }
        for i in 0..<m {
            lowerRate[n + i] = finiteRate(direction.rowLower[i]) * rowScale[i]
            upperRate[n + i] = finiteRate(direction.rowUpper[i]) * rowScale[i]
        }

        // Non-basic variables follow their bound; B ρ_B = -N ρ_N gives the basic ones.
        var rate = [Double](repeating: 0, count: n + m)
        var basicRates = [Double](repeating: 0, count: m)
        for j in 0..<(n + m) where status[j] != .basic {
            rate[j] = status[j] == .atLower ? lowerRate[j] : (status[j] == .atUpper ? upperRate[j] : 0)
        }
        subtractNonbasicColumns(times: rate, from: &basicRates)
        factor.solve(&basicRates)
        for position in 0..<m { rate[head[position]] = basicRates[position] }

        let largestBoundRate = zip(lowerRate, upperRate).reduce(0) { max($0, abs($1.0), abs($1.1)) }
        var limits = StepLimits(rateTolerance: Self.parametricRateTolerance * max(1, largestBoundRate))
        // A variable whose value and bounds all stand still closes no gap.
        for j in 0..<(n + m) where rate[j] != 0 || lowerRate[j] != 0 || upperRate[j] != 0 {
            limits.limit(
                value: x[j], rate: rate[j], lower: lower[j], upper: upper[j],
                lowerRate: lowerRate[j], upperRate: upperRate[j])
        }

        let columnRates = (0..<n).map { rate[$0] * columnScale[$0] }
        let rowRates = (0..<m).map { rate[n + $0] / rowScale[$0] }
        let objectiveRate = zip(program.costs, columnRates).reduce(0) { $0 + $1.0 * $1.1 }
        return ParametricRange(
            columnRates: columnRates, rowRates: rowRates, objectiveRate: objectiveRate,
            forward: limits.forward, backward: limits.backward)
    }

    /// A bound rate, with anything not finite (a rate given for an infinite bound) as zero.
    private func finiteRate(_ value: Double) -> Double { value.isFinite ? value : 0 }
}
