/// One line of an MPS file, with its fields in either layout.
struct MPSLine {
    /// 1-based line number.
    let number: Int
    /// The line's bytes without the line ending and trailing blanks.
    let bytes: ArraySlice<UInt8>

    /// The fixed-format field column ranges (0-based, half-open), fields 1 to 6.
    static let fixedFields: [Range<Int>] = [1..<3, 4..<12, 14..<22, 24..<36, 39..<47, 49..<61]
    /// The positions that must be blank between fixed-format fields.
    static let fixedGaps: [Int] = [0, 3, 12, 13, 22, 23, 36, 37, 38, 47, 48]

    /// Whether the line is blank or a comment (`*` in column 1).
    var isIgnorable: Bool { bytes.isEmpty || bytes.first == UInt8(ascii: "*") }

    /// Whether the line starts a section (its first byte is not a blank).
    var isSectionHeader: Bool {
        guard let first = bytes.first else { return false }
        return first != UInt8(ascii: " ") && first != UInt8(ascii: "\t")
    }

    /// The whitespace-separated tokens of the line.
    var tokens: [String] {
        bytes.split(whereSeparator: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") })
            .map { String(decoding: $0, as: UTF8.self) }
    }

    /// Whether this data line fits the fixed-format columns: no tab, nothing
    /// beyond column 61, and the gaps between fields blank.
    var fitsFixedColumns: Bool {
        guard bytes.count <= 61, !bytes.contains(UInt8(ascii: "\t")) else { return false }
        let start = bytes.startIndex
        for gap in MPSLine.fixedGaps where gap < bytes.count {
            if bytes[start + gap] != UInt8(ascii: " ") { return false }
        }
        return true
    }

    /// The six fixed-format fields, each trimmed of blanks at both ends
    /// (empty when the line is too short to reach it).
    var fixedFields: [String] {
        let start = bytes.startIndex
        return MPSLine.fixedFields.map { range in
            guard range.lowerBound < bytes.count else { return "" }
            let slice = bytes[(start + range.lowerBound)..<(start + min(range.upperBound, bytes.count))]
            let trimmed = slice.drop(while: { $0 == UInt8(ascii: " ") })
            var end = trimmed.endIndex
            while end > trimmed.startIndex, trimmed[end - 1] == UInt8(ascii: " ") { end -= 1 }
            return String(decoding: trimmed[trimmed.startIndex..<end], as: UTF8.self)
        }
    }

    /// The text after the first token, trimmed (the name on a `NAME` line).
    var restAfterFirstToken: String {
        let afterKeyword = bytes.drop(while: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") })
        let trimmed = afterKeyword.drop(while: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") })
        return String(decoding: trimmed, as: UTF8.self)
    }
}

/// Splitting raw bytes into `MPSLine`s, rejecting what is not text.
enum MPSLineSplitter {
    /// The lines of `data`, split at `\n` with a trailing `\r` and trailing
    /// blanks removed. Throws on a NUL or other control byte (binary data),
    /// on bytes that are not UTF-8, and on the characters of `isUnprintable`.
    static func lines(of data: [UInt8], fileName: String) throws(MPSError) -> [MPSLine] {
        var lines: [MPSLine] = []
        var start = 0
        var number = 1
        while start <= data.count {
            var end = start
            while end < data.count, data[end] != UInt8(ascii: "\n") { end += 1 }
            if end == data.count && start == end && number > 1 { break }
            var trimmedEnd = end
            while trimmedEnd > start, isTrailingBlank(data[trimmedEnd - 1]) { trimmedEnd -= 1 }
            let slice = data[start..<trimmedEnd]
            if let bad = slice.firstIndex(where: { $0 < 0x20 && $0 != UInt8(ascii: "\t") || $0 == 0x7F }) {
                throw MPSError(
                    file: fileName, line: number,
                    message: "binary data (byte 0x\(String(data[bad], radix: 16)) at column \(bad - start + 1)): not an MPS text file")
            }
            if slice.contains(where: { $0 >= 0x80 }) {
                guard let text = String(validating: slice, as: UTF8.self) else {
                    throw MPSError(file: fileName, line: number, message: "the line is not valid UTF-8 text")
                }
                if let position = text.unicodeScalars.firstIndex(where: isUnprintable) {
                    let scalar = text.unicodeScalars[position]
                    let column = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: position) + 1
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    throw MPSError(
                        file: fileName, line: number,
                        message: "U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex) at character \(column): "
                            + "names must be printable text, without control characters, line separators or "
                            + "bidirectional overrides")
                }
            }
            lines.append(MPSLine(number: number, bytes: slice))
            start = end + 1
            number += 1
        }
        return lines
    }

    /// A character beyond ASCII that moves the cursor, starts a line or reorders text: the C1
    /// controls U+0080-U+009F, U+2028 and U+2029, and the bidirectional embeddings, overrides
    /// and isolates (the C0 controls and DEL are rejected as binary data).
    private static func isUnprintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x80...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// A carriage return, blank or tab, removed from the end of every line.
    private static func isTrailingBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\r") || byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }
}
