import ArgumentParser
import BudgetModel
import BudgetReports

/// The options of plan files on the command line (SCENARIO-SPEC section 11): the cut paths of
/// `scenario plan` and the `--year` and `--path` of `sweep`, `solve`, `breakpoints` and `commit`.
public enum PlanOptions {
    /// The plan of `document`, or exit status 65 after `FILE: has no [plan] table ...`.
    public static func plan(of document: ScenarioDocument, command: String) throws -> Plan {
        guard let plan = document.plan else {
            throw failing(
                ["\(document.fileName): has no [plan] table; scenario \(command) needs a plan over years "
                    + "(a [plan] table with base_year and years)"],
                status: ExitStatus.invalidInput)
        }
        return plan
    }

    /// The cut paths of `scenario plan`: with `--cut`, one path per cut level, that cut in every
    /// year (`--step` as for `sweep`); with `--path`, one path, one cut per planned year.
    /// Exit status 64 after a one-line message when neither or both are given, when a path has
    /// a number of cuts other than the number of planned years, or is a range.
    public static func paths(cut: String?, step: String?, path: String?, yearCount: Int, command: String = "plan") throws -> [[Double]] {
        switch (cut, path) {
        case (let cut?, nil):
            let levels = try CutOption.cuts(cut, step: step, command: command, maximumCount: maximumPaths)
            return levels.map { Array(repeating: $0, count: yearCount) }
        case (nil, let path?):
            if step != nil {
                throw failing(["scenario \(command): --step applies to --cut A..B%, not to --path"], status: ExitStatus.usage)
            }
            let cuts = try listedCuts(path, command: command)
            guard cuts.count == yearCount else {
                throw failing(
                    ["scenario \(command): --path \(path) gives \(cuts.count) cut\(cuts.count == 1 ? "" : "s"), "
                        + "but the plan has \(yearCount) year\(yearCount == 1 ? "" : "s"): give one cut per planned year"],
                    status: ExitStatus.usage)
            }
            return [cuts]
        case (nil, nil):
            throw failing(["scenario \(command): give --cut (the same cut every year) or --path (one cut per year)"], status: ExitStatus.usage)
        case (.some, .some):
            throw failing(["scenario \(command): give --cut or --path, not both"], status: ExitStatus.usage)
        }
    }

    /// The most paths one `scenario plan` takes.
    public static let maximumPaths = 200

    /// A list of cuts `5,3,0%` (or one cut), never a range; exit status 64 otherwise.
    static func listedCuts(_ text: String, command: String) throws -> [Double] {
        let cuts = try CutOption.cuts(text, step: nil, command: command)
        guard !cuts.isRange else {
            throw failing(
                ["scenario \(command): --path takes a list of cuts, one per year, such as 5,3,0%; not a range"],
                status: ExitStatus.usage)
        }
        return Array(cuts)
    }

    /// For `sweep`, `solve`, `breakpoints` and `commit` on a plan file: the year `--year`
    /// names (default: the first planned year) and the cuts of the years before it from
    /// `--path` (default 0%; one cut for every earlier year, or one cut per earlier year, or
    /// per planned year, of which those before the year are used). Nil for a file without a
    /// plan when neither option is given; exit status 64 when one is given for such a file,
    /// names no planned year, or the path has the wrong number of cuts.
    public static func year(
        _ label: String?, path: String?, plan: Plan?, command: String
    ) throws -> (index: Int, earlierCuts: [Double])? {
        guard let plan else {
            if label != nil || path != nil {
                throw failing(
                    ["scenario \(command): --year and --path apply to a plan file (one with a [plan] table)"],
                    status: ExitStatus.usage)
            }
            return nil
        }
        var index = 1
        if let label {
            guard let found = plan.index(ofYear: label) else {
                throw failing(
                    ["scenario \(command): --year \(label) is not a planned year; the plan's years are "
                        + plan.years.map(\.description).joined(separator: ", ")],
                    status: ExitStatus.usage)
            }
            index = found
        }
        let earlier = index - 1
        guard let path else { return (index, Array(repeating: 0, count: earlier)) }
        let cuts = try listedCuts(path, command: command)
        if cuts.count == 1 { return (index, Array(repeating: cuts[0], count: earlier)) }
        guard cuts.count == earlier || cuts.count == plan.years.count else {
            throw failing(
                ["scenario \(command): --path \(path) gives \(cuts.count) cuts; give one cut for every year before "
                    + "\(plan.year(index)), \(earlier) cuts (one per earlier year), or \(plan.years.count) (one per planned year)"],
                status: ExitStatus.usage)
        }
        return (index, Array(cuts.prefix(earlier)))
    }

    /// The document a one-year command works on, from `--year` and `--path` as typed (nil when
    /// not given): `yearDocument` of the year they name, or `file` itself for a file without a
    /// plan.
    ///
    /// - Throws: as `year` and `yearDocument` do (exit status 64 for options that do not fit the
    ///   file, 1 when a year cannot be allocated).
    public static func document(of file: ScenarioDocument, year label: String?, path: String?, command: String) throws -> ScenarioDocument {
        try yearDocument(file, year: try year(label, path: path, plan: file.plan, command: command), command: command)
    }

    /// The document a one-year command works on: for a plan file, the scenario of the year
    /// `year` names after the earlier years' cuts, titled with the year; otherwise `document`.
    public static func yearDocument(
        _ document: ScenarioDocument, year: (index: Int, earlierCuts: [Double])?, command: String
    ) throws -> ScenarioDocument {
        guard let year, let plan = document.plan else { return document }
        let runner = PlanRunner(scenario: document.scenario, plan: plan)
        var scenario = try solving(command) { () throws(AllocationError) in
            try runner.scenario(year: year.index, after: year.earlierCuts)
        }
        let earlier = year.earlierCuts.isEmpty ? "" : ", after yearly cuts of " + year.earlierCuts.map { PercentFormatter.cut($0) }.joined(separator: ", ")
        scenario.title += " — \(plan.year(year.index))\(earlier)"
        return ScenarioDocument(scenario: scenario, fileName: document.fileName, sha256: document.sha256, plan: nil)
    }
}
