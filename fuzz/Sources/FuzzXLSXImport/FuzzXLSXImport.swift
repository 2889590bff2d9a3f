import BudgetModel

/// One libFuzzer input: the bytes of an xlsx workbook, ZIP container and XML parts alike, read
/// as `scenario import` reads it and then imported as services, funds and groups. A malformed
/// workbook must be a `SpreadsheetReadError` (one line naming the file); a crash, a trap, a
/// message over several lines, unbounded memory (libFuzzer's `-rss_limit_mb`) or a hang
/// (`-timeout`) is a finding.
func fuzzXLSXImport(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let table: SpreadsheetTable
    do {
        table = try XLSXTableReader.read(bytes, file: "fuzz.xlsx")
    } catch {
        precondition(error.description.hasPrefix("fuzz.xlsx") && !error.description.contains("\n"), "a bad message: \(error)")
        return 0
    }
    do {
        _ = try ScenarioImport.scenario(title: "Fuzz", services: table, funds: table, groups: table)
    } catch {
        for issue in error.issues { precondition(issue.description.hasPrefix("fuzz.xlsx"), "an issue without its file: \(issue)") }
    }
    return 0
}
