import Foundation
import Testing

/// The rounded figures of whole sweep reports (SCENARIO-SPEC sections 5 and 10),
/// read back from the JSON and CSV the command writes: the bundled scenario
/// in £1 and in £1k, and generated scenarios of 14 and 30 services in £1k.
@Suite struct ControlledRoundingReportTests {
    /// The bundled scenario with its unit set to `unit`, and a generated one.
    static func scenarioFiles() throws -> URL {
        let bundled = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scenarios/cambridgeshire-2015-16.toml")
        let text = try String(contentsOf: bundled, encoding: .utf8)
        var files = ["bundled-k.toml": Self.settingUnit(of: text, to: 1000)]
        for (services, seed) in [(14, 7), (30, 11)] {
            let generated = try ReportCommandRun.run(["generate", "--services", "\(services)", "--seed", "\(seed)"])
            #expect(generated.status == 0)
            files["generated-\(services).toml"] = Self.settingUnit(of: generated.output, to: 1000)
        }
        return try ReportCommandRun.directory(with: files)
    }

    static func settingUnit(of toml: String, to unit: Int) -> String {
        var lines = toml.components(separatedBy: "\n")
        if let line = lines.firstIndex(where: { $0.hasPrefix("unit =") }) {
            lines[line] = "unit = \(unit)"
        } else if let title = lines.firstIndex(where: { $0.hasPrefix("title =") }) {
            lines.insert("unit = \(unit)", at: title + 1)
        }
        return lines.joined(separator: "\n")
    }

    @Test(arguments: [
        ([String](), "5..20%", 1.0), (["bundled-k.toml"], "5..20%", 1000), (["bundled-k.toml"], "0..60%", 1000),
        (["generated-14.toml"], "0..25%", 1000), (["generated-30.toml"], "0..40%", 1000),
    ])
    func everyTableKeepsEveryPromise(file: [String], cuts: String, unit: Double) throws {
        let directory = try Self.scenarioFiles()
        let step = cuts == "0..40%" ? ["--step", "1"] : []
        let arguments = ["sweep"] + file + ["--cut", cuts] + step
        let json = try ReportCommandRun.run(arguments + ["--format", "json"], in: directory)
        let csv = try ReportCommandRun.run(arguments + ["--format", "csv"], in: directory)
        #expect(json.status == 0 && csv.status == 0)
        #expect(try ReportCommandRun.run(arguments + ["--format", "json"], in: directory).output == json.output)
        #expect(json.output.contains("\"rounding\": {\"method\": \"controlled\""))
        try Self.checkJSON(json.output, unit: unit)
        try Self.checkBaselines(csv.output, unit: unit)
    }

    /// Per cut: each figure within a unit of its exact value (and an exact multiple kept),
    /// services adding up to allocated, allocated plus unallocated to the envelope; along a
    /// row, an amount equal in two consecutive cuts rounded alike.
    static func checkJSON(_ text: String, unit: Double) throws {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let cuts = try #require(object["cuts"] as? [[String: Any]])
        var previous: [String: (exact: Double, rounded: Double)] = [:]
        var ties = 0
        for cut in cuts {
            let envelope = try #require(cut["envelope_rounded"] as? Double)
            try expectRounding(envelope, of: #require(cut["envelope"] as? Double), unit: unit)
            guard cut["status"] as? String == "optimal" else {
                previous = [:]
                continue
            }
            let allocated = try #require(cut["allocated_rounded"] as? Double)
            let unallocated = try #require(cut["unallocated_rounded"] as? Double)
            try expectRounding(allocated, of: #require(cut["allocated"] as? Double), unit: unit)
            try expectRounding(unallocated, of: #require(cut["unallocated"] as? Double), unit: unit)
            #expect(allocated + unallocated == envelope)
            var sum = 0.0
            var current: [String: (exact: Double, rounded: Double)] = [:]
            for service in try #require(cut["services"] as? [[String: Any]]) {
                let id = try #require(service["id"] as? String)
                let exact = try #require(service["allocation"] as? Double)
                let rounded = try #require(service["allocation_rounded"] as? Double)
                expectRounding(rounded, of: exact, unit: unit)
                if let before = previous[id], abs(before.exact - exact) <= 1e-9 * unit {
                    ties += 1
                    #expect(before.rounded == rounded, "\(id) at \(cut["cut_pct"] ?? "?")%")
                }
                current[id] = (exact, rounded)
                sum += rounded
            }
            #expect(sum == allocated)
            previous = current
        }
        #expect(ties > 0)
    }

    /// From the CSV, each service's rounded baseline (allocation_rounded - change_rounded):
    /// one figure per service in the whole table, within a unit of the baseline, and the
    /// figure of every cut at which the service is at its baseline.
    static func checkBaselines(_ text: String, unit: Double) throws {
        let rows = text.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }.map(fields)
        var baselines: [String: Double] = [:]
        var atBaseline = 0
        for row in rows where row[1] == "optimal" {
            let baseline = try #require(Double(row[4])), allocation = try #require(Double(row[5]))
            let rounded = try #require(Double(row[6])), change = try #require(Double(row[8]))
            let roundedBaseline = (rounded - change) / unit
            #expect(baselines[row[2], default: roundedBaseline] == roundedBaseline, "\(row[2])")
            baselines[row[2]] = roundedBaseline
            expectRounding(rounded - change, of: baseline, unit: unit)
            if abs(allocation - baseline) <= 1e-9 * unit {
                atBaseline += 1
                #expect(change == 0, "\(row[2]) at \(row[0])% is at its baseline")
            }
        }
        #expect(atBaseline > 0)
    }

    /// `figure` (money) is `exact` rounded down or up to a multiple of `unit`, and `exact` itself if a multiple.
    static func expectRounding(_ figure: Double, of exact: Double, unit: Double) {
        let units = figure / unit, exactUnits = exact / unit
        #expect(units == units.rounded() && abs(units - exactUnits) < 1 + 1e-6, "\(figure) for \(exact)")
        if abs(exactUnits - exactUnits.rounded()) <= 1e-9 { #expect(units == exactUnits.rounded(), "\(figure) for \(exact)") }
    }

    /// The fields of one CSV row (RFC 4180 quoting, no line breaks inside fields).
    static func fields(_ row: String) -> [String] {
        var fields: [String] = [], field = "", quoted = false
        let characters = Array(row)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            index += 1
            if quoted, character == "\"" {
                if index < characters.count, characters[index] == "\"" {
                    field.append("\"")
                    index += 1
                } else {
                    quoted = false
                }
            } else if character == "\"" {
                quoted = true
            } else if character == ",", !quoted {
                fields.append(field)
                field = ""
            } else {
                field.append(character)
            }
        }
        return fields + [field]
    }
}
