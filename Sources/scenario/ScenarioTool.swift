import ArgumentParser
import ScenarioCommandLine

/// The `scenario` executable: budget-scenario modelling with a built-in LP solver.
@main
struct ScenarioTool: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenario",
        abstract: "Model cuts to a funding envelope and allocate them by hard constraints and priorities.",
        discussion: """
            Every figure is the optimum of a linear programme solved by the built-in \
            simplex solver. Where a FILE argument is optional, the bundled Cambridgeshire \
            2015/16 scenario is used when it is omitted.

            Exit status: 0 on success (an infeasible cut is a result, not a failure); \
            64 for a usage error; 65 for an invalid scenario or MPS file; 1 for anything else, \
            including a failed write (one line on standard error); 141, quietly, when standard \
            output is a closed pipe; 130 and 143 after SIGINT and SIGTERM. Output files are \
            replaced only when complete: see each command's --help.
            """,
        version: ToolVersion.current,
        subcommands: [
            SweepCommand.self, PlanCommand.self, SolveCommand.self, BreakpointsCommand.self, CommitCommand.self,
            CompareCommand.self, RulesCommand.self, CheckCommand.self, ExportCommand.self, ImportCommand.self,
            LPCommand.self, GenerateCommand.self, BenchCommand.self,
        ]
    )

    /// Runs the command line with signal handling and checked writes of help and `--version`.
    static func main() {
        CommandLineMain.run(ScenarioTool.self)
    }
}
