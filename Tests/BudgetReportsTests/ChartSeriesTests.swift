import BudgetModel
import BudgetReports
import Foundation
import Testing

/// The HTML charts keep every service's series apart: read back from the page, no two
/// services in a chart share colour and pattern (bars) or colour, marker and dash
/// (lines), and every colour has a WCAG contrast of at least 3:1 against the white
/// page and the white gaps between bar segments.
@Suite struct ChartSeriesTests {
    /// A page of `count` services, all cut alike at 10% and 20%.
    static func page(services count: Int) -> String {
        let services = (1...count).map { Service(id: "s\($0)", name: "Service \($0)", baseline: Double(100_000 + 1_000 * $0)) }
        let total = services.reduce(0) { $0 + $1.baseline }
        let scenario = Scenario(title: "Many services", funds: [Fund(id: "grant", amount: total)], services: services)
        let header = SweepHeader(
            document: ScenarioDocument(scenario: scenario, fileName: "many.toml", sha256: "00ff"),
            toolVersion: "0.1.0", maximumFeasibleCut: 100)
        let results = [10.0, 20.0].map { cut in
            CutResult(
                cutPercent: cut, envelope: total * (1 - cut / 100), status: .optimal,
                services: services.map {
                    ServiceAllocation(serviceID: $0.id, baseline: $0.baseline, allocation: $0.baseline * (1 - cut / 100), binding: .share)
                })
        }
        return WorkedExample.report(.html, header: header, results: results)
    }

    /// The WCAG 2.1 contrast ratio of two `#RRGGBB` colours, worked out here independently.
    static func contrast(_ first: String, _ second: String) -> Double {
        func luminance(_ colour: String) -> Double {
            let hex = colour.dropFirst()
            let channels = stride(from: 0, to: 6, by: 2).map { offset -> Double in
                let start = hex.index(hex.startIndex, offsetBy: offset)
                let value = Double(Int(hex[start..<hex.index(start, offsetBy: 2)], radix: 16) ?? 0) / 255
                return value <= 0.04045 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
            }
            return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
        }
        let (a, b) = (luminance(first), luminance(second))
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    static func matches(_ pattern: String, in text: String) -> [[String]] {
        let expression = try! NSRegularExpression(pattern: pattern)
        let range = NSRange(text.startIndex..., in: text)
        return expression.matches(in: text, range: range).map { match in
            (1..<match.numberOfRanges).map { String(text[Range(match.range(at: $0), in: text)!]) }
        }
    }

    /// The two charts of the page: the bar chart, then the line chart.
    static func charts(_ page: String) -> (bars: String, lines: String) {
        let svgs = page.components(separatedBy: "<svg ").dropFirst().map { $0.components(separatedBy: "</svg>")[0] }
        return (svgs[0], svgs[1])
    }

    @Test func contrastIsTheWCAGRatio() {
        // Reference figures: black on white is 21:1, #767676 the lightest grey at 4.5:1.
        #expect(abs(Self.contrast("#000000", "#FFFFFF") - 21) < 1e-9)
        #expect(abs(Self.contrast("#767676", "#FFFFFF") - 4.54) < 0.005)
        #expect(abs(Self.contrast("#FFFFFF", "#FFFFFF") - 1) < 1e-9)
    }

    @Test(arguments: [8, 13, 40])
    func barSeriesDifferInColourOrPattern(services count: Int) throws {
        let bars = Self.charts(Self.page(services: count)).bars
        // Pattern id -> (its colour, its marks with the id left out).
        var patterns: [String: (colour: String, marks: String)] = [:]
        for match in Self.matches(#"<pattern id="([^"]+)"([^>]*)><rect width="8" height="8" fill="(#[0-9A-Fa-f]{6})"/>(.*?)</pattern>"#, in: bars) {
            patterns[match[0]] = (match[2], match[1] + match[3])
        }
        // The baseline bar's segments, in service order.
        let segments = Self.matches(#"fill="([^"]+)" stroke="(#[0-9A-Fa-f]{6})" stroke-width="1"><title>Baseline, Service (\d+): "#, in: bars)
        #expect(segments.map { Int($0[2]) } == Array(1...count))
        var keys: [String] = []
        var colours: [String] = []
        for segment in segments {
            #expect(segment[1].uppercased() == "#FFFFFF")  // white gaps between segments
            if segment[0].hasPrefix("url(#") {
                let id = String(segment[0].dropFirst(5).dropLast())
                let pattern = try #require(patterns[id], "no pattern \(id)")
                keys.append(pattern.colour + pattern.marks)
                colours.append(pattern.colour)
            } else {
                keys.append(segment[0] + " solid")
                colours.append(segment[0])
            }
        }
        #expect(Set(keys).count == count, "\(count) services, \(Set(keys).count) distinct fills")
        for colour in colours {
            #expect(Self.contrast(colour, "#FFFFFF") >= 3, "\(colour) on white")
        }
        for (below, above) in zip(colours, colours.dropFirst()) {
            #expect(below != above, "neighbours in a bar share \(below)")
        }
        // Every segment tall enough carries its service's number: here the first eight of 8 or 13.
        if count <= 13 {
            for number in 1...8 { #expect(bars.contains("paint-order=\"stroke\" pointer-events=\"none\">\(number)</text>")) }
        }
        #expect(bars.contains(">\(count) Service \(count)</text>"))  // the legend numbers the services
    }

    /// A line drawn over another is named in the legend by the number of the one it covers:
    /// services 1 and 3 are cut alike at every cut (10% and 20%), service 2 is not.
    @Test func theLegendSaysWhichLinesLieOnAnother() {
        let services = (1...3).map { Service(id: "s\($0)", name: "Service \($0)", baseline: 100_000) }
        let scenario = Scenario(title: "Shared lines", funds: [Fund(id: "grant", amount: 300_000)], services: services)
        let header = SweepHeader(
            document: ScenarioDocument(scenario: scenario, fileName: "shared.toml", sha256: "00ff"),
            toolVersion: "0.1.0", maximumFeasibleCut: 100)
        let results = [10.0, 20.0].map { cut in
            // Service 2's cut is 1e-6 of itself smaller (a penny at 10%), 1e-5 points of its
            // change: its line is its own.
            let cuts = [cut, cut * (1 - 1e-6), cut].map { 100_000 * $0 / 100 }
            return CutResult(
                cutPercent: cut, envelope: 300_000 * (1 - cut / 100), status: .optimal,
                services: zip(services, cuts).map { service, cut in
                    ServiceAllocation(serviceID: service.id, baseline: service.baseline, allocation: service.baseline - cut, binding: .share)
                })
        }
        let lines = Self.charts(WorkedExample.report(.html, header: header, results: results)).lines
        #expect(lines.contains(">1 Service 1</text>"))
        #expect(lines.contains(">2 Service 2</text>"))
        #expect(lines.contains(">3 Service 3 (same line as 1)</text>"))
    }

    @Test(arguments: [8, 13, 40])
    func lineSeriesDifferInColourMarkerOrDash(services count: Int) {
        let lines = Self.charts(Self.page(services: count)).lines
        let paths = Self.matches(#"<path d="M[^"]+" fill="none" stroke="(#[0-9A-Fa-f]{6})" stroke-width="2"([^/]*)/>"#, in: lines)
        #expect(paths.count == count)
        var keys: [String] = []
        for (index, path) in paths.enumerated() {
            #expect(Self.contrast(path[0], "#FFFFFF") >= 3, "\(path[0]) on white")
            // The service's first marker: its element with the coordinates left out.
            let marker = Self.matches(#"<g><title>\#(index + 1) Service \#(index + 1), [^<]*</title>(<[a-z]+)([^>]*)/></g>"#, in: lines).first ?? ["?", ""]
            let shape = marker[0] + String(marker[1].filter { "MLZ".contains($0) })
            keys.append(path[0] + path[1] + shape)
        }
        #expect(Set(keys).count == count, "\(count) services, \(Set(keys).count) distinct lines")
    }
}
