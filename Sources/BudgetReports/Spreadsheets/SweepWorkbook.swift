import BudgetModel

/// The sheets of the xlsx sweep report, laid out after the Government Analysis Function's
/// "Releasing statistics in spreadsheets" (docs/REPORTS.md goes through its checklist):
///
/// 1. `Cover_sheet`: the title in A1, then in column A, each under a bold heading, what the
///    workbook holds, the source, the scenario file and its SHA-256, the tool version, the
///    rounding, the maximum feasible cut and the shorthand used.
/// 2. `Contents`: a table of every other sheet with a link to it and what it holds.
/// 3. `Notes`: a table of the notes, `[note 1]` to `[note N]`, that the tables' headings cite.
/// 4. `Allocation` (Table 1): the board table, services by cuts with Total allocated,
///    Unallocated and Envelope, rounded as one table (`WideTable`), in the currency format.
/// 5. `Change` (Table 2): each service's change from baseline per cut, a fraction in per cent.
/// 6. `Held_by` (Table 3): what holds each service there, per cut, in words.
/// 7. `Cuts` (Table 4): one row per cut: status, envelope, totals, deficit and the note.
/// 8. `Detail` (Table 5): one row per cut and service with the exact figures beside the rounded.
///
/// Every table sheet has its title in A1, a line in A2 saying what it holds, and its one
/// header row in row 3; the table follows with no blank row, is an Excel table with filter
/// buttons, and has no merged cell. Numbers are stored as numbers. A cell with no value holds
/// `[x]` (not available: the cut has no allocation) or `[z]` (not applicable).
struct SweepWorkbook {
    let header: SweepHeader
    let table: WideTable

    /// The shorthand for a figure a cut without an allocation does not have.
    static let notAvailable = "[x]"
    /// The shorthand for a cell where a figure makes no sense.
    static let notApplicable = "[z]"

    init(header: SweepHeader, results: [CutResult]) {
        self.header = header
        table = WideTable(header: header, results: results)
    }

    private var scenario: Scenario { header.scenario }
    private var money: MoneyFormatter { header.money }
    private var cutRange: String { CutRangeCaption.text(table.results) }

    /// The workbook, ready to zip.
    var package: XLSXPackage {
        XLSXPackage(
            sheets: [coverSheet, contents, notes, allocation, change, heldBy, cuts, detail],
            title: scenario.title + ": allocation by cut", subject: "Budget scenario sweep, " + cutRange,
            creator: "scenario " + header.toolVersion,
            moneyFormat: money.spreadsheetFormat(decimals: nil), exactMoneyFormat: money.spreadsheetFormat(decimals: exactDecimals))
    }

    /// The table sheets: name, title and what the Contents sheet says of them.
    private var tableSheets: [(name: String, title: String, description: String)] {
        [
            ("Allocation", "Table 1: Allocation by cut, \(scenario.title), \(cutRange)",
             "Each service's allocation at each cut beside its baseline, with the total allocated, the unallocated money and the envelope, rounded"),
            ("Change", "Table 2: Change from baseline, \(scenario.title), \(cutRange)",
             "Each service's change from its baseline at each cut, in per cent"),
            ("Held_by", "Table 3: What holds each service there, \(scenario.title), \(cutRange)",
             "At each cut, the constraint that holds each service at its allocation"),
            ("Cuts", "Table 4: Cuts, \(scenario.title), \(cutRange)",
             "One row per cut: status, envelope, total allocated, unallocated money, deficit and notes"),
            ("Detail", "Table 5: Exact figures, \(scenario.title), \(cutRange)",
             "One row per cut and service: the exact allocation and change beside the rounded allocation"),
        ]
    }

    // MARK: - Number formats

    /// Decimal places of the exact figures: two, or the unit's when it has more.
    private var exactDecimals: Int { max(2, MoneyFormatter.decimalPlaces(of: scenario.unit) ?? MoneyFormatter.maximumDecimalPlaces) }

    /// A rounded figure in units as a money cell, or `[x]` when there is none.
    private func moneyCell(_ units: Double?) -> Worksheet.Cell {
        guard let units else { return .text(Self.notAvailable, .shorthand) }
        return .number(money.plain(units: units), .money)
    }

    /// An exact amount as a money cell with its full precision.
    private func exactCell(_ amount: Double) -> Worksheet.Cell {
        amount.isFinite ? .number(JSONText.exact(amount), .exactMoney) : .text(Self.notAvailable, .shorthand)
    }

    private func headings(_ names: [String]) -> [Worksheet.Cell] { names.map { .text($0, .heading) } }

    /// A table sheet: title, the line under it, the header row and the rows.
    private func tableSheet(_ index: Int, note: String, headings names: [String], rows: [[Worksheet.Cell]], widths: [Double]) -> Worksheet {
        let (name, title, _) = tableSheets[index]
        return Worksheet(
            name: name,
            rows: [[.text(title, .title)], [.text("This worksheet contains one table. " + note)], headings(names)] + rows,
            widths: widths,
            table: Worksheet.Table(name: "Table_\(index + 1)_\(name)", headerRow: 2, lastRow: 2 + rows.count, columns: names.count))
    }

    // MARK: - Cover, contents, notes

    private var coverSheet: Worksheet {
        var rows: [[Worksheet.Cell]] = [
            [.text(scenario.title + ": allocation by cut", .title)],
            [.text("The allocation of the envelope to every service at each cut of the sweep (\(cutRange)), found by the scenario tool from the scenario file below, with the change from baseline and what holds each service there.", .wrapped)],
        ]
        func section(_ heading: String, _ text: String) {
            rows.append([.text(heading, .heading)])
            rows.append([.text(text, .wrapped)])
        }
        section("Source", scenario.source ?? "The scenario file names no source.")
        section("Scenario file", header.document.fileName)
        section("SHA-256 of the scenario file", header.document.sha256)
        section("Produced by", "scenario \(header.toolVersion)")
        section("Rounding", roundingNote)
        section("Maximum feasible cut", PercentFormatter.maximumCut(header.maximumFeasibleCut))
        section("Shorthand", "\(Self.notAvailable): not available, because the cut has no allocation (it is infeasible or unsolved; see the Cuts sheet). \(Self.notApplicable): not applicable.")
        section("Contents", "The Contents sheet lists the tables, one per sheet; the Notes sheet holds the notes the tables cite.")
        return Worksheet(name: "Cover_sheet", rows: rows, widths: [90])
    }

    private var roundingNote: String {
        "Money in Tables 1 and 4 is rounded to multiples of \(money.unitDescription), each figure up or down from its exact amount, so that in every column the services add up exactly to the total allocated and, with the unallocated money, to the envelope; an amount that is the same in neighbouring columns, a service at its baseline included, is rounded alike. The deficit of an infeasible cut is rounded up. Table 5 holds the exact figures."
    }

    private var contents: Worksheet {
        let rows = tableSheets.map { sheet -> [Worksheet.Cell] in [.text(sheet.name, .link), .text(sheet.description, .wrapped)] }
            + [[.text("Notes", .link), .text("The notes the tables cite", .wrapped)]]
        return Worksheet(
            name: "Contents",
            rows: [[.text("Contents", .title)], [.text("This worksheet contains one table. Each sheet name links to its sheet.")], headings(["Sheet name", "Table description"])] + rows,
            widths: [16, 80],
            table: Worksheet.Table(name: "Contents_table", headerRow: 2, lastRow: 2 + rows.count, columns: 2),
            links: (tableSheets.map(\.name) + ["Notes"]).enumerated().map { Worksheet.Link(cell: "A\($0.offset + 4)", sheet: $0.element) })
    }

    /// The notes, in order: [note 1] rounding, [note 2] the exact figures, [note 3] the baselines.
    private var noteTexts: [String] {
        [
            roundingNote,
            "The exact figures come from the scenario tool's linear programme at each cut; they are the figures the JSON report (scenario sweep --format json) carries, to full precision.",
            "The baseline is each service's current allocation in the scenario file; every change is from it.",
        ]
    }

    private var notes: Worksheet {
        let rows = noteTexts.enumerated().map { index, text -> [Worksheet.Cell] in [.text("[note \(index + 1)]"), .text(text, .wrapped)] }
        return Worksheet(
            name: "Notes",
            rows: [[.text("Notes", .title)], [.text("This worksheet contains one table.")], headings(["Note number", "Note text"])] + rows,
            widths: [14, 80],
            table: Worksheet.Table(name: "Notes_table", headerRow: 2, lastRow: 2 + rows.count, columns: 2))
    }

    // MARK: - The tables

    private var cutIndices: Range<Int> { table.results.indices }
    private var currencyLabel: String { " (" + scenario.currency + ")" }

    private var allocation: Worksheet {
        var rows: [[Worksheet.Cell]] = scenario.services.indices.map { index in
            [.text(scenario.services[index].name, .wrapped), moneyCell(table.baseline(index))]
                + cutIndices.map { moneyCell(table.allocation(index, atCut: $0)) }
        }
        rows.append([.text("Total allocated", .heading), moneyCell(table.baselineTotal)] + cutIndices.map { moneyCell(table.allocated(atCut: $0)) })
        rows.append([.text("Unallocated", .heading), .text(Self.notApplicable, .shorthand)] + cutIndices.map { moneyCell(table.unallocated(atCut: $0)) })
        rows.append([.text("Envelope", .heading), .text(Self.notApplicable, .shorthand)] + cutIndices.map { moneyCell(table.envelope(atCut: $0)) })
        return tableSheet(
            0, note: "Money rounded to multiples of \(money.unitDescription) [note 1]; the exact figures are in Table 5.",
            headings: ["Service", "Baseline [note 3]" + currencyLabel] + cutIndices.map { table.cutHeading($0) + currencyLabel },
            rows: rows, widths: [34, 18] + cutIndices.map { _ in 16 })
    }

    private var change: Worksheet {
        let rows: [[Worksheet.Cell]] = scenario.services.indices.map { index in
            [.text(scenario.services[index].name, .wrapped)]
                + cutIndices.map { cut -> Worksheet.Cell in
                    guard let service = table.exactService(index, atCut: cut) else { return .text(Self.notAvailable, .shorthand) }
                    // A new bid has no baseline to measure a change in per cent against.
                    guard let percent = service.changePercent, percent.isFinite else { return .text(Self.notApplicable, .shorthand) }
                    return .number(JSONText.exact(percent / 100), .percent)
                }
        }
        return tableSheet(
            1, note: "Changes from the baseline [note 3] in per cent, from the exact figures; shown to one decimal place.",
            headings: ["Service"] + cutIndices.map { table.cutHeading($0) + " (%)" }, rows: rows,
            widths: [34] + cutIndices.map { _ in 14 })
    }

    private var heldBy: Worksheet {
        let rows: [[Worksheet.Cell]] = scenario.services.indices.map { index in
            [.text(scenario.services[index].name, .wrapped)]
                + cutIndices.map { cut -> Worksheet.Cell in
                    guard let service = table.exactService(index, atCut: cut) else { return .text(Self.notAvailable, .shorthand) }
                    return .text(BindingText.phrase(service, in: scenario))
                }
        }
        return tableSheet(
            2, note: "\"share\" means the service takes the common cut of its priority; \"not cut\" that a lower priority absorbs the cut.",
            headings: ["Service"] + cutIndices.map(table.cutHeading), rows: rows,
            widths: [34] + cutIndices.map { _ in 24 })
    }

    private var cuts: Worksheet {
        let conflicts = ConflictWording(scenario: scenario)
        let unallocated = UnallocatedWording(scenario: scenario)
        let rows: [[Worksheet.Cell]] = cutIndices.map { cut in
            let result = table.results[cut]
            let note: String  // empty: no note
            switch result.status {
            case .optimal:
                let sentences = unallocated.sentences(result)
                note = sentences.isEmpty ? "" : sentences.joined(separator: " ")
            case .infeasible:
                note = conflicts.explanation(result) ?? "No allocation meets every hard constraint."
            case .unsolved:
                note = "Unsolved: " + (result.reason ?? "the solver could not decide the cut.")
            }
            return [
                .number(PercentFormatter.number(result.cutPercent), .number), .text(result.status.rawValue),
                moneyCell(table.envelope(atCut: cut)), moneyCell(table.allocated(atCut: cut)),
                moneyCell(table.unallocated(atCut: cut)),
                result.status == .infeasible ? moneyCell(table.deficit(atCut: cut)) : .text(Self.notApplicable, .shorthand),
                note.isEmpty ? .text(Self.notApplicable, .shorthand) : .text(note, .wrapped),
            ]
        }
        return tableSheet(
            3, note: "Money rounded to multiples of \(money.unitDescription) [note 1]; a deficit is the extra money a cut needs to be feasible, rounded up.",
            headings: ["Cut (%)", "Status", "Envelope" + currencyLabel, "Total allocated" + currencyLabel,
                       "Unallocated" + currencyLabel, "Deficit" + currencyLabel, "Notes"],
            rows: rows, widths: [10, 12, 18, 18, 18, 16, 80])
    }

    private var detail: Worksheet {
        var rows: [[Worksheet.Cell]] = []
        for cut in cutIndices {
            let cutCell = Worksheet.Cell.number(PercentFormatter.number(table.results[cut].cutPercent), .number)
            for (index, service) in scenario.services.enumerated() {
                var row: [Worksheet.Cell] = [cutCell, .text(service.id), .text(service.name, .wrapped), exactCell(service.baseline)]
                if let exact = table.exactService(index, atCut: cut) {
                    row += [
                        exactCell(exact.allocation), moneyCell(table.allocation(index, atCut: cut)), exactCell(exact.change),
                        exact.changePercent.map { .number(JSONText.exact($0 / 100), .percent) } ?? .text(Self.notApplicable, .shorthand),
                        .text(exact.binding.label),
                    ]
                } else {
                    row += Array(repeating: .text(Self.notAvailable, .shorthand), count: 5)
                }
                rows.append(row)
            }
        }
        return tableSheet(
            4, note: "Exact figures [note 2], one row per cut and service; the rounded allocation is that of Table 1.",
            headings: ["Cut (%)", "Service ID", "Service", "Baseline" + currencyLabel, "Allocation, exact" + currencyLabel,
                       "Allocation, rounded" + currencyLabel, "Change, exact" + currencyLabel, "Change (%)", "Held by"],
            rows: rows, widths: [10, 18, 34, 18, 22, 20, 20, 12, 22])
    }
}
