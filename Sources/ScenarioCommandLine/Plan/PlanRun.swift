import BudgetModel
import BudgetReports

/// `scenario plan FILE --cut C | --path P`: a plan over several years allocated along cut
/// paths (SCENARIO-SPEC section 11).
public enum PlanRun {
    /// The whole command: picks the format (`format`, else the extension of `output`, else
    /// text), checks the destination, loads the plan file (`file`, or the bundled scenario),
    /// reads the paths and writes the report.
    ///
    /// - Throws: exit status 64 for neither or both of `cut` and `path`, a path without one cut
    ///   per planned year, a bad `cut` or `step`, more than `PlanOptions.maximumPaths` paths, an
    ///   output extension that names no format or a format only `sweep` writes, or
    ///   `latexStandalone` without the latex format (all checked before the file is read where
    ///   they do not depend on it); 65 for a file that cannot be read as a scenario or has no
    ///   `[plan]` table; 1 when the solver cannot decide a year, or the report cannot be written.
    public static func run(
        file: String?, cut: String?, step: String? = nil, path: String? = nil, format: SweepFormat? = nil,
        output: String? = nil, latexStandalone: Bool = false
    ) throws {
        let destination = try OutputDestination.resolve(output, input: file, command: "plan")
        let reportFormat = try ReportFormatChoice.documentFormat(format, output: output, command: "plan")
        if latexStandalone, reportFormat != .latex {
            throw failing(["scenario plan: --latex-standalone applies only to the latex format"], status: ExitStatus.usage)
        }
        if cut == nil, path == nil {
            _ = try PlanOptions.paths(cut: nil, step: step, path: nil, yearCount: 1)
        }
        let document = try ScenarioInput.load(file)
        let plan = try PlanOptions.plan(of: document, command: "plan")
        let paths = try PlanOptions.paths(cut: cut, step: step, path: path, yearCount: plan.years.count)
        try destination.write { sink in
            var output = sink
            try PlanReport.write(
                document, plan: plan, paths: paths, format: reportFormat, standalone: latexStandalone,
                toolVersion: ToolVersion.current, to: &output)
        }
    }
}
