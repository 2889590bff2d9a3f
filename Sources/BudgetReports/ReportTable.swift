/// A table of already formatted cells, ready to be laid out as text or Markdown.
struct ReportTable: Equatable {
    /// How a column's cells line up.
    enum Alignment: Equatable {
        case left, right
    }

    /// The column headings.
    var header: [String]
    /// How each column is aligned.
    var alignments: [Alignment]
    /// The rows of the body, each as long as `header`.
    var rows: [[String]]
    /// Index in `rows` of the first totals row (ruled off in text), if any.
    var totalsStart: Int?

    /// The table as aligned plain text: columns two spaces apart, a dashed rule
    /// under the heading and above the totals, no trailing spaces.
    func renderedAsText() -> [String] {
        var widths = header.map(\.count)
        for row in rows {
            for (column, cell) in row.enumerated() where column < widths.count {
                widths[column] = max(widths[column], cell.count)
            }
        }
        func line(_ cells: [String]) -> String {
            let padded = cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: max(0, widths[column] - cell.count))
                return alignments[column] == .right ? padding + cell : cell + padding
            }
            return trimmingTrailingSpaces(padded.joined(separator: "  "))
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        var lines = [line(header), rule]
        for (index, row) in rows.enumerated() {
            if index == totalsStart { lines.append(rule) }
            lines.append(line(row))
        }
        return lines
    }

    /// The table in GitHub-flavoured Markdown, with `|`, `\` and emphasis
    /// characters in cells escaped.
    func renderedAsMarkdown() -> [String] {
        func line(_ cells: [String]) -> String {
            "| " + cells.map(Self.markdownEscaped).joined(separator: " | ") + " |"
        }
        let rule = "|" + alignments.map { $0 == .right ? "--:" : ":--" }.joined(separator: "|") + "|"
        return [line(header), rule] + rows.map(line)
    }

    /// A cell's text with Markdown's special characters escaped.
    static func markdownEscaped(_ text: String) -> String {
        let special = Set("\\|*_`[]<>#".utf8)
        guard text.utf8.contains(where: special.contains) else { return text }
        var result = ""
        for character in text {
            if "\\|*_`[]<>#".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    private func trimmingTrailingSpaces(_ text: String) -> String {
        var result = text
        while result.hasSuffix(" ") { result.removeLast() }
        return result
    }
}
