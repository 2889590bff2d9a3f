import BudgetModel
import Foundation
import Testing

import BudgetReports

/// The pieces of the spreadsheet formats: XML escaping, SpreadsheetML text, column names,
/// number formats, and the `csv-wide` report of the worked example.
@Suite struct SpreadsheetWriterTests {
    /// The services and funds tables of a scenario with a new bid (README, "New bids"), read
    /// back by `scenario import`'s reader, make a scenario file with the same services and funds:
    /// the bid's `request` and a closable service's `closable` travel in their own columns.
    @Test func aBidAndAClosableServiceTravelThroughTheExportedTables() throws {
        let scenario = Scenario(
            title: "Bids", funds: [Fund(id: "grant", amount: 1000)],
            services: [
                Service(id: "advice", baseline: 500), Service(id: "outreach", baseline: 500, minimum: .percent(60), isClosable: true),
                Service(id: "helpline", name: "New helpline (bid)", baseline: 0, request: 200, minimum: .percent(50), priority: -1),
            ])
        let services = ScenarioTablesWriter.services(scenario)
        #expect(services.hasPrefix("id,name,baseline,request,min,max,protected,priority,weight,closable,step\r\n"))
        #expect(services.contains("\r\noutreach,outreach,500,,60%,100%,false,0,1,true,\r\n"))
        #expect(services.contains("\r\nhelpline,New helpline (bid),0,200,50%,100%,false,-1,1,false,\r\n"))
        let imported = try ScenarioImport.scenario(
            title: "Bids", services: try CSVTableReader.read(Array(services.utf8), file: "services.csv"),
            funds: try CSVTableReader.read(Array(ScenarioTablesWriter.funds(scenario).utf8), file: "funds.csv"))
        let read = try ScenarioDecoder.decode(ImportedScenarioWriter.text(imported, sources: ["services.csv", "funds.csv"]), fileName: "bids.toml")
        #expect(read.scenario.services == scenario.services)
        #expect(read.scenario.funds == scenario.funds)
    }

    /// What decides an allocation but does not travel in the tables is named; the worked
    /// scenario above leaves nothing out.
    @Test func whatTheTablesLeaveOutIsNamed() {
        var scenario = Scenario(
            title: "Left out", funds: [Fund(id: "grant", amount: 1000), Fund(id: "council", amount: 500, cutMultiplier: 0.5)],
            services: [Service(id: "advice", baseline: 1500)])
        let document = { ScenarioDocument(scenario: scenario, fileName: "s.toml", sha256: "") }
        #expect(ScenarioTablesWriter.leftOut(document()) == ["fund council's cut multiplier 0.5"])
        scenario.fairness = .cash
        scenario.unit = 1000
        scenario.funds[1].cutMultiplier = 1
        #expect(ScenarioTablesWriter.leftOut(document()) == ["unit = 1000", "fairness = \"cash\""])
        #expect(ScenarioTablesWriter.leftOutNote(document())
            == "the tables leave out unit = 1000, fairness = \"cash\"; scenario import cannot restore them")
        scenario.fairness = .relative
        scenario.unit = 1
        #expect(ScenarioTablesWriter.leftOut(document()).isEmpty)
        #expect(ScenarioTablesWriter.leftOutNote(document()) == nil)
    }

    /// The title and the source, which every report prints, are named as left out too, with
    /// how each comes back.
    @Test func theTitleAndSourceAreNamedAsLeftOut() {
        var scenario = Scenario(title: "Left out", funds: [Fund(id: "grant", amount: 1000)], services: [Service(id: "advice", baseline: 1000)])
        let document = { ScenarioDocument(scenario: scenario, fileName: "s.toml", sha256: "") }
        #expect(ScenarioTablesWriter.descriptionNote(document()) == "the tables leave out the title (scenario import takes it as --title)")
        scenario.source = "Seed 003"
        #expect(ScenarioTablesWriter.descriptionNote(document())
            == "the tables leave out the title (scenario import takes it as --title) and the source (add it to the file scenario import writes)")
    }

    @Test func xmlTextEscapesMarkupAndReplacesWhatXMLCannotCarry() {
        #expect(XMLWriter.escapedText("a<b & c>\"d'") == "a&lt;b &amp; c&gt;\"d'")
        #expect(XMLWriter.escapedText("line\r\nnext\ttab") == "line&#13;\nnext\ttab")
        #expect(XMLWriter.escapedText("bell\u{07} nul\u{00} \u{FFFE} £€ 😀") == "bell\u{FFFD} nul\u{FFFD} \u{FFFD} £€ 😀")
    }

    @Test func xmlAttributesEscapeQuotesAndWhitespaceThatAParserWouldFold() {
        #expect(XMLWriter.escapedAttribute("say \"hi\" & <go>") == "say &quot;hi&quot; &amp; &lt;go&gt;")
        #expect(XMLWriter.escapedAttribute("a\tb\nc\rd") == "a&#9;b&#10;c&#13;d")
    }

    @Test func theWriterNestsAndClosesElements() {
        var xml = XMLWriter()
        xml.start("a", [("x", "1 < 2")])
        xml.element("b", text: "R&D")
        xml.empty("c")
        #expect(xml.finished() == "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<a x=\"1 &lt; 2\"><b>R&amp;D</b><c/></a>")
    }

    @Test func spreadsheetTextEscapesControlCharactersAndLiteralEscapes() {
        #expect(SpreadsheetText.encoded("plain £ text") == "plain £ text")
        #expect(SpreadsheetText.encoded("tab\tstays, vt\u{0B}goes") == "tab\tstays, vt_x000B_goes")
        #expect(SpreadsheetText.encoded("_x0041_ and _x12_ and _xZZZZ_") == "_x005F_x0041_ and _x12_ and _xZZZZ_")
    }

    @Test func columnNamesRunAToZThenAA() {
        #expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(Worksheet.columnName) == ["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"])
        #expect(Worksheet.reference(row: 2, column: 5) == "F3")
    }

    @Test func moneyFormatsFollowTheCurrencyAndUnit() {
        #expect(MoneyFormatter(currency: "GBP", unit: 1).spreadsheetFormat(decimals: nil) == "\"£\"#,##0")
        #expect(MoneyFormatter(currency: "GBP", unit: 1000).spreadsheetFormat(decimals: nil) == "\"£\"#,##0,\"k\"")
        #expect(MoneyFormatter(currency: "EUR", unit: 1_000_000).spreadsheetFormat(decimals: nil) == "\"€\"#,##0,,\"m\"")
        #expect(MoneyFormatter(currency: "CHF", unit: 0.05).spreadsheetFormat(decimals: nil) == "\"CHF \"#,##0.00")
        #expect(MoneyFormatter(currency: "USD", unit: 1000).spreadsheetFormat(decimals: 2) == "\"$\"#,##0.00")
    }

    /// The worked example (SCENARIO-SPEC section 9) at 10% to 40%: the board table's figures
    /// as plain numbers, the 40% cut infeasible with empty cells and a deficit of 20,000.
    @Test func csvWideIsTheBoardTable() throws {
        let report = WorkedExample.report(.csvWide)
        #expect(report.hasPrefix("\u{FEFF}Service,Baseline (GBP),10% cut (GBP),20% cut (GBP),30% cut (GBP),40% cut (GBP)\r\n"))
        #expect(report.contains("\r\nRestorative Justice,300000,234000,180000,180000,\r\n"))
        #expect(report.contains("\r\ncounselling,200000,156000,100000,0,\r\n"))
        #expect(report.contains("\r\nTotal allocated,1100000,990000,880000,770000,\r\n"))
        #expect(report.contains("\r\nEnvelope,,990000,880000,770000,660000\r\n"))
        #expect(report.hasSuffix("\r\nStatus,,optimal,optimal,optimal,infeasible\r\nDeficit,,,,,20000\r\n"))
        // Compared as bytes: reading the golden file as a String would drop its byte-order mark.
        let url = SweepGoldenTests.goldenDirectory.appendingPathComponent("worked-example-wide.csv")
        if ProcessInfo.processInfo.environment["SCENARIO_UPDATE_GOLDEN"] == "1" { try Data(report.utf8).write(to: url) }
        #expect(Array(report.utf8) == [UInt8](try Data(contentsOf: url)), "worked-example-wide.csv differs from the golden file")
    }

    /// In £k, quoted names, and the figures that the text table prints in the same block.
    @Test func csvWideInThousandsMatchesTheTextTable() {
        var scenario = WorkedExample.scenario
        scenario.unit = 1000
        scenario.services[3].name = "Counselling, \"talking\" therapies"
        let header = SweepHeader(
            document: ScenarioDocument(scenario: scenario, fileName: "k.toml", sha256: "00"), toolVersion: "0.1.0",
            maximumFeasibleCut: nil)
        let results = (1...3).map { step -> CutResult in
            let envelope = 1_100_000 * (1 - Double(step) * 3.3 / 100)
            let rest = envelope - 600_000
            return CutResult(
                cutPercent: Double(step) * 3.3, envelope: envelope, status: .optimal,
                services: [
                    WorkedExample.service("hub", 400_000, 400_000, .protected),
                    WorkedExample.service("idva", 200_000, 200_000, .notCut),
                    WorkedExample.service("rj", 300_000, rest * 0.6, .share),
                    WorkedExample.service("counselling", 200_000, rest * 0.4, .share),
                ])
        }
        let wide = WorkedExample.report(.csvWide, header: header, results: results)
        let text = WorkedExample.report(.text, header: header, results: results)
        let rows = wide.dropFirst().split(separator: "\r\n").map(String.init)
        #expect(rows.contains { $0.hasPrefix("\"Counselling, \"\"talking\"\" therapies\",200000,") })
        // Each text row's figures (£1,234k) are the CSV row's figures in thousands.
        for row in rows.dropFirst().prefix(7) {
            let label = row.hasPrefix("\"") ? "Counselling, \"talking\" therapies" : String(row.prefix { $0 != "," })
            let csvFigures = row.split(separator: ",", omittingEmptySubsequences: true).suffix(3).map { Double($0)! / 1000 }
            let line = text.split(separator: "\n").first { $0.hasPrefix(label) } ?? ""
            #expect(!line.isEmpty, "no text row \(label)")
            let textFigures = line.split(separator: " ").filter { $0.contains("£") }.suffix(3)
                .map { Double($0.filter(\.isNumber))! }
            #expect(csvFigures == textFigures, "\(label)")
        }
    }
}
