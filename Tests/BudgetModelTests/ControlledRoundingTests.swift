import BudgetModel
import LPCertificates
import LinearProgramming
import Testing

/// Controlled rounding of whole tables (SCENARIO-SPEC section 10): the cases a
/// column-by-column rounding got wrong, worked by hand, and thousands of
/// random tables with ties planted across consecutive columns, each checked
/// against every promise and its LP solution against the certificate checker.
@Suite struct ControlledRoundingTests {
    typealias Column = ControlledRounding.Column

    /// Rounds `columns`, checks the LP certificate, every promise and that a second
    /// rounding gives the same figures; returns the rounding.
    static func roundChecked(_ columns: [Column], unit: Double) throws -> [ControlledRounding.RoundedColumn] {
        let rounding = ControlledRounding(columns: columns, unit: unit)
        let solution = rounding.program.columnCount == 0 ? nil : rounding.program.solve()
        if let solution {
            #expect(CertificateChecker().check(solution, of: rounding.program).isValid)
        }
        let rounded = try #require(rounding.rounding(from: solution))
        #expect(ControlledRounding(columns: columns, unit: unit).round() == rounded)
        let failures = Self.brokenPromises(columns, unit: unit, rounded: rounded)
        #expect(failures.isEmpty, "\(failures.prefix(5)) in \(columns)")
        return rounded
    }

    /// Every promise of `ControlledRounding` that `rounded` breaks, as text.
    static func brokenPromises(
        _ columns: [Column], unit: Double, rounded: [ControlledRounding.RoundedColumn]
    ) -> [String] {
        var failures: [String] = []
        func checkFigure(_ figure: Double, exact: Double, _ what: String) {
            let units = exact / unit
            if figure != figure.rounded() { failures.append("\(what) \(figure) is not whole") }
            if abs(figure - units) >= 1 + 1e-6 { failures.append("\(what) \(figure) is a unit or more from \(units)") }
            if abs(units - units.rounded()) <= 1e-9, figure != units.rounded() {
                failures.append("\(what) \(figure) moves the whole \(units)")
            }
        }
        guard rounded.count == columns.count else { return ["\(rounded.count) columns for \(columns.count)"] }
        for (index, (column, figures)) in zip(columns, rounded).enumerated() {
            var exactTotal = 0.0
            for (row, part) in column.parts.enumerated() {
                guard let part else {
                    if figures.parts[row] != nil { failures.append("c\(index) r\(row) has a figure for no amount") }
                    continue
                }
                exactTotal += part
                guard let figure = figures.parts[row] else {
                    failures.append("c\(index) r\(row) has no figure")
                    continue
                }
                checkFigure(figure, exact: part, "c\(index) r\(row)")
                if index > 0, row < columns[index - 1].parts.count, let before = columns[index - 1].parts[row],
                    abs(part - before) <= 1e-9 * unit,
                    figure != rounded[index - 1].parts[row]
                {
                    failures.append("c\(index) r\(row): equal to the column before but rounded \(figure)")
                }
            }
            let sum = figures.parts.reduce(0.0) { $0 + ($1 ?? 0) }
            if sum != figures.total { failures.append("c\(index): parts add up to \(sum), total \(figures.total)") }
            checkFigure(figures.total, exact: exactTotal, "c\(index) total")
            if let envelope = column.envelope {
                guard let roundedEnvelope = figures.envelope, let unallocated = figures.unallocated else {
                    failures.append("c\(index) has no rounded envelope")
                    continue
                }
                checkFigure(roundedEnvelope, exact: envelope, "c\(index) envelope")
                checkFigure(unallocated, exact: envelope - exactTotal, "c\(index) unallocated")
                if figures.total + unallocated != roundedEnvelope {
                    failures.append("c\(index): \(figures.total) + \(unallocated) is not \(roundedEnvelope)")
                }
            }
        }
        return failures
    }

    /// The same £15,600 in two consecutive columns: column by column it printed
    /// £16k, then £15k (the largest remainders of the second column are the £700s).
    @Test func equalAmountsInConsecutiveColumnsRoundAlike() throws {
        let columns = [
            Column(parts: [15_600, 400, 400], envelope: 16_400),
            Column(parts: [15_600, 700, 700], envelope: 17_000),
        ]
        let rounded = try Self.roundChecked(columns, unit: 1000)
        #expect(rounded[0].parts[0] == 16 && rounded[1].parts[0] == 16)
        #expect(rounded[0].parts == [16, 0, 0])
        #expect(rounded[0].total == 16 && rounded[0].envelope == 16)
        #expect(rounded[1].total == 17 && rounded[1].unallocated == 0)
        #expect(rounded[1].parts[1]! + rounded[1].parts[2]! == 1)
    }

    /// A service at its baseline of £199,508 at 10% and 15% keeps its rounded
    /// baseline (the baseline column counts as a column); column by column it
    /// printed £200k at 10% and £199k at 15%.
    @Test func aServiceAtItsBaselineKeepsItsRoundedBaseline() throws {
        let columns = [
            Column(parts: [199_508, 100_400, 100_400], envelope: nil),
            Column(parts: [199_508, 90_000, 80_300], envelope: 369_808),
            Column(parts: [199_508, 85_240, 60_600], envelope: 345_348),
        ]
        let rounded = try Self.roundChecked(columns, unit: 1000)
        #expect(Set(rounded.map { $0.parts[0] }).count == 1)
        // The £199,508 rounds up (its run spans three columns, each 0.492 off rather than 0.508).
        #expect(rounded[0].parts == [200, 100, 100] && rounded[0].total == 400)
        #expect(rounded[1].total == 370 && rounded[1].envelope == 370)
        #expect(rounded[2].parts == [200, 85, 60] && rounded[2].total == 345)
    }

    /// Twelve services of £340: the exact £4,080 is £4k or £5k, never £3k, and
    /// so many of the twelve figures round up.
    @Test func twelveSmallServicesAddUpToTheirRoundedTotal() throws {
        let parts = [Double?](repeating: 340, count: 12)
        let columns = [Column(parts: parts, envelope: nil), Column(parts: parts, envelope: 4_080)]
        let rounded = try Self.roundChecked(columns, unit: 1000)
        #expect(rounded[0].total == 4 && rounded[1].total == 4)
        // At a 10% cut, twelve £306 make £3,672: the total is the nearest £4k, four of them £1k.
        let cut = try Self.roundChecked(columns + [Column(parts: [Double?](repeating: 306, count: 12), envelope: 3_672)], unit: 1000)
        #expect(cut[2].total == 4 && cut[2].envelope == 4 && cut[2].parts.filter { $0 == 1 }.count == 4)
        #expect(rounded[1].unallocated == 0 && rounded[1].envelope == 4)
        #expect(rounded[0].parts == rounded[1].parts)
        #expect(rounded[1].parts.filter { $0 == 1 }.count == 4)
    }

    /// Two halves make an exact £3,000: the total stays £3k, one half rounds up.
    @Test func tiedHalvesKeepAWholeTotal() throws {
        let rounded = try Self.roundChecked([Column(parts: [1_500, 1_500], envelope: 3_000)], unit: 1000)
        #expect(rounded[0].total == 3 && rounded[0].envelope == 3 && rounded[0].unallocated == 0)
        #expect(rounded[0].parts.compactMap { $0 }.sorted() == [1, 2])
    }

    /// Whole amounts (and amounts a solver's noise away from whole) stay themselves; an
    /// infeasible column (no parts) rounds only its envelope, and ends the runs through it.
    @Test func wholeAmountsStayAndGapsEndRuns() throws {
        let columns = [
            Column(parts: [400_000, 234_000.00000000003, 155_999.99999999997], envelope: 790_000),
            Column(parts: [nil, nil, nil], envelope: 700_000.4),
            Column(parts: [400_000.6, 120_000, 100_000], envelope: 620_000.6),
        ]
        let rounded = try Self.roundChecked(columns, unit: 1)
        #expect(rounded[0].parts == [400_000, 234_000, 156_000] && rounded[0].envelope == 790_000)
        #expect(rounded[1].parts == [nil, nil, nil] && rounded[1].total == 0 && rounded[1].envelope == 700_000)
        #expect(rounded[2].parts == [400_001, 120_000, 100_000] && rounded[2].envelope == 620_001)
    }

    /// A table with an amount that is not finite has no rounding (reports then round each
    /// column on their own); a column with fewer parts has none in the rows it lacks.
    @Test func nonFiniteAmountsHaveNoRoundingAndShortColumnsAreGaps() throws {
        #expect(ControlledRounding(columns: [Column(parts: [.nan, 1], envelope: 2)], unit: 1).round() == nil)
        #expect(ControlledRounding(columns: [Column(parts: [1], envelope: .infinity)], unit: 1).round() == nil)
        let rounded = try Self.roundChecked(
            [Column(parts: [0.5], envelope: nil), Column(parts: [0.5, 2.5], envelope: 3)], unit: 1)
        #expect(rounded[0].parts == [1] && rounded[1].parts == [1, 2] && rounded[1].envelope == 3)
    }

    /// Random tables: 1 to 9 rows and columns, units of £1 or £1k, amounts with
    /// fractions, ties planted across consecutive columns (exact and within
    /// 1e-10 of a unit), gaps, whole amounts, a baseline column without an
    /// envelope, money left unallocated (or a little overspent).
    @Test func randomTablesKeepEveryPromise() throws {
        var generator = SplitMix64(seed: 12)
        var variables = 0
        for _ in 0..<3_000 {
            let unit = generator.next() % 2 == 0 ? 1.0 : 1000.0
            let rowCount = Int(generator.next() % 9) + 1
            let columnCount = Int(generator.next() % 9) + 1
            var columns: [Column] = []
            for index in 0..<columnCount {
                let infeasible = index > 0 && generator.next() % 10 == 0
                var parts: [Double?] = []
                for row in 0..<rowCount {
                    let roll = generator.next() % 10
                    if infeasible {
                        parts.append(nil)
                    } else if index > 0, roll < 5, let before = columns[index - 1].parts[row] {
                        parts.append(roll == 0 ? before + 1e-10 * unit : before)
                    } else if roll == 5 {
                        parts.append(Double(generator.next() % 50) * unit)
                    } else {
                        parts.append(Double(generator.next() % 5_000_000) / 100 * unit / 100)
                    }
                }
                let total = parts.reduce(0.0) { $0 + ($1 ?? 0) }
                let left = [0, 0, Double(generator.next() % 1000) / 1000 * unit, -0.3 * unit][Int(generator.next() % 4)]
                columns.append(Column(parts: parts, envelope: index == 0 ? nil : total + left))
            }
            variables += ControlledRounding(columns: columns, unit: unit).program.columnCount
            _ = try Self.roundChecked(columns, unit: unit)
        }
        #expect(variables > 20_000)
    }

    /// 200 cuts of 60 services, as the JSON and CSV reports round them, keep every promise.
    @Test func largeTableKeepsEveryPromise() throws {
        var generator = SplitMix64(seed: 3)
        var columns = [Column(parts: (0..<60).map { _ in Double(generator.next() % 1_000_000) }, envelope: nil)]
        for _ in 0..<200 {
            let parts = columns.last!.parts.map { part -> Double? in
                generator.next() % 3 == 0 ? part : part.map { $0 * 0.99 + 0.37 }
            }
            columns.append(Column(parts: parts, envelope: parts.reduce(0.0) { $0 + ($1 ?? 0) } + 250))
        }
        let rounded = try Self.roundChecked(columns, unit: 1000)
        #expect(rounded.count == 201)
    }
}
