import BudgetModel

/// The tables of one cut path in words (text, Markdown, LaTeX, HTML): allocations by year in
/// cash, the change from the base year in cash, the same change in real terms, and the notes.
struct PlanTables {
    let header: PlanHeader
    let figures: PlanFigures

    init(header: PlanHeader, path: PlanPathResult) {
        self.header = header
        figures = PlanFigures(header: header, path: path)
    }

    private var years: [PlanYearResult] { figures.path.years }

    /// The caption of the path: `5% cut in every year` or `cuts of 5%, 3%, 0% (2017/18 to 2019/20)`.
    var caption: String {
        let cuts = figures.path.path
        let span = "\(header.plan.years.first.map(\.description) ?? "")–\(header.plan.years.last.map(\.description) ?? "")"
        if let first = cuts.first, cuts.allSatisfy({ $0 == first }) {
            let cut = PercentFormatter.cut(first)
            return "Plan \(span): \(PercentFormatter.indefiniteArticle(before: cut)) \(cut) cut in every year, compounding"
        }
        return "Plan \(span): yearly cuts of " + cuts.map(PercentFormatter.cut).joined(separator: ", ")
    }

    private var yearHeadings: [String] { years.map(\.year.description) }

    /// Services by year in cash, with the totals, each year's cut, status and deficit.
    func allocationTable() -> ReportTable {
        let money = header.money
        let services = header.scenario.services
        var rows: [[String]] = []
        for s in services.indices {
            var row = [services[s].name, figures.roundedBaseYear[s].map(money.format(units:)) ?? SweepBlock.none]
            for (y, year) in years.enumerated() {
                guard year.result.status == .optimal, let position = figures.positions[y][s] else {
                    row.append(SweepBlock.none)
                    continue
                }
                row.append(money.format(units: figures.years[y].services[position]))
            }
            rows.append(row)
        }
        let totalsStart = rows.count
        let optimal = years.map { $0.result.status == .optimal }
        rows.append(["Total allocated", money.format(units: figures.roundedBaseYearTotal)]
            + zip(optimal, figures.years).map { $0 ? money.format(units: $1.allocated) : SweepBlock.none })
        rows.append(["Unallocated", ""] + zip(optimal, figures.years).map { $0 ? money.format(units: $1.unallocated) : SweepBlock.none })
        rows.append(["Envelope", ""] + figures.years.map { money.format(units: $0.envelope) })
        rows.append(["Cut this year", ""] + years.map { PercentFormatter.cut($0.cutPercent) })
        rows.append(["Cumulative cut", ""] + years.map { PercentFormatter.fourDecimals($0.cumulativeCutPercent) + "%" })
        rows.append(["Status", ""] + years.map(\.result.status.rawValue))
        if optimal.contains(false) {
            rows.append(["Deficit", ""] + figures.years.map { $0.deficit.map(money.format(units:)) ?? "" })
        }
        return ReportTable(
            header: ["Service (cash)", header.baseYearHeading] + yearHeadings,
            alignments: [.left] + Array(repeating: .right, count: years.count + 1),
            rows: rows, totalsStart: totalsStart)
    }

    /// Per service and year: the change from the base year in per cent, in cash (`real` false)
    /// or in real terms, and in cash what holds the service there, with a service's posts where
    /// it has a step (`step, 1 post of 2`, the year's posts of the year's `floor(hi / step)`);
    /// `new` for a service that does not run in the base year (in cash with what holds it:
    /// `new contract`).
    func changeTable(real: Bool) -> ReportTable {
        let services = header.scenario.services
        let rows = services.indices.map { s in
            [services[s].name] + years.indices.map { y -> String in
                let year = years[y]
                guard year.result.status == .optimal, let position = figures.positions[y][s] else { return SweepBlock.none }
                let binding = BindingText.phrase(year.result.services[position], in: year.scenario)
                guard let change = figures.change(ofService: s, year: y, plan: header.plan) else {
                    return real ? "new" : "new " + binding
                }
                let percent = PercentFormatter.change(real ? change.real : change.cash)
                return real ? percent : percent + " " + binding
            }
        }
        let kind = real ? "Real-terms change" : "Cash change"
        return ReportTable(
            header: ["\(kind) from \(header.plan.baseYear)"] + yearHeadings,
            alignments: [.left] + Array(repeating: real ? .right : .left, count: years.count),
            rows: rows, totalsStart: nil)
    }

    /// The table titles, in the order of `allocationTable`, `changeTable(real: false)`,
    /// `changeTable(real: true)`.
    var titles: [String] {
        [
            "Allocation by year (cash, each year's prices)",
            "Change from \(header.plan.baseYear) in cash",
            "Change from \(header.plan.baseYear) in real terms (\(header.deflation))",
        ]
    }

    /// One note per infeasible or unsolved year, per year whose cut forces closures
    /// (SCENARIO-SPEC section 12) and per fund with money left unallocated.
    func notes() -> [String] {
        let wording = PlanYearWording(path: figures.path)
        return years.indices.flatMap { y -> [String] in
            let year = years[y]
            let label = wording.noteLabel(year: y)
            let closures = ClosureWording(scenario: year.scenario).sentence(year.result).map { ["\(label): \($0)"] } ?? []
            return closures + otherNotes(year, label: label, solveCommand: wording.solveCommand(year: y))
        }
    }

    /// The notes of a year other than its closures.
    private func otherNotes(_ year: PlanYearResult, label: String, solveCommand: String) -> [String] {
        switch year.result.status {
        case .unsolved:
            return ["\(label): unsolved: \(year.result.reason ?? "the solver could not decide the year.")"]
        case .infeasible:
            let explanation = ConflictWording(scenario: year.scenario).explanation(year.result)
                ?? "no allocation meets every hard constraint."
            let fallback = FallbackWording(scenario: year.scenario, solveCommand: solveCommand).sentence(year.result).map { " " + $0 } ?? ""
            return ["\(label): \(explanation)\(fallback)"]
        case .optimal:
            var notes = UnallocatedWording(scenario: year.scenario).sentences(year.result).map { "\(label): \($0)" }
            if year.carriedIn.contains(where: { $0 > 0 }) {
                let carried = year.carriedIn.reduce(0, +)
                notes.append("\(label): the envelope includes \(header.money.format(amount: carried)) carried forward, unspent in \(header.plan.year(year.index - 1)).")
            }
            return notes
        }
    }
}
