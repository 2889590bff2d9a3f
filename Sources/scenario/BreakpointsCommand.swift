import ArgumentParser
import BudgetModel
import BudgetReports
import ScenarioCommandLine

/// `scenario breakpoints`: where the allocation changes slope, and why.
struct BreakpointsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "breakpoints",
        abstract: "List the cut levels at which some allocation changes slope, and what happens there.",
        discussion: """
            Every service's allocation is piecewise linear in the cut. This command finds, \
            within a range of cuts, each level where some allocation bends (a service reaches \
            its minimum or maximum, a priority starts to be cut, a group limit starts to bind, \
            a ring-fence holds a service), says what happens there, and ends with the maximum \
            feasible cut when it lies in the range. Cuts are accurate to 0.0001 percentage \
            points: each bend is located exactly by parametric analysis of the solver's optimal \
            bases along the cut, not by sampling.

            RANGE is A..B% (the % is optional). Without --cut the range runs from 0% to the \
            maximum feasible cut (or to 99% when every cut is feasible). Without FILE, the \
            bundled Cambridgeshire 2015/16 scenario is used.

            \(OutputHelp.files)

            \(OutputHelp.exitStatus())

            EXAMPLES:
              scenario breakpoints
              scenario breakpoints my-scenario.toml --cut 5..25% --format json
            """
    )

    @Argument(help: "The scenario file (TOML). Default: the bundled Cambridgeshire 2015/16 scenario.")
    var file: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("The range of cuts to search, such as 0..30%.", valueName: "range"))
    var cut: String?

    @Option(help: "The output format: text or json.")
    var format: SolveFormat = .text

    @Option(help: ArgumentHelp("Write the report to this file instead of standard output (replaced only when complete).", valueName: "path"))
    var output: String?

    @OptionGroup var planYear: PlanYearOptions

    func run() throws {
        let requested = try cut.map { try CutOption.range($0, command: "breakpoints") }
        let destination = try OutputDestination.resolve(output, input: file, command: "breakpoints")
        let file = try ScenarioInput.load(self.file)
        let document = try planYear.document(of: file, command: "breakpoints")
        let allocator = Allocator(scenario: document.scenario)
        let maximum = try solving("breakpoints") { () throws(AllocationError) in try allocator.maximumFeasibleCut() }
        let range = requested ?? 0...min(99, maximum ?? 0)
        let breakpoints = try solving("breakpoints") { () throws(AllocationError) in
            try BreakpointFinder(allocator: allocator).breakpoints(in: range)
        }
        let header = SweepHeader(document: document, toolVersion: ToolVersion.current, maximumFeasibleCut: maximum)
        let report = BreakpointReport(header: header, range: range, breakpoints: breakpoints)
        try destination.write(format == .json ? report.json() : report.text())
    }
}
