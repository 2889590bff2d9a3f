import ArgumentParser

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
            64 for a usage error; 65 for an invalid scenario or MPS file; 1 for anything else.
            """,
        version: ToolVersion.current,
        subcommands: [
            SweepCommand.self, SolveCommand.self, BreakpointsCommand.self, CheckCommand.self,
            ExportCommand.self, LPCommand.self, GenerateCommand.self, BenchCommand.self,
        ]
    )
}
