/// Writes a `LinearProgram` in CPLEX LP format, as HiGHS, CPLEX, Gurobi, GLPK and CBC read it.
///
/// Sections `Minimize`/`Maximize` (the objective, with its constant), `Subject To`, `Bounds`,
/// `End`. Rows with one finite bound are `<=` or `>=` rows, equal bounds `=`. A two-sided row,
/// which the format cannot state, becomes the equality `a'x - range.<row> = lower` with a new
/// column `0 <= range.<row> <= upper - lower` (the convention Gurobi's writer uses); its dual is
/// the original row's. Free rows constrain nothing and are left out. Every column gets a line in
/// `Bounds`, so columns without coefficients are declared too. Names are made usable by
/// `LPFormatNames`.
public enum LPFormatWriter {
    /// Terms written per line of the objective and of each row.
    static let termsPerLine = 6

    /// The programme as CPLEX LP text.
    public static func string(for program: LinearProgram) -> String {
        let names = LPFormatNames(program)
        var rowTerms = [[(name: String, value: Double)]](repeating: [], count: program.rowCount)
        let matrix = program.matrix
        for j in 0..<program.columnCount {
            for k in matrix.range(ofColumn: j) where matrix.values[k] != 0 {
                rowTerms[matrix.rowIndices[k]].append((names.columns[j], matrix.values[k]))
            }
        }

        var lines = ["\\ \(program.name.isEmpty ? "linear programme" : program.name), written by scenario"]
        lines.append(program.sense == .minimize ? "Minimize" : "Maximize")
        let objective = (0..<program.columnCount).compactMap { j in
            program.costs[j] == 0 ? nil : (name: names.columns[j], value: program.costs[j])
        }
        lines += expression(label: names.objective, terms: objective, tail: program.objectiveConstant == 0 ? "" : " " + signed(program.objectiveConstant))

        lines.append("Subject To")
        for i in 0..<program.rowCount {
            let lower = program.rowLower[i], upper = program.rowUpper[i]
            var terms = rowTerms[i]
            if terms.isEmpty, let first = names.columns.first { terms = [(first, 0)] }
            let tail: String
            if lower == upper {
                tail = " = \(number(lower))"
            } else if lower.isFinite && upper.isFinite {
                terms.append((names.rangeColumns[i] ?? "", -1))
                tail = " = \(number(lower))"
            } else if lower.isFinite {
                tail = " >= \(number(lower))"
            } else if upper.isFinite {
                tail = " <= \(number(upper))"
            } else {
                continue
            }
            lines += expression(label: names.rows[i], terms: terms, tail: tail)
        }

        lines.append("Bounds")
        for j in 0..<program.columnCount {
            lines.append(" " + bound(names.columns[j], lower: program.columnLower[j], upper: program.columnUpper[j]))
        }
        for (i, name) in names.rangeColumns.sorted(by: { $0.key < $1.key }) {
            lines.append(" 0 <= \(name) <= \(number(program.rowUpper[i] - program.rowLower[i]))")
        }
        lines.append("End")
        return lines.joined(separator: "\n") + "\n"
    }

    /// ` label: a x + b y ...` followed by `tail`, broken after every `termsPerLine` terms.
    private static func expression(label: String, terms: [(name: String, value: Double)], tail: String) -> [String] {
        var lines: [String] = []
        var line = " \(label):"
        for (index, term) in terms.enumerated() {
            if index > 0 && index % termsPerLine == 0 {
                lines.append(line)
                line = "  "
            }
            line += " \(signed(term.value)) \(term.name)"
        }
        if terms.isEmpty { line += " 0" }
        lines.append(line + tail)
        return lines
    }

    private static func bound(_ name: String, lower: Double, upper: Double) -> String {
        if lower == upper { return "\(name) = \(number(lower))" }
        if lower == -.infinity && upper == .infinity { return "\(name) free" }
        return "\(number(lower)) <= \(name) <= \(number(upper))"
    }

    /// `+ 2`, `- 0.5`: a coefficient with its sign.
    private static func signed(_ value: Double) -> String {
        value < 0 ? "- \(number(-value))" : "+ \(number(value))"
    }

    /// The shortest text that reads back as the same Double; `+inf`/`-inf` for infinities.
    private static func number(_ value: Double) -> String {
        if value == .infinity { return "+inf" }
        if value == -.infinity { return "-inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return value.description
    }
}
