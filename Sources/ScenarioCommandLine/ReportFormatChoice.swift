import ArgumentParser
import BudgetReports

extension SweepFormat: ExpressibleByArgument {}

/// How `scenario sweep` picks its report format.
public enum ReportFormatChoice {
    /// `format` when given; else the format `output`'s extension names; else text when there
    /// is no output file or its name has no extension.
    ///
    /// - Throws: exit status 64 after a one-line message when `output` has an extension that
    ///   names no format (`cuts.xlsx`) and `format` is nil: a report is never written in a
    ///   format its file name does not promise.
    public static func format(_ format: SweepFormat?, output: String?, command: String) throws -> SweepFormat {
        if let format { return format }
        guard let output, let suffix = fileExtension(of: output) else { return .text }
        guard let implied = SweepFormat(fileExtensionOf: output) else {
            throw failing(
                ["scenario \(command): --output \(output): the extension .\(suffix) names no report format "
                    + "(.txt .md .csv .json .tex .html .xlsx); give --format"],
                status: ExitStatus.usage)
        }
        return implied
    }

    /// `format(_:output:command:)` for a command whose report is one document of tables (`plan`,
    /// `commit`, `compare`, `rules`): the two board-table formats that only `sweep` writes,
    /// `csv-wide` and `xlsx`, are refused.
    ///
    /// - Throws: exit status 64 after a one-line message for those formats, and as `format` does.
    public static func documentFormat(_ format: SweepFormat?, output: String?, command: String) throws -> DocumentFormat {
        let chosen = try Self.format(format, output: output, command: command)
        guard let document = DocumentFormat(chosen) else {
            throw failing(
                ["scenario \(command): the \(chosen.rawValue) format is written by scenario sweep only; "
                    + "give --format text, markdown, csv, json, latex or html"],
                status: ExitStatus.usage)
        }
        return document
    }

    /// The extension of the last component of `path`, or nil when it has none (a leading dot,
    /// as in `.report`, starts a hidden name, not an extension).
    static func fileExtension(of path: String) -> String? {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        let suffix = name[name.index(after: dot)...]
        return suffix.isEmpty ? nil : String(suffix)
    }
}
