import ArgumentParser
import BudgetModel
import Foundation
import LinearProgramming

/// `scenario export`: writes the scenario's first-stage LP at a cut in MPS format.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the scenario's linear programme at a cut (the first stage of its objective) for another solver.",
        discussion: """
            Tiers mode: minimise the largest relative shortfall of the highest priority tier; \
            weighted mode: maximise the weighted allocation (written as minimising its negative). \
            Money is in units of the largest fund amount or baseline. Only --format mps is \
            available so far.
            """)

    @Argument(help: "The scenario file (default: the bundled Cambridgeshire 2015/16 scenario).")
    var file: String?

    @Option(help: "The cut in per cent, e.g. 10 or 10%.")
    var cut: String

    @Option(help: "Output format: mps.")
    var format: String = "mps"

    @Option(help: "Write the LP here instead of to standard output.")
    var output: String?

    func run() throws {
        guard format == "mps" else {
            throw failing(["--format must be mps, not \(format)"], status: ExitStatus.usage)
        }
        let text = cut.hasSuffix("%") ? String(cut.dropLast()) : cut
        guard let cutPercent = Double(text), cutPercent.isFinite, cutPercent > -100, cutPercent < 100 else {
            throw failing(["--cut must be a percentage above -100 and below 100, not \(cut)"], status: ExitStatus.usage)
        }
        let document = try ScenarioInput.load(file)
        let program = AllocationExport.firstStageProgram(of: document.scenario, atCut: cutPercent)
        let mps: String
        do {
            mps = try MPSWriter.string(for: program)
        } catch {
            throw failing(["cannot write the LP as MPS: \(error)"], status: ExitStatus.failure)
        }
        guard let output else {
            FileHandle.standardOutput.write(Data(mps.utf8))
            return
        }
        do {
            try Data(mps.utf8).write(to: URL(fileURLWithPath: output))
        } catch {
            throw failing(["\(output): cannot write the LP: \(error.localizedDescription)"], status: ExitStatus.failure)
        }
    }
}
