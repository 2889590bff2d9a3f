extension MixedIntegerProgram {
    /// The step of the objective over the mixed-integer points, when it has one: a `step > 0`
    /// and an `offset` such that every point satisfying the column bounds and integrality has
    /// objective `offset + k * step` for an integer `k`. `nil` when a column that is neither
    /// integer nor fixed by its bounds has a nonzero cost, or when some integer column's cost
    /// is not a multiple of 1/600 (to within `1e-9 * max(1, |cost|)`).
    ///
    /// As HiGHS finds its objective's integral scale: every cost of an integer column is
    /// scaled by 600 (whose divisors are the denominators 2, 3, 4, 5, 6, 8, 10, 12, ...), and
    /// the step is the greatest common divisor of the scaled costs, over 600. The offset is
    /// the objective's constant plus the costs of the columns fixed by their bounds. Costs
    /// 0.25, 0.5 and 1.25 give the step 0.25; costs 50 and 75 give 25; a semi-continuous
    /// integer column counts as integer (its values are integers or 0).
    public var objectiveStep: (step: Double, offset: Double)? {
        let scale = 600.0
        var offset = program.objectiveConstant
        var divisor: Int64 = 0
        for j in 0..<program.columnCount where program.costs[j] != 0 {
            let c = program.costs[j]
            guard isInteger[j] else {
                guard program.columnLower[j] == program.columnUpper[j], program.columnLower[j].isFinite,
                      semicontinuousLower[j] == nil
                else { return nil }
                offset += c * program.columnLower[j]
                continue
            }
            let scaled = (c * scale).rounded()
            guard abs(c - scaled / scale) <= 1e-9 * max(1, abs(c)), abs(scaled) < 1e15 else { return nil }
            divisor = Self.greatestCommonDivisor(divisor, Int64(abs(scaled)))
        }
        guard divisor > 0 else { return nil }
        return (Double(divisor) / scale, offset)
    }

    private static func greatestCommonDivisor(_ a: Int64, _ b: Int64) -> Int64 {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return a
    }
}
