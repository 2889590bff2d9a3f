import BudgetModel

/// The board table of a whole sweep as figures, not text: services by cuts with the totals,
/// every cut in one table rounded together (`RoundedTable`, so the figures are those of the
/// text table for a sweep of at most six cuts, and of the HTML table for any sweep of at most
/// 200). What `csv-wide` and the xlsx workbook lay out.
///
/// Figures are counts of the scenario's unit (multiply by `unit` for money); nil where the
/// table has no figure: a service or total at a cut that is not optimal, or the unallocated
/// money and envelope of the baseline column.
struct WideTable {
    /// The cuts, in sweep order.
    let results: [CutResult]
    /// The baselines and the cuts rounded as one table.
    let rounding: RoundedTable
    private let header: SweepHeader

    /// The table of `results` (at most 200 cuts, `RoundedTable.maximumCuts`) for `header`'s scenario.
    init(header: SweepHeader, results: [CutResult]) {
        self.header = header
        self.results = results
        rounding = RoundedTable(header: header, results: results)
    }

    /// The rounded baseline of the scenario's service `index`, in units.
    func baseline(_ index: Int) -> Double { rounding.baselines.services[index] }

    /// The rounded total of the baselines, in units.
    var baselineTotal: Double { rounding.baselines.total }

    /// The position in `results[cut].services` of the scenario's service `index`, when the cut is optimal.
    func position(ofService index: Int, atCut cut: Int) -> Int? {
        let result = results[cut]
        guard result.status == .optimal else { return nil }
        let id = header.scenario.services[index].id
        if result.services.indices.contains(index), result.services[index].serviceID == id { return index }
        return result.services.firstIndex { $0.serviceID == id }
    }

    /// The rounded allocation of the scenario's service `index` at cut `cut`, in units.
    func allocation(_ index: Int, atCut cut: Int) -> Double? {
        position(ofService: index, atCut: cut).map { rounding.cuts[cut].services[$0] }
    }

    /// The exact allocation of the scenario's service `index` at cut `cut`.
    func exactService(_ index: Int, atCut cut: Int) -> ServiceAllocation? {
        position(ofService: index, atCut: cut).map { results[cut].services[$0] }
    }

    /// The rounded total allocated at cut `cut`, in units.
    func allocated(atCut cut: Int) -> Double? {
        results[cut].status == .optimal ? rounding.cuts[cut].allocated : nil
    }

    /// The rounded unallocated money at cut `cut`, in units.
    func unallocated(atCut cut: Int) -> Double? {
        results[cut].status == .optimal ? rounding.cuts[cut].unallocated : nil
    }

    /// The rounded envelope at cut `cut`, in units (every cut has one).
    func envelope(atCut cut: Int) -> Double { rounding.cuts[cut].envelope }

    /// The deficit at cut `cut` rounded up to a whole unit, when the cut is infeasible.
    func deficit(atCut cut: Int) -> Double? { rounding.cuts[cut].deficit }

    /// Whether some cut is not optimal (the table then has a Deficit row).
    var hasCutWithoutAllocation: Bool { results.contains { $0.status != .optimal } }

    /// `5% cut`, as the text table heads its columns.
    func cutHeading(_ cut: Int) -> String { PercentFormatter.cut(results[cut].cutPercent) + " cut" }
}
