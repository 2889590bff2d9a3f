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
/// deficit (exact) and explanation filled. Exact values are full precision;
/// `*_rounded` values are the largest-remainder figures of the tables
/// (`change_rounded` is rounded allocation minus rounded baseline).
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
    private let baselines: RoundedBaselines

    /// Writes the header row.
    public init(header: SweepHeader, output: Output) {
        self.header = header
        self.output = output
        baselines = RoundedBaselines(header.scenario)
        writeRow(Self.columns)
    }

    /// Writes the rows of one cut.
    public mutating func write(_ result: CutResult) {
        let money = header.money
        let rounded = RoundedCut(result, unit: header.scenario.unit)
        let cut = PercentFormatter.number(result.cutPercent)
        let envelope = [JSONText.exact(result.envelope), money.plain(units: rounded.envelope)]
        guard result.status == .optimal else {
            writeRow(
                [cut, result.status.rawValue] + Array(repeating: "", count: 9) + envelope
                    + [JSONText.exact(result.deficit ?? .nan), result.explanation ?? ""])
            return
        }
        for (index, service) in result.services.enumerated() {
            let baselineUnits = header.serviceIndex(of: service.serviceID, near: index).map { baselines.services[$0] }
            let changeRounded = baselineUnits.map { money.plain(units: rounded.services[index] - $0) } ?? ""
            writeRow(
                [
                    cut, result.status.rawValue, service.serviceID, header.serviceName(of: service.serviceID, near: index),
                    PercentFormatter.number(service.baseline), JSONText.exact(service.allocation),
                    money.plain(units: rounded.services[index]), JSONText.exact(service.change), changeRounded,
                    JSONText.exact(service.changePercent), service.binding.label,
                ] + envelope + ["", ""])
        }
    }

    /// Nothing follows the last row.
    public mutating func finish() {}

    /// Writes the fields straight to the output (no joined copy: this runs for every row of a long sweep).
    private mutating func writeRow(_ fields: [String]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { output.write(",") }
            output.write(csvQuoted(field))
        }
        output.write("\r\n")
    }
}

/// A field quoted per RFC 4180 when it holds a comma, a quote or a line break.
func csvQuoted(_ field: String) -> String {
    // Scanning bytes, not Characters: the check runs on every field of a long sweep.
    guard field.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 })
    else { return field }
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
