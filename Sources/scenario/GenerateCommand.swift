import ArgumentParser
import BudgetModel
import ScenarioCommandLine

/// `scenario generate`: writes a synthetic scenario file.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a synthetic but realistic scenario file for benchmarks and tests.",
        discussion: """
            The scenario has priorities 0 to 3, minimums (amounts and percentages), some \
            protected services, some maximums above the baseline, ring-fenced and uncut funds, \
            and group limits (amounts and percentages of the envelope). The same options always \
            give the same file, and it is always feasible at a 0% cut.

            \(OutputHelp.files)

            The file is a new one: an existing --output file is refused (status 1) unless \
            --force is given.

            \(OutputHelp.exitStatus(readsScenario: false))
            """)

    @Option(help: "Number of services (1 to 100000).")
    var services: Int = 10

    @Option(help: "Number of funds (1 to 10000).")
    var funds: Int = 3

    @Option(help: "Number of groups (0 to 100000).")
    var groups: Int = 2

    @Option(help: "Seed of the random choices (a non-negative integer).")
    var seed: UInt64 = 1

    @Option(help: "Objective mode written into the file: tiers or weighted.")
    var mode: String = "tiers"

    @Option(help: ArgumentHelp("Write the file here instead of to standard output (a new file; see --force).", valueName: "path"))
    var output: String?

    @Flag(help: "Replace the --output file if it exists (replaced only when the new one is complete).")
    var force = false

    func run() throws {
        guard let objective = ObjectiveMode(rawValue: mode) else {
            throw failing(["scenario generate: --mode must be tiers or weighted, not \(mode)"], status: ExitStatus.usage)
        }
        let destination = try OutputDestination.resolve(output, input: nil, command: "generate", keepsExisting: !force)
        let settings = GenerationSettings(services: services, funds: funds, groups: groups, seed: seed, mode: objective)
        let text: String
        do {
            text = try ScenarioGenerator.toml(settings)
        } catch {
            throw failing(error.problems, status: ExitStatus.usage)
        }
        try destination.write(text)
    }
}
