import BudgetModel

/// A few consecutive cuts shown side by side as the columns of one table.
/// Text and Markdown sweeps hold one block at a time, so their memory does
/// not grow with the length of the sweep.
struct SweepBlock {
    /// The most cuts in one table (the board-paper sweep 5..20% has four).
    static let maximumCuts = 6

    /// A dash for a figure an infeasible cut does not have.
    static let none = "—"

    private(set) var results: [CutResult] = []

    /// Whether the block has no room for another cut.
    var isFull: Bool { results.count >= Self.maximumCuts }
    /// Whether the block holds no cut.
    var isEmpty: Bool { results.isEmpty }

    /// Adds a cut as the next column.
    mutating func append(_ result: CutResult) {
        results.append(result)
    }

    /// Empties the block for the next cuts.
    mutating func removeAll() {
        results.removeAll(keepingCapacity: true)
    }

    /// The baselines and the block's cuts rounded together as one table.
    func rounding(header: SweepHeader) -> RoundedTable {
        RoundedTable(header: header, results: results)
    }

    private var cutHeadings: [String] { results.map { PercentFormatter.cut($0.cutPercent) + " cut" } }

    /// The index in `result.services` of the scenario's service `index`.
    private func position(ofService index: Int, in result: CutResult, header: SweepHeader) -> Int? {
        let id = header.scenario.services[index].id
        if result.services.indices.contains(index), result.services[index].serviceID == id { return index }
        return result.services.firstIndex { $0.serviceID == id }
    }

    /// Services by rounded allocation, with the baseline and the totals rows,
    /// rounded as one table (`rounding`, by default the block's own).
    func allocationTable(header: SweepHeader, rounding: RoundedTable? = nil) -> ReportTable {
        let table = rounding ?? self.rounding(header: header)
        let baselines = table.baselines
        let rounded = table.cuts
        let money = header.money
        let services = header.scenario.services
        var rows: [[String]] = []
        for (index, service) in services.enumerated() {
            var row = [service.name, money.format(units: baselines.services[index])]
            for (result, figures) in zip(results, rounded) {
                let cell = position(ofService: index, in: result, header: header)
                    .map { money.format(units: figures.services[$0]) }
                row.append(result.status == .optimal ? cell ?? Self.none : Self.none)
            }
            rows.append(row)
        }
        let feasible = results.map { $0.status == .optimal }
        func figureRow(_ label: String, baseline: String, _ value: (RoundedCut) -> Double?) -> [String] {
            [label, baseline]
                + zip(feasible, rounded).map { isFeasible, figures in
                    value(figures).map(money.format(units:)) ?? (isFeasible ? "" : Self.none)
                }
        }
        let totalsStart = rows.count
        // Only an optimal cut has an allocation: an infeasible or unsolved one shows a dash.
        rows.append(figureRow("Total allocated", baseline: money.format(units: baselines.total)) { figures in
            figures.optimal ? figures.allocated : nil
        })
        rows.append(figureRow("Unallocated", baseline: "") { $0.optimal ? $0.unallocated : nil })
        rows.append(figureRow("Envelope", baseline: "") { $0.envelope })
        rows.append(["Status", ""] + results.map(\.status.rawValue))
        if feasible.contains(false) {
            rows.append(["Deficit", ""] + rounded.map { $0.deficit.map(money.format(units:)) ?? "" })
        }
        return ReportTable(
            header: ["Service", "Baseline"] + cutHeadings,
            alignments: [.left] + Array(repeating: .right, count: results.count + 1),
            rows: rows, totalsStart: totalsStart)
    }

    /// Per service and cut: the change from baseline in per cent and what holds it there.
    func changeTable(header: SweepHeader) -> ReportTable {
        let rows = header.scenario.services.indices.map { index in
            [header.scenario.services[index].name]
                + results.map { result in
                    guard result.status == .optimal,
                        let position = position(ofService: index, in: result, header: header)
                    else { return Self.none }
                    let service = result.services[position]
                    return PercentFormatter.change(service.changePercent) + " " + BindingText.phrase(service, in: header.scenario)
                }
        }
        return ReportTable(
            header: ["Service"] + cutHeadings,
            alignments: Array(repeating: .left, count: results.count + 1),
            rows: rows, totalsStart: nil)
    }

    /// One note per infeasible cut, `Note (40% cut): <explanation>`, and per unsolved cut,
    /// `Note (40% cut): unsolved: <reason>`.
    func infeasibleNotes(header: SweepHeader) -> [String] {
        let wording = NoteWording(header: header)
        return results.compactMap(wording.infeasible)
    }

    /// One note per fund holding unallocated money at a feasible cut:
    /// `Note (10% cut): £65,000 of <fund> is left unallocated: <why>.`
    func unallocatedNotes(header: SweepHeader) -> [String] {
        let wording = NoteWording(header: header)
        return results.flatMap(wording.unallocated)
    }

    /// One note per cut with closures (SCENARIO-SPEC section 12):
    /// `Note (25% cut): The cut forces 1 closure: <service> (...).`
    func closureNotes(header: SweepHeader) -> [String] {
        let wording = NoteWording(header: header)
        return results.compactMap(wording.closures)
    }

    /// The notes under the tables in the order of the cuts; at each cut its closures', then
    /// its infeasibility's, then its unallocated money's.
    func notes(header: SweepHeader) -> [String] {
        let wording = NoteWording(header: header)
        return results.flatMap { result in
            [wording.closures(result), wording.infeasible(result)].compactMap { $0 } + wording.unallocated(result)
        }
    }
}

/// The notes of one cut, each `Note (25% cut): <sentence>`.
private struct NoteWording {
    let conflicts: ConflictWording
    let fallbacks: FallbackWording
    let unallocatedMoney: UnallocatedWording
    let closureWords: ClosureWording

    init(header: SweepHeader) {
        conflicts = ConflictWording(scenario: header.scenario)
        fallbacks = FallbackWording(scenario: header.scenario)
        unallocatedMoney = UnallocatedWording(scenario: header.scenario)
        closureWords = ClosureWording(scenario: header.scenario)
    }

    private func note(_ result: CutResult, _ sentence: String) -> String {
        "Note (\(PercentFormatter.cut(result.cutPercent)) cut): \(sentence)"
    }

    /// The explanation and fallback of an infeasible cut, or why an unsolved cut is unsolved.
    func infeasible(_ result: CutResult) -> String? {
        if result.status == .unsolved {
            return note(result, "unsolved: \(result.reason ?? "the solver could not decide the cut.")")
        }
        guard result.status == .infeasible else { return nil }
        let explanation = conflicts.explanation(result) ?? "no allocation meets every hard constraint."
        let fallback = fallbacks.sentence(result).map { " " + $0 } ?? ""
        return note(result, explanation + fallback)
    }

    /// One note per fund holding unallocated money.
    func unallocated(_ result: CutResult) -> [String] {
        unallocatedMoney.sentences(result).map { note(result, $0) }
    }

    /// The closures the cut forces.
    func closures(_ result: CutResult) -> String? {
        closureWords.sentence(result).map { note(result, $0) }
    }
}
