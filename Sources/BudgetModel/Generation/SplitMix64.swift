/// SplitMix64 (Steele, Lea and Flood, 2014): a small, fast pseudo-random generator whose
/// sequence depends only on its seed, on every platform and with every Swift version.
///
/// The generator draws its own integers and fractions (`below(_:)`, `unit()`) rather than
/// going through the standard library's `random(in:using:)`, whose way of turning raw bits
/// into a range is not promised to stay the same; so a seed always gives the same scenario.
/// It is also a `RandomNumberGenerator`, for callers that accept the standard library's ranges.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator whose sequence is fixed by `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 raw bits of the sequence.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A fraction in `[0, 1)` with 53 random bits.
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// An integer in `0..<bound` (0 when `bound <= 0`), by rejection so every value is equally likely.
    public mutating func below(_ bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        let range = UInt64(bound)
        let limit = UInt64.max - UInt64.max % range
        var draw = next()
        while draw >= limit { draw = next() }
        return Int(draw % range)
    }

    /// An integer in `range` (its lower end when the range is empty).
    public mutating func integer(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// True with probability `probability`.
    public mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }
}
