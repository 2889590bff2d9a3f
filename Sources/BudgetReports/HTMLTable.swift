/// Accessible HTML tables: a `<caption>`, `scope="col"` on the column
/// headings and `scope="row"` on each row's first cell, figures right-aligned
/// (class `num`), the totals rows in a second `<tbody class="totals">`, all in
/// a focusable box that scrolls sideways when the window is narrow.
enum HTMLTable {
    /// One body cell: its text and, under it in small type, an optional detail.
    struct Cell {
        var text: String
        var detail: String? = nil
    }

    /// A table ready for HTML: column headings, a heading per row, the cells.
    struct Content {
        var header: [String]
        var rowHeadings: [String]
        var rows: [[Cell]]
        /// Index in `rows` of the first totals row, if any.
        var totalsStart: Int?
    }

    /// A report table whose first column holds the row headings.
    static func render(_ table: ReportTable, id: String, caption: String) -> [String] {
        let content = Content(
            header: table.header, rowHeadings: table.rows.map { $0.first ?? "" },
            rows: table.rows.map { $0.dropFirst().map { Cell(text: $0) } }, totalsStart: table.totalsStart)
        return render(content, id: id, caption: caption)
    }

    /// The table's lines. Every column after the first is a column of figures.
    static func render(_ content: Content, id: String, caption: String) -> [String] {
        var lines = [
            "<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"\(id)-caption\" tabindex=\"0\">",
            "<table id=\"\(id)\">",
            "<caption id=\"\(id)-caption\">\(HTMLText.escaped(caption))</caption>",
            "<thead>",
            "<tr>" + content.header.map { "<th scope=\"col\">\(HTMLText.escaped($0))</th>" }.joined() + "</tr>",
            "</thead>",
            "<tbody>",
        ]
        for (index, cells) in content.rows.enumerated() {
            if index == content.totalsStart { lines += ["</tbody>", "<tbody class=\"totals\">"] }
            let heading = index < content.rowHeadings.count ? content.rowHeadings[index] : ""
            let body = cells.map { cell in
                var text = HTMLText.escaped(cell.text)
                if let detail = cell.detail { text += "<br/><span class=\"detail\">\(HTMLText.escaped(detail))</span>" }
                return "<td class=\"num\">\(text)</td>"
            }
            lines.append("<tr><th scope=\"row\">\(HTMLText.escaped(heading))</th>" + body.joined() + "</tr>")
        }
        lines += ["</tbody>", "</table>", "</div>"]
        return lines
    }
}
