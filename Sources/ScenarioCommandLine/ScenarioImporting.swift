import ArgumentParser
import BudgetModel
import BudgetReports
import Foundation

/// `scenario import`: spreadsheets of services, funds and groups made into a scenario file.
public enum ScenarioImporting {
    /// The spreadsheet kinds `import` reads, by extension.
    public enum FileKind: Equatable, Sendable {
        case csv, xlsx

        /// The kind `path`'s extension names (`.csv`, `.xlsx`, any case), or nil.
        public init?(path: String) {
            switch ReportFormatChoice.fileExtension(of: path)?.lowercased() {
            case "csv": self = .csv
            case "xlsx": self = .xlsx
            default: return nil
            }
        }
    }

    /// The scenario file's text made from the spreadsheets. Each table is read as `read` reads
    /// it, from its sheet of a workbook; without `funds` or `groups`, a services workbook of
    /// several sheets gives its own funds or groups sheet when it has one.
    ///
    /// - Parameters:
    ///   - title: the title, or nil for the services file's name without its extension.
    ///   - fileName: the name the scenario file will have, for the check that reads it back.
    /// - Throws: exit status 64 after a line when a path's extension is not `.csv` or `.xlsx`;
    ///   1 when a file is missing or unreadable; 65 after one line per problem
    ///   (`FILE:ROW:COLUMN: message`) when the spreadsheets or the scenario made from them are
    ///   invalid. Every file is read and every problem reported before it throws.
    public static func scenarioText(
        services: String, funds: String?, groups: String?, title: String?, objective: ObjectiveMode?,
        fileName: String = "imported.toml"
    ) throws -> String {
        let paths = [services] + [funds, groups].compactMap { $0 }
        for path in paths where FileKind(path: path) == nil {
            throw failing(["scenario import: \(path): give a .csv or .xlsx file"], status: ExitStatus.usage)
        }
        let unreadable = paths.compactMap { path in ScenarioInput.unreadable(path).map { "\(path): \($0)" } }
        guard unreadable.isEmpty else { throw failing(unreadable, status: ExitStatus.failure) }
        var readErrors: [String] = []
        func table(_ path: String?, _ sheet: String) -> SpreadsheetTable? {
            guard let path else { return nil }
            do {
                return try read(path, sheet: sheet)
            } catch {
                readErrors.append(error.description)
                return nil
            }
        }
        let tables = (
            table(services, "services"), table(funds ?? workbook(services, withSheet: "funds"), "funds"),
            table(groups ?? workbook(services, withSheet: "groups"), "groups")
        )
        guard readErrors.isEmpty, let serviceTable = tables.0 else { throw failing(readErrors, status: ExitStatus.invalidInput) }
        let imported: ImportedScenario
        do {
            imported = try ScenarioImport.scenario(
                title: title ?? defaultTitle(services), services: serviceTable, funds: tables.1, groups: tables.2, objective: objective)
        } catch {
            throw failing(error.issues.map(\.description), status: ExitStatus.invalidInput)
        }
        let text = ImportedScenarioWriter.text(imported, sources: paths)
        do {
            _ = try ScenarioDecoder.decode(text, fileName: fileName)
        } catch {
            throw failing(error.issues.map { located($0, in: imported).description }, status: ExitStatus.invalidInput)
        }
        return text
    }

    /// The table in the spreadsheet at `path`, read by its extension: a CSV file's table, or
    /// the sheet of a workbook named `sheet` (`services`, `funds` or `groups`, in any case; a
    /// workbook of one sheet gives that sheet whatever its name).
    ///
    /// - Throws: the problem, located (`FILE: message`, `FILE[Sheet]:ROW: message`), among them a
    ///   workbook of several sheets with none named `sheet`.
    public static func read(_ path: String, sheet: String) throws(SpreadsheetReadError) -> SpreadsheetTable {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SpreadsheetReadError(file: path, message: "cannot be read")
        }
        let bytes = [UInt8](data)
        switch FileKind(path: path) {
        case .xlsx: return try XLSXTableReader.read(bytes, file: path, sheet: sheet)
        default: return try CSVTableReader.read(bytes, file: path)
        }
    }

    /// `path` when it is a workbook of several sheets, one of them named `sheet` (in any case):
    /// the services workbook that holds the funds or groups table too. Nil otherwise, and for a
    /// file that cannot be read as a workbook (reading its services sheet says why).
    static func workbook(_ path: String, withSheet sheet: String) -> String? {
        guard FileKind(path: path) == .xlsx, let data = FileManager.default.contents(atPath: path),
              let names = try? XLSXTableReader.sheetNames([UInt8](data), file: path),
              names.count > 1, names.contains(where: { $0.lowercased() == sheet })
        else { return nil }
        return path
    }

    /// The services file's name without its directory and extension.
    static func defaultTitle(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// A problem the scenario file's own checks found, placed at the spreadsheet row its table came from.
    static func located(_ issue: ScenarioIssue, in scenario: ImportedScenario) -> ImportIssue {
        let kinds: [(String, [ImportedScenario.Entry])] = [
            ("[[service]] ", scenario.services), ("[[fund]] ", scenario.funds), ("[[group]] ", scenario.groups),
        ]
        for (prefix, entries) in kinds {
            guard let table = issue.table, table.hasPrefix(prefix) else { continue }
            let quotedID = String(table.dropFirst(prefix.count))
            if let entry = entries.first(where: { EscapedString.doubleQuoted($0.id) == quotedID }), entry.row > 0 {
                return ImportIssue(file: entry.file, row: entry.row, column: nil, message: issue.message)
            }
            return ImportIssue(file: entries.first?.file ?? issue.file, row: nil, column: nil, message: "\(table): \(issue.message)")
        }
        return ImportIssue(file: scenario.services.first?.file ?? issue.file, row: nil, column: nil,
            message: (issue.table.map { $0 + ": " } ?? "") + issue.message)
    }
}
