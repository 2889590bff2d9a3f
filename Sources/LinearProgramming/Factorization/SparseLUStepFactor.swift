/// A triangular factor (L or U without its diagonal) in the numbering of
/// the pivot steps: step `k`'s entries are `values[q]` at steps `steps[q]`
/// for `q` in `starts[k] ..< starts[k + 1]`.
///
/// Numbering by step makes every solve walk its work vector in order,
/// without looking up rows or columns.
struct SparseLUStepFactor: Sendable {
    /// Where each step's entries begin; one more entry than there are steps.
    let starts: [Int]
    /// The step of each entry.
    let steps: [Int]
    /// The value of each entry.
    let values: [Double]
    /// The steps that have entries, ascending.
    let nonEmptySteps: [Int]

    /// The factor whose step `k` holds the entries `(indexSteps[indices[q]], values[q])`
    /// for `q` in `starts[k] ..< starts[k + 1]`.
    init(starts: [Int], indices: [Int], values: [Double], indexSteps: [Int]) {
        self.init(starts: starts, steps: indices.map { indexSteps[$0] }, values: values)
    }

    private init(starts: [Int], steps: [Int], values: [Double]) {
        self.starts = starts
        self.steps = steps
        self.values = values
        nonEmptySteps = (0..<(starts.count - 1)).filter { starts[$0] < starts[$0 + 1] }
    }

    /// Number of stored entries.
    var entryCount: Int { values.count }

    /// The same entries grouped the other way: entry `(k, steps[q])` becomes `(steps[q], k)`.
    func transposed() -> SparseLUStepFactor {
        let n = starts.count - 1
        var newStarts = [Int](repeating: 0, count: n + 1)
        for step in steps { newStarts[step + 1] += 1 }
        for k in 0..<n { newStarts[k + 1] += newStarts[k] }
        var next = newStarts
        var newSteps = [Int](repeating: 0, count: steps.count)
        var newValues = [Double](repeating: 0, count: steps.count)
        for k in 0..<n {
            for q in starts[k]..<starts[k + 1] {
                let target = steps[q]
                newSteps[next[target]] = k
                newValues[next[target]] = values[q]
                next[target] += 1
            }
        }
        return SparseLUStepFactor(starts: newStarts, steps: newSteps, values: newValues)
    }

    /// Solves in step order, first step first, when each step's entries lie at later steps:
    /// `z[k]` (divided by `diagonal[k]` when given) is final, and its multiples
    /// are subtracted from the later steps. Zero steps are skipped, and
    /// without a diagonal so are steps with no entries.
    func solveForward(_ z: UnsafeMutableBufferPointer<Double>, diagonal: [Double]?) {
        withBuffers { starts, steps, values in
            if let diagonal {
                for k in 0..<(starts.count - 1) {
                    guard z[k] != 0 else { continue }
                    let v = z[k] / diagonal[k]
                    z[k] = v
                    for q in starts[k]..<starts[k + 1] { z[steps[q]] -= values[q] * v }
                }
            } else {
                for k in nonEmptySteps {
                    let v = z[k]
                    guard v != 0 else { continue }
                    for q in starts[k]..<starts[k + 1] { z[steps[q]] -= values[q] * v }
                }
            }
        }
    }

    /// Solves in step order, last step first, when each step's entries lie at earlier steps:
    /// `z[k]` (divided by `diagonal[k]` when given) is final, and its multiples
    /// are subtracted from the earlier steps. Zero steps are skipped, and
    /// without a diagonal so are steps with no entries.
    func solveBackward(_ z: UnsafeMutableBufferPointer<Double>, diagonal: [Double]?) {
        withBuffers { starts, steps, values in
            if let diagonal {
                for k in stride(from: starts.count - 2, through: 0, by: -1) {
                    guard z[k] != 0 else { continue }
                    let v = z[k] / diagonal[k]
                    z[k] = v
                    for q in starts[k]..<starts[k + 1] { z[steps[q]] -= values[q] * v }
                }
            } else {
                for k in nonEmptySteps.reversed() {
                    let v = z[k]
                    guard v != 0 else { continue }
                    for q in starts[k]..<starts[k + 1] { z[steps[q]] -= values[q] * v }
                }
            }
        }
    }

    /// Runs `body` with the factor's arrays as buffers, free of bounds checks.
    private func withBuffers(
        _ body: (UnsafeBufferPointer<Int>, UnsafeBufferPointer<Int>, UnsafeBufferPointer<Double>) -> Void
    ) {
        starts.withUnsafeBufferPointer { starts in
            steps.withUnsafeBufferPointer { steps in
                values.withUnsafeBufferPointer { values in body(starts, steps, values) }
            }
        }
    }
}
