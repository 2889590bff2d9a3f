import BudgetModel
import Foundation
import Testing

/// `scenario sweep` reading cuts from linear pieces (the default) writes the same CSV as
/// `--solve-every-cut`: every status, rounded figure, binding reason and explanation (with the
/// fallback's sentence at every infeasible cut) byte for byte, and every exact figure within
/// 1e-9 of the scenario's money scale (a piece and a solve differ in the last digits).
@Suite struct SweepPiecesTests {
    /// The columns that hold exact figures (see `CSVSweepWriter`), compared within tolerance.
    static let exactColumns: Set<String> = ["allocation", "change", "change_pct", "deficit"]

    /// Sweeps `file` (nil: the bundled scenario) over `cut` in steps of `step` both ways and
    /// expects the same CSV; returns how many infeasible rows carry a fallback's sentence.
    @discardableResult
    static func expectSameCSV(_ file: String?, cut: String, step: String, scale: Double) throws -> Int {
        let arguments = (file.map { [$0] } ?? []) + ["--cut", cut, "--step", step, "--format", "csv", "--jobs", "1"]
        let pieces = try ReportCommandRun.run(["sweep"] + arguments)
        let solved = try ReportCommandRun.run(["sweep"] + arguments + ["--solve-every-cut"])
        #expect(pieces.status == solved.status)
        #expect(pieces.errors == solved.errors)
        let (a, b) = (try CSVTableReader.records(in: pieces.output, file: "pieces.csv"), try CSVTableReader.records(in: solved.output, file: "solved.csv"))
        #expect(a.count == b.count && a.count > 1)
        guard let header = a.first else { return 0 }
        var fallbacks = 0
        for (x, y) in zip(a, b).dropFirst() {
            #expect(x.count == header.count && y.count == header.count)
            for (column, (u, v)) in zip(header, zip(x, y)) where u != v {
                if Self.exactColumns.contains(column) || column.hasPrefix("pays:"), let p = Double(u), let q = Double(v) {
                    #expect(abs(p - q) <= 1e-9 * scale, "\(file ?? "bundled") at \(x[0])%: \(column) \(u) != \(v)")
                } else {
                    Issue.record("\(file ?? "bundled") at \(x[0])%: \(column) differs:\n\(u)\n\(v)")
                }
            }
            if x[1] == "infeasible", x.last?.contains("If it came to it") == true { fallbacks += 1 }
        }
        return fallbacks
    }

    /// The bundled scenario's 3,001 cuts: 840 infeasible past 21.607%, each with its fallback
    /// (the minimums of priority 0 giving way first).
    @Test func theBundledSweepIsTheSameAsSolvingEveryCut() throws {
        let fallbacks = try Self.expectSameCSV(nil, cut: "0..30%", step: "0.01", scale: 910_000)
        #expect(fallbacks == 840)
    }

    /// Generated scenarios swept far past their maximum cut, so that their fallbacks change
    /// piece (one class of floors giving way after another) inside the range. Their funds
    /// after a cut of two decimals often end in half a pound, and their factors sit on a
    /// hundredth of a per cent at some cuts (seeds 3 and 17), where a piece and a solve must
    /// still round alike.
    @Test(arguments: [
        (UInt64(3), 12, 3, 2), (5, 20, 4, 3), (8, 9, 2, 1), (11, 15, 3, 2), (13, 25, 5, 4), (17, 10, 2, 2),
        (23, 8, 2, 1), (29, 14, 3, 2), (37, 11, 2, 1),
    ])
    func generatedSweepsAreTheSameAsSolvingEveryCut(seed: UInt64, services: Int, funds: Int, groups: Int) throws {
        let generated = try ReportCommandRun.run([
            "generate", "--services", "\(services)", "--funds", "\(funds)", "--groups", "\(groups)", "--seed", "\(seed)",
        ])
        #expect(generated.status == 0)
        let directory = try ScratchSpace.freshDirectory()
        let file = directory.appendingPathComponent("generated-\(seed).toml")
        try generated.output.write(to: file, atomically: true, encoding: .utf8)
        let scale = Self.moneyScale(of: generated.output)
        let fallbacks = try Self.expectSameCSV(file.path, cut: "0..95%", step: "0.05", scale: scale)
        #expect(fallbacks > 100, "seed \(seed): \(fallbacks) infeasible cuts with a fallback")
    }

    /// The largest `amount` or `baseline` in a scenario file.
    static func moneyScale(of toml: String) -> Double {
        toml.split(separator: "\n").compactMap { line -> Double? in
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, ["amount", "baseline"].contains(parts[0]) else { return nil }
            return Double(parts[1].replacingOccurrences(of: "_", with: ""))
        }.max() ?? 1
    }
}
