/// Widths of table text typeset by pdflatex in `\footnotesize` of the default
/// Computer Modern fonts (an `article` at 10pt), in points, so a table can be
/// laid out to fit the text width before TeX sees it.
///
/// The widths are measured (`\settowidth`) for digits, separators, currency signs
/// and dashes; letters take the widest common width of their case, so an estimate
/// is never less than the typeset width of a figure and seldom much more for words.
enum LaTeXWidth {
    /// `\textwidth` of an `article` at 10pt on A4 or US letter paper.
    static let textWidth = 345.0
    /// `\tabcolsep` of the tables: the space each side of a column.
    static let columnSeparation = 4.0
    /// The narrowest wrapping column for row headings (about 9 em).
    static let narrowestNameColumn = 70.0
    /// The widest wrapping column for row headings (about 13 em).
    static let widestNameColumn = 104.0
    /// The widest line of a figure's detail under the figure (about 8 em), so that a long
    /// group or fund name does not widen every column of its table.
    static let widestDetail = 80.0

    /// The width of `text` (unescaped, as a reader sees it) in points.
    static func of(_ text: String) -> Double {
        var width = 0.0
        for character in text {
            switch character {
            case "0"..."9", "/": width += 4.25
            case ",", ".", ":", ";", "'", "!": width += 2.37
            case " ", "-": width += 2.84
            case "(", ")", "[", "]": width += 3.31
            case "£": width += 5.43
            case "€": width += 6.61
            case "%": width += 7.09
            case "—": width += 8.5
            case "a"..."z": width += character == "m" || character == "w" ? 7.09 : 4.7
            case "A"..."Z": width += character == "M" || character == "W" ? 8.73 : 6.7
            default: width += 7.09
            }
        }
        return width
    }

    /// The width of a figure cell: a leading `-` before a digit prints as a maths minus.
    static func ofFigure(_ text: String) -> Double {
        guard text.hasPrefix("-") else { return of(text) }
        return of(String(text.dropFirst())) + 6.62
    }
}
