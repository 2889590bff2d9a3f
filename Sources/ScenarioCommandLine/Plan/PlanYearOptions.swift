import ArgumentParser
import BudgetModel

/// `--year` and `--path`, shared by `sweep`, `solve`, `breakpoints` and `commit`: which
/// planned year of a plan file a one-year command works on, and the cuts of the years before it.
public struct PlanYearOptions: ParsableArguments {
    @Option(help: ArgumentHelp("On a plan file: the planned year, such as 2018/19 (default: the first).", valueName: "year"))
    public var year: String?

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "On a plan file: the cuts of the years before --year, one for all or one per year, such as 5,3% (default 0%).",
        valueName: "cuts"))
    public var path: String?

    public init() {}

    /// The document `command` works on: `PlanOptions.yearDocument` of the year these options
    /// name, or `file` itself for a file without a plan.
    ///
    /// - Throws: as `PlanOptions.year` and `PlanOptions.yearDocument` do (exit status 64 for
    ///   options that do not fit the file, 1 when a year cannot be allocated).
    public func document(of file: ScenarioDocument, command: String) throws -> ScenarioDocument {
        try PlanOptions.document(of: file, year: year, path: path, command: command)
    }
}
