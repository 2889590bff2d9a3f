import BudgetModel

/// The `html` plan report: one standalone page (no outside assets) with, per cut path, its
/// caption and the three tables of the text report as accessible HTML tables (`HTMLTable`),
/// its notes, and a footer with the rounding, deflation, source and provenance lines and the
/// maximum sustainable cut.
public struct PlanHTMLWriter {
    /// A writer.
    public init() {}

    /// The report of `paths` under `header`.
    public func write(_ paths: [PlanPathResult], header: PlanHeader, to output: inout some TextOutputStream) {
        let title = HTMLText.escaped(header.scenario.title)
        var lines = [
            "<!DOCTYPE html>",
            "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\" xml:lang=\"en\">",
            "<head>",
            "<meta charset=\"utf-8\"/>",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>",
            "<meta name=\"generator\" content=\"scenario \(HTMLText.escaped(header.toolVersion))\"/>",
            "<title>\(title)</title>",
            "<style>", HTMLStyle.sheet, "</style>",
            "</head>", "<body>", "<main>", "<h1>\(title)</h1>",
        ]
        var number = 0
        for (p, path) in paths.enumerated() {
            let tables = PlanTables(header: header, path: path)
            lines.append("<h2>\(HTMLText.escaped(tables.caption))</h2>")
            let bodies = [tables.allocationTable(), tables.changeTable(real: false), tables.changeTable(real: true)]
            for (t, (table, subject)) in zip(bodies, tables.titles).enumerated() {
                number += 1
                lines += HTMLTable.render(table, id: "table-\(p + 1)-\(t + 1)", caption: "Table \(number): \(subject)")
            }
            lines += tables.notes().map { "<p class=\"note\">\(HTMLText.escaped($0))</p>" }
        }
        lines.append("<footer>")
        lines += header.provenanceLines.map { "<p class=\"source\">\(HTMLText.escaped($0))</p>" }
        lines += ["</footer>", "</main>", "</body>", "</html>"]
        for line in lines { output.write(line + "\n") }
    }
}
