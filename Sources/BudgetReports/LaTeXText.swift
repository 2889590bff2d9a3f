import Foundation

/// Text made safe for LaTeX run by pdflatex (LaTeX 2018 or later, which reads
/// UTF-8 by default) with nothing but the `booktabs` and `longtable` packages loaded.
enum LaTeXText {
    /// `text` with every character that is special to LaTeX escaped:
    /// `& % $ # _ { }` get a backslash, `~ ^ \` become `\textasciitilde{}`,
    /// `\textasciicircum{}` and `\textbackslash{}`; `< > |` (which the default
    /// OT1 font would print as other glyphs) `\textless{}`, `\textgreater{}`
    /// and `\textbar{}`; `£` becomes `\pounds{}`,
    /// `€` `\texteuro{}`, the dash `—` `---`, and a straight double quote
    /// opening quotes (two backticks) at the start of a word, else closing
    /// quotes (two apostrophes). A `-` at the start of a word and before a
    /// digit or a currency sign becomes a maths minus `$-$`, and a `-` before
    /// another is `-{}`, so `--year` is not set as an en dash. Other characters
    /// are kept as UTF-8; line breaks and tabs become spaces.
    ///
    /// With `longWord`, every word (a run without spaces) longer than `longWord`
    /// characters gets line-break opportunities (`\allowbreak{}`) after each
    /// `/ : - _ ,` and after every `longWord` characters with none, so a path, an
    /// id or a SHA-256 cannot run past the margin of a narrow column.
    static func escaped(_ text: String, breakingWordsLongerThan longWord: Int? = nil) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        let characters = Array(text)
        let breaks = longWord.map { breakPoints(characters, longWord: $0) } ?? []
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
                // "--" would set an en dash (`--year` of a command): the hyphens are kept apart.
                result += startsNumber && isAtWordStart ? "$-$" : next == "-" ? "-{}" : "-"
            default: result.append(character)
            }
            if breaks.contains(index) { result += "\\allowbreak{}" }
        }
        return result
    }

    /// The indices after which a long word may break (never at a word's end).
    private static func breakPoints(_ characters: [Character], longWord: Int) -> Set<Int> {
        var points = Set<Int>()
        var start = 0
        while start < characters.count {
            var end = start
            while end < characters.count, !characters[end].isWhitespace { end += 1 }
            if end - start > longWord {
                var run = 0
                for index in start..<(end - 1) {
                    run += 1
                    if "/:-_,".contains(characters[index]) || run >= longWord {
                        points.insert(index)
                        run = 0
                    }
                }
            }
            start = end + 1
        }
        return points
    }
}
