/// Finds the cut levels at which the allocation changes slope.
///
/// Each allocation `x_s(c)` is piecewise linear in the cut. Between two cuts
/// `l < r`, the finder takes the line through `x(l)` with its slope just to the
/// right of `l`, and the line through `x(r)` with its slope just to the left of
/// `r`. If the two lines are the same and the midpoint lies on them, the
/// interval holds no kink. If they cross at one cut `c*` for every service that
/// changes slope, and `x(c*)` lies on both, `c*` is the kink, located exactly
/// (to the solver's precision, far inside 1e-4 percentage points) rather than
/// by sampling. Otherwise the interval is halved. The maximum feasible cut, if
/// in range, ends the feasible part and is reported as a breakpoint of its own.
public struct BreakpointFinder {
    private let allocator: Allocator
    private var scenario: Scenario { allocator.scenario }

    /// Spacing of the first grid, in percentage points: kinks closer together than
    /// this are separated by bisection.
    static let gridSpacing = 1.0
    /// Width of the one-sided differences that give slopes, in percentage points.
    static let slopeStep = 1e-5
    /// Intervals narrower than this are not split further (percentage points).
    static let resolution = 1e-7
    /// Money tolerance, relative to the envelope at 0%, for "on the line".
    static let relativeMoneyTolerance = 1e-8

    /// A finder that evaluates allocations with the given allocator.
    public init(allocator: Allocator) {
        self.allocator = allocator
    }

    /// The breakpoints strictly inside `range` (and the maximum feasible cut if it lies in the range),
    /// in increasing order.
    public func breakpoints(in range: ClosedRange<Double>) throws(AllocationError) -> [Breakpoint] {
        var upper = range.upperBound
        var result: [Breakpoint] = []
        let maximum = try allocator.maximumFeasibleCut()
        guard let maximum else { return [] }
        if maximum < 100, maximum <= range.upperBound {
            upper = maximum
        }
        if range.lowerBound < upper {
            var kinks: [Double] = []
            let intervals = max(1, Int(((upper - range.lowerBound) / Self.gridSpacing).rounded(.up)))
            var previous = range.lowerBound
            for k in 1...intervals {
                let next = k == intervals ? upper : range.lowerBound + Double(k) * (upper - range.lowerBound) / Double(intervals)
                try locateKinks(from: previous, to: next, into: &kinks, depth: 0)
                previous = next
            }
            kinks.sort()
            var merged: [Double] = []
            for kink in kinks where merged.last.map({ kink - $0 > 10 * Self.resolution }) ?? true {
                merged.append(kink)
            }
            let describer = BreakpointDescriber(allocator: allocator)
            for kink in merged where kink > range.lowerBound + Self.resolution && kink < upper - Self.resolution {
                result.append(Breakpoint(cutPercent: kink, events: try describer.events(at: kink)))
            }
        }
        if maximum < 100, range.contains(maximum) {
            result.append(try BreakpointDescriber(allocator: allocator).maximumCutBreakpoint(maximum))
        }
        return result
    }

    // MARK: - Kink location

    private var tolerance: Double { Self.relativeMoneyTolerance * max(1, scenario.envelope(afterCut: 0)) }

    private func allocation(at cut: Double) throws(AllocationError) -> [Double] {
        let result = try allocator.result(atCut: cut)
        // Inside the feasible range every cut is feasible; guard against a cut a hair beyond it.
        return result.status == .optimal ? result.services.map(\.allocation) : []
    }

    private func locateKinks(from l: Double, to r: Double, into kinks: inout [Double], depth: Int) throws(AllocationError) {
        if r - l < Self.resolution || depth > 60 {
            kinks.append((l + r) / 2)
            return
        }
        let h = min(Self.slopeStep, (r - l) / 4)
        let xl = try allocation(at: l), xr = try allocation(at: r)
        let xlh = try allocation(at: l + h), xrh = try allocation(at: r - h)
        guard !xl.isEmpty, !xr.isEmpty, !xlh.isEmpty, !xrh.isEmpty else {
            return try bisect(l, r, into: &kinks, depth: depth)
        }
        let n = xl.count
        let slopeLeft = (0..<n).map { (xlh[$0] - xl[$0]) / h }
        let slopeRight = (0..<n).map { (xr[$0] - xrh[$0]) / h }
        let tol = tolerance

        // One line throughout: both lines agree and the midpoint is on them.
        let sameLine = (0..<n).allSatisfy { abs(xl[$0] + slopeLeft[$0] * (r - l) - xr[$0]) <= tol * 4 }
            && (0..<n).allSatisfy { abs(slopeLeft[$0] - slopeRight[$0]) * (r - l) <= tol * 4 }
        if sameLine {
            let mid = (l + r) / 2
            let xm = try allocation(at: mid)
            if !xm.isEmpty, (0..<n).allSatisfy({ abs(xl[$0] + slopeLeft[$0] * (mid - l) - xm[$0]) <= tol * 4 }) { return }
            return try bisect(l, r, into: &kinks, depth: depth)
        }

        // One kink: every service that changes slope crosses at the same cut.
        var crossings: [Double] = []
        for s in 0..<n where abs(slopeLeft[s] - slopeRight[s]) * (r - l) > tol * 4 {
            crossings.append((xr[s] - xl[s] + slopeLeft[s] * l - slopeRight[s] * r) / (slopeLeft[s] - slopeRight[s]))
        }
        if let first = crossings.first, crossings.allSatisfy({ abs($0 - first) <= 1e-6 }), first > l, first < r {
            let c = crossings.reduce(0, +) / Double(crossings.count)
            let xc = try allocation(at: c)
            let onBoth = !xc.isEmpty && (0..<n).allSatisfy { s in
                abs(xl[s] + slopeLeft[s] * (c - l) - xc[s]) <= tol * 4
                    && abs(xr[s] + slopeRight[s] * (c - r) - xc[s]) <= tol * 4
            }
            if onBoth {
                // Confirm both sides are single lines (this catches a second kink hiding in either side).
                var left: [Double] = [], right: [Double] = []
                try confirmLinear(l, c, slope: slopeLeft, start: xl, into: &left, depth: depth)
                try confirmLinear(c, r, slope: slopeRight, start: xc, into: &right, depth: depth)
                kinks.append(c)
                kinks += left + right
                return
            }
        }
        try bisect(l, r, into: &kinks, depth: depth)
    }

    private func confirmLinear(
        _ l: Double, _ r: Double, slope: [Double], start: [Double], into kinks: inout [Double], depth: Int
    ) throws(AllocationError) {
        let tol = tolerance
        for point in [l + (r - l) / 3, l + 2 * (r - l) / 3] {
            let x = try allocation(at: point)
            if x.isEmpty || !(0..<x.count).allSatisfy({ abs(start[$0] + slope[$0] * (point - l) - x[$0]) <= tol * 4 }) {
                // Something else bends in here. The known kink sits at an end of this side,
                // where the one-sided slopes do not see it, so searching the side finds only the other.
                return try locateKinks(from: l, to: r, into: &kinks, depth: depth + 1)
            }
        }
    }

    private func bisect(_ l: Double, _ r: Double, into kinks: inout [Double], depth: Int) throws(AllocationError) {
        let mid = (l + r) / 2
        try locateKinks(from: l, to: mid, into: &kinks, depth: depth + 1)
        try locateKinks(from: mid, to: r, into: &kinks, depth: depth + 1)
    }
}
