import ArgumentParser
import BudgetReports
import ScenarioCommandLine

/// `scenario rules`: one cut under every allocation rule, side by side.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Compare the allocation rules at one cut: equal percentage cuts, equal cash cuts, equal awards, weighted.",
        discussion: """
            Allocates the scenario at one cut under every rule and shows them side by side: \
            tiers mode with each fairness measure ([objective] fairness): relative (equal \
            percentage cuts), cash (equal cash cuts) and award (equal awards), then weighted \
            mode (the largest total of weight x allocation, ties broken by the scenario's own \
            fairness measure). Every rule cuts the lowest priority first and keeps every hard \
            constraint. With one fund, no floors and one priority the three measures are the \
            proportional rule, constrained equal losses and constrained equal awards of claims \
            problems.

            Formats: text (default), markdown, csv (one row per rule and service), json \
            ({"cut_pct": C, "rules": [{"fairness": "relative", "mode": "tiers", "status": \
            "optimal", "services": [{"id": ..., "allocation": ...}]}, ..., {"fairness": null, \
            "mode": "weighted", ...}]}, exact figures), latex and html. Amounts are rounded \
            up or down to the scenario's unit, the baselines and the rules as one table, so \
            columns add up exactly. The cut is one percentage, such as 12.5% (-100 < cut < 100). \
            Without FILE, the bundled Cambridgeshire 2015/16 scenario is used.

            \(OutputHelp.files)

            \(OutputHelp.exitStatus())

            EXAMPLES:
              scenario rules --cut 10%
              scenario rules my-scenario.toml --cut 20% --format markdown
            """
    )

    @Argument(help: "The scenario file (TOML). Default: the bundled Cambridgeshire 2015/16 scenario.")
    var file: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("The cut level in per cent, such as 12.5%.", valueName: "percent"))
    var cut: String

    @Option(help: "The output format: text, markdown, csv, json, latex or html (default: from --output's extension, else text).")
    var format: SweepFormat?

    @Option(help: ArgumentHelp("Write the report to this file instead of standard output (replaced only when complete).", valueName: "path"))
    var output: String?

    func run() throws {
        try RulesRun.run(file: file, cut: cut, format: format, output: output)
    }
}
