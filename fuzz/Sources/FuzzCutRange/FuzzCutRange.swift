import BudgetModel

/// One libFuzzer input: a `--cut` value, optionally followed by a newline and a `--step`
/// value. Rejected input must be a `CutRangeError` with a one-line message; accepted input
/// must yield finite cuts strictly between -100% and 100%, within `bounds`, ascending for a
/// range, and as many as `count` says (checked for up to 10,000 cuts). A crash, a trap, a
/// broken promise or a hang (libFuzzer's `-timeout`) is a finding.
func fuzzCutRange(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let parts = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
    let cut = String(parts[0]), step = parts.count > 1 ? String(parts[1]) : nil
    let range: CutRange
    do {
        range = try CutRange(parsing: cut, step: step)
    } catch {
        precondition(!error.description.contains("\n"), "an error over more than one line: \(error)")
        return 0
    }
    precondition(range.count >= 1, "an accepted --cut with no cuts: \(cut)")
    var yielded = 0
    var previous = -Double.infinity
    for value in range.prefix(10_000) {
        precondition(value.isFinite && value > -100 && value < 100, "cut \(value) out of (-100, 100) from \(cut)")
        precondition(range.bounds.contains(value), "cut \(value) outside \(range.bounds) from \(cut)")
        if range.isRange { precondition(value > previous, "range \(cut) does not ascend at \(value)") }
        previous = value
        yielded += 1
    }
    precondition(yielded == min(range.count, 10_000), "count \(range.count) but \(yielded) cuts from \(cut)")
    return 0
}
