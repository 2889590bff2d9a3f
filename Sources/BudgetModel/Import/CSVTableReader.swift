/// Reads a CSV file (RFC 4180, as Excel, LibreOffice and `scenario export` write it) as a
/// `SpreadsheetTable`: the first record is the header row.
///
/// - UTF-8, with or without a byte-order mark; CRLF, LF or CR line ends.
/// - A field in double quotes may hold commas, line breaks and doubled quotes (`""`); a record
///   whose quoted field spans lines counts as one row.
/// - Spaces around an unquoted field are kept as part of it (import trims them).
/// - A record with no field but empty ones is a blank row and left out; its number is still counted.
public enum CSVTableReader {
    /// The table in `bytes`, the contents of `file`.
    /// - Throws: not UTF-8; a quote left open at the end; text after a closing quote.
    public static func read(_ bytes: [UInt8], file: String) throws(SpreadsheetReadError) -> SpreadsheetTable {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let text = String(validating: body, as: UTF8.self) else {
            throw SpreadsheetReadError(file: file, message: "is not UTF-8 text; save the sheet as \"CSV UTF-8\"")
        }
        let records = try records(in: text, file: file)
        guard let first = records.first else {
            throw SpreadsheetReadError(file: file, message: "is empty: it needs a header row of keys and one row per entry")
        }
        let rows = records.enumerated().dropFirst().compactMap { index, fields -> SpreadsheetTable.Row? in
            guard fields.contains(where: { !$0.isEmpty }) else { return nil }
            return SpreadsheetTable.Row(number: index + 1, cells: fields.map { $0.isEmpty ? nil : .text($0) })
        }
        return SpreadsheetTable(file: file, header: first, rows: rows)
    }

    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }

    /// The records of `text`, each a list of fields, blank records included.
    /// - Throws: a quote left open at the end; text after a closing quote.
    public static func records(in text: String, file: String) throws(SpreadsheetReadError) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = String.UnicodeScalarView()
        var state = State.fieldStart
        var previousWasCR = false
        func endField() {
            record.append(String(field))
            field = String.UnicodeScalarView()
        }
        func endRecord() {
            endField()
            records.append(record)
            record = []
        }
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch state {
            case .quoted:
                if scalar == "\"" { state = .quoteInQuoted } else { field.append(scalar) }
            case .quoteInQuoted:
                switch scalar {
                case "\"": field.append(scalar); state = .quoted
                case ",": endField(); state = .fieldStart
                case "\r", "\n": endRecord(); state = .fieldStart
                default:
                    throw SpreadsheetReadError(
                        file: file, row: records.count + 1,
                        message: "text after a closing quote; a quote inside a quoted field is written twice (\"\")")
                }
            case .fieldStart, .unquoted:
                switch scalar {
                case "\"" where state == .fieldStart: state = .quoted
                case ",": endField(); state = .fieldStart
                case "\n" where previousWasCR && state == .fieldStart && record.isEmpty && field.isEmpty:
                    continue  // the LF of a CRLF
                case "\r", "\n": endRecord(); state = .fieldStart
                default: field.append(scalar); state = .unquoted
                }
            }
        }
        switch state {
        case .quoted:
            throw SpreadsheetReadError(file: file, row: records.count + 1, message: "a quoted field is not closed before the end of the file")
        case .unquoted, .quoteInQuoted:
            endRecord()
        case .fieldStart:
            if !record.isEmpty { endRecord() }
        }
        return records
    }
}
