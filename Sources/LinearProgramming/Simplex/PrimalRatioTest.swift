/// The outcome of the primal ratio test.
enum PrimalStep: Equatable {
    /// Nothing blocks the entering variable.
    case unbounded
    /// The entering variable reaches its own other bound first.
    case flip
    /// The basic variable in position `position` leaves at its lower
    /// (`toLower`) or upper bound after a step of `step`.
    case pivot(position: Int, step: Double, toLower: Bool)
}

extension SimplexSolver {
    /// Harris' two-pass primal ratio test for entering `q` moving in
    /// `direction` (`+1` up, `-1` down), with `alphaColumn = B⁻¹ column_q`.
    /// Basic `i` moves as `x_i - t·direction·alpha_i`.
    func primalRatioTest(entering q: Int, direction: Double) -> PrimalStep {
        let tolerance = options.primalFeasibilityTolerance
        let pivotTolerance = options.pivotTolerance
        // Pass 1: the largest step that keeps all basics within tolerance.
        var bound = Double.infinity
        for i in 0..<rowCount {
            let beta = direction * alphaColumn[i]
            let j = head[i]
            if beta > pivotTolerance, lower[j] > -Double.infinity {
                bound = min(bound, max(x[j] - lower[j] + tolerance, 0) / beta)
            } else if beta < -pivotTolerance, upper[j] < Double.infinity {
                bound = min(bound, max(upper[j] - x[j] + tolerance, 0) / -beta)
            }
        }
        let range = upper[q] - lower[q]
        if range <= bound && range < Double.infinity { return .flip }
        if bound == .infinity { return .unbounded }
        // Pass 2: among the basics blocking within that step, the largest |alpha|.
        var chosen = -1
        var chosenSize = 0.0
        var chosenStep = 0.0
        var chosenToLower = true
        for i in 0..<rowCount {
            let beta = direction * alphaColumn[i]
            let j = head[i]
            if beta > pivotTolerance, lower[j] > -Double.infinity {
                let step = max(x[j] - lower[j], 0) / beta
                if step <= bound && beta > chosenSize {
                    chosen = i; chosenSize = beta; chosenStep = step; chosenToLower = true
                }
            } else if beta < -pivotTolerance, upper[j] < Double.infinity {
                let step = max(upper[j] - x[j], 0) / -beta
                if step <= bound && -beta > chosenSize {
                    chosen = i; chosenSize = -beta; chosenStep = step; chosenToLower = false
                }
            }
        }
        guard chosen >= 0 else { return .unbounded }
        return .pivot(position: chosen, step: chosenStep, toLower: chosenToLower)
    }
}
