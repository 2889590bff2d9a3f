/// One sheet of a workbook, as cells: what `XLSXPackage` writes as SpreadsheetML.
public struct Worksheet {
    /// A cell's content.
    enum Cell: Equatable {
        /// No cell at all.
        case none
        /// Text, shown as written.
        case text(String, CellStyle = .plain)
        /// A number in the lexical form of `xsd:double` (`1234000`, `234000.00000000003`), stored as a number.
        case number(String, CellStyle)
    }

    /// A table of the sheet (an Excel table: a named range with one header row of unique text).
    struct Table: Equatable {
        /// The table's name, unique in the workbook: a letter, then letters, digits and `_`.
        var name: String
        /// The row (from 0) of its header row.
        var headerRow: Int
        /// Its last row (from 0).
        var lastRow: Int
        /// Its column count (from column A).
        var columns: Int
    }

    /// A link from a cell to cell A1 of another sheet.
    struct Link: Equatable {
        /// The cell, `A4`.
        var cell: String
        /// The sheet it goes to.
        var sheet: String
    }

    /// The sheet's name on its tab (at most 31 characters, none of `[]:*?/\`).
    var name: String
    /// The rows from row 1, each from column A.
    var rows: [[Cell]]
    /// Column widths in characters, from column A.
    var widths: [Double]
    /// The sheet's table, if it has one.
    var table: Table?
    /// Links to other sheets.
    var links: [Link] = []

    /// The A1-style name of column `index` (from 0): `A`, `Z`, `AA`.
    public static func columnName(_ index: Int) -> String {
        var number = index + 1
        var letters: [Character] = []
        while number > 0 {
            let remainder = (number - 1) % 26
            letters.insert(Character(Unicode.Scalar(UInt8(65 + remainder))), at: 0)
            number = (number - 1) / 26
        }
        return String(letters)
    }

    /// The A1-style reference of the cell at `row` and `column` (both from 0).
    public static func reference(row: Int, column: Int) -> String { columnName(column) + String(row + 1) }
}

/// The cell styles of a workbook, by their index in `styles.xml`'s `cellXfs`.
enum CellStyle: Int, CaseIterable, Equatable {
    /// Text as it comes.
    case plain = 0
    /// The sheet's title in A1: bold, larger.
    case title
    /// A heading: bold (header rows, headings on the cover sheet).
    case heading
    /// Money rounded to the unit, in the scenario's currency format.
    case money
    /// Exact money, with two decimals (more for a finer unit).
    case exactMoney
    /// A fraction shown in per cent with one decimal and a sign (`-22.0%`).
    case percent
    /// Long text, wrapped in its column.
    case wrapped
    /// A link to another sheet: underlined, blue.
    case link
    /// A plain number as written (cut levels in per cent).
    case number
    /// Shorthand for a missing figure (`[x]`), right-aligned with the numbers around it.
    case shorthand
}
