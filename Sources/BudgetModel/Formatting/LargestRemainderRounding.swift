/// Rounding to whole units by the largest-remainder method, so that rounded
/// parts add up exactly to a rounded total (SCENARIO-SPEC section 5).
public enum LargestRemainderRounding {
    /// Magnitudes below this many units are floating-point noise and count as 0; so do
    /// differences between two remainders, and a total's distance from a half unit.
    public static let noise = 1e-6

    /// Rounds `parts` (amounts of money) to whole multiples of `unit`, returned
    /// as counts of units, so that they add up exactly to `total` rounded to the
    /// nearest unit (halves away from zero), which is returned alongside.
    ///
    /// Method: every part is rounded down; the units still missing from the
    /// rounded total go one each to the parts with the largest remainders, ties
    /// to the earlier part. Differences below `noise` are not money but the
    /// solver's rounding error, which depends on the path it took: remainders
    /// that close to each other are a tie, so the same allocation found by two
    /// routes rounds the same way. When the parts add up to `total` (to within noise),
    /// no rounded part differs from its exact value by a whole unit or more.
    /// Should they not, the surplus or shortfall is still absorbed one unit per
    /// part, largest remainders first, so the sum is always exact.
    ///
    /// - Parameters:
    ///   - parts: finite amounts (tiny negatives from floating-point noise are allowed).
    ///   - total: the exact total the parts make up.
    ///   - unit: the rounding unit, greater than 0.
    public static func round(_ parts: [Double], summingTo total: Double, unit: Double)
        -> (total: Double, parts: [Double])
    {
        let roundedTotal = roundToNearest(total / unit)
        return (roundedTotal, distribute(parts, overUnits: roundedTotal, unit: unit))
    }

    /// Rounds `parts` to whole multiples of `unit`, returned as counts of units
    /// adding up exactly to `units` (a whole number of units already rounded,
    /// such as a service's rounded allocation), by the method of
    /// `round(_:summingTo:unit:)`.
    public static func distribute(_ parts: [Double], overUnits units: Double, unit: Double) -> [Double] {
        guard !parts.isEmpty else { return [] }
        let scaled = parts.map { denoise($0 / unit) }
        var rounded = scaled.map { $0.rounded(.down) }
        var missing = units - rounded.reduce(0, +)
        // Whole rounds of one unit per part at once, so the loops below run fewer than `count` times.
        let count = Double(rounded.count)
        if missing.isFinite, abs(missing) >= count {
            let each = (missing / count).rounded(.towardZero)
            for index in rounded.indices { rounded[index] += each }
            missing -= each * count
        }
        guard missing >= 1 || missing <= -1 else { return rounded }
        // Remainders in whole multiples of `noise`, so that nearly equal ones compare equal.
        let remainders = scaled.map { (($0 - $0.rounded(.down)) / noise).rounded() }
        // Largest remainder first; ties keep the parts' order.
        let order = remainders.indices.sorted { a, b in
            remainders[a] != remainders[b] ? remainders[a] > remainders[b] : a < b
        }
        var position = 0
        while missing >= 1 {
            rounded[order[position % order.count]] += 1
            missing -= 1
            position += 1
        }
        // Only when the parts exceed the total: take units back, smallest remainders first.
        position = 0
        while missing <= -1 {
            rounded[order[order.count - 1 - position % order.count]] -= 1
            missing += 1
            position += 1
        }
        return rounded
    }

    /// `value / unit` rounded to the nearest whole number of units (halves away
    /// from zero), with noise treated as 0: a count of units.
    public static func roundToUnits(_ value: Double, unit: Double) -> Double {
        roundToNearest(value / unit)
    }

    /// `value / unit` rounded down to a whole number of units, a value within noise of a
    /// whole number taken as that number: a count of units.
    public static func roundDownToUnits(_ value: Double, unit: Double) -> Double {
        let units = denoise(value / unit)
        let nearest = units.rounded()
        return (abs(units - nearest) < noise ? nearest : units.rounded(.down)) + 0
    }

    private static func roundToNearest(_ units: Double) -> Double {
        let value = denoise(units), whole = value.rounded(.down)
        // A half within noise is a half, rounded away from zero: an amount of £1,135,057.50
        // found by two routes rounds the same way whichever side of the half each lands.
        if abs(value - whole - 0.5) < noise { return (value < 0 ? whole : whole + 1) + 0 }
        return value.rounded(.toNearestOrAwayFromZero) + 0  // + 0 turns -0 into 0
    }

    private static func denoise(_ units: Double) -> Double {
        abs(units) < noise ? 0 : units
    }
}
