import ArgumentParser
import BudgetModel
import Foundation
import LinearProgramming
import ScenarioBenchmarks
import ScenarioCommandLine

/// `scenario bench`: a quick table of the solver and sweep benchmarks.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time the solver and sweeps in this process and print a table (a few seconds).",
        discussion: """
            Measures a warm re-solve of a 10-service budget LP after a cut change, a 3,001-cut \
            sweep (0..30% in steps of 0.01%) of the bundled scenario in both modes, and a sweep \
            of a generated 100-service, 10-fund, 10-group model over 5..20% in steps of 1%. \
            Only the built-in solver runs; the comparison with HiGHS is in benchmarks/.

            With --mps, times the given MPS files instead: each solved cold, then all in one \
            solver, each warm from the previous one's basis (when they share one matrix, as one \
            scenario's exports at several cuts do), printed as tab-separated values.

            With --trace FILE --cut RANGE, sweeps FILE as `scenario sweep` would and writes every \
            LP it solves, in order, as JSON lines (to --output or standard output), for \
            benchmarks/highs_stages.py to solve the same sequence with HiGHS.

            \(OutputHelp.files)

            \(OutputHelp.exitStatus())
            """)

    @Option(help: "Warm re-solves to time (at least 1).")
    var resolves: Int = 20_000

    @Option(parsing: .upToNextOption, help: "Time these MPS files instead of the built-in benchmarks.")
    var mps: [String] = []

    @Option(help: ArgumentHelp("Trace the LPs of a sweep of this scenario file instead.", valueName: "file"))
    var trace: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("With --trace: the cut levels, as in `scenario sweep`.", valueName: "range"))
    var cut: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("With --trace: the step of a range in percentage points.", valueName: "points"))
    var step: String?

    @Option(help: ArgumentHelp("With --trace: write the trace to this file.", valueName: "path"))
    var output: String?

    func validate() throws {
        guard (trace == nil) == (cut == nil) else { throw ValidationError("--trace and --cut go together") }
        guard resolves >= 1 else { throw ValidationError("--resolves must be at least 1, not \(resolves)") }
    }

    func run() throws {
        if !mps.isEmpty { return try timeFiles() }
        if let trace, let cut { return try writeTrace(of: trace, cut: cut) }
        let rows: [QuickBench.Row]
        do {
            rows = try QuickBench.run(resolves: resolves)
        } catch {
            throw failing(["bench: \(error)"], status: ExitStatus.failure)
        }
        try OutputDestination.standardOutput.write(QuickBench.table(rows))
    }

    private func writeTrace(of path: String, cut: String) throws {
        let cuts = try CutOption.cuts(cut, step: step, command: "bench", maximumCount: CutOption.defaultMaximumCount)
        let destination = try OutputDestination.resolve(output, input: path, command: "bench")
        let document = try ScenarioInput.load(path)
        let trace = try solving("bench") { () throws(AllocationError) in
            try StageTrace.record(document.scenario, cuts: Array(cuts))
        }
        try destination.write(trace.text)
    }

    private func timeFiles() throws {
        var programs: [LinearProgram] = []
        for path in mps {
            do {
                programs.append(try MPSReader.read(contentsOf: path))
            } catch {
                throw failing(["\(error)"], status: ExitStatus.invalidInput)
            }
        }
        var lines = ["file\trows\tcolumns\tcold_status\tcold_objective\tcold_seconds\twarm_status\twarm_objective\twarm_seconds"]
        for (path, (program, m)) in zip(mps, zip(programs, ProgramSequenceBenchmark.run(programs))) {
            lines.append([
                path, "\(program.rowCount)", "\(program.columnCount)",
                m.coldStatus.rawValue, "\(m.coldObjective)", "\(m.coldSeconds)",
                m.warmStatus.rawValue, "\(m.warmObjective)", "\(m.warmSeconds)",
            ].joined(separator: "\t"))
        }
        try OutputDestination.standardOutput.write(lines.joined(separator: "\n") + "\n")
    }
}
