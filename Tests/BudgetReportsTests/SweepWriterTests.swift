import BudgetModel
import BudgetReports
import Foundation
import Testing

@Suite struct SweepWriterTests {
    @Test func jsonIsValidAndCarriesTheSpecKeysWithRoundedFiguresThatAddUp() throws {
        let text = WorkedExample.report(.json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let scenario = try #require(object["scenario"] as? [String: Any])
        #expect(scenario["title"] as? String == "Worked example")
        #expect(scenario["file"] as? String == "worked-example.toml")
        #expect(scenario["currency"] as? String == "GBP")
        #expect(scenario["unit"] as? Double == 1)
        #expect((scenario["sha256"] as? String)?.count == 64)
        let maximum = try #require(object["max_feasible_cut_pct"] as? Double)
        #expect(abs(maximum - 38.181818181818) < 1e-9)
        let cuts = try #require(object["cuts"] as? [[String: Any]])
        #expect(cuts.count == 4)
        for cut in cuts where cut["status"] as? String == "optimal" {
            let services = try #require(cut["services"] as? [[String: Any]])
            let rounded = services.compactMap { $0["allocation_rounded"] as? Double }
            #expect(rounded.count == 4)
            #expect(rounded.reduce(0, +) == cut["allocated_rounded"] as? Double)
            let allocated = try #require(cut["allocated_rounded"] as? Double)
            let unallocated = try #require(cut["unallocated_rounded"] as? Double)
            #expect(allocated + unallocated == cut["envelope_rounded"] as? Double)
            for service in services {
                for key in ["id", "baseline", "allocation", "allocation_rounded", "change_pct", "binding"] {
                    #expect(service[key] != nil, "service lacks \(key)")
                }
            }
        }
        let infeasible = cuts[3]
        #expect(infeasible["status"] as? String == "infeasible")
        #expect(infeasible["deficit"] as? Double == 20_000)
        #expect((infeasible["explanation"] as? String)?.hasPrefix("At a 40% cut") == true)
        #expect(infeasible["services"] == nil)
    }

    @Test func jsonEscapesStringsAndWritesNullForNonFiniteFigures() throws {
        var scenario = WorkedExample.scenario
        scenario.title = "Quotes \" and \\ and\ttabs\u{1}"
        let header = SweepHeader(
            document: ScenarioDocument(scenario: scenario, fileName: "a.toml", sha256: "00"),
            toolVersion: "0.1.0", maximumFeasibleCut: 100)
        let zeroBaseline = CutResult(
            cutPercent: 5, envelope: 10, status: .optimal,
            services: [WorkedExample.service("hub", 0, 10, .share)])
        let text = WorkedExample.report(.json, header: header, results: [zeroBaseline])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let title = (object["scenario"] as? [String: Any])?["title"] as? String
        #expect(title == scenario.title)
        #expect(object["max_feasible_cut_pct"] as? Double == 100)
        #expect(text.contains("\"change_pct\": null"))
    }

    @Test func jsonWithNoCutsAndNoMaximumIsStillValid() throws {
        let header = SweepHeader(document: WorkedExample.document, toolVersion: "0.1.0", maximumFeasibleCut: nil)
        let text = WorkedExample.report(.json, header: header, results: [])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["max_feasible_cut_pct"] is NSNull)
        #expect((object["cuts"] as? [Any])?.isEmpty == true)
    }

    @Test func csvQuotesFieldsPerRFC4180() {
        var scenario = WorkedExample.scenario
        scenario.services[0].name = "Hub, \"central\""
        let header = SweepHeader(
            document: ScenarioDocument(scenario: scenario, fileName: "a.toml", sha256: "00"),
            toolVersion: "0.1.0", maximumFeasibleCut: 38)
        let lines = WorkedExample.report(.csv, header: header, results: [WorkedExample.results[0]])
            .components(separatedBy: "\r\n")
        #expect(lines.count == 6)  // header, four services, and the empty string after the last CRLF
        #expect(lines[1] == "10,optimal,hub,\"Hub, \"\"central\"\"\",400000,400000.0,400000,0.0,0,0.0,protected,990000.0,990000,,")
        #expect(lines[5].isEmpty)
    }

    /// A result row whose service the scenario does not hold (or holds with another baseline)
    /// is written from the result itself: its id for the name, no rounded change.
    @Test func csvRowsOfServicesOutsideTheScenarioComeFromTheResult() {
        let result = CutResult(
            cutPercent: 12.5, envelope: 962_500, status: .optimal,
            services: [
                WorkedExample.service("hub", 400_000, 400_000, .protected),
                WorkedExample.service("idva", 250_000, 200_000, .group("spec,ial")),
                WorkedExample.service("new, one", 1_000, 500.5, .share),
            ])
        let lines = WorkedExample.report(.csv, results: [result]).components(separatedBy: "\r\n")
        #expect(lines == [
            CSVSweepWriter<String>.columns.joined(separator: ","),
            "12.5,optimal,hub,Victims' Hub,400000,400000.0,400000,0.0,0,0.0,protected,962500.0,962500,,",
            "12.5,optimal,idva,IDVA service,250000,200000.0,200000,-50000.0,0,-20.0,\"group:spec,ial\",962500.0,962500,,",
            // 500.5 and the unallocated 361,999.5 tie for the last pound: the earlier part takes it.
            "12.5,optimal,\"new, one\",\"new, one\",1000,500.5,501,-499.5,,-49.95,share,962500.0,962500,,",
            "",
        ])
    }

    @Test func textHoldsOnlyTheCurrentBlockAndWritesItWhenFull() {
        var writer = SweepFormat.text.makeWriter(header: WorkedExample.header, output: "")
        #expect(writer.output == "Worked example\n")
        for _ in 0..<5 { writer.write(WorkedExample.results[0]) }
        #expect(writer.output == "Worked example\n")
        writer.write(WorkedExample.results[0])
        #expect(writer.output.contains("Allocation by cut"))
        let afterBlock = writer.output
        writer.write(WorkedExample.results[1])
        #expect(writer.output == afterBlock)
        writer.finish()
        #expect(writer.output.hasSuffix("Maximum feasible cut: 38.18%\n"))
    }

    /// JSON and CSV hold back up to 200 cuts to round them as one table; from the 201st
    /// they write every cut so far and then each as it arrives, each rounded on its own.
    @Test func jsonAndCSVHoldBack200CutsThenStream() {
        let cut = WorkedExample.results[1]
        var json = SweepFormat.json.makeWriter(header: WorkedExample.header, output: "")
        var csv = SweepFormat.csv.makeWriter(header: WorkedExample.header, output: "")
        func rows() -> Int { csv.output.components(separatedBy: "\r\n").count - 2 }
        func cuts() -> Int { json.output.components(separatedBy: "\"cut_pct\": 20").count - 1 }
        for _ in 0..<200 {
            json.write(cut)
            csv.write(cut)
        }
        #expect(json.output == "")
        #expect(rows() == 0)
        json.write(cut)
        csv.write(cut)
        #expect(json.output.contains("\"rounding\": {\"method\": \"largest-remainder-per-cut\", \"unit\": 1}"))
        #expect(cuts() == 201)
        #expect(rows() == 201 * 4)
        json.write(cut)
        csv.write(cut)
        #expect(cuts() == 202)
        #expect(rows() == 202 * 4)

        var short = SweepFormat.json.makeWriter(header: WorkedExample.header, output: "")
        short.write(cut)
        short.finish()
        #expect(short.output.contains("\"rounding\": {\"method\": \"controlled\", \"unit\": 1}"))
    }

    @Test(arguments: [
        ("out.txt", SweepFormat?.some(.text)), ("report.MD", .markdown), ("a/b.csv", .csv), ("x.json", .json),
        ("noextension", nil), ("dir.json/file", nil), ("table.pdf", nil),
    ])
    func formatFromExtension(path: String, expected: SweepFormat?) {
        #expect(SweepFormat(fileExtensionOf: path) == expected)
    }
}
