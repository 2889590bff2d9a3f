/// Writes a `LinearProgram` as free-format MPS that `MPSReader` reads back
/// to an equal programme: names, the sense (an `OBJSENSE` section), the
/// objective constant (as minus the RHS of the objective row), infinite
/// bounds (`MI`, `PL`, `FR`), ranged rows (a `G` row with a RANGES entry, or
/// an `L` row when that is the form that rebuilds the bounds exactly) and
/// free rows (extra `N` rows). Numbers are written in Swift's shortest
/// round-trip form, so every value reads back bit for bit.
public enum MPSWriter {
    /// The MPS text of `program`.
    /// - Throws: `MPSWriterError` when a name or number cannot be carried (see its cases).
    public static func string(for program: LinearProgram) throws(MPSWriterError) -> String {
        try validateNames(of: program)
        var out = program.name.isEmpty ? "NAME\n" : "NAME \(program.name)\n"
        if program.sense == .maximize { out += "OBJSENSE\n    MAX\n" }
        let hasObjective = !program.objectiveName.isEmpty
        out += "ROWS\n"
        if hasObjective { out += " N  \(program.objectiveName)\n" }
        var rowTypes: [String] = []
        var rightHandSides: [(String, Double)] = []
        var rangeValues: [(String, Double)] = []
        for i in 0..<program.rowCount {
            let name = program.rowNames[i]
            let (type, rhs, range) = try rowForm(lower: program.rowLower[i], upper: program.rowUpper[i], name: name)
            rowTypes.append(type)
            out += " \(type)  \(name)\n"
            if let rhs, rhs != 0 { rightHandSides.append((name, rhs)) }
            if let range { rangeValues.append((name, range)) }
        }
        out += "COLUMNS\n"
        for j in 0..<program.columnCount {
            let name = program.columnNames[j]
            let cost = program.costs[j]
            guard cost.isFinite else { throw .unwritableNumber(kind: "cost", name: name, value: cost) }
            let range = program.matrix.range(ofColumn: j)
            if cost != 0 || range.isEmpty {
                out += "    \(name)  \(program.objectiveName)  \(cost)\n"
            }
            for k in range {
                let value = program.matrix.values[k]
                guard value.isFinite else { throw .unwritableNumber(kind: "coefficient", name: name, value: value) }
                out += "    \(name)  \(program.rowNames[program.matrix.rowIndices[k]])  \(value)\n"
            }
        }
        let constant = program.objectiveConstant
        guard constant.isFinite else { throw .unwritableNumber(kind: "objective constant", name: program.objectiveName, value: constant) }
        if constant != 0 || !rightHandSides.isEmpty {
            out += "RHS\n"
            if constant != 0 { out += "    RHS  \(program.objectiveName)  \(-constant)\n" }
            for (name, value) in rightHandSides { out += "    RHS  \(name)  \(value)\n" }
        }
        if !rangeValues.isEmpty {
            out += "RANGES\n"
            for (name, value) in rangeValues { out += "    RNG  \(name)  \(value)\n" }
        }
        var bounds = ""
        for j in 0..<program.columnCount {
            bounds += try boundLines(
                lower: program.columnLower[j], upper: program.columnUpper[j], name: program.columnNames[j])
        }
        if !bounds.isEmpty { out += "BOUNDS\n" + bounds }
        out += "ENDATA\n"
        return out
    }

    private static func validateNames(of program: LinearProgram) throws(MPSWriterError) {
        func isWritable(_ name: String) -> Bool {
            !name.isEmpty && name != "'MARKER'" && !name.contains(where: { $0.isWhitespace })
        }
        if program.objectiveName.isEmpty {
            if program.costs.contains(where: { $0 != 0 }) || program.objectiveConstant != 0 {
                throw .unwritableName(kind: "objective", name: "")
            }
        } else if !isWritable(program.objectiveName) {
            throw .unwritableName(kind: "objective", name: program.objectiveName)
        }
        if program.name.contains(where: { $0.isNewline }) || program.name != program.name.trimmingBlanks {
            throw .unwritableName(kind: "programme", name: program.name)
        }
        var rows: Set<String> = program.objectiveName.isEmpty ? [] : [program.objectiveName]
        for name in program.rowNames {
            guard isWritable(name) else { throw .unwritableName(kind: "row", name: name) }
            guard rows.insert(name).inserted else { throw .duplicateName(kind: "row", name: name) }
        }
        var columns: Set<String> = []
        for name in program.columnNames {
            guard isWritable(name) else { throw .unwritableName(kind: "column", name: name) }
            guard columns.insert(name).inserted else { throw .duplicateName(kind: "column", name: name) }
        }
    }

    /// The row type, right-hand side and range that rebuild `[lower, upper]` exactly.
    private static func rowForm(
        lower: Double, upper: Double, name: String
    ) throws(MPSWriterError) -> (String, Double?, Double?) {
        let invalid = MPSWriterError.unwritableBound(kind: "row", name: name, lower: lower, upper: upper)
        guard !lower.isNaN, !upper.isNaN, lower != .infinity, upper != -.infinity else { throw invalid }
        switch (lower.isFinite, upper.isFinite) {
        case (false, false): return ("N", nil, nil)
        case (true, false): return ("G", lower, nil)
        case (false, true): return ("L", upper, nil)
        case (true, true):
            if lower == upper { return ("E", lower, nil) }
            guard lower < upper else { throw invalid }
            // The reader computes rhs + |R| for G rows and rhs - |R| for L rows:
            // find an R that rebuilds the other bound exactly.
            var candidate = upper - lower
            for _ in 0..<4 { candidate = candidate.nextDown }
            for _ in 0..<9 {
                if lower + candidate == upper { return ("G", lower, candidate) }
                if upper - candidate == lower { return ("L", upper, candidate) }
                candidate = candidate.nextUp
            }
            throw invalid
        }
    }

    /// The BOUNDS lines that rebuild `[lower, upper]` from the default `[0, +inf)`.
    private static func boundLines(lower: Double, upper: Double, name: String) throws(MPSWriterError) -> String {
        let limit = MPSReader.infinity
        guard !lower.isNaN, !upper.isNaN, lower != .infinity, upper != -.infinity,
            !(lower.isFinite && abs(lower) >= limit), !(upper.isFinite && abs(upper) >= limit)
        else { throw .unwritableBound(kind: "column", name: name, lower: lower, upper: upper) }
        if lower == upper { return " FX BND  \(name)  \(lower)\n" }
        if lower == -.infinity && upper == .infinity { return " FR BND  \(name)\n" }
        var lines = ""
        if lower == -.infinity {
            lines += " MI BND  \(name)\n"
        } else if lower != 0 || upper < 0 {
            lines += " LO BND  \(name)  \(lower)\n"
        }
        if upper != .infinity { lines += " UP BND  \(name)  \(upper)\n" }
        return lines
    }
}

extension String {
    /// The string without leading and trailing blanks and tabs.
    fileprivate var trimmingBlanks: String {
        let scalars = unicodeScalars.drop(while: { $0 == " " || $0 == "\t" })
        let trimmed = scalars.reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed()
        return String(String.UnicodeScalarView(trimmed))
    }
}
