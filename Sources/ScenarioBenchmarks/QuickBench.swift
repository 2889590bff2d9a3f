import BudgetModel

/// The quick benchmark table of `scenario bench`: each figure measured in this process with
/// the built-in solver only (no reference solver runs here; `benchmarks/` compares with HiGHS).
public enum QuickBench {
    /// One measured line of the table.
    public struct Row: Sendable, Equatable {
        /// What was measured.
        public var label: String
        /// The figure, with its unit.
        public var figure: String
        /// Counts that make the figure checkable (cuts, LPs, iterations).
        public var detail: String

        /// A row from its parts.
        public init(label: String, figure: String, detail: String) {
            self.label = label
            self.figure = figure
            self.detail = detail
        }
    }

    /// The generated model of the suite in benchmarks/: 1,000 services, 50 funds, 100 groups,
    /// seed 1, tiers mode.
    public static let largeModel = GenerationSettings(services: 1000, funds: 50, groups: 100, seed: 1)
    /// The generated model of the quick table: 100 services, 10 funds, 10 groups, seed 1, tiers
    /// mode (the 1,000-service model is compared with HiGHS by benchmarks/highs_stages.py).
    public static let quickModel = GenerationSettings(services: 100, funds: 10, groups: 10, seed: 1)

    /// Runs every measurement and returns the rows in table order.
    ///
    /// - Throws: `AllocationError` when an allocation fails, `GenerationError` never in practice
    ///   (the generated model's settings are in range); both as `any Error`.
    public static func run(resolves: Int = 20_000) throws -> [Row] {
        var rows: [Row] = []
        let warm = WarmResolveBenchmark(scenario: WarmResolveBenchmark.tenServiceScenario(), cuts: (10, 12))
            .run(resolves: resolves)
        rows.append(Row(
            label: "warm re-solve, 10-service LP (cut 10% <-> 12%)",
            figure: microseconds(warm.secondsPerResolve) + " per re-solve",
            detail: "\(warm.resolves) re-solves, \(warm.iterations) pivots, \(warm.notOptimal) not optimal"))

        let bundled = try ScenarioDecoder.decode(BundledScenario.text, fileName: BundledScenario.fileName).scenario
        let fine = CutGrid.cuts(from: 0, to: 30, step: 0.01)
        for mode in [ObjectiveMode.tiers, .weighted] {
            var scenario = bundled
            scenario.objective = mode
            let sweep = try SweepBenchmark.run(scenario, cuts: fine)
            rows.append(Row(
                label: "sweep 0..30% step 0.01, bundled, \(mode.rawValue)",
                figure: milliseconds(sweep.seconds),
                detail: "\(sweep.cuts) cuts (\(sweep.infeasible) infeasible), \(sweep.linearPrograms) LPs"))
        }

        let generated = try ScenarioGenerator.scenario(quickModel)
        let sweep = try SweepBenchmark.run(generated, cuts: CutGrid.cuts(from: 5, to: 20, step: 1))
        rows.append(Row(
            label: "sweep 5..20% step 1, generated 100/10/10, tiers",
            figure: milliseconds(sweep.seconds),
            detail: "\(sweep.cuts) cuts (\(sweep.infeasible) infeasible), \(sweep.linearPrograms) LPs"))
        return rows
    }

    /// The rows as an aligned plain-text table with a header and a note on what was measured.
    public static func table(_ rows: [Row]) -> String {
        let header = Row(label: "benchmark", figure: "time", detail: "work done")
        let all = [header] + rows
        let labelWidth = all.map(\.label.count).max() ?? 0
        let figureWidth = all.map(\.figure.count).max() ?? 0
        func line(_ row: Row) -> String {
            pad(row.label, labelWidth) + "  " + pad(row.figure, figureWidth) + "  " + row.detail
        }
        let detailWidth = all.map(\.detail.count).max() ?? 0
        var lines = [line(header), String(repeating: "-", count: labelWidth + 2 + figureWidth + 2 + detailWidth)]
        lines += rows.map(line)
        lines.append("")
        lines.append("Measured in this process with the built-in solver only (no HiGHS); wall-clock, one run each.")
        return lines.joined(separator: "\n") + "\n"
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    static func microseconds(_ seconds: Double) -> String {
        String(Int((seconds * 1e7).rounded()) / 10) + "." + String(Int((seconds * 1e7).rounded()) % 10) + " µs"
    }

    static func milliseconds(_ seconds: Double) -> String {
        let tenths = Int((seconds * 1e4).rounded())
        return String(tenths / 10) + "." + String(tenths % 10) + " ms"
    }
}
