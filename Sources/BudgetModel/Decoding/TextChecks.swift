extension DraftChecker {
    /// The free text of a scenario that reports print (`title`, `source`, and every `name`)
    /// holds no character that moves the cursor, starts a new line or row, or reorders text
    /// (`isUnprintable`): such a name could forge a table row, clear a terminal or make a
    /// figure read as another's. Ids cannot hold one (`checkIDPattern`).
    mutating func checkPrintableText() {
        if let title = draft.title.given { checkPrintable(title, "title", in: nil) }
        if let source = draft.source.given { checkPrintable(source, "source", in: nil) }
        for (ordinal, fund) in (draft.funds.given ?? []).enumerated() {
            if let name = fund.name.given {
                checkPrintable(name, "name", in: TableReference(kind: .fund, ordinal: ordinal, id: fund.id.given))
            }
        }
        for (ordinal, service) in (draft.services.given ?? []).enumerated() {
            if let name = service.name.given {
                checkPrintable(
                    name, "name", in: TableReference(kind: .service, ordinal: ordinal, id: service.id.given))
            }
        }
        for (ordinal, group) in (draft.groups.given ?? []).enumerated() {
            if let name = group.name.given {
                checkPrintable(name, "name", in: TableReference(kind: .group, ordinal: ordinal, id: group.id.given))
            }
        }
    }

    /// Reports `text` once when it holds an unprintable character, naming the first and its
    /// position in the text (1-based, in Unicode scalars).
    private mutating func checkPrintable(_ text: String, _ key: String, in table: TableReference?) {
        guard let index = text.unicodeScalars.firstIndex(where: isUnprintable) else { return }
        let scalar = text.unicodeScalars[index]
        let position = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: index) + 1
        let count = text.unicodeScalars.filter(isUnprintable).count
        let others = count > 1 ? " and \(count - 1) more" : ""
        report(
            "\(quoted(key)) holds \(unprintableDescription(scalar)) at character \(position)\(others); "
                + "names, titles and sources must be one line of printable text, "
                + "without control characters, line separators or bidirectional overrides",
            in: table, key: key)
    }
}

/// Whether a character may not appear in printed text: the C0 controls (tab, line feed,
/// carriage return, escape, ...), DEL, the C1 controls (U+0080-U+009F, next line among them),
/// the line and paragraph separators U+2028 and U+2029, and the bidirectional embeddings,
/// overrides and isolates (U+202A-U+202E, U+2066-U+2069), which reorder the text around them.
func isUnprintable(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
    default: return false
    }
}

/// An unprintable character as a message names it: `U+000A (line feed)`.
private func unprintableDescription(_ scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value, radix: 16, uppercase: true)
    let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    let names: [UInt32: String] = [
        0x09: "tab", 0x0A: "line feed", 0x0D: "carriage return", 0x1B: "escape", 0x7F: "delete",
        0x85: "next line", 0x2028: "line separator", 0x2029: "paragraph separator",
    ]
    if let name = names[scalar.value] { return "\(code) (\(name))" }
    switch scalar.value {
    case 0x202A...0x202E, 0x2066...0x2069: return "\(code) (a bidirectional override)"
    default: return "\(code) (a control character)"
    }
}
