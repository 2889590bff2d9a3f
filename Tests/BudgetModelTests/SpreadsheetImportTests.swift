import Foundation
import Testing

import BudgetModel

/// Reading services and funds from spreadsheet tables (SCENARIO-SPEC section 15).
@Suite struct SpreadsheetImportTests {
    static func csv(_ text: String, file: String = "services.csv") throws -> SpreadsheetTable {
        try CSVTableReader.read(Array(text.utf8), file: file)
    }

    @Test func csvRecordsFollowRFC4180() throws {
        let table = try Self.csv("\u{FEFF}id,name\r\nhub,\"Victims' Hub, \"\"central\"\"\"\r\n\r\nrj,\"two\nlines\"\nidva,plain  \n")
        #expect(table.header == ["id", "name"])
        #expect(table.rows.map(\.number) == [2, 4, 5])
        #expect(table.rows[0].cells == [.text("hub"), .text("Victims' Hub, \"central\"")])
        #expect(table.rows[1].cells == [.text("rj"), .text("two\nlines")])
        #expect(table.rows[2].cells == [.text("idva"), .text("plain  ")])
    }

    @Test func csvThatCannotBeReadSaysWhere() {
        #expect(throws: SpreadsheetReadError(file: "s.csv", row: 2, message: "a quoted field is not closed before the end of the file")) {
            try Self.csv("id\n\"open\n", file: "s.csv")
        }
        #expect(throws: SpreadsheetReadError(file: "s.csv", row: 2, message: "text after a closing quote; a quote inside a quoted field is written twice (\"\")")) {
            try Self.csv("id\n\"a\"b\n", file: "s.csv")
        }
        #expect(throws: SpreadsheetReadError(file: "s.csv", message: "is not UTF-8 text; save the sheet as \"CSV UTF-8\"")) {
            try CSVTableReader.read([0x69, 0x64, 0x0A, 0xA3, 0x35], file: "s.csv")
        }
    }

    @Test func moneyIsReadAsASpreadsheetShowsIt() {
        #expect(ScenarioImport.money(in: "446000") == 446_000)
        #expect(ScenarioImport.money(in: "£446,000") == 446_000)
        #expect(ScenarioImport.money(in: "1,234,567.89") == 1_234_567.89)
        #expect(ScenarioImport.money(in: "-£5") == -5)
        #expect(ScenarioImport.money(in: "12,34") == nil)
        #expect(ScenarioImport.money(in: "1e5") == nil)
        #expect(ScenarioImport.money(in: "") == nil)
        #expect(ScenarioImport.money(in: "5.") == nil)
    }

    /// Every bad cell at once, each at `FILE:ROW:COLUMN`.
    @Test func everyBadCellIsReportedAtItsRowAndColumn() throws {
        let services = try Self.csv("""
            id,name,baseline,min,protcted,priority
            hub,Hub,400000,50%,true,1
            Bad Id,X,-5,lots,maybe,high
            hub,Again,,10%,false,0
            """)
        let funds = try Self.csv("id,amount,ring_fenced_for\ngrant,1000000,\ndv,100000,hub;idvaa\n", file: "funds.csv")
        let error = #expect(throws: ImportErrors.self) {
            try ScenarioImport.scenario(title: "T", services: services, funds: funds)
        }
        #expect(error?.issues.map(\.description) == [
            "services.csv:1:protcted: unknown key \"protcted\" for a service; did you mean \"protected\"?; a service table has the keys id, name, baseline, request, min, max, protected, priority, weight, closable, step",
            "services.csv:3:id: \"Bad Id\" is not an id: an id is lower-case letters, digits, \"_\" and \"-\", starting with a letter or digit",
            "services.csv:3:baseline: \"-5\" is below 0: money cannot be negative",
            "services.csv:3:min: \"lots\" is not a share: write an amount such as 25000 or a percentage such as 50%",
            "services.csv:3:priority: \"high\" is not a whole number such as 0, 1 or 2",
            "services.csv:4:id: the service id \"hub\" is already used in row 2; ids must be unique",
            "services.csv:4:baseline: is empty: every service needs \"baseline\"",
            "funds.csv:3:ring_fenced_for: names the service \"idvaa\", which is not in the services table",
        ])
    }

    @Test func valuesBecomeTheScenarioFilesKeys() throws {
        let services = try Self.csv("id,name,baseline,min,max,protected,priority,weight\nhub,Victims' Hub,\"£400,000\",50%,120%,TRUE,2,1.5\nrj,,300000,,,,,\n")
        let imported = try ScenarioImport.scenario(title: "T", services: services, funds: nil)
        #expect(imported.services[0].values.map(\.key) == ["id", "name", "baseline", "min", "max", "protected", "priority", "weight"])
        #expect(imported.services[0].values.map(\.value) == [
            .string("hub"), .string("Victims' Hub"), .number(400_000), .percent(50), .percent(120), .boolean(true), .integer(2), .number(1.5),
        ])
        #expect(imported.services[1].values.map(\.key) == ["id", "baseline"])
        #expect(imported.fundsMadeUp)
        #expect(imported.funds[0].values.map(\.value) == [.string("funding"), .string("Funding"), .number(700_000)])
    }

    @Test func workbookCellsKeepTheirKinds() throws {
        #expect(XLSXTableReader.position(of: "B12")! == (1, 12))
        #expect(XLSXTableReader.position(of: "XFD1048576")! == (16_383, 1_048_576))
        #expect(XLSXTableReader.position(of: "XFE1") == nil)
        #expect(XLSXTableReader.position(of: "A0") == nil)
        #expect(XLSXTableReader.position(of: "1A") == nil)
        #expect(XLSXTableReader.hundredfold(0.07) == 7)
        #expect(XLSXTableReader.hundredfold(0.125) == 12.5)
        #expect(XLSXTableReader.hundredfold(1.5) == 150)
        #expect(XLSXTableReader.hundredfold(0.00001) == 0.001)
        #expect(XLSXTableReader.hundredfold(-0.5) == -50)
        #expect(XLSXTableReader.decoded("vt_x000B_ and _x005F_x0041_") == "vt\u{0B} and _x0041_")
        let table = SpreadsheetTable(
            file: "s.xlsx", header: ["id", "baseline", "min", "max", "protected"],
            rows: [SpreadsheetTable.Row(number: 2, cells: [.number(3), .number(100), .percent(50), .number(250), .boolean(true)])])
        let imported = try ScenarioImport.scenario(title: "T", services: table, funds: nil)
        #expect(imported.services[0].values.map(\.value) == [.string("3"), .number(100), .percent(50), .number(250), .boolean(true)])
    }

    @Test func whatIsNotAWorkbookIsSaidSo() {
        #expect(throws: SpreadsheetReadError(file: "s.xlsx", message: "is not an xlsx workbook: it is too short to be a ZIP archive")) {
            try XLSXTableReader.read(Array("id,baseline\n".utf8), file: "s.xlsx")
        }
        #expect(throws: SpreadsheetReadError(file: "s.xlsx", message: "is not an xlsx workbook: it has no ZIP end-of-directory record")) {
            try XLSXTableReader.read(Array("id,name,baseline\nhub,Victims' Hub,400000\n".utf8), file: "s.xlsx")
        }
    }

    /// Found by fuzzing: a workbook whose ZIP directory points past the end of the file made
    /// ZIPFoundation's in-memory reader trap; it is refused before ZIPFoundation reads it.
    @Test func aZipWhoseDirectoryPointsOutsideTheFileIsAnError() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/zip-directory-past-end.xlsx")
        let bytes = [UInt8](try Data(contentsOf: fixture))
        let error = #expect(throws: SpreadsheetReadError.self) { try XLSXTableReader.read(bytes, file: "z.xlsx") }
        #expect(error?.description.hasPrefix("z.xlsx: is not an xlsx workbook: ") == true)
        #expect(throws: SpreadsheetReadError.self) { try XLSXTableReader.read(Array(bytes.prefix(40)), file: "z.xlsx") }
    }

    /// Found by fuzzing: an element name with a byte that is not UTF-8 (`<\xF3i>`, and a
    /// CRC-32 that no longer matches) made FoundationXML trap; the part is refused first.
    @Test func aPartThatIsNotUTF8IsAnError() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/xml-name-not-utf8.xlsx")
        let bytes = [UInt8](try Data(contentsOf: fixture))
        #expect(throws: SpreadsheetReadError(file: "u.xlsx", message: "is not a usable xlsx workbook: its part xl/worksheets/sheet1.xml cannot be unpacked")) {
            try XLSXTableReader.read(bytes, file: "u.xlsx")
        }
    }

    /// Found by fuzzing: a part whose deflate stream does not end within its data made
    /// ZIPFoundation's reader inflate on past it for ever; the inflater is given the part's own
    /// bytes only, so the part is refused.
    @Test func aDeflateStreamThatNeverEndsIsAnError() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/deflate-stream-never-ends.xlsx")
        let bytes = [UInt8](try Data(contentsOf: fixture))
        let error = #expect(throws: SpreadsheetReadError.self) { try XLSXTableReader.read(bytes, file: "d.xlsx") }
        #expect(error?.description.hasSuffix("cannot be unpacked") == true, "\(String(describing: error))")
    }

    /// Found by fuzzing: a stored entry with a data descriptor whose uncompressed size runs past
    /// the end of the file made ZIPFoundation read its descriptor there and trap; the archive is
    /// refused before ZIPFoundation reads it.
    @Test func aStoredEntryWhoseDescriptorLiesOutsideTheFileIsAnError() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/stored-entry-descriptor-past-end.xlsx")
        let bytes = [UInt8](try Data(contentsOf: fixture))
        #expect(throws: SpreadsheetReadError(file: "s.xlsx", message: "is not an xlsx workbook: a ZIP entry's data lies outside the file")) {
            try XLSXTableReader.read(bytes, file: "s.xlsx")
        }
    }
}
