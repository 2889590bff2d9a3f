import BudgetModel

/// One libFuzzer input: the bytes of a spreadsheet saved as CSV, read as `scenario import`
/// reads it, as a services table and as a funds table. A malformed file must be a
/// `SpreadsheetReadError` or `ImportErrors` whose every line names its file; a crash, a trap,
/// a message over several lines or a hang (libFuzzer's `-timeout`) is a finding.
func fuzzCSVImport(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let table: SpreadsheetTable
    do {
        table = try CSVTableReader.read(bytes, file: "fuzz.csv")
    } catch {
        precondition(error.description.hasPrefix("fuzz.csv") && !error.description.contains("\n"), "a bad message: \(error)")
        return 0
    }
    checkImport(table)
    return 0
}

/// Imports `table` as services (with itself as funds and as groups): every issue is one line at its file.
func checkImport(_ table: SpreadsheetTable) {
    do {
        _ = try ScenarioImport.scenario(title: "Fuzz", services: table, funds: table, groups: table)
    } catch {
        for issue in error.issues {
            precondition(issue.description.hasPrefix(table.file), "an issue without its file: \(issue)")
        }
    }
}
