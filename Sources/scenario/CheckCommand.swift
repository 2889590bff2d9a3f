import ArgumentParser
import BudgetModel
import BudgetReports
import ScenarioCommandLine

/// `scenario check`: validate scenario files and summarise the valid ones.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate scenario files and summarise each valid one.",
        discussion: """
            Reads every FILE, reports every problem found in it on standard error, one line \
            each (FILE:LINE:COL: [[table]] "id": message, leaving out what is not known), and \
            for each valid file prints a summary on standard output: its title, funds, \
            services, groups, envelope at a 0% cut and maximum feasible cut (for a plan file, \
            those of its first planned year, as sweep takes it). All files are checked even \
            when an early one is invalid.

            EXIT STATUS:
              0   every file is a valid scenario
              65  at least one file is invalid
              1   no file is invalid, but at least one is missing or cannot be
                  read; or the solver failed (checking stops there); or standard
                  output cannot be written (one line on standard error)
              141 standard output is a closed pipe (quietly)

            EXAMPLE:
              scenario check scenarios/*.toml
            """
    )

    @Argument(help: "The scenario files (TOML) to check.")
    var files: [String]

    func run() throws {
        var anyInvalid = false, anyUnreadable = false
        try OutputDestination.standardOutput.write { sink in
            try check(to: sink, anyInvalid: &anyInvalid, anyUnreadable: &anyUnreadable)
        }
        if anyInvalid { throw ExitStatus.invalidInput }
        if anyUnreadable { throw ExitStatus.failure }
    }

    private func check(to sink: ReportOutput, anyInvalid: inout Bool, anyUnreadable: inout Bool) throws {
        for file in files {
            if let problem = ScenarioInput.unreadable(file) {
                printError("\(file): \(problem)")
                anyUnreadable = true
                continue
            }
            let document: ScenarioDocument
            do {
                document = try ScenarioDecoder.decode(contentsOf: file)
            } catch {
                for issue in error.issues { printError(issue.description) }
                anyInvalid = true
                continue
            }
            let summary = try CheckRun.summary(of: document)
            for line in summary.lines {
                sink.write(line + "\n")
            }
            try sink.check()
        }
    }
}
