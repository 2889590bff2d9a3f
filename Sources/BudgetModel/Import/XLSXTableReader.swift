import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads a worksheet of an Office Open XML workbook (`.xlsx`, as Excel, LibreOffice and
/// `scenario sweep --format xlsx` write it), the first or the one of a given name, as a
/// `SpreadsheetTable`: the first row with a value is the header row.
///
/// Text cells (shared strings, inline strings and formula results) are text, with SpreadsheetML's
/// `_xHHHH_` escapes decoded; numbers are numbers, and a number in a per-cent format
/// (`0%`, `0.00%`, or any format with `%`) is a percentage, so a cell showing 50% reads as 50%,
/// not as 0.5; TRUE and FALSE are booleans; an error value (`#N/A`) is text.
///
/// The ZIP container and the XML are checked as they are read: every entry inside the file
/// (`ZIPBounds`, before ZIPFoundation reads it), no part over 8 MiB unpacked (a sheet of 10,000 services is under 2 MiB), no row past 1,048,576 or column past XFD (16,384), as in Excel.
public enum XLSXTableReader {
    /// The most bytes one part of the workbook may unpack to.
    static let maximumPartSize = 8 << 20
    /// Excel's limits.
    static let maximumRow = 1_048_576
    static let maximumColumn = 16_384

    /// The table on a sheet of the workbook `bytes`, the contents of `file`: with `sheet`, the
    /// sheet of that name (the name on its tab, in any case), and without it the first sheet.
    /// A workbook of one sheet gives that sheet whatever its name. A table from a named sheet of
    /// a workbook of several sheets is located as `FILE[Sheet]`, so its problems say which sheet.
    ///
    /// - Throws: the problem, located at the file, or at the row of the sheet; among them
    ///   `FILE: has no sheet named funds; its sheets are Cover, Services` when the workbook has
    ///   several sheets and none of that name.
    public static func read(_ bytes: [UInt8], file: String, sheet: String? = nil) throws(SpreadsheetReadError) -> SpreadsheetTable {
        func failure(_ message: String) -> SpreadsheetReadError { SpreadsheetReadError(file: file, message: message) }
        let workbook = try opened(bytes, file: file)
        var chosen = workbook.sheets[0]
        var location = file
        if let sheet, workbook.sheets.count > 1 {
            guard let named = workbook.sheets.first(where: { $0.name.lowercased() == sheet.lowercased() }) else {
                throw failure("has no sheet named \(sheet); its sheets are " + workbook.sheets.map(\.name).joined(separator: ", "))
            }
            chosen = named
            location = "\(file)[\(named.name)]"
        }
        let part = workbook.part
        var targets: [String: String] = [:]
        if let relationships = try part("xl/_rels/workbook.xml.rels") {
            targets = try parsed(relationships, file: file, part: "xl/_rels/workbook.xml.rels", RelationshipReader()).targets
        }
        guard let target = targets[chosen.relationshipID] else {
            throw failure("is not a usable xlsx workbook: its sheet \(chosen.name) has no part")
        }
        let sheetPath = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        guard let sheetPart = try part(sheetPath) else {
            throw failure("is not a usable xlsx workbook: its sheet \(chosen.name)'s part \(sheetPath) is missing")
        }
        var strings: [String] = []
        if let shared = try part("xl/sharedStrings.xml") {
            strings = try parsed(shared, file: file, part: "xl/sharedStrings.xml", SharedStringReader()).strings
        }
        var percentStyles: Set<Int> = []
        if let styles = try part("xl/styles.xml") {
            percentStyles = try parsed(styles, file: file, part: "xl/styles.xml", StyleReader()).percentStyles
        }
        let reader = SheetReader(strings: strings, percentStyles: percentStyles)
        let cells = try parsed(sheetPart, file: file, part: sheetPath, reader)
        if let problem = cells.problem { throw SpreadsheetReadError(file: location, row: problem.row, message: problem.message) }
        return table(cells.rows, file: location)
    }

    /// The names of the workbook's sheets, in tab order.
    ///
    /// - Throws: as `read` does when the file is not a usable workbook.
    public static func sheetNames(_ bytes: [UInt8], file: String) throws(SpreadsheetReadError) -> [String] {
        try opened(bytes, file: file).sheets.map(\.name)
    }

    /// An opened workbook: a reader of its parts and its sheets in tab order (at least one).
    private struct OpenedWorkbook {
        let part: (String) throws(SpreadsheetReadError) -> Data?
        let sheets: [WorkbookReader.Sheet]
    }

    /// The workbook in `bytes` opened, its container checked and `xl/workbook.xml` read.
    private static func opened(_ bytes: [UInt8], file: String) throws(SpreadsheetReadError) -> OpenedWorkbook {
        func failure(_ message: String) -> SpreadsheetReadError { SpreadsheetReadError(file: file, message: message) }
        if let problem = ZIPBounds.problem(in: bytes) {
            throw failure("is not an xlsx workbook: \(problem)")
        }
        let archive: Archive
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw failure("is not an xlsx workbook: it cannot be opened as a ZIP archive")
        }
        let entryData = ZIPBounds.entryData(in: bytes)
        func part(_ path: String) throws(SpreadsheetReadError) -> Data? {
            guard let entry = archive[path] else { return nil }
            guard entry.type == .file, entry.uncompressedSize <= UInt64(maximumPartSize) else {
                throw failure("is not a usable xlsx workbook: its part \(path) is over 8 MiB or not a file")
            }
            guard let stored = entryData[path] else {
                throw failure("is not a usable xlsx workbook: its part \(path) cannot be unpacked")
            }
            let data: Data
            do {
                data = try unpacked(bytes, stored, checksum: entry.checksum)
            } catch {
                throw failure("is not a usable xlsx workbook: its part \(path) cannot be unpacked")
            }
            // FoundationXML traps on an element name that is not UTF-8, so such a part stops here.
            guard String(validating: data, as: UTF8.self) != nil else {
                throw failure("is not a usable xlsx workbook: its part \(path) is not UTF-8")
            }
            return data
        }
        guard let workbook = try part("xl/workbook.xml") else {
            throw failure("is not an xlsx workbook: it has no xl/workbook.xml")
        }
        let sheets = try parsed(workbook, file: file, part: "xl/workbook.xml", WorkbookReader()).sheets
        guard !sheets.isEmpty else { throw failure("is an xlsx workbook with no sheet") }
        return OpenedWorkbook(part: part, sheets: sheets)
    }

    /// A part over the size limit, whose CRC-32 is not the one its entry records, stored by a
    /// method other than deflate or none, or whose deflate stream does not end within its data.
    private struct UnusablePart: Error {}

    /// The unpacked bytes of the entry whose data is `stored`, checked against `checksum`.
    ///
    /// Deflated data goes through ZIPFoundation's inflater with a provider that hands it only
    /// the entry's own bytes: asked for more, it throws, so a stream that never ends stops
    /// here (reading an archive's entry by ZIPFoundation reads on past its data and, at the
    /// end of the bytes, would ask again forever). Every chunk is the full size the inflater
    /// asks for, zero-padded past the data, because the inflater takes that many bytes.
    private static func unpacked(_ bytes: [UInt8], _ stored: ZIPBounds.EntryData, checksum: CRC32) throws -> Data {
        let data = bytes[stored.start..<(stored.start + stored.compressedSize)]
        var unpacked = Data()
        let crc: CRC32
        switch stored.method {
        case 0:
            guard data.count <= maximumPartSize else { throw UnusablePart() }
            unpacked = Data(data)
            crc = unpacked.crc32(checksum: 0)
        case 8:
            crc = try Data.decompress(
                size: Int64(data.count), bufferSize: 1 << 16, skipCRC32: false,
                provider: { position, size in
                    let from = data.startIndex + Int(position)
                    guard from < data.endIndex else { throw UnusablePart() }
                    var chunk = Data(data[from..<min(data.endIndex, from + size)])
                    if chunk.count < size { chunk.append(Data(count: size - chunk.count)) }
                    return chunk
                },
                consumer: { chunk in
                    guard unpacked.count + chunk.count <= maximumPartSize else { throw UnusablePart() }
                    unpacked.append(chunk)
                })
        default:
            throw UnusablePart()
        }
        guard crc == checksum else { throw UnusablePart() }
        return unpacked
    }

    /// The rows by number, the first with a value as the header.
    private static func table(_ rows: [Int: [Int: SpreadsheetTable.Cell]], file: String) -> SpreadsheetTable {
        let numbers = rows.keys.sorted().filter { !(rows[$0]?.isEmpty ?? true) }
        guard let headerNumber = numbers.first, let headerCells = rows[headerNumber] else {
            return SpreadsheetTable(file: file, header: [], rows: [])
        }
        let width = (headerCells.keys.max() ?? -1) + 1
        let header = (0..<width).map { column -> String in
            switch headerCells[column] {
            case .text(let text): return text
            case .number(let value): return value.description
            case .percent(let value): return value.description + "%"
            case .boolean(let value): return value ? "TRUE" : "FALSE"
            case nil: return ""
            }
        }
        let body = numbers.dropFirst().compactMap { number -> SpreadsheetTable.Row? in
            guard let cells = rows[number], let last = cells.keys.max() else { return nil }
            return SpreadsheetTable.Row(number: number, cells: (0...last).map { cells[$0] })
        }
        return SpreadsheetTable(file: file, header: header, headerRow: headerNumber, rows: body)
    }

    /// `data` parsed by `delegate`.
    private static func parsed<Reader: PartReader>(_ data: Data, file: String, part: String, _ delegate: Reader) throws(SpreadsheetReadError) -> Reader {
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        guard parser.parse(), !delegate.aborted else {
            throw SpreadsheetReadError(file: file, message: "is not a usable xlsx workbook: its part \(part) is not well-formed XML")
        }
        return delegate
    }

    /// The column (from 0) and row (from 1) of an A1-style reference, or nil when it is not one
    /// within Excel's limits.
    public static func position(of reference: String) -> (column: Int, row: Int)? {
        var column = 0, row = 0, letters = 0, digits = 0
        for scalar in reference.unicodeScalars {
            switch scalar {
            case "A"..."Z" where digits == 0:
                column = column * 26 + Int(scalar.value - 64)
                letters += 1
            case "0"..."9" where letters > 0:
                row = row * 10 + Int(scalar.value - 48)
                digits += 1
            default: return nil
            }
            if letters > 3 || digits > 7 { return nil }
        }
        guard letters > 0, digits > 0, column <= maximumColumn, row >= 1, row <= maximumRow else { return nil }
        return (column - 1, row)
    }

    /// `value` times 100 in decimal: the point of its shortest decimal form moved two places,
    /// so that 0.07 (however a writer spelled it, `7.0000000000000007E-2` included) is 7,
    /// not 7.000000000000001.
    public static func hundredfold(_ value: Double) -> Double {
        let text = PercentText.exact(value)
        let negative = text.hasPrefix("-")
        let unsigned = negative ? String(text.dropFirst()) : text
        let parts = unsigned.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        let padded = fraction + String(repeating: "0", count: max(0, 2 - fraction.count))
        let shifted = String(parts[0]) + padded.prefix(2) + "." + (padded.dropFirst(2).isEmpty ? "0" : padded.dropFirst(2))
        return (Double(shifted) ?? value * 100) * (negative ? -1 : 1)
    }

    /// SpreadsheetML text with its `_xHHHH_` escapes decoded (`_x000B_` is U+000B; `_x005F_`
    /// before another escape is a literal `_`).
    public static func decoded(_ text: String) -> String {
        guard text.contains("_x") || text.contains("_X") else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "_", index + 6 < scalars.count, scalars[index + 1] == "x" || scalars[index + 1] == "X",
                scalars[index + 6] == "_",
                let code = UInt32(String(String.UnicodeScalarView(scalars[(index + 2)...(index + 5)])), radix: 16),
                let scalar = Unicode.Scalar(code)
            {
                result.append(scalar)
                index += 7
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return String(result)
    }
}

/// An XML delegate that can stop the parse.
private protocol PartReader: NSObject, XMLParserDelegate {
    var aborted: Bool { get }
}

/// The local name of an element, without its prefix.
private func localName(_ name: String) -> Substring {
    name.split(separator: ":").last ?? Substring(name)
}

/// `xl/workbook.xml`: the sheets' names and relationship ids in tab order.
private final class WorkbookReader: NSObject, PartReader {
    struct Sheet {
        /// The name on the sheet's tab.
        var name: String
        /// The id of the relationship that leads to the sheet's part.
        var relationshipID: String
    }

    var sheets: [Sheet] = []
    var aborted = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        guard localName(name) == "sheet" else { return }
        if let id = attributes.first(where: { localName($0.key) == "id" && $0.key != "sheetId" })?.value {
            sheets.append(Sheet(name: attributes["name"] ?? "Sheet\(sheets.count + 1)", relationshipID: id))
        }
    }
}

/// A `.rels` part: target by relationship id.
private final class RelationshipReader: NSObject, PartReader {
    var targets: [String: String] = [:]
    var aborted = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        guard localName(name) == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else { return }
        targets[id] = target
    }
}

/// `xl/sharedStrings.xml`: each `<si>`'s text, its runs joined, phonetic runs left out.
private final class SharedStringReader: NSObject, PartReader {
    var strings: [String] = []
    var aborted = false
    private var current: String?
    private var inText = false
    private var inPhonetic = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        switch localName(name) {
        case "si": current = ""
        case "rPh": inPhonetic = true
        case "t": inText = !inPhonetic
        default: break
        }
        if strings.count > XLSXTableReader.maximumRow * 4 { aborted = true; parser.abortParsing() }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch localName(name) {
        case "si":
            strings.append(XLSXTableReader.decoded(current ?? ""))
            current = nil
        case "rPh": inPhonetic = false
        case "t": inText = false
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText, current != nil { current! += string }
    }
}

/// `xl/styles.xml`: which cell styles (indexes into `cellXfs`) show numbers in per cent.
private final class StyleReader: NSObject, PartReader {
    var percentStyles: Set<Int> = []
    var aborted = false
    /// Built-in formats 9 (`0%`) and 10 (`0.00%`), and custom ones with `%` outside quotes.
    private var percentFormats: Set<Int> = [9, 10]
    private var inCellFormats = false
    private var styleIndex = 0

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        switch localName(name) {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"], Self.isPercent(code) {
                percentFormats.insert(id)
            }
        case "cellXfs": inCellFormats = true
        case "xf" where inCellFormats:
            if let id = attributes["numFmtId"].flatMap(Int.init), percentFormats.contains(id) { percentStyles.insert(styleIndex) }
            styleIndex += 1
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if localName(name) == "cellXfs" { inCellFormats = false }
    }

    /// Whether a format code shows per cent: a `%` outside quoted text and not escaped.
    static func isPercent(_ code: String) -> Bool {
        var quoted = false, escaped = false
        for character in code {
            if escaped { escaped = false; continue }
            switch character {
            case "\"": quoted.toggle()
            case "\\": escaped = true
            case "%" where !quoted: return true
            default: break
            }
        }
        return false
    }
}

/// A worksheet's cells by row and column.
private final class SheetReader: NSObject, PartReader {
    var rows: [Int: [Int: SpreadsheetTable.Cell]] = [:]
    var problem: (row: Int?, message: String)?
    var aborted = false
    private let strings: [String]
    private let percentStyles: Set<Int>
    private var rowNumber = 0
    private var nextColumn = 0
    private var cell: (column: Int, type: String, style: Int)?
    private var value: String?
    private var inlineText: String?
    private var collecting: Collecting = .nothing
    private var cellCount = 0

    private enum Collecting { case nothing, value, inlineText }

    init(strings: [String], percentStyles: Set<Int>) {
        self.strings = strings
        self.percentStyles = percentStyles
    }

    private func stop(_ parser: XMLParser, row: Int?, _ message: String) {
        if problem == nil { problem = (row, message) }
        aborted = true
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        guard !aborted else { return }
        switch localName(name) {
        case "row":
            if let text = attributes["r"] {
                guard let number = Int(text), number > rowNumber, number <= XLSXTableReader.maximumRow else {
                    return stop(parser, row: nil, "has a row numbered \(text), out of order or past Excel's last row")
                }
                rowNumber = number
            } else {
                rowNumber += 1
                guard rowNumber <= XLSXTableReader.maximumRow else { return stop(parser, row: nil, "has more rows than Excel allows") }
            }
            nextColumn = 0
        case "c":
            var column = nextColumn
            if let reference = attributes["r"] {
                guard let position = XLSXTableReader.position(of: reference), position.row == rowNumber else {
                    return stop(parser, row: rowNumber, "has a cell reference \(reference) that is not in its row \(rowNumber)")
                }
                column = position.column
            }
            guard column < XLSXTableReader.maximumColumn else { return stop(parser, row: rowNumber, "has a cell past Excel's last column") }
            cellCount += 1
            guard cellCount <= 1_000_000 else { return stop(parser, row: rowNumber, "has more than 1,000,000 cells") }
            nextColumn = column + 1
            cell = (column, attributes["t"] ?? "n", attributes["s"].flatMap(Int.init) ?? 0)
            value = nil
            inlineText = nil
        case "v" where cell != nil:
            value = ""
            collecting = .value
        case "t" where cell != nil:
            inlineText = inlineText ?? ""
            collecting = .inlineText
        case "rPh":
            collecting = .nothing
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        switch collecting {
        case .value: value? += string
        case .inlineText: inlineText? += string
        case .nothing: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard !aborted else { return }
        switch localName(name) {
        case "v", "t": collecting = .nothing
        case "c":
            guard let current = cell else { return }
            cell = nil
            guard let content = read(current, parser: parser) else { return }
            rows[rowNumber, default: [:]][current.column] = content
        default: break
        }
    }

    /// The cell's value, or nil for an empty cell.
    private func read(_ cell: (column: Int, type: String, style: Int), parser: XMLParser) -> SpreadsheetTable.Cell? {
        switch cell.type {
        case "s":
            guard let value, let index = Int(value.trimmingCharacters(in: .whitespaces)), strings.indices.contains(index) else {
                stop(parser, row: rowNumber, "has a cell \(ColumnLetters.name(cell.column))\(rowNumber) whose shared string does not exist")
                return nil
            }
            return strings[index].isEmpty ? nil : .text(strings[index])
        case "inlineStr":
            let text = XLSXTableReader.decoded(inlineText ?? "")
            return text.isEmpty ? nil : .text(text)
        case "str", "e":
            let text = XLSXTableReader.decoded(value ?? "")
            return text.isEmpty ? nil : .text(text)
        case "b":
            switch value?.trimmingCharacters(in: .whitespaces) {
            case "1", "true": return .boolean(true)
            case "0", "false": return .boolean(false)
            case nil, "": return nil
            default: return .text(value ?? "")
            }
        default:
            guard let text = value?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            guard let number = Double(text), number.isFinite else { return .text(text) }
            guard percentStyles.contains(cell.style) else { return .number(number) }
            return .percent(XLSXTableReader.hundredfold(number))
        }
    }
}
