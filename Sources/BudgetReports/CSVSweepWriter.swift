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
    /// `output` when it takes bytes: each cut's rows are handed over as the bytes they were built in.
    private let byteOutput: (any ByteOutputStream)?
    private let header: SweepHeader
    private let money: MoneyFormatter
    /// The cuts held back to be rounded together; nil once the writer streams.
    private var heldBack: [CutResult]? = []
    /// The baselines rounded on their own, for the cuts streamed.
    private let baselinesOnTheirOwn: RoundedBaselines
    /// Per scenario service, the fields that are the same at every cut: the quoted id and
    /// name and the baseline, each followed by a comma.
    private let serviceColumns: [[UInt8]]
    /// The words of the infeasible cuts.
    private let conflictWording: ConflictWording
    private let fallbackSentences: FallbackSentences
    /// The rows of the cut being written, as UTF-8, and an infeasible cut's explanation field
    /// before it is quoted: kept from cut to cut, so that their storage is reused.
    private var rows: [UInt8] = []
    private var field: [UInt8] = []
    /// The cut's first two fields and its envelope's two, made once per cut and copied into
    /// each of its rows; reused like `rows`.
    private var cutAndStatus: [UInt8] = []
    private var envelopeFields: [UInt8] = []

    /// Whether the rows end with a `posts` column ("1 post of 2", SCENARIO-SPEC section 12):
    /// when some service has a step.
    private let hasPosts: Bool

    /// Writes the header row.
    public init(header: SweepHeader, output: Output) {
        self.header = header
        self.output = output
        byteOutput = output as? any ByteOutputStream
        money = header.money
        conflictWording = ConflictWording(scenario: header.scenario)
        fallbackSentences = FallbackSentences(scenario: header.scenario)
        baselinesOnTheirOwn = RoundedBaselines(header.scenario)
        hasPosts = !header.scenario.steppedServices.isEmpty
        serviceColumns = header.scenario.services.map {
            Array((csvQuoted($0.id) + "," + csvQuoted($0.name) + "," + PercentFormatter.number($0.baseline) + ",").utf8)
        }
        for (index, name) in (Self.columns + header.scenario.areas.map { "pays:" + $0.id } + (hasPosts ? ["posts"] : [])).enumerated() {
            if index > 0 { rows.append(UInt8(ascii: ",")) }
            appendQuoted(Array(name.utf8), to: &rows)
        }
        rows.append(literal: "\r\n")
        emitRows()
    }

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
    /// The rows are built as UTF-8 bytes in place and written at once. Numbers (exact, rounded,
    /// cut levels) never hold a comma, quote or line break, so only text from the scenario and
    /// the explanation are quoted.
    private mutating func writeRows(_ result: CutResult, rounded: RoundedCut, baselines: RoundedBaselines, roundedOnItsOwn: Bool) {
        let scenario = header.scenario
        // The cut and status, and the envelope's two fields (exact and rounded), written once
        // and copied into each row.
        cutAndStatus.removeAll(keepingCapacity: true)
        PercentFormatter.appendNumber(result.cutPercent, to: &cutAndStatus)
        cutAndStatus.append(UInt8(ascii: ","))
        cutAndStatus.append(contentsOf: result.status.rawValue.utf8)
        cutAndStatus.append(UInt8(ascii: ","))
        envelopeFields.removeAll(keepingCapacity: true)
        JSONText.appendExact(result.envelope, to: &envelopeFields)
        envelopeFields.append(UInt8(ascii: ","))
        money.appendPlain(units: rounded.envelope, to: &envelopeFields)
        let envelope = envelopeFields
        switch result.status {
        case .unsolved:
            rows.append(contentsOf: cutAndStatus)
            rows.append(contentsOf: repeatElement(UInt8(ascii: ","), count: 9))
            rows.append(contentsOf: envelope)
            rows.append(literal: ",,")
            appendQuoted(Array((result.reason ?? "").utf8), to: &rows)
            appendEmptyAreaFields()
            rows.append(literal: "\r\n")
        case .infeasible:
            rows.append(contentsOf: cutAndStatus)
            rows.append(contentsOf: repeatElement(UInt8(ascii: ","), count: 9))
            rows.append(contentsOf: envelope)
            rows.append(UInt8(ascii: ","))
            JSONText.appendExact(result.deficit ?? .nan, to: &rows)
            rows.append(UInt8(ascii: ","))
            field.removeAll(keepingCapacity: true)
            let explained = conflictWording.append(result, rounded: roundedOnItsOwn ? rounded : RoundedCut(result, unit: scenario.unit), to: &field)
            let beforeSentence = field.count
            if explained { field.append(UInt8(ascii: " ")) }
            if !fallbackSentences.append(result, to: &field) { field.removeSubrange(beforeSentence...) }
            appendQuoted(field, to: &rows)
            appendEmptyAreaFields()
            rows.append(literal: "\r\n")
        case .optimal:
            for (index, service) in result.services.enumerated() {
                rows.append(contentsOf: cutAndStatus)
                appendServiceRow(service, at: index, of: result, rounded: rounded, baselines: baselines, envelope: envelope)
            }
        }
        emitRows()
    }

    /// Appends a service's row after its cut and status: the service's fields, the envelope's
    /// two, and the area payments.
    private mutating func appendServiceRow(
        _ service: ServiceAllocation, at index: Int, of result: CutResult, rounded: RoundedCut, baselines: RoundedBaselines,
        envelope: [UInt8]
    ) {
        let scenario = header.scenario
        let scenarioIndex = header.serviceIndex(of: service.serviceID, near: index)
        if let s = scenarioIndex, scenario.services[s].baseline == service.baseline {
            rows.append(contentsOf: serviceColumns[s])
        } else {
            let name = scenarioIndex.map { scenario.services[$0].name } ?? service.serviceID
            appendQuoted(Array(service.serviceID.utf8), to: &rows)
            rows.append(UInt8(ascii: ","))
            appendQuoted(Array(name.utf8), to: &rows)
            rows.append(UInt8(ascii: ","))
            PercentFormatter.appendNumber(service.baseline, to: &rows)
            rows.append(UInt8(ascii: ","))
        }
        JSONText.appendExact(service.allocation, to: &rows)
        rows.append(UInt8(ascii: ","))
        money.appendPlain(units: rounded.services[index], to: &rows)
        rows.append(UInt8(ascii: ","))
        JSONText.appendExact(service.change, to: &rows)
        rows.append(UInt8(ascii: ","))
        if let s = scenarioIndex { money.appendPlain(units: rounded.services[index] - baselines.services[s], to: &rows) }
        rows.append(UInt8(ascii: ","))
        if let percent = service.changePercent { JSONText.appendExact(percent, to: &rows) }
        rows.append(UInt8(ascii: ","))
        appendBinding(service.binding)
        rows.append(UInt8(ascii: ","))
        rows.append(contentsOf: envelope)
        rows.append(literal: ",,")
        for area in result.areas {
            rows.append(UInt8(ascii: ","))
            if let pays = area.pays.first(where: { $0.serviceID == service.serviceID }) { JSONText.appendExact(pays.amount, to: &rows) }
        }
        if hasPosts {
            rows.append(UInt8(ascii: ","))
            appendQuoted(Array((PostsWording.phrase(service, in: scenario) ?? "").utf8), to: &rows)
        }
        rows.append(literal: "\r\n")
    }

    /// Appends a binding's label, quoted as needed (only an id in it can need quotes).
    private mutating func appendBinding(_ binding: Binding) {
        switch binding {
        case .group, .ringFence, .area: appendQuoted(Array(binding.label.utf8), to: &rows)
        default: rows.append(contentsOf: binding.label.utf8)
        }
    }

    /// The empty `pays:<area id>` (and `posts`) fields of a row without services.
    private mutating func appendEmptyAreaFields() {
        rows.append(contentsOf: repeatElement(UInt8(ascii: ","), count: header.scenario.areas.count + (hasPosts ? 1 : 0)))
    }

    /// Hands the rows built to the output and empties them.
    private mutating func emitRows() {
        if let byteOutput {
            byteOutput.write(bytes: rows)
        } else {
            output.write(String(decoding: rows, as: UTF8.self))
        }
        rows.removeAll(keepingCapacity: true)
    }
}

/// Appends `field` (UTF-8) to `text` quoted per RFC 4180 when it holds a comma, a quote or a
/// line break, each quote doubled: `csvQuoted` on bytes.
func appendQuoted(_ field: [UInt8], to text: inout [UInt8]) {
    // memchr, not a loop over the bytes: an infeasible cut's explanation is hundreds of bytes long.
    let (needsQuotes, hasQuote) = field.withUnsafeBytes { raw -> (Bool, Bool) in
        guard let base = raw.baseAddress, !raw.isEmpty else { return (false, false) }
        func holds(_ byte: UInt8) -> Bool { memchr(base, Int32(byte), raw.count) != nil }
        return (holds(UInt8(ascii: ",")) || holds(10) || holds(13), holds(UInt8(ascii: "\"")))
    }
    guard needsQuotes || hasQuote else {
        text.append(contentsOf: field)
        return
    }
    text.append(UInt8(ascii: "\""))
    if hasQuote {
        for byte in field {
            text.append(byte)
            if byte == UInt8(ascii: "\"") { text.append(byte) }
        }
    } else {
        text.append(contentsOf: field)
    }
    text.append(UInt8(ascii: "\""))
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
