import BudgetModel

/// `scenario breakpoints`: the cut levels where some allocation changes slope,
/// each with what happens there, as text or JSON.
///
///     Breakpoints between 0% and 30% cut
///     Cut        What happens
///     ---------  --------------------------------------------------
///     18.1818%   rj reaches its minimum of £180,000
///     ...
public struct BreakpointReport: Sendable {
    /// The scenario, its provenance and the maximum feasible cut.
    public var header: SweepHeader
    /// The range searched, in per cent.
    public var range: ClosedRange<Double>
    /// The breakpoints found, in increasing order.
    public var breakpoints: [Breakpoint]

    /// A report from its parts.
    public init(header: SweepHeader, range: ClosedRange<Double>, breakpoints: [Breakpoint]) {
        self.header = header
        self.range = range
        self.breakpoints = breakpoints
    }

    /// Cuts are printed to four decimals: the breakpoints are accurate to 1e-4 percentage points.
    static func cutText(_ percent: Double) -> String {
        let scaled = (percent * 10_000).rounded()
        let sign = scaled < 0 ? "-" : ""
        let magnitude = Int64(abs(scaled))
        let fraction = String(magnitude % 10_000)
        return sign + String(magnitude / 10_000) + "." + String(repeating: "0", count: 4 - fraction.count) + fraction + "%"
    }

    /// The report as text, ending with a line break.
    public func text() -> String {
        var lines = [header.scenario.title, ""]
        lines.append("Breakpoints between \(Self.cutText(range.lowerBound)) and \(Self.cutText(range.upperBound)) cut")
        if breakpoints.isEmpty {
            lines.append("None: every allocation is linear in the cut over this range.")
        } else {
            let wording = BreakpointWording(scenario: header.scenario, money: header.money)
            var rows: [[String]] = []
            for breakpoint in breakpoints {
                for (index, event) in wording.sentences(for: breakpoint).enumerated() {
                    rows.append([index == 0 ? Self.cutText(breakpoint.cutPercent) : "", event])
                }
            }
            let table = ReportTable(header: ["Cut", "What happens"], alignments: [.right, .left], rows: rows, totalsStart: nil)
            lines += table.renderedAsText()
            for explanation in breakpoints.compactMap(explanation) { lines += ["", "Beyond the maximum feasible cut: \(explanation)"] }
        }
        lines.append("")
        lines.append("Each allocation is linear in the cut between breakpoints; cuts are accurate to 0.0001 percentage points.")
        lines += header.provenanceLines
        return lines.joined(separator: "\n") + "\n"
    }

    /// The report as one JSON object: the opening members of the sweep JSON,
    /// `range` (`from_pct`, `to_pct`) and `breakpoints` (`cut_pct`, `events` as
    /// `{"kind", "id", "starts"}` objects (SCENARIO-SPEC section 10), `smallest_feasible_cut`,
    /// `maximum_feasible_cut`, `explanation`, and `jump` where the closures or posts change).
    public func json() -> String {
        var text = JSONText.opening(header)
        text += "  \"range\": {\"from_pct\": \(JSONText.number(range.lowerBound)), \"to_pct\": \(JSONText.number(range.upperBound))},\n"
        let items = breakpoints.map { breakpoint in
            "    {\"cut_pct\": \(JSONText.exact(breakpoint.cutPercent)), \"events\": ["
                + breakpoint.events.map(Self.json).joined(separator: ", ")
                + "], \"smallest_feasible_cut\": \(breakpoint.isSmallestFeasibleCut)"
                + ", \"maximum_feasible_cut\": \(breakpoint.isMaximumFeasibleCut), \"explanation\": \(JSONText.string(explanation(breakpoint)))"
                + (breakpoint.jump.map(jumpJSON) ?? "") + "}"
        }
        text += "  \"breakpoints\": [" + (items.isEmpty ? "" : "\n" + items.joined(separator: ",\n") + "\n  ") + "]\n"
        return text + "}\n"
    }

    /// At the maximum feasible cut: why the cut just beyond it is infeasible.
    private func explanation(_ breakpoint: Breakpoint) -> String? {
        breakpoint.beyond.flatMap(ConflictWording(scenario: header.scenario).explanation)
    }

    /// Where the closures or posts change: `, "jump": {"closed_before": [ids], "closed_after":
    /// [ids], "held_at_cut": "before"|"after", "services": [{"id", "before", "after"}]}`, every
    /// service with its exact allocation on each side (SCENARIO-SPEC section 12), and a service
    /// with a step with its `posts_before` and `posts_after`. `held_at_cut` names the side whose
    /// closures and posts are chosen at the cut itself; the other side's values are limits.
    private func jumpJSON(_ jump: AllocationJump) -> String {
        let services = header.scenario.services
        func ids(_ closed: [Int]) -> String { "[" + closed.map { JSONText.string(services[$0].id) }.joined(separator: ", ") + "]" }
        let values = services.indices.map { s in
            var posts = ""
            if let before = jump.postsBefore[s], let after = jump.postsAfter[s] {
                posts = ", \"posts_before\": \(before), \"posts_after\": \(after)"
            }
            return "{\"id\": \(JSONText.string(services[s].id)), \"before\": \(JSONText.exact(jump.before[s])), "
                + "\"after\": \(JSONText.exact(jump.after[s]))" + posts + "}"
        }
        return ", \"jump\": {\"closed_before\": \(ids(jump.closedBefore)), \"closed_after\": \(ids(jump.closedAfter)), "
            + "\"held_at_cut\": \(JSONText.string(jump.afterHoldsAtCut ? "after" : "before")), "
            + "\"services\": [" + values.joined(separator: ", ") + "]}"
    }

    /// One event as `{"kind": ..., "id": ..., "starts": ...}`.
    private static func json(_ event: BreakpointEvent) -> String {
        "{\"kind\": \(JSONText.string(event.kind.rawValue)), \"id\": \(JSONText.string(event.id)), \"starts\": \(event.starts)}"
    }
}
