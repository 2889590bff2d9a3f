import Foundation
import ZIPFoundation

/// Worksheets written as an Office Open XML workbook (`.xlsx`, ECMA-376 SpreadsheetML): the
/// XML parts, written with `XMLWriter`, zipped with ZIPFoundation (deflated, every entry dated
/// 1980-01-01 00:00 so the same workbook is the same bytes). Text cells are inline strings;
/// each sheet's `Worksheet.Table` becomes an Excel table with its own name, header row and
/// filter buttons; links go to cell A1 of another sheet.
struct XLSXPackage {
    /// The sheets, in tab order; the first is selected when the workbook opens.
    var sheets: [Worksheet]
    /// The workbook's document properties: its title, subject and creator.
    var title: String
    var subject: String
    var creator: String
    /// The number formats of `CellStyle.money` and `CellStyle.exactMoney`.
    var moneyFormat: String
    var exactMoneyFormat: String

    /// The main SpreadsheetML namespace.
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    private static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    private static let officeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
    private static let contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml"

    /// Why a workbook could not be zipped (ZIPFoundation's error, as text).
    struct ZipFailure: Error, CustomStringConvertible {
        let description: String
    }

    /// The parts by path in the archive, in the order they are zipped (`[Content_Types].xml` first).
    func parts() -> [(path: String, text: String)] {
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes()), ("_rels/.rels", rootRelationships()),
            ("docProps/core.xml", coreProperties()), ("docProps/app.xml", appProperties()),
            ("xl/workbook.xml", workbook()), ("xl/_rels/workbook.xml.rels", workbookRelationships()),
            ("xl/styles.xml", styles()),
        ]
        var tableNumber = 0
        for (index, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", worksheet(sheet, selected: index == 0)))
            if let table = sheet.table {
                tableNumber += 1
                parts.append(("xl/worksheets/_rels/sheet\(index + 1).xml.rels", sheetRelationships(table: tableNumber)))
                parts.append(("xl/tables/table\(tableNumber).xml", tablePart(table, sheet: sheet, id: tableNumber)))
            }
        }
        return parts
    }

    /// The workbook as the bytes of a ZIP archive.
    func bytes() throws(ZipFailure) -> [UInt8] {
        do {
            let archive = try Archive(accessMode: .create)
            let date = Date(timeIntervalSince1970: 315_532_800)  // 1980-01-01T00:00:00Z, the first DOS date
            for part in parts() {
                let data = Data(part.text.utf8)
                try archive.addEntry(
                    with: part.path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                    permissions: 0o644, compressionMethod: .deflate
                ) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw ZipFailure(description: "the archive kept no data") }
            return [UInt8](data)
        } catch let failure as ZipFailure {
            throw failure
        } catch {
            throw ZipFailure(description: "\(error)")
        }
    }

    private func contentTypes() -> String {
        var xml = XMLWriter()
        xml.start("Types", [("xmlns", "http://schemas.openxmlformats.org/package/2006/content-types")])
        xml.empty("Default", [("Extension", "rels"), ("ContentType", "application/vnd.openxmlformats-package.relationships+xml")])
        xml.empty("Default", [("Extension", "xml"), ("ContentType", "application/xml")])
        xml.empty("Override", [("PartName", "/xl/workbook.xml"), ("ContentType", Self.contentType + ".sheet.main+xml")])
        xml.empty("Override", [("PartName", "/xl/styles.xml"), ("ContentType", Self.contentType + ".styles+xml")])
        xml.empty("Override", [("PartName", "/docProps/core.xml"), ("ContentType", "application/vnd.openxmlformats-package.core-properties+xml")])
        xml.empty("Override", [("PartName", "/docProps/app.xml"), ("ContentType", "application/vnd.openxmlformats-officedocument.extended-properties+xml")])
        var tableNumber = 0
        for (index, sheet) in sheets.enumerated() {
            xml.empty("Override", [("PartName", "/xl/worksheets/sheet\(index + 1).xml"), ("ContentType", Self.contentType + ".worksheet+xml")])
            if sheet.table != nil {
                tableNumber += 1
                xml.empty("Override", [("PartName", "/xl/tables/table\(tableNumber).xml"), ("ContentType", Self.contentType + ".table+xml")])
            }
        }
        return xml.finished()
    }

    private func rootRelationships() -> String {
        relationships([
            (Self.officeDocument, "xl/workbook.xml"),
            ("http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
            ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties", "docProps/app.xml"),
        ])
    }

    private func relationships(_ targets: [(type: String, target: String)]) -> String {
        var xml = XMLWriter()
        xml.start("Relationships", [("xmlns", Self.packageRelationships)])
        for (index, target) in targets.enumerated() {
            xml.empty("Relationship", [("Id", "rId\(index + 1)"), ("Type", target.type), ("Target", target.target)])
        }
        return xml.finished()
    }

    private func coreProperties() -> String {
        var xml = XMLWriter()
        xml.start("cp:coreProperties", [
            ("xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"),
            ("xmlns:dc", "http://purl.org/dc/elements/1.1/"), ("xmlns:dcterms", "http://purl.org/dc/terms/"),
        ])
        xml.element("dc:title", text: title)
        xml.element("dc:subject", text: subject)
        xml.element("dc:creator", text: creator)
        xml.element("dc:language", text: "en-GB")
        return xml.finished()
    }

    private func appProperties() -> String {
        var xml = XMLWriter()
        xml.start("Properties", [("xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties")])
        xml.element("Application", text: "scenario")
        return xml.finished()
    }

    private func workbook() -> String {
        var xml = XMLWriter()
        xml.start("workbook", [("xmlns", Self.mainNamespace), ("xmlns:r", Self.relationshipsNamespace)])
        xml.start("bookViews")
        xml.empty("workbookView", [("activeTab", "0")])
        xml.end()
        xml.start("sheets")
        for (index, sheet) in sheets.enumerated() {
            xml.empty("sheet", [("name", sheet.name), ("sheetId", "\(index + 1)"), ("r:id", "rId\(index + 1)")])
        }
        return xml.finished()
    }

    private func workbookRelationships() -> String {
        let worksheet = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
        let styles = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
        return relationships(sheets.indices.map { (worksheet, "worksheets/sheet\($0 + 1).xml") } + [(styles, "styles.xml")])
    }

    private func sheetRelationships(table number: Int) -> String {
        relationships([("http://schemas.openxmlformats.org/officeDocument/2006/relationships/table", "../tables/table\(number).xml")])
    }

    /// Number formats 164 (money), 165 (exact money) and 166 (a change in per cent).
    private func styles() -> String {
        var xml = XMLWriter()
        xml.start("styleSheet", [("xmlns", Self.mainNamespace)])
        xml.start("numFmts", [("count", "3")])
        xml.empty("numFmt", [("numFmtId", "164"), ("formatCode", moneyFormat)])
        xml.empty("numFmt", [("numFmtId", "165"), ("formatCode", exactMoneyFormat)])
        xml.empty("numFmt", [("numFmtId", "166"), ("formatCode", "+0.0%;-0.0%;0.0%")])
        xml.end()
        xml.start("fonts", [("count", "4")])
        for (bold, underline, size) in [(false, false, "11"), (true, false, "11"), (true, false, "14"), (false, true, "11")] {
            xml.start("font")
            if bold { xml.empty("b") }
            if underline { xml.empty("u") }
            xml.empty("sz", [("val", size)])
            if underline { xml.empty("color", [("rgb", "FF0563C1")]) }
            xml.empty("name", [("val", "Arial")])
            xml.empty("family", [("val", "2")])
            xml.end()
        }
        xml.end()
        xml.start("fills", [("count", "2")])
        for pattern in ["none", "gray125"] {
            xml.start("fill")
            xml.empty("patternFill", [("patternType", pattern)])
            xml.end()
        }
        xml.end()
        xml.start("borders", [("count", "1")])
        xml.start("border")
        for side in ["left", "right", "top", "bottom", "diagonal"] { xml.empty(side) }
        xml.end()
        xml.end()
        xml.start("cellStyleXfs", [("count", "1")])
        xml.empty("xf", [("numFmtId", "0"), ("fontId", "0"), ("fillId", "0"), ("borderId", "0")])
        xml.end()
        xml.start("cellXfs", [("count", "\(CellStyle.allCases.count)")])
        for style in CellStyle.allCases {
            let (format, font, wraps): (Int, Int, Bool) =
                switch style {
                case .plain, .number, .shorthand: (0, 0, false)
                case .title: (0, 2, false)
                case .heading: (0, 1, true)
                case .money: (164, 0, false)
                case .exactMoney: (165, 0, false)
                case .percent: (166, 0, false)
                case .wrapped: (0, 0, true)
                case .link: (0, 3, false)
                }
            var attributes: [XMLWriter.Attribute] = [
                ("numFmtId", "\(format)"), ("fontId", "\(font)"), ("fillId", "0"), ("borderId", "0"), ("xfId", "0"),
            ]
            if format != 0 { attributes.append(("applyNumberFormat", "1")) }
            if font != 0 { attributes.append(("applyFont", "1")) }
            attributes.append(("applyAlignment", "1"))
            xml.start("xf", attributes)
            // Every cell at the top of its row, so a wrapped neighbour does not leave it at the bottom.
            var alignment: [XMLWriter.Attribute] = [("vertical", "top")]
            if wraps { alignment.append(("wrapText", "1")) }
            if style == .shorthand { alignment.append(("horizontal", "right")) }
            xml.empty("alignment", alignment)
            xml.end()
        }
        xml.end()
        xml.start("cellStyles", [("count", "1")])
        xml.empty("cellStyle", [("name", "Normal"), ("xfId", "0"), ("builtinId", "0")])
        return xml.finished()
    }

    private func worksheet(_ sheet: Worksheet, selected: Bool) -> String {
        var xml = XMLWriter()
        xml.start("worksheet", [("xmlns", Self.mainNamespace), ("xmlns:r", Self.relationshipsNamespace)])
        xml.start("sheetPr")
        xml.empty("pageSetUpPr", [("fitToPage", "1")])
        xml.end()
        let lastColumn = max(1, sheet.rows.map(\.count).max() ?? 1, sheet.widths.count)
        xml.empty("dimension", [("ref", "A1:" + Worksheet.reference(row: max(0, sheet.rows.count - 1), column: lastColumn - 1))])
        xml.start("sheetViews")
        xml.empty("sheetView", selected ? [("tabSelected", "1"), ("workbookViewId", "0")] : [("workbookViewId", "0")])
        xml.end()
        xml.empty("sheetFormatPr", [("defaultRowHeight", "15")])
        if !sheet.widths.isEmpty {
            xml.start("cols")
            for (index, width) in sheet.widths.enumerated() {
                xml.empty("col", [("min", "\(index + 1)"), ("max", "\(index + 1)"), ("width", PercentFormatter.number(width)), ("customWidth", "1")])
            }
            xml.end()
        }
        xml.start("sheetData")
        for (rowIndex, row) in sheet.rows.enumerated() {
            var rowAttributes: [XMLWriter.Attribute] = [("r", "\(rowIndex + 1)")]
            if let height = Self.height(of: row, widths: sheet.widths) {
                rowAttributes += [("ht", PercentFormatter.number(height)), ("customHeight", "1")]
            }
            xml.start("row", rowAttributes)
            for (column, cell) in row.enumerated() {
                let reference = Worksheet.reference(row: rowIndex, column: column)
                switch cell {
                case .none:
                    continue
                case .number(let value, let style):
                    xml.start("c", [("r", reference), ("s", "\(style.rawValue)")])
                    xml.element("v", text: value)
                    xml.end()
                case .text(let value, let style):
                    xml.start("c", [("r", reference), ("s", "\(style.rawValue)"), ("t", "inlineStr")])
                    xml.start("is")
                    let encoded = SpreadsheetText.encoded(value)
                    let padded = encoded.first.map(\.isWhitespace) == true || encoded.last.map(\.isWhitespace) == true
                    xml.element("t", padded ? [("xml:space", "preserve")] : [], text: encoded)
                    xml.end()
                    xml.end()
                }
            }
            xml.end()
        }
        xml.end()
        if !sheet.links.isEmpty {
            xml.start("hyperlinks")
            for link in sheet.links {
                xml.empty("hyperlink", [("ref", link.cell), ("location", "'\(link.sheet)'!A1"), ("display", link.sheet)])
            }
            xml.end()
        }
        xml.empty("pageMargins", [("left", "0.7"), ("right", "0.7"), ("top", "0.75"), ("bottom", "0.75"), ("header", "0.3"), ("footer", "0.3")])
        xml.empty("pageSetup", [("paperSize", "9"), ("orientation", "landscape"), ("fitToWidth", "1"), ("fitToHeight", "0")])
        if sheet.table != nil {
            xml.start("tableParts", [("count", "1")])
            xml.empty("tablePart", [("r:id", "rId1")])
            xml.end()
        }
        return xml.finished()
    }

    /// The height in points of a row whose wrapped text needs more than one line, or of a
    /// title row; nil for the default height. Neither Excel nor LibreOffice fits a row to
    /// wrapped text when it opens a file, so the writer estimates the lines: a column `width`
    /// characters wide holds about that many characters of Arial 11 a line.
    static func height(of row: [Worksheet.Cell], widths: [Double]) -> Double? {
        var lines = 1
        var isTitle = false
        for (column, cell) in row.enumerated() {
            guard case .text(let text, let style) = cell else { continue }
            if style == .title { isTitle = true }
            guard style == .wrapped || style == .heading else { continue }
            let width = column < widths.count ? widths[column] : 8.43
            let perLine = max(1, Int(width * 1.1))
            let count = text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { max(1, ($0.count + perLine - 1) / perLine) }.reduce(0, +)
            lines = max(lines, count)
        }
        if lines > 1 { return Double(lines) * 14.5 + 2 }
        return isTitle ? 21 : nil
    }

    private func tablePart(_ table: Worksheet.Table, sheet: Worksheet, id: Int) -> String {
        let range = Worksheet.reference(row: table.headerRow, column: 0) + ":"
            + Worksheet.reference(row: table.lastRow, column: table.columns - 1)
        var xml = XMLWriter()
        xml.start("table", [
            ("xmlns", Self.mainNamespace), ("id", "\(id)"), ("name", table.name), ("displayName", table.name),
            ("ref", range), ("headerRowCount", "1"), ("totalsRowShown", "0"),
        ])
        xml.empty("autoFilter", [("ref", range)])
        xml.start("tableColumns", [("count", "\(table.columns)")])
        let headings = sheet.rows[table.headerRow]
        for column in 0..<table.columns {
            var name = ""
            if column < headings.count, case .text(let heading, _) = headings[column] { name = heading }
            xml.empty("tableColumn", [("id", "\(column + 1)"), ("name", SpreadsheetText.encoded(name))])
        }
        xml.end()
        xml.empty("tableStyleInfo", [
            ("name", "TableStyleLight1"), ("showFirstColumn", "0"), ("showLastColumn", "0"),
            ("showRowStripes", "0"), ("showColumnStripes", "0"),
        ])
        return xml.finished()
    }
}
