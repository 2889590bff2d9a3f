import Foundation
import BudgetModel

/// The `csv` sweep report: long format, RFC 4180 (CRLF line ends, fields
/// quoted when they hold a comma, quote or line break), a header row first.
///
/// Columns: `cut_pct, status, service_id, service_name, baseline, allocation,
/// allocation_rounded, change, change_rounded, change_pct, binding, envelope,
/// envelope_rounded, deficit, explanation`. A feasible cut gives one row per
/// service in file order, with `deficit` and `explanation` empty; an
/// infeasible cut gives one row with the service columns empty and the
/// deficit (exact) and explanation filled (the explanation ends with the fallback's
/// sentence, "If it came to it", SCENARIO-SPEC section 14); an unsolved cut gives one row with
/// the deficit empty and the reason in the explanation column. Exact values are full precision;
/// `*_rounded` values are rounded like the tables (`change_rounded` is rounded
/// allocation minus rounded baseline): a sweep of at most
/// `RoundedTable.maximumCuts` (200) cuts is held back and rounded as one table
/// with the baselines (`RoundedTable`), its rows written on `finish()`; from
/// the 201st cut on the writer streams, each cut and the baselines rounded on
/// their own by the largest-remainder method, so memory stays flat.
///
/// A scenario with areas (SCENARIO-SPEC section 13) adds one column per area, `pays:<area id>`:
/// on a service row, the exact money that area's funds pay the service at that cut (one valid
/// split where it is not unique, as JSON's `one_valid_split` says), empty where the area's
/// funds may not pay it and on the rows of cuts without an allocation.
public struct CSVSweepWriter<Output: TextOutputStream>: SweepWriter {
    /// The column names, in order.
    public static var columns: [String] {
        [
            "cut_pct", "status", "service_id", "service_name", "baseline", "allocation",
            "allocation_rounded", "change", "change_rounded", "change_pct", "binding", "envelope",
            "envelope_rounded", "deficit", "explanation",
        ]
    }

    /// The sink, with everything written so far.
    public private(set) var output: Output
    private let header: SweepHeader
    private let money: MoneyFormatter
    /// The cuts held back to be rounded together; nil once the writer streams.
    private var heldBack: [CutResult]? = []
    /// The baselines rounded on their own, for the cuts streamed.
    private let baselinesOnTheirOwn: RoundedBaselines
    /// Per scenario service, the fields that are the same at every cut: the quoted id and
    /// name and the baseline, each followed by a comma.
    private let serviceColumns: [String]
    /// The words of the infeasible cuts.
    private let conflictWording: ConflictWording
    private let fallbackSentences: FallbackSentences

    /// Writes the header row.
    public init(header: SweepHeader, output: Output) {
        self.header = header
        self.output = output
        money = header.money
        conflictWording = ConflictWording(scenario: header.scenario)
        fallbackSentences = FallbackSentences(scenario: header.scenario)
        baselinesOnTheirOwn = RoundedBaselines(header.scenario)
        serviceColumns = header.scenario.services.map {
            csvQuoted($0.id) + "," + csvQuoted($0.name) + "," + PercentFormatter.number($0.baseline) + ","
        }
        writeRow(Self.columns + header.scenario.areas.map { "pays:" + $0.id } + (hasPosts ? ["posts"] : []))
    }

    /// The `pays:<area id>` fields of a service row, each after a comma; empty without areas.
    private func areaFields(_ result: CutResult, serviceID: String) -> String {
        result.areas.map { area in
            "," + (area.pays.first { $0.serviceID == serviceID }.map { JSONText.exact($0.amount) } ?? "")
        }.joined()
    }

    /// The empty `pays:<area id>` (and `posts`) fields of a row without services.
    private var emptyAreaFields: String { String(repeating: ",", count: header.scenario.areas.count + (hasPosts ? 1 : 0)) }
    /// Whether the rows end with a `posts` column ("1 post of 2", SCENARIO-SPEC section 12):
    /// when some service has a step.
    private var hasPosts: Bool { !header.scenario.steppedServices.isEmpty }

    /// Holds the cut back, or once there are more than 200, writes the rows of every
    /// cut so far and from then on of each cut as it arrives, each rounded on its own.
    public mutating func write(_ result: CutResult) {
        let unit = header.scenario.unit
        guard var held = heldBack else {
            writeRows(result, rounded: RoundedCut(result, unit: unit), baselines: baselinesOnTheirOwn, roundedOnItsOwn: true)
            return
        }
        held.append(result)
        heldBack = held
        guard held.count > RoundedTable.maximumCuts else { return }
        heldBack = nil
        for cut in held { writeRows(cut, rounded: RoundedCut(cut, unit: unit), baselines: baselinesOnTheirOwn, roundedOnItsOwn: true) }
    }

    /// Writes the rows of the cuts held back, rounded as one table.
    public mutating func finish() {
        guard let held = heldBack else { return }
        let table = RoundedTable(header: header, results: held)
        for (cut, rounded) in zip(held, table.cuts) { writeRows(cut, rounded: rounded, baselines: table.baselines, roundedOnItsOwn: false) }
    }

    /// Writes the rows of one cut with its rounded figures (`roundedOnItsOwn`: `rounded` is
    /// the cut's own `RoundedCut`, which its explanation's figures are rounded as).
    ///
    /// Each row is built as one string and written once. Numbers (exact, rounded, cut
    /// levels) never hold a comma, quote or line break, so only text from the scenario and
    /// the explanation go through `csvQuoted`.
    private mutating func writeRows(_ result: CutResult, rounded: RoundedCut, baselines: RoundedBaselines, roundedOnItsOwn: Bool) {
        let scenario = header.scenario
        let cutAndStatus = PercentFormatter.number(result.cutPercent) + "," + result.status.rawValue + ","
        let envelope = JSONText.exact(result.envelope) + "," + money.plain(units: rounded.envelope)
        if result.status == .unsolved {
            output.write(
                cutAndStatus + String(repeating: ",", count: 9) + envelope + ",," + csvQuoted(result.reason ?? "") + emptyAreaFields + "\r\n")
            return
        }
        guard result.status == .optimal else {
            let explanation = roundedOnItsOwn ? conflictWording.explanation(result, rounded: rounded) : conflictWording.explanation(result)
            output.write(cutAndStatus)
            output.write(",,,,,,,,,")
            output.write(envelope)
            output.write(",")
            output.write(JSONText.exact(result.deficit ?? .nan))
            output.write(",")
            writeField([explanation, fallbackSentences.sentence(result)].compactMap { $0 }, separator: " ")
            output.write(emptyAreaFields)
            output.write("\r\n")
            return
        }
        let rowEnd = "," + envelope + ",,"
        for (index, service) in result.services.enumerated() {
            let scenarioIndex = header.serviceIndex(of: service.serviceID, near: index)
            var row = cutAndStatus
            row.reserveCapacity(192)
            if let s = scenarioIndex, scenario.services[s].baseline == service.baseline {
                row += serviceColumns[s]
            } else {
                let name = scenarioIndex.map { scenario.services[$0].name } ?? service.serviceID
                row += csvQuoted(service.serviceID) + "," + csvQuoted(name) + "," + PercentFormatter.number(service.baseline) + ","
            }
            row += JSONText.exact(service.allocation)
            row += ","
            row += money.plain(units: rounded.services[index])
            row += ","
            row += JSONText.exact(service.change)
            row += ","
            if let s = scenarioIndex { row += money.plain(units: rounded.services[index] - baselines.services[s]) }
            row += ","
            row += service.changePercent.map { JSONText.exact($0) } ?? ""
            row += ","
            row += csvQuoted(service.binding.label)
            row += rowEnd
            if !result.areas.isEmpty { row += areaFields(result, serviceID: service.serviceID) }
            if hasPosts { row += "," + csvQuoted(PostsWording.phrase(service, in: scenario) ?? "") }
            row += "\r\n"
            output.write(row)
        }
    }

    /// Writes one field made of `parts` joined by `separator`, quoted as needed, without
    /// joining them first when no quote inside needs doubling.
    private mutating func writeField(_ parts: [String], separator: String) {
        let scans = (parts + [separator]).map(csvQuoting)
        let needsQuotes = scans.contains { $0.needsQuotes || $0.hasQuote }
        if scans.contains(where: \.hasQuote) {
            output.write(csvQuoted(parts.joined(separator: separator)))
            return
        }
        if needsQuotes { output.write("\"") }
        for (index, part) in parts.enumerated() {
            if index > 0 { output.write(separator) }
            output.write(part)
        }
        if needsQuotes { output.write("\"") }
    }

    /// Writes one row of fields, each quoted as needed.
    private mutating func writeRow(_ fields: [String]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { output.write(",") }
            output.write(csvQuoted(field))
        }
        output.write("\r\n")
    }
}

/// Whether a field holds a comma or a line break, and whether it holds a quote: it is quoted
/// per RFC 4180 when either holds.
func csvQuoting(_ field: String) -> (needsQuotes: Bool, hasQuote: Bool) {
    // memchr over the UTF-8 bytes, not a loop over Characters: the check runs on every field of
    // a long sweep, and an infeasible cut's explanation is hundreds of bytes long.
    var field = field
    return field.withUTF8 { bytes in
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return (false, false) }
        func holds(_ byte: UInt8) -> Bool { memchr(base, Int32(byte), bytes.count) != nil }
        return (holds(UInt8(ascii: ",")) || holds(10) || holds(13), holds(UInt8(ascii: "\"")))
    }
}

/// A field quoted per RFC 4180 when it holds a comma, a quote or a line break.
func csvQuoted(_ field: String) -> String {
    let (needsQuotes, hasQuote) = csvQuoting(field)
    guard needsQuotes || hasQuote else { return field }
    if !hasQuote { return "\"" + field + "\"" }
    // Doubling quotes byte by byte: Foundation's replacingOccurrences cost a tenth of a long
    // sweep whose infeasible cuts all carry a quoted explanation.
    var quoted: [UInt8] = [UInt8(ascii: "\"")]
    quoted.reserveCapacity(field.utf8.count + 8)
    for byte in field.utf8 {
        quoted.append(byte)
        if byte == UInt8(ascii: "\"") { quoted.append(byte) }
    }
    quoted.append(UInt8(ascii: "\""))
    return String(decoding: quoted, as: UTF8.self)
}
