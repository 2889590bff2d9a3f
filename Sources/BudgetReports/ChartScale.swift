import Foundation

/// A linear value axis with round tick values (1, 2 or 5 times a power of ten
/// apart) that covers a range of data and always includes zero.
struct ChartScale: Equatable {
    /// The value at the bottom of the axis (a tick).
    let lower: Double
    /// The value at the top of the axis (a tick).
    let upper: Double
    /// The distance between ticks.
    let step: Double

    /// A scale over `values` and 0, with about `targetTicks` intervals and a step
    /// of at least `minimumStep`. Non-finite values are ignored; when every
    /// value is 0 the axis spans 0 to 1 (or `minimumStep`).
    init(covering values: [Double], targetTicks: Double = 5, minimumStep: Double = 0) {
        let finite = values.filter(\.isFinite)
        let low = min(0, finite.min() ?? 0)
        let high = max(0, finite.max() ?? 0)
        let span = high > low ? high - low : 1  // all zero: an axis from 0 to a round 1
        let raw = max(span / targetTicks, minimumStep, Double.leastNormalMagnitude)
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let normalised = raw / magnitude
        let nice: Double = normalised <= 1 ? 1 : normalised <= 2 ? 2 : normalised <= 5 ? 5 : 10
        let niceStep = max(nice * magnitude, minimumStep)
        let bottom = (low / niceStep).rounded(.down) * niceStep
        let top = max((high / niceStep).rounded(.up) * niceStep, bottom + niceStep)
        if [bottom, top, niceStep].allSatisfy(\.isFinite), (top - bottom) / niceStep <= 1000 {
            (lower, upper, step) = (bottom, top, niceStep)
        } else {
            // Values beyond the range of Double arithmetic: a plain 0 to 1 axis rather than none.
            (lower, upper, step) = (0, 1, 1)
        }
    }

    /// The tick values from `lower` to `upper`.
    var ticks: [Double] {
        let count = Int(((upper - lower) / step).rounded())
        return (0...max(0, count)).map { lower + Double($0) * step }
    }

    /// Decimal places that show every tick exactly (0 for steps of 1 or more).
    var tickDecimals: Int { max(0, Int(-(log10(step)).rounded(.down))) }

    /// Where `value` falls between `bottom` (the pixel of `lower`) and `top` (the pixel of `upper`).
    func position(of value: Double, bottom: Double, top: Double) -> Double {
        bottom + (value - lower) / (upper - lower) * (top - bottom)
    }
}
