import ArgumentParser
import BudgetModel
import BudgetReports

/// `scenario compare`: several scenarios side by side at the same cuts (SCENARIO-SPEC section 14).
public enum CompareRun {
    /// Reads the options, loads every scenario, allocates them at each cut and writes the report.
    ///
    /// - Throws: exit status 64 for fewer than two files, a bad `--cut` or `--step`, scenarios in
    ///   different currencies or units, an output extension that names no format, or
    ///   `--latex-standalone` without the latex format; 65 or 1 for a scenario that cannot be
    ///   read (every file is read and every problem reported first); 1 when the solver cannot
    ///   decide a cut, or the report cannot be written.
    public static func run(
        files: [String], cut: String, step: String?, format: SweepFormat?, output: String?, latexStandalone: Bool = false
    ) throws {
        guard files.count >= 2 else {
            throw failing(["scenario compare: give at least two scenario files"], status: ExitStatus.usage)
        }
        let cuts = try CutOption.cuts(cut, step: step, command: "compare", maximumCount: maximumCuts)
        let chosen = try ReportFormatChoice.documentFormat(format, output: output, command: "compare")
        if latexStandalone, chosen != .latex {
            throw failing(["scenario compare: --latex-standalone applies only to the latex format"], status: ExitStatus.usage)
        }
        var destination: OutputDestination?
        for file in files { destination = try OutputDestination.resolve(output, input: file, command: "compare") }
        var documents: [ScenarioDocument] = []
        var failure: Error?
        for file in files {
            do { documents.append(try ScenarioInput.load(file)) } catch { failure = failure ?? error }
        }
        if let failure { throw failure }
        let report = try report(documents, cuts: Array(cuts))
        try destination?.write(report.rendered(chosen, standalone: latexStandalone))
    }

    /// The most cuts one comparison takes: each cut is a table.
    public static let maximumCuts = 200

    /// The comparison of `documents` at `cuts`.
    ///
    /// - Throws: exit status 64 when the scenarios' currencies or units differ (their figures
    ///   cannot share a table); 1 after a one-line message when the solver cannot decide a cut.
    public static func report(_ documents: [ScenarioDocument], cuts: [Double]) throws -> CompareReport {
        let first = documents[0].scenario
        for document in documents.dropFirst() where document.scenario.currency != first.currency || document.scenario.unit != first.unit {
            throw failing(
                ["scenario compare: \(document.fileName) counts money in \(document.scenario.currency) units of \(PercentFormatter.number(document.scenario.unit)), "
                    + "\(documents[0].fileName) in \(first.currency) units of \(PercentFormatter.number(first.unit)): compare scenarios of one currency and unit"],
                status: ExitStatus.usage)
        }
        let comparison = try solving("compare") { () throws(AllocationError) in
            try Comparison.compare(documents.map(\.scenario), atCuts: cuts)
        }
        return CompareReport(documents: documents, comparison: comparison, toolVersion: ToolVersion.current)
    }
}
