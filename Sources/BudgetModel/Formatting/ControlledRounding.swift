import LinearProgramming

/// Controlled rounding of a whole table to whole units (SCENARIO-SPEC section 10,
/// after Cox and Ernst, 1982): columns of parts (services) with their total
/// and, where a column has one, an envelope that the total and the unallocated
/// money make up.
///
/// Promise, for every column: each rounded part, the rounded total, the rounded
/// unallocated money and the rounded envelope is its exact value rounded down
/// or up to a whole unit (a whole number stays itself); the rounded parts add
/// up exactly to the rounded total; the rounded total plus the rounded
/// unallocated money is the rounded envelope. Along a row, a part whose exact
/// value is the same (within `tieTolerance`) in two consecutive columns is
/// rounded the same in both.
///
/// Method: a 0/1 variable "rounds up" per row and run of equal consecutive
/// values, and per column for the unallocated money; per column a range on the
/// sum of its variables keeps the total between the floor and the ceiling of
/// its exact value, and a second one the envelope. Every variable covers
/// consecutive rows of the programme (the columns' rows in order), so the
/// constraint matrix is an interval matrix, totally unimodular: every vertex
/// is integral. The fractional parts themselves are a feasible point, so a
/// vertex exists; the simplex method finds one that minimises the rounding
/// error of the totals and envelopes first (each weighs more than all the
/// parts of its column, so they are the nearest whole units where the table
/// allows), then of the parts, each run counted once per column it spans
/// (halves round up where the sums leave the choice, parts before the
/// unallocated money). The result is checked to be integral and
/// to keep every promise before it is returned.
public struct ControlledRounding: Sendable {
    /// One column of the table, in money.
    public struct Column: Sendable, Equatable {
        /// One amount per row of the table, or nil where the row has no figure
        /// in this column (such a gap ends a run of equal values).
        public var parts: [Double?]
        /// The envelope the parts and the unallocated money make up, or nil for
        /// a column of parts and their total only (the baselines).
        public var envelope: Double?

        /// A column from its parts and its envelope.
        public init(parts: [Double?], envelope: Double?) {
            self.parts = parts
            self.envelope = envelope
        }
    }

    /// One column rounded, every figure a count of units.
    public struct RoundedColumn: Sendable, Equatable {
        /// The parts, row by row; nil where the column has none.
        public var parts: [Double?]
        /// The sum of `parts`.
        public var total: Double
        /// The envelope less `total`, or nil for a column without an envelope.
        public var unallocated: Double?
        /// The rounded envelope, or nil for a column without an envelope.
        public var envelope: Double?
    }

    /// Values closer than this many units to a whole number count as that whole
    /// number (the solver's noise, not money).
    public static let wholeTolerance = LargestRemainderRounding.noise
    /// Two consecutive values of a row this close, in units, count as the same
    /// amount: 1e-9 of a unit, widened to a few of the last digits a double
    /// carries for amounts above a million units.
    public static func tieTolerance(_ value: Double) -> Double { 1e-9 + 1e-14 * abs(value) }

    /// A value in units as its whole part and its fraction in billionths of a
    /// unit, so that column totals are sums of integers, exact.
    private struct Split {
        var whole: Double
        var billionths: Int

        static let one = 1_000_000_000

        init(whole: Double, billionths: Int) {
            self.whole = whole
            self.billionths = billionths
        }

        /// `units` split, with values within `wholeTolerance` of a whole number made whole.
        init(units: Double) {
            whole = units.rounded(.down) + 0  // + 0 turns -0 into 0
            billionths = Int(((units - whole) * Double(Self.one)).rounded())
            let near = Int(ControlledRounding.wholeTolerance * Double(Self.one))
            if billionths <= near {
                billionths = 0
            } else if billionths >= Self.one - near {
                whole += 1
                billionths = 0
            }
        }

        /// The sum of splits, carried so that `billionths` stays below one unit.
        static func sum(_ splits: [Split]) -> Split {
            var whole = 0.0, billionths = 0
            for split in splits {
                whole += split.whole
                billionths += split.billionths
            }
            return Split(whole: whole + Double(billionths / one), billionths: billionths % one)
        }

        /// `self - other`, its fraction carried into [0, one).
        func minus(_ other: Split) -> Split {
            var difference = Split(whole: whole - other.whole, billionths: billionths - other.billionths)
            if difference.billionths < 0 {
                difference.billionths += Self.one
                difference.whole -= 1
            }
            return difference
        }

        var fraction: Double { Double(billionths) / Double(Self.one) }
    }

    /// A run of equal consecutive values of one row: the columns it spans and its value.
    private struct Run {
        var row: Int
        var columns: Range<Int>
        var value: Split
        /// The programme's column of its "rounds up" variable, or nil when the value is whole.
        var variable: Int?
    }

    /// The linear programme whose vertices are the roundings (the variables first
    /// for the runs, then for the unallocated money; two rows per column with an
    /// envelope, one without).
    public private(set) var program: LinearProgram
    /// Per column and row: the exact value (its run's), and the run it belongs to.
    private var values: [[Split?]] = []
    private var runOf: [[Int?]] = []
    private var runs: [Run] = []
    /// Per column: the exact total, and for a column with an envelope the exact
    /// unallocated money, its variable, and the exact envelope.
    private var totals: [Split] = []
    private var unallocated: [(value: Split, variable: Int?)?] = []
    private var envelopes: [Split?] = []
    /// Whether an amount or envelope is not finite (such a table has no rounding).
    private var hasNonFiniteAmount = false

    /// The programme for rounding `columns` (amounts in money) to multiples of `unit`.
    /// A column with fewer parts than another has none in the rows it lacks; `unit` is positive and finite.
    /// A table with an amount that is not finite has a programme with no rows and no rounding.
    public init(columns: [Column], unit: Double) {
        program = LinearProgram(name: "controlled-rounding")
        hasNonFiniteAmount = columns.contains { column in
            column.parts.contains { !($0 ?? 0).isFinite } || !(column.envelope ?? 0).isFinite
        }
        guard !hasNonFiniteAmount else { return }
        let rowCount = columns.map(\.parts.count).max() ?? 0
        var values = columns.map { column in column.parts.map { $0.map { Split(units: $0 / unit) } } }
        // Runs: a value within the tie tolerance of the one before it joins its run and takes its value.
        var runOf = [[Int?]](repeating: [Int?](repeating: nil, count: rowCount), count: columns.count)
        for row in 0..<rowCount {
            for (index, column) in columns.enumerated() {
                guard row < column.parts.count, let amount = column.parts[row] else { continue }
                if index > 0, let previous = runOf[index - 1][row], let before = columns[index - 1].parts[row],
                    abs(amount - before) / unit <= Self.tieTolerance(before / unit)
                {
                    runs[previous].columns = runs[previous].columns.lowerBound..<(index + 1)
                    runOf[index][row] = previous
                    values[index][row] = runs[previous].value
                } else if let value = values[index][row] {
                    runOf[index][row] = runs.count
                    runs.append(Run(row: row, columns: index..<(index + 1), value: value))
                }
            }
        }
        for index in runs.indices where runs[index].value.billionths > 0 {
            let run = runs[index]
            runs[index].variable = program.addColumn(
                name: "up_r\(run.row)_c\(run.columns.lowerBound)",
                cost: Double(run.columns.count) * (Self.costOfRoundingUp(run.value.fraction) - 1e-7), lower: 0, upper: 1)
        }
        for (index, column) in columns.enumerated() {
            let total = Split.sum(values[index].compactMap { $0 })
            totals.append(total)
            guard let envelope = column.envelope.map({ Split(units: $0 / unit) }) else {
                unallocated.append(nil)
                envelopes.append(nil)
                continue
            }
            let rest = envelope.minus(total)
            let variable = rest.billionths > 0
                ? program.addColumn(name: "up_u_c\(index)", cost: Self.costOfRoundingUp(rest.fraction) - 0.5e-7, lower: 0, upper: 1)
                : nil
            unallocated.append((rest, variable))
            envelopes.append(envelope)
        }
        // Totals and envelopes weigh more than all the parts of their column: nearest where the table allows.
        let weight = Double(rowCount + 1)
        for index in columns.indices {
            var rise = totals[index].billionths > 0 ? weight * Self.costOfRoundingUp(totals[index].fraction) : 0
            if let envelope = envelopes[index], envelope.billionths > 0 {
                let envelopeRise = weight * Self.costOfRoundingUp(envelope.fraction)
                rise += envelopeRise
                if let variable = unallocated[index]?.variable { program.costs[variable] += envelopeRise }
            }
            guard rise != 0 else { continue }
            for row in 0..<rowCount {
                if let run = runOf[index][row], let variable = runs[run].variable { program.costs[variable] += rise }
            }
        }
        // Rows: per column the total, then the envelope; a variable's rows are consecutive.
        var coefficients = [[(row: Int, value: Double)]](repeating: [], count: program.columnCount)
        for index in columns.indices {
            let wholes = values[index].reduce(0.0) { $0 + ($1?.whole ?? 0) }
            let covering = (0..<rowCount).compactMap { row in runOf[index][row].flatMap { runs[$0].variable } }
            // The parts rounded up add up to the total rounded down or, when it is not whole, up.
            let total = totals[index]
            let lower = total.whole - wholes
            let totalRow = program.addRow(
                name: "total_c\(index)", lower: lower, upper: lower + (total.billionths > 0 ? 1 : 0))
            for variable in covering { coefficients[variable].append((totalRow, 1)) }
            guard let envelope = envelopes[index], let rest = unallocated[index] else { continue }
            // With the unallocated money rounded up or down, they make the envelope rounded down or up.
            let base = envelope.whole - wholes - rest.value.whole
            let envelopeRow = program.addRow(
                name: "envelope_c\(index)", lower: base, upper: base + (envelope.billionths > 0 ? 1 : 0))
            for variable in covering { coefficients[variable].append((envelopeRow, 1)) }
            if let variable = rest.variable { coefficients[variable].append((envelopeRow, 1)) }
        }
        program.matrix = SparseMatrix(rowCount: program.rowCount)
        for column in coefficients { program.matrix.appendColumn(column) }
        self.values = values
        self.runOf = runOf
    }

    /// Rounds the table: solves the programme and reads the rounding off its
    /// vertex. Nil when an amount is not finite, or when the solver returns no
    /// optimal integral vertex that keeps every promise, which a totally
    /// unimodular programme solved to optimality does not do; the check makes sure.
    public func round() -> [RoundedColumn]? {
        rounding(from: program.columnCount == 0 ? nil : program.solve())
    }

    /// The rounding at `solution` (a solve of `program`; nil when the programme has no
    /// variables), or nil when that is not an optimal integral point keeping every promise.
    public func rounding(from solution: Solution?) -> [RoundedColumn]? {
        guard !hasNonFiniteAmount else { return nil }
        var up = [Double](repeating: 0, count: program.columnCount)
        if program.columnCount > 0 {
            guard let solution, solution.status == .optimal, solution.columnValues.count == up.count else { return nil }
            for (index, value) in solution.columnValues.enumerated() {
                let whole = value.rounded()
                guard abs(value - whole) <= 1e-6, whole == 0 || whole == 1 else { return nil }
                up[index] = whole
            }
        }
        var columns: [RoundedColumn] = []
        for index in values.indices {
            let parts = values[index].indices.map { row in
                values[index][row].map { value in
                    value.whole + (runOf[index][row].flatMap { runs[$0].variable }.map { up[$0] } ?? 0)
                }
            }
            let total = parts.reduce(0.0) { $0 + ($1 ?? 0) }
            guard Self.isRounding(total, of: totals[index]) else { return nil }
            var column = RoundedColumn(parts: parts, total: total, unallocated: nil, envelope: nil)
            if let envelope = envelopes[index], let rest = unallocated[index] {
                let unallocatedUnits = rest.value.whole + (rest.variable.map { up[$0] } ?? 0)
                guard Self.isRounding(unallocatedUnits, of: rest.value),
                    Self.isRounding(total + unallocatedUnits, of: envelope)
                else { return nil }
                column.unallocated = unallocatedUnits
                column.envelope = total + unallocatedUnits
            }
            columns.append(column)
        }
        return columns
    }

    /// The error of rounding a fraction up less that of rounding it down. The costs
    /// take 1e-7 off this for a part and 0.5e-7 for the unallocated money: of two
    /// roundings whose errors differ by less, the one with more figures rounded up
    /// wins, parts before the unallocated money, so a half rounds up where the sums
    /// leave the choice.
    private static func costOfRoundingUp(_ fraction: Double) -> Double {
        1 - 2 * fraction
    }

    /// Whether `units` is `exact` rounded down or up to a whole number.
    private static func isRounding(_ units: Double, of exact: Split) -> Bool {
        units == exact.whole || (exact.billionths > 0 && units == exact.whole + 1)
    }
}
