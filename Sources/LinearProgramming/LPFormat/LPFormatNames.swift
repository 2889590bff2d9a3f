/// Names a CPLEX LP file can hold, made from a programme's column and row names.
///
/// LP format names use letters, digits and ``!"#$%&()/,.;?@_`'{}|~``, must not start with a
/// digit or a period, nor with `e`/`E` followed by a digit or another `e`/`E` (they would read as
/// numbers). `:` becomes `.` and `-` becomes `~` (so `split:hub:grant` reads `split.hub.grant`
/// and `fund-1` reads `fund~1`, one to one for the scenario's ids); any other character becomes `_`.
/// A name that is still not usable gets a leading `_`; an empty name becomes `C<j>`/`R<i>`; a name
/// already taken gets `#<index>` appended.
struct LPFormatNames {
    /// One usable, distinct name per column.
    let columns: [String]
    /// One usable, distinct name per row.
    let rows: [String]
    /// The objective row's name.
    let objective: String
    /// The name of the range column of each two-sided row (`range.<row>`), by row index.
    let rangeColumns: [Int: String]

    private static let symbols = Set("!\"#$%&()/,.;?@_`'{}|~")

    init(_ program: LinearProgram) {
        var taken: Set<String> = []
        func distinct(_ name: String, index: Int) -> String {
            var candidate = name
            if taken.contains(candidate) { candidate += "#\(index)" }
            taken.insert(candidate)
            return candidate
        }
        objective = distinct(Self.usable(program.objectiveName, fallback: "obj"), index: 0)
        columns = program.columnNames.enumerated().map { j, name in distinct(Self.usable(name, fallback: "C\(j)"), index: j) }
        rows = program.rowNames.enumerated().map { i, name in distinct(Self.usable(name, fallback: "R\(i)"), index: i) }
        var ranges: [Int: String] = [:]
        for i in 0..<program.rowCount where program.rowLower[i].isFinite && program.rowUpper[i].isFinite
            && program.rowLower[i] < program.rowUpper[i] {
            ranges[i] = distinct("range." + rows[i], index: program.columnCount + i)
        }
        rangeColumns = ranges
    }

    static func usable(_ name: String, fallback: String) -> String {
        guard !name.isEmpty else { return fallback }
        var mapped = String(name.map { character -> Character in
            if character == ":" { return "." }
            if character == "-" { return "~" }
            if character.isASCII && (character.isLetter || character.isNumber || symbols.contains(character)) { return character }
            return "_"
        })
        let characters = Array(mapped)
        let startsLikeANumber = characters[0].isNumber || characters[0] == "."
            || ((characters[0] == "e" || characters[0] == "E") && characters.count > 1
                && (characters[1].isNumber || characters[1] == "e" || characters[1] == "E"))
        if startsLikeANumber { mapped = "_" + mapped }
        return String(mapped.prefix(255))
    }
}
