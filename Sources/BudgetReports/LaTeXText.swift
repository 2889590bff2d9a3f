import Foundation

/// Text made safe for LaTeX run by pdflatex (LaTeX 2018 or later, which reads
/// UTF-8 by default) with nothing but the `booktabs` package loaded.
enum LaTeXText {
    /// `text` with every character that is special to LaTeX escaped:
    /// `& % $ # _ { }` get a backslash, `~ ^ \` become `\textasciitilde{}`,
    /// `\textasciicircum{}` and `\textbackslash{}`; `< > |` (which the default
    /// OT1 font would print as other glyphs) `\textless{}`, `\textgreater{}`
    /// and `\textbar{}`; `£` becomes `\pounds{}`,
    /// `€` `\texteuro{}`, the dash `—` `---`, and a straight double quote
    /// opening quotes (two backticks) at the start of a word, else closing
    /// quotes (two apostrophes). A `-` at the start of a word and before a
    /// digit or a currency sign becomes a maths minus `$-$`. Other characters
    /// are kept as UTF-8; line breaks and tabs become spaces.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            switch character {
            case "&", "%", "$", "#", "_", "{", "}": result += "\\" + String(character)
            case "~": result += "\\textasciitilde{}"
            case "^": result += "\\textasciicircum{}"
            case "\\": result += "\\textbackslash{}"
            case "\n", "\r", "\t": result += " "  // a blank line would end the paragraph mid-argument
            case "<": result += "\\textless{}"
            case ">": result += "\\textgreater{}"
            case "|": result += "\\textbar{}"
            case "£": result += "\\pounds{}"
            case "€": result += "\\texteuro{}"
            case "—": result += "---"
            case "\"":
                let opens = index == 0 || characters[index - 1] == " " || characters[index - 1] == "("
                result += opens ? "``" : "''"
            case "-":
                let next = index + 1 < characters.count ? characters[index + 1] : " "
                let startsNumber = next.isASCII && next.isNumber || "£€$".contains(next)
                let isAtWordStart = index == 0 || characters[index - 1] == " " || characters[index - 1] == "("
                result += startsNumber && isAtWordStart ? "$-$" : "-"
            default: result.append(character)
            }
        }
        return result
    }

    /// `escaped(text)` with a line-break opportunity after every 16 characters of
    /// `word` wherever it occurs (a SHA-256 is too long to fit a line whole).
    static func escaped(_ text: String, breakingLong word: String) -> String {
        guard word.count > 16, text.contains(word) else { return escaped(text) }
        var pieces: [String] = []
        var rest = Substring(word)
        while !rest.isEmpty {
            pieces.append(String(rest.prefix(16)))
            rest = rest.dropFirst(16)
        }
        let breakable = pieces.map(escaped).joined(separator: "\\allowbreak{}")
        return text.components(separatedBy: word).map(escaped).joined(separator: breakable)
    }
}
