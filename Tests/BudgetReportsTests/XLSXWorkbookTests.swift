import BudgetModel
import Foundation
import Testing

import BudgetReports

/// The xlsx report of the worked example read back by Python's openpyxl, which shares no code
/// with the writer (`scripts/xlsx/read_workbook.py`; `make test` installs openpyxl when missing).
@Suite struct XLSXWorkbookTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The workbook of `results`, as bytes.
    static func workbook(header: SweepHeader = WorkedExample.header, results: [CutResult] = WorkedExample.results) throws -> [UInt8] {
        let buffer = ByteBuffer()
        var writer = SweepFormat.xlsx.makeWriter(header: header, output: buffer)
        for result in results { writer.write(result) }
        writer.finish()
        #expect(buffer.failure == nil)
        return buffer.bytes
    }

    /// What openpyxl reads from `bytes`: the JSON that `read_workbook.py` prints.
    static func readBack(_ bytes: [UInt8]) throws -> [String: Any] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("report.xlsx")
        try Data(bytes).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", packageRoot.appendingPathComponent("scripts/xlsx/read_workbook.py").path, file.path]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "read_workbook.py failed (make test installs openpyxl): \(message)")
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func sheet(_ name: String, in book: [String: Any]) throws -> [String: Any] {
        let sheets = try #require(book["sheets"] as? [[String: Any]])
        return try #require(sheets.first { $0["name"] as? String == name }, "no sheet \(name)")
    }

    static func rows(_ sheet: [String: Any]) throws -> [[Any]] {
        try #require(sheet["rows"] as? [[Any]])
    }

    @Test func openpyxlReadsTheSheetsInOrderWithTheirTables() throws {
        let book = try Self.readBack(try Self.workbook())
        #expect(book["title"] as? String == "Worked example: allocation by cut")
        let sheets = try #require(book["sheets"] as? [[String: Any]])
        #expect(sheets.compactMap { $0["name"] as? String }
            == ["Cover_sheet", "Contents", "Notes", "Allocation", "Change", "Held_by", "Cuts", "Detail"])
        for sheet in sheets {
            #expect((sheet["merged"] as? [String])?.isEmpty == true, "merged cells in \(sheet["name"] ?? "")")
            let rows = try Self.rows(sheet)
            #expect(rows.first?.first is String, "no title in A1 of \(sheet["name"] ?? "")")
            // No blank row: every row has a value in column A.
            for (index, row) in rows.enumerated() {
                #expect(row.first.map { !($0 is NSNull) } == true, "row \(index + 1) of \(sheet["name"] ?? "") is blank in A")
            }
            guard sheet["name"] as? String != "Cover_sheet" else { continue }
            let tables = try #require(sheet["tables"] as? [[String: Any]])
            #expect(tables.count == 1)
            let reference = try #require(tables.first?["ref"] as? String)
            #expect(reference.hasPrefix("A3:") && reference.hasSuffix(String(rows.count)), "\(reference) for \(rows.count) rows")
        }
        let cover = try Self.rows(try Self.sheet("Cover_sheet", in: book)).compactMap { $0.first as? String }
        for line in ["Source", "SCENARIO-SPEC section 9, \"a worked example\"", "worked-example.toml", WorkedExample.document.sha256,
                     "scenario 0.1.0", "Rounding", "38.18%", "Shorthand"] {
            #expect(cover.contains(line), "the cover has no line \(line)")
        }
    }

    /// Table 1 holds the board table's figures as numbers in the £ format: 10% cut rj 234,000
    /// and counselling 156,000 (the exact figures carry noise), the 40% cut `[x]` but its envelope.
    @Test func theAllocationTableHoldsTheRoundedFiguresAsNumbers() throws {
        let book = try Self.readBack(try Self.workbook())
        let sheet = try Self.sheet("Allocation", in: book)
        let rows = try Self.rows(sheet)
        #expect(rows[2].compactMap { $0 as? String }
            == ["Service", "Baseline [note 3] (GBP)", "10% cut (GBP)", "20% cut (GBP)", "30% cut (GBP)", "40% cut (GBP)"])
        func numbers(_ row: [Any]) -> [Double?] { row.dropFirst().map { ($0 as? NSNumber)?.doubleValue } }
        #expect(rows[3].first as? String == "Victims' Hub")
        #expect(numbers(rows[3]) == [400_000, 400_000, 400_000, 400_000, nil])
        #expect(numbers(rows[5]) == [300_000, 234_000, 180_000, 180_000, nil])
        #expect(numbers(rows[6]) == [200_000, 156_000, 100_000, 0, nil])
        #expect(rows[6][5] as? String == "[x]")
        #expect(rows[7].first as? String == "Total allocated")
        #expect(numbers(rows[7]) == [1_100_000, 990_000, 880_000, 770_000, nil])
        #expect(numbers(rows[9]) == [nil, 990_000, 880_000, 770_000, 660_000])
        #expect(rows[9][1] as? String == "[z]")
        let formats = try #require(sheet["formats"] as? [[String]])
        #expect(formats[3][1] == "\"£\"#,##0")
    }

    /// Table 5 holds the exact figures bit for bit, and Table 4 the deficit and explanation.
    @Test func theDetailAndCutsTablesHoldExactFiguresAndNotes() throws {
        let book = try Self.readBack(try Self.workbook())
        let detailSheet = try Self.sheet("Detail", in: book)
        let detail = try Self.rows(detailSheet)
        let exact = try #require(detailSheet["exact"] as? [[Any]])
        let index = try #require(detail.firstIndex { ($0[0] as? NSNumber)?.doubleValue == 10 && $0[1] as? String == "rj" })
        let rj = detail[index]
        // Python's repr of what openpyxl read: the shortest text of the same Double.
        #expect((exact[index][4] as? String).flatMap(Double.init) == 234_000.00000000003)
        #expect((rj[5] as? NSNumber)?.doubleValue == 234_000)
        #expect((exact[index][7] as? String).flatMap(Double.init) == (234_000.00000000003 - 300_000) / 300_000)
        #expect(rj[8] as? String == "share")
        #expect(detail.count == 3 + 4 * 4)
        let cuts = try Self.rows(try Self.sheet("Cuts", in: book))
        let last = try #require(cuts.last)
        #expect((last[0] as? NSNumber)?.doubleValue == 40)
        #expect(last[1] as? String == "infeasible")
        #expect((last[2] as? NSNumber)?.doubleValue == 660_000)
        #expect((last[5] as? NSNumber)?.doubleValue == 20_000)
        #expect((last[6] as? String)?.hasPrefix("At a 40% cut the envelope is £660,000.") == true)
    }

    /// Text that XML cannot carry or that looks like markup comes back as written.
    @Test func awkwardNamesComeBackAsWritten() throws {
        var scenario = WorkedExample.scenario
        // (openpyxl does not decode SpreadsheetML's `_xHHHH_` escapes, which Excel and LibreOffice
        // do, so a control character or a literal `_x0041_` is left to SpreadsheetWriterTests.)
        scenario.services[0].name = "Hub <A&B> \"quoted\" & 'apostrophe' tab\there, £€ 😀"
        scenario.title = "  Spaced title  "
        let header = SweepHeader(
            document: ScenarioDocument(scenario: scenario, fileName: "odd.toml", sha256: "ab"), toolVersion: "0.1.0",
            maximumFeasibleCut: 100)
        let book = try Self.readBack(try Self.workbook(header: header))
        let rows = try Self.rows(try Self.sheet("Allocation", in: book))
        #expect(rows[3][0] as? String == scenario.services[0].name)
        #expect(book["title"] as? String == "  Spaced title  : allocation by cut")
    }

    /// The same sweep gives the same bytes: nothing depends on the time.
    @Test func theWorkbookIsTheSameBytesEveryTime() throws {
        let first = try Self.workbook(), second = try Self.workbook()
        #expect(first == second)
        #expect(first.starts(with: [0x50, 0x4B, 0x03, 0x04]))
    }
}
