import ArgumentParser
import BudgetModel
import BudgetReports
import ScenarioCommandLine

/// The formats of `scenario solve`.
enum SolveFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `scenario solve`: one cut in detail.
struct SolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Show the allocation at one cut in detail.",
        discussion: """
            Solves the scenario at one cut level and shows, for every service, its baseline, \
            its allocation, the change in money and per cent and what holds it there \
            (protected, minimum, maximum, the ring-fence or group by name, or share: the \
            common cut of its priority tier, or its common award under fairness = "award"); \
            the total allocated, the unallocated money and \
            the envelope; each fund after the cut with the money used and left; and the money \
            by fund and service. That split across funds need not be unique and is labelled \
            one valid split. When the cut is infeasible, shows the deficit (the least extra \
            unrestricted money that would make it feasible) and an explanation naming the \
            floors, limits and funds of the conflict (the deficit LP's dual support): what \
            they need less what the funds can give is the deficit. Money left unallocated is \
            explained by fund. The maximum feasible cut is printed too.

            A scenario with areas (several commissioners) adds, per area, its funds after \
            the cut, what they pay to its own services and to its shares of shared services, \
            and its unallocated money; --area ID shows one area's view instead.

            A feasible cut ends with its sensitivity. Weighted mode: Excel Solver's \
            Sensitivity Report of the allocation shown in the weighted LP (per service its \
            allocation, reduced cost, weight and how far the weight can move with the \
            allocation still optimal; per fund and group \
            limit the money it takes up, its shadow price, the limit and its allowable \
            increase and decrease). Tiers mode: for each protection or minimum that holds a \
            service, what the other services lose because of it (the floor lifted and the \
            cut allocated again), in total and per priority. --sensitivity auto (the default) \
            leaves the tiers-mode figures out above 100 services, since each binding floor \
            costs one more allocation; yes or no decide for every scenario.

            The cut is one percentage, such as 12.5% (the % is optional; -100 < cut < 100; \
            a negative cut is an increase). Formats: text (default) or json (exact and \
            rounded figures). Amounts are rounded up or down to the scenario's unit, the \
            cut and the baselines as one table, so columns add up exactly. Without FILE, the bundled Cambridgeshire 2015/16 \
            scenario is used.

            \(OutputHelp.files)

            \(OutputHelp.exitStatus())

            EXAMPLES:
              scenario solve --cut 12.5%
              scenario solve my-scenario.toml --cut 20% --format json
            """
    )

    @Argument(help: "The scenario file (TOML). Default: the bundled Cambridgeshire 2015/16 scenario.")
    var file: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("The cut level in per cent, such as 12.5%.", valueName: "percent"))
    var cut: String

    @Option(help: "The output format: text or json.")
    var format: SolveFormat = .text

    @Option(help: "Whether to show the cut's sensitivity: auto (tiers mode only up to 100 services), yes or no.")
    var sensitivity: SensitivityChoice = .auto

    @Option(help: ArgumentHelp("Show one area's view: its funds after the cut, what they pay to which service, and what is left.", valueName: "id"))
    var area: String?

    @Option(help: ArgumentHelp("Write the report to this file instead of standard output (replaced only when complete).", valueName: "path"))
    var output: String?

    @OptionGroup var planYear: PlanYearOptions

    func run() throws {
        let cutPercent = try CutOption.single(cut, command: "solve")
        let destination = try OutputDestination.resolve(output, input: file, command: "solve")
        let file = try ScenarioInput.load(self.file)
        let document = try planYear.document(of: file, command: "solve")
        let areaID = try AreaOption.checked(area, in: document.scenario, command: "solve")
        let allocator = Allocator(scenario: document.scenario)
        let header = SweepHeader(
            document: document, toolVersion: ToolVersion.current,
            maximumFeasibleCut: try solving("solve") { () throws(AllocationError) in try allocator.maximumFeasibleCut() })
        let result = try solving("solve") { () throws(AllocationError) in try allocator.result(atCut: cutPercent) }
        let cutSensitivity = sensitivity.isWanted(for: document.scenario)
            ? try solving("solve") { () throws(AllocationError) in try CutSensitivity.of(result, scenario: document.scenario) }
            : nil
        let report = CutDetailReport(header: header, result: result, sensitivity: cutSensitivity, areaID: areaID)
        try destination.write(format == .json ? report.json() : report.text())
    }
}
