import ArgumentParser
import BudgetModel
import LinearProgramming

/// The formats of `scenario export`.
enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case mps, lp
}

/// `scenario export`: writes the scenario's first-stage LP at a cut in MPS or CPLEX LP format.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the scenario's linear programme at a cut (the first stage of its objective) for another solver.",
        discussion: """
            Tiers mode: minimise the largest relative shortfall of the highest priority tier; \
            weighted mode: maximise the weighted allocation (written as minimising its negative). \
            Money is in units of the largest fund amount or baseline. Formats: mps and \
            lp (CPLEX LP format, as HiGHS, CPLEX, Gurobi, GLPK and CBC read it; a row with \
            two limits becomes an equality with a bounded range.<row> column).
            """)

    @Argument(help: "The scenario file (default: the bundled Cambridgeshire 2015/16 scenario).")
    var file: String?

    @Option(parsing: .unconditional, help: "The cut in per cent, e.g. 10 or 10%; negative for an increase.")
    var cut: String

    @Option(help: "Output format: mps or lp.")
    var format: ExportFormat = .mps

    @Option(help: "Write the LP here instead of to standard output.")
    var output: String?

    func run() throws {
        let number = cut.hasSuffix("%") ? String(cut.dropLast()) : cut
        guard let cutPercent = Double(number), cutPercent.isFinite, cutPercent > -100, cutPercent < 100 else {
            throw failing(["--cut must be a percentage above -100 and below 100, not \(cut)"], status: ExitStatus.usage)
        }
        let document = try ScenarioInput.load(file)
        let program = Self.withExactRanges(AllocationExport.firstStageProgram(of: document.scenario, atCut: cutPercent))
        let text: String
        switch format {
        case .lp:
            text = LPFormatWriter.string(for: program)
        case .mps:
            do {
                text = try MPSWriter.string(for: program)
            } catch {
                throw failing(["cannot write the LP as MPS: \(error)"], status: ExitStatus.failure)
            }
        }
        try writeWhole(text, to: output, describing: "the LP")
    }

    /// The programme with each two-sided row's upper bound set to `lower + (upper - lower)` as
    /// computed in floating point (at most one unit in the last place away): a reader rebuilds a
    /// range from the lower bound and the width, and MPS can then state the row exactly.
    static func withExactRanges(_ program: LinearProgram) -> LinearProgram {
        var exact = program
        for i in 0..<program.rowCount where program.rowLower[i].isFinite && program.rowUpper[i].isFinite {
            exact.rowUpper[i] = program.rowLower[i] + (program.rowUpper[i] - program.rowLower[i])
        }
        return exact
    }
}
