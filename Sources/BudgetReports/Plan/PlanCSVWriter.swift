import BudgetModel

/// The `csv` plan report: long format, RFC 4180 (CRLF line ends), a header row first, then one
/// row per path, year and service that runs that year (an infeasible or unsolved year: one row
/// with the service columns empty).
///
/// Columns: `path_pct` (the path's cuts joined by `;`), `year`, `cut_pct`,
/// `cumulative_cut_pct`, `status`, `service_id`, `service_name`, `base_year_amount`,
/// `baseline` (the year's), `allocation`, `allocation_rounded`, `change_pct` (cash, from the
/// base year), `real_change_pct` (deflated by the plan's inflation), `binding`, `envelope`,
/// `envelope_rounded`, `unallocated`, `deficit`, `explanation`, and last, when some service
/// has a step, `posts` ("1 post of 2" for such a service, SCENARIO-SPEC section 12; empty for
/// the others). Exact values are full precision; rounded ones are the path table's; a new
/// service's changes are empty.
public struct PlanCSVWriter {
    /// The column names, in order.
    public static let columns = [
        "path_pct", "year", "cut_pct", "cumulative_cut_pct", "status", "service_id", "service_name",
        "base_year_amount", "baseline", "allocation", "allocation_rounded", "change_pct", "real_change_pct",
        "binding", "envelope", "envelope_rounded", "unallocated", "deficit", "explanation",
    ]

    /// A writer.
    public init() {}

    /// The report of `paths` under `header`.
    public func write(_ paths: [PlanPathResult], header: PlanHeader, to output: inout some TextOutputStream) {
        let money = header.money
        let services = header.scenario.services
        let hasPosts = !header.scenario.steppedServices.isEmpty
        func row(_ fields: [String], posts: String? = nil) {
            output.write((fields + (hasPosts ? [csvQuoted(posts ?? "")] : [])).joined(separator: ",") + "\r\n")
        }
        output.write((Self.columns + (hasPosts ? ["posts"] : [])).joined(separator: ",") + "\r\n")
        for path in paths {
            let figures = PlanFigures(header: header, path: path)
            let pathText = path.path.map(PercentFormatter.number).joined(separator: ";")
            let wording = PlanYearWording(path: path)
            for (y, year) in path.years.enumerated() {
                let result = year.result
                let rounded = figures.years[y]
                let lead = [
                    pathText, year.year.description, PercentFormatter.number(year.cutPercent),
                    JSONText.exact(year.cumulativeCutPercent), result.status.rawValue,
                ]
                let envelope = [JSONText.exact(result.envelope), money.plain(units: rounded.envelope)]
                guard result.status == .optimal else {
                    let explanation = result.status == .unsolved
                        ? result.reason ?? ""
                        : (ConflictWording(scenario: year.scenario).explanation(result) ?? "")
                            + (FallbackWording(scenario: year.scenario, solveCommand: wording.solveCommand(year: y)).sentence(result).map { " " + $0 } ?? "")
                    row(lead + Array(repeating: "", count: 9) + envelope
                        + ["", result.deficit.map(JSONText.exact) ?? "", csvQuoted(explanation)])
                    continue
                }
                for s in services.indices {
                    guard let position = figures.positions[y][s] else { continue }
                    let service = result.services[position]
                    let change = figures.change(ofService: s, year: y, plan: header.plan)
                    row(lead + [
                        csvQuoted(service.serviceID), csvQuoted(services[s].name),
                        figures.baseYear[s].map(JSONText.exact) ?? "", JSONText.exact(service.baseline),
                        JSONText.exact(service.allocation), money.plain(units: rounded.services[position]),
                        change.map { JSONText.exact($0.cash) } ?? "", change.map { JSONText.exact($0.real) } ?? "",
                        csvQuoted(service.binding.label),
                    ] + envelope + [JSONText.exact(result.unallocated), "", ""],
                        posts: PostsWording.phrase(service, in: year.scenario))
                }
            }
        }
    }
}
