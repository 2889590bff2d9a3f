import BudgetModel

/// The `json` sweep report: one JSON object, exactly the keys of
/// SCENARIO-SPEC section 5 plus a few more, written as the cuts arrive.
///
/// Added keys: `tool_version`; `scenario.source`; `rounding` (`method` and
/// `unit`); per cut `envelope_rounded`, `allocated_rounded`,
/// `unallocated_rounded` (or `deficit_rounded`, rounded up, when infeasible);
/// per service `name` and `change` (money). Exact values are full-precision
/// numbers; rounded ones are multiples of the unit (integers when the unit is).
/// Layout: one cut object per line group, one service object per line.
public struct JSONSweepWriter<Output: TextOutputStream>: SweepWriter {
    /// The sink, with everything written so far.
    public private(set) var output: Output
    private let header: SweepHeader
    private var cutsWritten = 0

    /// Writes the opening of the object, up to the start of the `cuts` array.
    public init(header: SweepHeader, output: Output) {
        self.header = header
        self.output = output
        self.output.write(JSONText.opening(header))
        self.output.write("  \"cuts\": [")
    }

    /// Writes one cut object.
    public mutating func write(_ result: CutResult) {
        output.write(cutsWritten == 0 ? "\n" : ",\n")
        cutsWritten += 1
        output.write(JSONText.cutObject(result, header: header))
    }

    /// Closes the `cuts` array and the object.
    public mutating func finish() {
        output.write(cutsWritten == 0 ? "]\n}\n" : "\n  ]\n}\n")
    }
}
