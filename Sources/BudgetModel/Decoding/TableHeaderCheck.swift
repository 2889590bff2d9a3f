/// Finds the brackets that would crash the TOML parser, before the parser sees them.
///
/// toml++ (inside TOMLKit 0.6) asserts, and so aborts the whole process, when a table header
/// `[` or `[[` is followed (after blanks) by a character that can start neither a key nor the
/// header's closing `]`: a line holding only `[`, or `[=]`, `[[ !x]]`, `[é]`; and when an array
/// value has a `}` where a value should come, after its `[` or a comma (`[1, }`, `[}`), even
/// after blanks, line breaks and comments. Found by fuzzing (`make fuzz`). This scanner follows just enough TOML to know where a line starts a
/// header rather than continuing a value: strings of all four kinds, comments, and the
/// brackets of array values that run over several lines.
enum TableHeaderCheck {
    /// A place where the parser would crash.
    struct Problem: Equatable {
        /// Its 1-based line and column.
        var line: Int, column: Int
        /// What is wrong there, for a "syntax error: " message.
        var message: String
    }

    /// The first character where a header fails to start a key or an array has a `}` where a
    /// value should come, or nil when there is none.
    static func firstProblem(in text: Substring) -> Problem? {
        var scanner = Scanner(scalars: Array(text.unicodeScalars))
        return scanner.firstProblem()
    }

    private struct Scanner {
        let scalars: [Unicode.Scalar]
        var index = 0
        var line = 1, lineStart = 0
        /// Open `[` of array values (not headers) not yet closed.
        var valueDepth = 0
        /// Whether this line has passed the `=` of a key/value pair.
        var inValue = false
        /// The open `[` and `{` of values, innermost last.
        var openers: [Unicode.Scalar] = []
        /// Whether the innermost open `[` has just opened or passed a comma: a value comes next.
        var arrayExpectsValue = false

        init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

        mutating func firstProblem() -> Problem? {
            var atLineStart = true
            while index < scalars.count {
                let scalar = scalars[index]
                if atLineStart, scalar != " ", scalar != "\t" {
                    atLineStart = false
                    if scalar == "[", valueDepth == 0 {
                        if let column = badKeyStartColumn(afterBracketAt: index) {
                            return Problem(
                                line: line, column: column,
                                message: "a table header needs a name after '[', such as [[service]] or [objective]")
                        }
                        index += 1
                        if peek() == "[" { index += 1 }
                        continue
                    }
                }
                switch scalar {
                case "\n":
                    newLine()
                    atLineStart = true
                    index += 1
                case "#":
                    while index < scalars.count, scalars[index] != "\n" { index += 1 }
                case "\"", "'":
                    arrayExpectsValue = false
                    skipString(delimiter: scalar)
                case "=":
                    inValue = true
                    arrayExpectsValue = false
                    index += 1
                case "[":
                    if inValue || valueDepth > 0 {
                        valueDepth += 1
                        openers.append("[")
                        arrayExpectsValue = true
                    }
                    index += 1
                case "]":
                    if valueDepth > 0 { valueDepth -= 1 }
                    if openers.last == "[" { openers.removeLast() }
                    arrayExpectsValue = false
                    index += 1
                case "{":
                    if inValue || valueDepth > 0 { openers.append("{") }
                    arrayExpectsValue = false
                    index += 1
                case "}":
                    if arrayExpectsValue {
                        return Problem(
                            line: line, column: index - lineStart + 1,
                            message: "an array needs a value or its closing ']' here, not '}'")
                    }
                    if openers.last == "{" { openers.removeLast() }
                    index += 1
                case ",":
                    arrayExpectsValue = openers.last == "["
                    index += 1
                case " ", "\t", "\r":
                    index += 1
                default:
                    arrayExpectsValue = false
                    index += 1
                }
            }
            return nil
        }

        /// The column of the character after `[` (or `[[`) and blanks, when it cannot start
        /// a key or close the header. (`[ [`, with a blank between, the parser reports itself.)
        private func badKeyStartColumn(afterBracketAt bracket: Int) -> Int? {
            var position = bracket + 1
            if position < scalars.count, scalars[position] == "[" { position += 1 }
            while position < scalars.count, scalars[position] == " " || scalars[position] == "\t" { position += 1 }
            guard position < scalars.count else { return nil }
            let next = scalars[position]
            let startsKey = next.isASCII && (next.properties.isAlphabetic || ("0"..."9").contains(next))
                || next == "_" || next == "-" || next == "\"" || next == "'" || next == "]"
            let separatedSecondBracket = next == "[" && scalars[bracket + 1] != "["
            return startsKey || separatedSecondBracket ? nil : position - lineStart + 1
        }

        private func peek() -> Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

        private mutating func newLine() {
            line += 1
            lineStart = index + 1
            if valueDepth == 0 { inValue = false }
        }

        /// Moves past a string starting at `index`: basic or literal, one line or multi-line.
        private mutating func skipString(delimiter: Unicode.Scalar) {
            let isMultiLine = index + 2 < scalars.count
                && scalars[index + 1] == delimiter && scalars[index + 2] == delimiter
            index += isMultiLine ? 3 : 1
            while index < scalars.count {
                let scalar = scalars[index]
                if scalar == "\\", delimiter == "\"" {
                    index += 1
                    if index < scalars.count, scalars[index] == "\n" { newLine() }
                    index += 1
                } else if scalar == delimiter {
                    if !isMultiLine { index += 1; return }
                    if index + 2 < scalars.count, scalars[index + 1] == delimiter, scalars[index + 2] == delimiter {
                        index += 3
                        return
                    }
                    index += 1
                } else if scalar == "\n" {
                    if !isMultiLine { return }
                    newLine()
                    index += 1
                } else {
                    index += 1
                }
            }
        }
    }
}
