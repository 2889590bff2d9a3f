import BudgetModel

/// The `json` sweep report: one JSON object, exactly the keys of
/// SCENARIO-SPEC section 5 plus a few more.
///
/// Added keys: `tool_version`; `scenario.source`; `scenario.objective` (`mode` and
/// `fairness`, the rule that made the figures); `rounding` (`method` and
/// `unit`); per cut `envelope_rounded`, `allocated_rounded`,
/// `unallocated_rounded` (or `deficit_rounded`, rounded up, when infeasible);
/// per service `name` and `change` (money). Exact values are full-precision
/// numbers; rounded ones are multiples of the unit (integers when the unit is).
/// Layout: one cut object per line group, one service object per line.
///
/// Rounding: a sweep of at most `RoundedTable.maximumCuts` (200) cuts is held
/// back and rounded as one table with the baselines (`rounding.method`
/// `controlled`, see `RoundedTable`), and written on `finish()`. From the
/// 201st cut on the writer streams: every cut is rounded on its own by the
/// largest-remainder method (`largest-remainder-per-cut`), so memory stays flat.
public struct JSONSweepWriter<Output: TextOutputStream>: SweepWriter {
    /// The sink, with everything written so far.
    public private(set) var output: Output
    private let header: SweepHeader
    private var cutsWritten = 0
    /// The cuts held back to be rounded together; nil once the writer streams.
    private var heldBack: [CutResult]? = []

    /// Keeps the header; the opening is written once the rounding method is known.
    public init(header: SweepHeader, output: Output) {
        self.header = header
        self.output = output
    }

    /// Holds the cut back, or once there are more than 200, writes every cut so far
    /// and from then on each cut as it arrives, each rounded on its own.
    public mutating func write(_ result: CutResult) {
        guard var held = heldBack else {
            writeCut(result, rounded: RoundedCut(result, unit: header.scenario.unit))
            return
        }
        held.append(result)
        heldBack = held
        guard held.count > RoundedTable.maximumCuts else { return }
        heldBack = nil
        writeOpening(roundsEachCut: true)
        for cut in held { writeCut(cut, rounded: RoundedCut(cut, unit: header.scenario.unit)) }
    }

    /// Writes the cuts held back, rounded as one table, and closes the `cuts` array and the object.
    public mutating func finish() {
        if let held = heldBack {
            let table = RoundedTable(header: header, results: held)
            writeOpening(roundsEachCut: !table.isControlled)
            for (cut, rounded) in zip(held, table.cuts) { writeCut(cut, rounded: rounded) }
        }
        output.write(cutsWritten == 0 ? "]\n}\n" : "\n  ]\n}\n")
    }

    private mutating func writeOpening(roundsEachCut: Bool) {
        output.write(JSONText.opening(header, roundsEachCut: roundsEachCut))
        output.write("  \"cuts\": [")
    }

    private mutating func writeCut(_ result: CutResult, rounded: RoundedCut) {
        output.write(cutsWritten == 0 ? "\n" : ",\n")
        cutsWritten += 1
        output.write(JSONText.cutObject(result, rounded: rounded, header: header))
    }
}
