import BudgetModel
import Foundation
import ScenarioCommandLine
import Testing

/// `scenario import` of a workbook of several sheets: the services, funds and groups tables are
/// found by their sheets' names. The workbooks are written by openpyxl (`make test` installs it).
@Suite struct WorkbookImportTests {
    /// A workbook at `path` with one sheet per entry: its name and its rows.
    private func workbook(_ path: String, _ sheets: [(String, [[String]])]) throws {
        let data = try JSONSerialization.data(withJSONObject: sheets.map { ["name": $0.0, "rows": $0.1] })
        let script = """
            import json, sys, openpyxl
            book = openpyxl.Workbook()
            book.remove(book.active)
            for sheet in json.loads(sys.argv[2]):
                page = book.create_sheet(sheet["name"])
                for row in sheet["rows"]:
                    page.append([float(cell) if cell.replace(".", "", 1).isdigit() else cell for cell in row])
            book.save(sys.argv[1])
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, path, String(decoding: data, as: UTF8.self)]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "openpyxl could not write \(path) (make test installs it)")
    }

    private let services = [["id", "name", "baseline", "min"], ["hub", "Victims' Hub", "400000", ""], ["rj", "", "300000", "60%"]]

    /// One workbook with a cover sheet first: the services and funds come from the sheets of
    /// those names (any case), and the scenario file says which sheet each entry came from.
    @Test func findsEachTableByItsSheetName() throws {
        let directory = try scratchDirectory()
        let book = directory + "/book.xlsx"
        try workbook(book, [
            ("Cover", [["Victims' services 2026/27"], ["Prepared for the board"]]),
            ("Services", services),
            ("FUNDS", [["id", "amount"], ["grant", "650000"]]),
        ])
        let text = try ScenarioImporting.scenarioText(services: book, funds: nil, groups: nil, title: "Book", objective: nil)
        #expect(text.contains("[[fund]]\n# \(book)[FUNDS] row 2\nid = \"grant\"\namount = 650000\n"), "\(text)")
        #expect(text.contains("[[service]]\n# \(book)[Services] row 3\nid = \"rj\"\nbaseline = 300000\nmin = \"60%\"\n"), "\(text)")
        let scenario = try ScenarioDecoder.decode(text, fileName: "book.toml").scenario
        #expect(scenario.funds.map(\.amount) == [650_000])
        #expect(scenario.services.map(\.baseline) == [400_000, 300_000])
    }

    /// A workbook of several sheets without a sheet of the table's name is a located error; a
    /// workbook of one sheet is that table whatever the sheet is called.
    @Test func aMissingSheetIsALocatedError() throws {
        let directory = try scratchDirectory()
        let book = directory + "/book.xlsx", single = directory + "/single.xlsx"
        try workbook(book, [("Cover", [["Notes"]]), ("Data", services)])
        try workbook(single, [("Data", services)])
        #expect(throws: SpreadsheetReadError(file: book, message: "has no sheet named services; its sheets are Cover, Data")) {
            try ScenarioImporting.read(book, sheet: "services")
        }
        #expect(exitStatus { _ = try ScenarioImporting.scenarioText(services: book, funds: nil, groups: nil, title: nil, objective: nil) } == 65)
        let table = try ScenarioImporting.read(single, sheet: "services")
        #expect(table.file == single && table.header == ["id", "name", "baseline", "min"] && table.rows.count == 2)
    }
}
