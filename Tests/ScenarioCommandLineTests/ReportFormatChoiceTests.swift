import BudgetReports
import ScenarioCommandLine
import Testing

/// The report format of `scenario sweep`, from `--format` or the `--output` extension.
@Suite struct ReportFormatChoiceTests {
    @Test(arguments: [
        ("cuts.csv", SweepFormat.csv), ("cuts.CSV", .csv), ("dir.d/cuts.md", .markdown), ("cuts.tex", .latex),
        ("cuts", .text), ("dir.d/cuts", .text), (".cuts", .text), ("cuts.htm", .html),
        ("cuts.xlsx", .xlsx), ("Cuts.XLSX", .xlsx),
    ])
    func theExtensionPicksTheFormat(path: String, format: SweepFormat) throws {
        #expect(try ReportFormatChoice.format(nil, output: path, command: "sweep") == format)
    }

    /// `--output cuts.ods` would otherwise be a text report under a spreadsheet's name.
    @Test(arguments: ["cuts.ods", "cuts.pdf", "report.toml", "a.b/cuts.txt.gz"])
    func anExtensionThatNamesNoFormatIsAUsageError(path: String) {
        #expect(exitStatus { _ = try ReportFormatChoice.format(nil, output: path, command: "sweep") } == 64)
    }

    @Test func anExplicitFormatWins() throws {
        #expect(try ReportFormatChoice.format(.csv, output: "cuts.ods", command: "sweep") == .csv)
        #expect(try ReportFormatChoice.format(.json, output: nil, command: "sweep") == .json)
        #expect(try ReportFormatChoice.format(nil, output: nil, command: "sweep") == .text)
    }

    /// The document commands take the six formats of one document, each as the `DocumentFormat`
    /// of the same name; csv-wide and xlsx, chosen or implied, are usage errors.
    @Test func documentCommandsTakeTheDocumentFormats() throws {
        for format in DocumentFormat.allCases {
            let chosen = try ReportFormatChoice.documentFormat(SweepFormat(rawValue: format.rawValue), output: nil, command: "commit")
            #expect(chosen == format)
        }
        #expect(try ReportFormatChoice.documentFormat(nil, output: "guarantees.tex", command: "commit") == .latex)
        #expect(exitStatus { _ = try ReportFormatChoice.documentFormat(.csvWide, output: nil, command: "commit") } == 64)
        #expect(exitStatus { _ = try ReportFormatChoice.documentFormat(nil, output: "plan.xlsx", command: "plan") } == 64)
    }
}
