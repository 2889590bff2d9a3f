/// The ratio test of parametric analysis: how far a parameter `θ` can move forwards and
/// backwards before some variable, moving at a constant rate, meets one of its bounds, which
/// may move too.
///
/// A variable with value `x` and rate `ρ` meets an upper bound `u` moving at `μ` at
/// `θ = (u - x) / (ρ - μ)`, and a lower bound `l` moving at `λ` at `θ = (x - l) / (λ - ρ)`;
/// a positive `θ` limits the forward step, a negative one the backward step. A variable
/// already (within rounding) on or past a bound it moves towards stops the step at zero.
/// Rates that close on a bound by no more than `rateTolerance` are taken as parallel to it.
///
/// `ParametricRange` and right-hand-side ranging use it inside the solver; callers that
/// chain parametric steps (the allocator's stages) use it for quantities derived from them.
public struct StepLimits: Sendable {
    /// Below this a closing rate counts as zero.
    public let rateTolerance: Double
    /// The largest step forwards (`θ >= 0`) allowed so far.
    public private(set) var forward = Double.infinity
    /// The largest step backwards allowed so far, as a distance (`>= 0`).
    public private(set) var backward = Double.infinity

    /// Limits that allow any step, treating closing rates up to `rateTolerance` as zero.
    public init(rateTolerance: Double) {
        self.rateTolerance = rateTolerance
    }

    /// Limits the steps by one variable's bounds.
    public mutating func limit(
        value x: Double, rate: Double, lower: Double, upper: Double, lowerRate: Double = 0, upperRate: Double = 0
    ) {
        if upper < .infinity {
            close(gap: max(0, upper - x), at: rate - upperRate)
        }
        if lower > -.infinity {
            close(gap: max(0, x - lower), at: lowerRate - rate)
        }
    }

    /// Limits the steps to at most `forward` forwards and `backward` backwards.
    public mutating func limit(forward: Double, backward: Double) {
        self.forward = min(self.forward, forward)
        self.backward = min(self.backward, backward)
    }

    /// A gap that shrinks at `closing` per unit of `θ` (grows when `closing` is negative).
    private mutating func close(gap: Double, at closing: Double) {
        if closing > rateTolerance {
            forward = min(forward, gap / closing)
        } else if closing < -rateTolerance {
            backward = min(backward, gap / -closing)
        }
    }
}
