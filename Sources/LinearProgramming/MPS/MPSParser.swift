/// The MPS state machine: reads the lines of one file in one layout and
/// builds the `LinearProgram`. `MPSReader` is its public face and documents
/// the conventions.
struct MPSParser {
    /// The sections in the order a file may give them.
    private enum Section: Int {
        case start, name, objectiveSense, rows, columns, rhs, ranges, bounds, end
    }

    /// The type of a row as the ROWS section gave it.
    private enum RowKind {
        case equal, lessOrEqual, greaterOrEqual, free
    }

    /// Where a row name points: the objective or a constraint row.
    private enum RowReference {
        case objective
        case row(Int)
    }

    private let fileName: String
    private let format: MPSFormat
    private var program = LinearProgram()
    private var section = Section.start
    private var seenSections: Set<Int> = []
    /// Line number of the line being read, for errors.
    private var lineNumber = 0

    private var objectiveRowName: String?
    private var rowIndex: [String: Int] = [:]
    private var rowKinds: [RowKind] = []
    private var rightHandSides: [Double] = []
    private var rightHandSideGiven: [Bool] = []
    private var ranges: [Double?] = []

    private var columnIndex: [String: Int] = [:]
    private var currentColumn: (name: String, cost: Double, entries: [(row: Int, value: Double)])?
    private var currentColumnHasCost = false
    /// For each row, the column index that last put an entry in it (duplicate detection).
    private var rowStamp: [Int] = []
    private var lowerBoundGiven: [Bool] = []
    /// For each column, the line of the BOUNDS entry that set its lower (upper) bound, if any.
    private var lowerBoundLine: [Int?] = []
    private var upperBoundLine: [Int?] = []
    /// Whether the COLUMNS lines being read are between `'INTORG'` and `'INTEND'` markers.
    private var insideIntegerMarkers = false
    /// Whether the column being read started between integer markers.
    private var currentColumnIsInteger = false
    /// For each column, whether the file declares it integer (markers, `BV`, `LI`, `UI`, `SI`).
    private var isInteger: [Bool] = []
    /// For each column, whether an `SC` or `SI` bound makes it semi-continuous.
    private var isSemicontinuous: [Bool] = []
    /// The first line after `ENDATA` that is not blank or a comment, and how many such lines.
    private var trailingStart: (line: Int, text: String)?
    private var trailingCount = 0

    private var rightHandSideSet: String?
    private var objectiveConstantGiven = false
    private var rangeSet: String?
    private var boundSet: String?

    /// A parser for one file in one layout (`.fixed` or `.free`).
    init(fileName: String, format: MPSFormat) {
        self.fileName = fileName
        self.format = format
    }

    /// Reads every line and returns the programme and its integer columns, or throws at the
    /// first problem.
    mutating func parse(_ lines: [MPSLine]) throws(MPSError) -> MPSModel {
        var sawContent = false
        for line in lines where !line.isIgnorable {
            lineNumber = line.number
            sawContent = true
            if section == .end {
                if trailingStart == nil { trailingStart = (line.number, line.tokens.first ?? "") }
                trailingCount += 1
                continue
            }
            if line.isSectionHeader {
                try startSection(line)
            } else {
                try readData(line)
            }
        }
        lineNumber = lines.last?.number ?? 1
        guard sawContent else {
            throw MPSError(file: fileName, line: 0, message: "the file is empty: no MPS sections")
        }
        guard section == .end else { throw error("the file ends without ENDATA") }
        var semicontinuous: [MPSModel.SemicontinuousColumn] = []
        for j in isSemicontinuous.indices where isSemicontinuous[j] && program.columnLower[j] > 0 {
            semicontinuous.append(MPSModel.SemicontinuousColumn(column: j, lower: program.columnLower[j]))
            program.columnLower[j] = 0
        }
        var notes: [String] = []
        if let (line, text) = trailingStart {
            let count = trailingCount == 1 ? "1 line" : "\(trailingCount) lines"
            notes.append("\(fileName):\(line): \(count) after ENDATA ignored (starting '\(text)')")
        }
        return MPSModel(
            program: program, integerColumns: isInteger.indices.filter { isInteger[$0] },
            semicontinuous: semicontinuous, notes: notes)
    }

    // MARK: - Sections

    private mutating func startSection(_ line: MPSLine) throws(MPSError) {
        let tokens = line.tokens
        let keyword = tokens[0].uppercased()
        let next: Section
        switch keyword {
        case "NAME":
            next = .name
            program.name = line.restAfterFirstToken
        case "OBJSENSE":
            next = .objectiveSense
            if tokens.count == 2 {
                try setSense(tokens[1])
            } else if tokens.count > 2 {
                throw error("OBJSENSE takes one word, MAX or MIN")
            }
        case "ROWS": next = .rows
        case "COLUMNS": next = .columns
        case "RHS": next = .rhs
        case "RANGES": next = .ranges
        case "BOUNDS": next = .bounds
        case "ENDATA": next = .end
        default:
            throw error("unknown section '\(tokens[0])'")
        }
        if next != .name && next != .objectiveSense && tokens.count > 1 {
            throw error("unexpected text after \(keyword)")
        }
        guard !seenSections.contains(next.rawValue) else {
            throw error("\(keyword) section given twice")
        }
        try checkOrder(of: next, keyword: keyword)
        if section == .columns { finishColumn() }
        if next == .end { applyRowBounds() }
        seenSections.insert(next.rawValue)
        section = next
    }

    /// NAME and OBJSENSE come before ROWS; ROWS before COLUMNS; RHS, RANGES
    /// and BOUNDS after COLUMNS in any order; ENDATA after COLUMNS.
    private func checkOrder(of next: Section, keyword: String) throws(MPSError) {
        let rowsSeen = seenSections.contains(Section.rows.rawValue)
        let columnsSeen = seenSections.contains(Section.columns.rawValue)
        switch next {
        case .name, .objectiveSense:
            if rowsSeen { throw error("\(keyword) must come before ROWS") }
        case .rows:
            break
        case .columns:
            if !rowsSeen { throw error("COLUMNS before ROWS") }
        case .rhs, .ranges, .bounds, .end:
            if !columnsSeen { throw error("\(keyword) before COLUMNS") }
        case .start:
            break
        }
    }

    private mutating func setSense(_ word: String) throws(MPSError) {
        switch word.uppercased() {
        case "MAX", "MAXIMIZE", "MAXIMISE": program.sense = .maximize
        case "MIN", "MINIMIZE", "MINIMISE": program.sense = .minimize
        default: throw error("unknown objective sense '\(word)': expected MAX or MIN")
        }
    }

    // MARK: - Data lines

    private mutating func readData(_ line: MPSLine) throws(MPSError) {
        switch section {
        case .start:
            throw error("data before the first section")
        case .name:
            throw error("unexpected data in the NAME section")
        case .objectiveSense:
            let tokens = line.tokens
            guard tokens.count == 1 else { throw error("OBJSENSE takes one word, MAX or MIN") }
            try setSense(tokens[0])
        case .rows:
            try readRow(line)
        case .columns:
            try readColumnLine(line)
        case .rhs:
            try readRightHandSide(line)
        case .ranges:
            try readRange(line)
        case .bounds:
            try readBound(line)
        case .end:
            throw error("data after ENDATA")
        }
    }

    private mutating func readRow(_ line: MPSLine) throws(MPSError) {
        let type: String
        let name: String
        if format == .fixed {
            let f = line.fixedFields
            guard f[2...].allSatisfy(\.isEmpty) else { throw error("unexpected text after the row name") }
            type = f[0]
            name = f[1]
        } else {
            let t = line.tokens
            guard t.count == 2 else {
                throw error(t.count < 2 ? "a ROWS line needs a type and a name" : "too many fields on a ROWS line")
            }
            type = t[0]
            name = t[1]
        }
        guard !name.isEmpty else { throw error("a ROWS line needs a type and a name") }
        let kind: RowKind
        switch type.uppercased() {
        case "E": kind = .equal
        case "L": kind = .lessOrEqual
        case "G": kind = .greaterOrEqual
        case "N": kind = .free
        default: throw error("unknown row type '\(type)': expected N, E, L or G")
        }
        guard rowIndex[name] == nil, name != objectiveRowName else {
            throw error("duplicate row '\(name)'")
        }
        if kind == .free && objectiveRowName == nil {
            objectiveRowName = name
            program.objectiveName = name
            return
        }
        rowIndex[name] = program.addRow(name: name, lower: -.infinity, upper: .infinity)
        rowKinds.append(kind)
        rightHandSides.append(0)
        rightHandSideGiven.append(false)
        ranges.append(nil)
        rowStamp.append(-1)
    }

    private func reference(toRow name: String) throws(MPSError) -> RowReference {
        if name == objectiveRowName { return .objective }
        guard let index = rowIndex[name] else { throw error("unknown row '\(name)'") }
        return .row(index)
    }

    private func number(_ text: String, for what: String) throws(MPSError) -> Double {
        guard !text.isEmpty else { throw error("missing \(what)") }
        guard let value = MPSNumber.parse(text) else {
            throw error("'\(text)' is not a valid \(what) (a finite decimal number)")
        }
        return value
    }

    /// Splits the fields of a COLUMNS, RHS or RANGES line into a leading name
    /// and one or two `(row, value)` pairs. `leadingOptional` says that the
    /// leading name (the RHS or RANGES set name) may be absent; it is then "".
    private func namedPairs(
        _ line: MPSLine, leadingOptional: Bool, what: String
    ) throws(MPSError) -> (String, [(String, String)]) {
        if format == .fixed {
            let f = line.fixedFields
            guard f[0].isEmpty else { throw error("unexpected text in columns 2-3 of a \(what) line") }
            guard leadingOptional || !f[1].isEmpty else { throw error("missing column name") }
            var pairs = [(f[2], f[3])]
            if !f[4].isEmpty || !f[5].isEmpty { pairs.append((f[4], f[5])) }
            for (row, _) in pairs where row.isEmpty { throw error("missing row name") }
            return (f[1], pairs)
        }
        var t = line.tokens
        let hasLeading: Bool
        switch t.count {
        case 3, 5: hasLeading = true
        case 2 where leadingOptional, 4 where leadingOptional: hasLeading = false
        case 0, 1, 2, 4: throw error("missing fields on a \(what) line")
        default: throw error("too many fields on a \(what) line")
        }
        let leading = hasLeading ? t.removeFirst() : ""
        var pairs = [(t[0], t[1])]
        if t.count == 4 { pairs.append((t[2], t[3])) }
        return (leading, pairs)
    }

    // MARK: COLUMNS

    private mutating func readColumnLine(_ line: MPSLine) throws(MPSError) {
        let tokens = line.tokens
        if tokens.count >= 2, tokens[1] == "'MARKER'" {
            // Integrality markers: the columns between them are integer.
            guard tokens.count == 3, tokens[2] == "'INTORG'" || tokens[2] == "'INTEND'" else {
                throw error("a MARKER line must end with 'INTORG' or 'INTEND'")
            }
            let opens = tokens[2] == "'INTORG'"
            guard opens != insideIntegerMarkers else {
                throw error(opens ? "'INTORG' marker inside integer markers already open" : "'INTEND' marker without 'INTORG'")
            }
            insideIntegerMarkers = opens
            return
        }
        let (name, pairs) = try namedPairs(line, leadingOptional: false, what: "COLUMNS")
        if currentColumn?.name != name {
            finishColumn()
            guard columnIndex[name] == nil else {
                throw error("column '\(name)' appears again after other columns: its entries must be together")
            }
            columnIndex[name] = program.columnCount
            currentColumn = (name, 0, [])
            currentColumnIsInteger = insideIntegerMarkers
            currentColumnHasCost = false
        }
        let column = program.columnCount
        for (rowName, text) in pairs {
            let value = try number(text, for: "coefficient")
            switch try reference(toRow: rowName) {
            case .objective:
                guard !currentColumnHasCost else {
                    throw error("row '\(rowName)' given twice for column '\(name)'")
                }
                currentColumnHasCost = true
                currentColumn?.cost = value
            case .row(let row):
                guard rowStamp[row] != column else {
                    throw error("row '\(rowName)' given twice for column '\(name)'")
                }
                rowStamp[row] = column
                currentColumn?.entries.append((row, value))
            }
        }
    }

    /// Appends the column being read (if any) to the programme with default bounds [0, +inf).
    private mutating func finishColumn() {
        guard let column = currentColumn else { return }
        program.addColumn(
            name: column.name, cost: column.cost, lower: 0, upper: .infinity,
            coefficients: column.entries)
        lowerBoundGiven.append(false)
        lowerBoundLine.append(nil)
        upperBoundLine.append(nil)
        isInteger.append(currentColumnIsInteger)
        isSemicontinuous.append(false)
        currentColumn = nil
    }

    // MARK: RHS and RANGES

    /// Whether a line of set `name` belongs to the set in use (the first one seen).
    private static func isChosenSet(_ name: String, chosen: inout String?) -> Bool {
        if let chosen { return chosen == name }
        chosen = name
        return true
    }

    private mutating func readRightHandSide(_ line: MPSLine) throws(MPSError) {
        let (set, pairs) = try namedPairs(line, leadingOptional: true, what: "RHS")
        guard MPSParser.isChosenSet(set, chosen: &rightHandSideSet) else { return }
        for (rowName, text) in pairs {
            let value = try number(text, for: "right-hand side")
            switch try reference(toRow: rowName) {
            case .objective:
                guard !objectiveConstantGiven else { throw error("RHS for row '\(rowName)' given twice") }
                objectiveConstantGiven = true
                program.objectiveConstant = -value
            case .row(let row):
                guard !rightHandSideGiven[row] else { throw error("RHS for row '\(rowName)' given twice") }
                rightHandSideGiven[row] = true
                rightHandSides[row] = value
            }
        }
    }

    private mutating func readRange(_ line: MPSLine) throws(MPSError) {
        let (set, pairs) = try namedPairs(line, leadingOptional: true, what: "RANGES")
        guard MPSParser.isChosenSet(set, chosen: &rangeSet) else { return }
        for (rowName, text) in pairs {
            let value = try number(text, for: "range")
            switch try reference(toRow: rowName) {
            case .objective:
                throw error("RANGES entry for the objective row '\(rowName)'")
            case .row(let row):
                guard rowKinds[row] != .free else { throw error("RANGES entry for the free row '\(rowName)'") }
                guard ranges[row] == nil else { throw error("RANGES for row '\(rowName)' given twice") }
                ranges[row] = value
            }
        }
    }

    // MARK: BOUNDS

    private mutating func readBound(_ line: MPSLine) throws(MPSError) {
        let type: String
        let set: String
        let columnName: String
        let valueText: String
        if format == .fixed {
            let f = line.fixedFields
            guard f[4].isEmpty, f[5].isEmpty else { throw error("too many fields on a BOUNDS line") }
            (type, set, columnName, valueText) = (f[0].uppercased(), f[1], f[2], f[3])
        } else {
            let t = line.tokens
            guard t.count >= 2 else { throw error("missing fields on a BOUNDS line") }
            type = t[0].uppercased()
            let takesValue = !["FR", "MI", "PL", "BV"].contains(type)
            switch (takesValue, t.count) {
            case (true, 3): (set, columnName, valueText) = ("", t[1], t[2])
            case (true, 4): (set, columnName, valueText) = (t[1], t[2], t[3])
            case (false, 2): (set, columnName, valueText) = ("", t[1], "")
            case (false, 3): (set, columnName, valueText) = (t[1], t[2], "")
            case (false, 4): (set, columnName, valueText) = (t[1], t[2], t[3])
            case (_, 2): throw error("missing fields on a BOUNDS line")
            default: throw error("too many fields on a BOUNDS line")
            }
        }
        guard !columnName.isEmpty else { throw error("missing column name on a BOUNDS line") }
        guard MPSParser.isChosenSet(set, chosen: &boundSet) else { return }
        guard let column = columnIndex[columnName] else { throw error("unknown column '\(columnName)'") }
        func value() throws(MPSError) -> Double {
            let v = try number(valueText, for: "bound")
            return abs(v) >= MPSReader.infinity ? (v > 0 ? .infinity : -.infinity) : v
        }
        try recordBoundSides(of: type, column: column, name: columnName)
        if ["BV", "LI", "UI", "SI"].contains(type) { isInteger[column] = true }
        switch type {
        case "UP", "UI":
            let v = try value()
            guard v != -.infinity else { throw error("upper bound of '\(columnName)' is -infinity") }
            program.columnUpper[column] = v
            if v < 0 && !lowerBoundGiven[column] { program.columnLower[column] = -.infinity }
        case "LO", "LI":
            let v = try value()
            guard v != .infinity else { throw error("lower bound of '\(columnName)' is +infinity") }
            program.columnLower[column] = v
            lowerBoundGiven[column] = true
        case "FX":
            let v = try value()
            guard v.isFinite else { throw error("fixed value of '\(columnName)' is infinite") }
            program.columnLower[column] = v
            program.columnUpper[column] = v
            lowerBoundGiven[column] = true
        case "FR":
            program.columnLower[column] = -.infinity
            program.columnUpper[column] = .infinity
            lowerBoundGiven[column] = true
        case "MI":
            program.columnLower[column] = -.infinity
            lowerBoundGiven[column] = true
        case "PL":
            program.columnUpper[column] = .infinity
        case "BV":
            program.columnLower[column] = 0
            program.columnUpper[column] = 1
            lowerBoundGiven[column] = true
        case "SC", "SI":
            let v = try value()
            guard v >= 0 else {
                throw error("semi-continuous bound (\(type)) of '\(columnName)' is \(v): it must not be negative")
            }
            program.columnUpper[column] = v
            isSemicontinuous[column] = true
        default:
            throw error("unknown bound type '\(type)': expected UP, LO, FX, FR, MI, PL, BV, LI, UI, SC or SI")
        }
    }

    /// Rejects a BOUNDS entry that sets a side of a column's bounds an earlier entry set (the
    /// later would silently win), like an RHS entry given twice: `UP`, `UI` and `PL` set the
    /// upper bound; `LO`, `LI` and `MI` the lower; `FX`, `FR` and `BV` both.
    private mutating func recordBoundSides(of type: String, column: Int, name: String) throws(MPSError) {
        let setsLower = ["LO", "LI", "MI", "FX", "FR", "BV"].contains(type)
        let setsUpper = ["UP", "UI", "PL", "FX", "FR", "BV", "SC", "SI"].contains(type)
        if setsLower, let earlier = lowerBoundLine[column] {
            throw error("lower bound of '\(name)' given twice (\(type) here, and at line \(earlier))")
        }
        if setsUpper, let earlier = upperBoundLine[column] {
            throw error("upper bound of '\(name)' given twice (\(type) here, and at line \(earlier))")
        }
        if setsLower { lowerBoundLine[column] = lineNumber }
        if setsUpper { upperBoundLine[column] = lineNumber }
    }

    // MARK: - Finishing

    /// Applies the right-hand sides and ranges to the row bounds. Called once, at ENDATA.
    private mutating func applyRowBounds() {
        for row in 0..<program.rowCount {
            let rhs = rightHandSides[row]
            let range = ranges[row]
            switch rowKinds[row] {
            case .free:
                continue
            case .equal:
                if let range, range > 0 {
                    (program.rowLower[row], program.rowUpper[row]) = (rhs, rhs + range)
                } else if let range, range < 0 {
                    (program.rowLower[row], program.rowUpper[row]) = (rhs + range, rhs)
                } else {
                    (program.rowLower[row], program.rowUpper[row]) = (rhs, rhs)
                }
            case .lessOrEqual:
                program.rowUpper[row] = rhs
                if let range { program.rowLower[row] = rhs - abs(range) }
            case .greaterOrEqual:
                program.rowLower[row] = rhs
                if let range { program.rowUpper[row] = rhs + abs(range) }
            }
        }
    }

    private func error(_ message: String) -> MPSError {
        MPSError(file: fileName, line: lineNumber, message: message)
    }
}
