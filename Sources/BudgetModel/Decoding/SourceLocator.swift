/// Finds where a problem is in a scenario file's text, by a light scan of its lines: the
/// table headers (`[[service]]`, `[objective]`, counted per name) and the `key =` lines in
/// each table. Enough for files written in the usual way; a problem it cannot place (for
/// example in an inline table) simply gets no position.
struct SourceLocator {
    /// A position in the text, 1-based, columns counted in Unicode scalars.
    struct Position: Equatable {
        var line: Int
        var column: Int
    }

    private struct Header {
        var name: String
        var isArray: Bool
        var ordinal: Int
        var position: Position
    }

    private struct KeyLine {
        /// Index into `headers` of the table the key is in; nil at the top level.
        var header: Int?
        var key: String
        var position: Position
        /// The last line that may still hold the key's value (a multi-line array).
        var lastLine: Int
    }

    private let lines: [[Unicode.Scalar]]
    private struct HeaderName: Hashable {
        var name: String
        var isArray: Bool
    }

    private struct HeaderOrdinal: Hashable {
        var name: HeaderName
        var ordinal: Int
    }

    private struct KeyInTable: Hashable {
        var header: Int?
        var key: String
    }

    private var headers: [Header] = []
    private var keys: [KeyLine] = []
    /// Indexes for lookups in constant time, however many tables a file has.
    private var headerCounts: [HeaderName: Int] = [:]
    private var headerIndex: [HeaderOrdinal: Int] = [:]
    private var firstKey: [KeyInTable: Int] = [:]
    /// The positions of the quoted items in each key's value, by index into `keys`, indexed
    /// on first use: a list naming 20,000 unknown services is scanned once, not once per item.
    private var quotedItems: [Int: [String: [Position]]] = [:]

    init(text: String) {
        lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var scalars = Array(line)
            if scalars.last == "\r" { scalars.removeLast() }
            return scalars
        }
        scan()
    }

    /// Where a problem is: its item, else its key, else its table's header; nil when unknown.
    mutating func position(of problem: ScenarioProblem) -> Position? {
        guard let table = problem.table else {
            guard let key = problem.key else { return nil }
            return keyPosition(key, header: nil) ?? headerPosition(named: key)
        }
        let name = HeaderName(name: table.kind.rawValue, isArray: table.kind.isArrayOfTables)
        guard let header = headerIndex[HeaderOrdinal(name: name, ordinal: table.ordinal)] else {
            return keyPosition(table.kind.rawValue, header: nil)
        }
        guard let key = problem.key else { return headers[header].position }
        guard let keyIndex = firstKey[KeyInTable(header: header, key: key)] else { return headers[header].position }
        if let item = problem.item, let itemPosition = find(item, occurrence: problem.itemOccurrence, inKey: keyIndex) {
            return itemPosition
        }
        return keys[keyIndex].position
    }

    private func keyPosition(_ key: String, header: Int?) -> Position? {
        firstKey[KeyInTable(header: header, key: key)].map { keys[$0].position }
    }

    private func headerPosition(named name: String) -> Position? {
        headers.first { $0.name == name || $0.name.hasPrefix(name + ".") }?.position
    }

    /// The position of the `occurrence`-th `"item"` (or `'item'`) in the lines of a key's value.
    private mutating func find(_ item: String, occurrence: Int, inKey keyIndex: Int) -> Position? {
        if quotedItems[keyIndex] == nil { quotedItems[keyIndex] = quotedStrings(in: keys[keyIndex]) }
        guard let positions = quotedItems[keyIndex]?[item], occurrence <= positions.count else { return nil }
        return positions[occurrence - 1]
    }

    /// Every `"…"` and `'…'` string on the lines of a key's value, with where it starts.
    private func quotedStrings(in keyLine: KeyLine) -> [String: [Position]] {
        var found: [String: [Position]] = [:]
        for lineNumber in keyLine.position.line...keyLine.lastLine {
            let scalars = lines[lineNumber - 1]
            var index = lineNumber == keyLine.position.line ? keyLine.position.column - 1 : 0
            while index < scalars.count {
                let quote = scalars[index]
                guard quote == "\"" || quote == "'" else { index += 1; continue }
                guard let end = scalars[(index + 1)...].firstIndex(of: quote) else { break }
                var text = ""
                text.unicodeScalars.append(contentsOf: scalars[(index + 1)..<end])
                found[text, default: []].append(Position(line: lineNumber, column: index + 1))
                index = end + 1
            }
        }
        return found
    }

    // MARK: Scanning

    private mutating func scan() {
        var openString: [Unicode.Scalar]?
        for (index, scalars) in lines.enumerated() {
            let lineNumber = index + 1
            if let delimiter = openString {
                if firstIndex(of: delimiter, in: scalars, from: 0) != nil { openString = nil }
                continue
            }
            let indent = scalars.prefix { $0 == " " || $0 == "\t" }.count
            guard indent < scalars.count, scalars[indent] != "#" else { continue }
            if scalars[indent] == "[" {
                if let (name, isArray) = Self.header(in: scalars[indent...]) {
                    closeLastKey(before: lineNumber)
                    let headerName = HeaderName(name: name, isArray: isArray)
                    let ordinal = headerCounts[headerName, default: 0]
                    headerCounts[headerName] = ordinal + 1
                    headerIndex[HeaderOrdinal(name: headerName, ordinal: ordinal)] = headers.count
                    headers.append(Header(
                        name: name, isArray: isArray, ordinal: ordinal,
                        position: Position(line: lineNumber, column: indent + 1)))
                }
                continue
            }
            guard let (key, valueStart) = Self.keyAssignment(in: scalars, from: indent) else { continue }
            closeLastKey(before: lineNumber)
            let header = headers.isEmpty ? nil : headers.count - 1
            if firstKey[KeyInTable(header: header, key: key)] == nil {
                firstKey[KeyInTable(header: header, key: key)] = keys.count
            }
            keys.append(KeyLine(
                header: header, key: key,
                position: Position(line: lineNumber, column: indent + 1), lastLine: lines.count))
            openString = Self.openedMultilineString(in: scalars, from: valueStart)
        }
    }

    private mutating func closeLastKey(before lineNumber: Int) {
        guard let last = keys.indices.last, keys[last].lastLine >= lineNumber else { return }
        keys[last].lastLine = max(keys[last].position.line, lineNumber - 1)
    }

    /// The name of a table header line (`[a.b]`, `[[a]]`, quotes and spaces removed) and whether
    /// it is an array of tables; nil when the line is not a header (say, an array's continuation).
    private static func header(in line: ArraySlice<Unicode.Scalar>) -> (String, Bool)? {
        let scalars = Array(line)
        let isArray = scalars.starts(with: ["[", "["] as [Unicode.Scalar])
        let width = isArray ? 2 : 1
        let closing: [Unicode.Scalar] = isArray ? ["]", "]"] : ["]"]
        guard let end = firstIndex(of: closing, in: scalars, from: width) else { return nil }
        let rest = scalars[(end + width)...].drop { $0 == " " || $0 == "\t" }
        guard rest.isEmpty || rest.first == "#" else { return nil }
        let inner = scalars[width..<end]
        guard !inner.isEmpty, inner.allSatisfy({ isBareKeyScalar($0) || " \t.\"'".unicodeScalars.contains($0) })
        else { return nil }
        var name = ""
        for scalar in inner where !" \t\"'".unicodeScalars.contains(scalar) {
            name.unicodeScalars.append(scalar)
        }
        return name.isEmpty ? nil : (name, isArray)
    }

    /// The (first component of the) key of a `key = value` line and where its value starts.
    private static func keyAssignment(in line: [Unicode.Scalar], from start: Int) -> (String, Int)? {
        var index = start
        var key = ""
        if line[index] == "\"" || line[index] == "'" {
            let quote = line[index]
            index += 1
            while index < line.count, line[index] != quote {
                key.unicodeScalars.append(line[index])
                index += 1
            }
            guard index < line.count else { return nil }
            index += 1
        } else {
            while index < line.count, isBareKeyScalar(line[index]) {
                key.unicodeScalars.append(line[index])
                index += 1
            }
            guard !key.isEmpty else { return nil }
        }
        // Skip the rest of a dotted key: the position is that of its first component.
        while index < line.count, line[index] != "=" {
            guard isBareKeyScalar(line[index]) || " \t.\"'".unicodeScalars.contains(line[index]) else { return nil }
            index += 1
        }
        guard index < line.count else { return nil }
        return (key, index + 1)
    }

    private static func isBareKeyScalar(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
            || scalar == "_" || scalar == "-"
    }

    /// The delimiter of a multi-line string that a value opens and does not close on its line.
    private static func openedMultilineString(in line: [Unicode.Scalar], from start: Int) -> [Unicode.Scalar]? {
        let valueStart = line[start...].firstIndex { $0 != " " && $0 != "\t" } ?? line.count
        for delimiter in [Array("\"\"\"".unicodeScalars), Array("'''".unicodeScalars)] {
            if line[valueStart...].starts(with: delimiter) {
                let afterOpening = valueStart + delimiter.count
                return firstIndex(of: delimiter, in: line, from: afterOpening) == nil ? delimiter : nil
            }
        }
        return nil
    }
}

/// The index of the first occurrence of `needle` in `haystack` at or after `start`.
private func firstIndex(of needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], from start: Int) -> Int? {
    guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
    for index in max(start, 0)...(haystack.count - needle.count)
    where haystack[index..<(index + needle.count)].elementsEqual(needle) {
        return index
    }
    return nil
}
