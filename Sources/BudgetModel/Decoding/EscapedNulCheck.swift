/// Finds a NUL written as an escape (`\u0000`, `\U00000000`) in a basic string of a TOML text.
/// The TOML reader cuts a string short at such a character (`"Hub\u0000x"` reads as `"Hub"`,
/// an id `"hub\u0000x"` as `"hub"`), so the check that rejects control characters would never
/// see it: it is found in the text instead, by a light scan that knows comments, basic and
/// literal strings (single- and multi-line), where an escape means something.
enum EscapedNulCheck {
    private enum State {
        case normal, comment, basic, multilineBasic, literal, multilineLiteral
    }

    /// The position (1-based line and column, in Unicode scalars) of the backslash of the first
    /// escaped NUL in a basic string of `text`; nil when there is none.
    static func firstEscapedNul(in text: Substring) -> SourceLocator.Position? {
        let scalars = Array(text.unicodeScalars)
        var state = State.normal
        var line = 1, column = 1
        var index = 0
        /// Whether `pattern` starts at `index`.
        func startsWith(_ pattern: String) -> Bool {
            let wanted = Array(pattern.unicodeScalars)
            guard index + wanted.count <= scalars.count else { return false }
            return Array(scalars[index..<(index + wanted.count)]) == wanted
        }
        /// Moves past `count` scalars, counting lines.
        func advance(_ count: Int) {
            for _ in 0..<count where index < scalars.count {
                if scalars[index] == "\n" { line += 1; column = 1 } else { column += 1 }
                index += 1
            }
        }
        while index < scalars.count {
            let scalar = scalars[index]
            switch state {
            case .normal:
                if scalar == "#" { state = .comment; advance(1) }
                else if startsWith("\"\"\"") { state = .multilineBasic; advance(3) }
                else if scalar == "\"" { state = .basic; advance(1) }
                else if startsWith("'''") { state = .multilineLiteral; advance(3) }
                else if scalar == "'" { state = .literal; advance(1) }
                else { advance(1) }
            case .comment:
                if scalar == "\n" { state = .normal }
                advance(1)
            case .basic, .multilineBasic:
                if scalar == "\\" {
                    index += 1
                    let isNul = startsWith("u0000") || startsWith("U00000000")
                    index -= 1
                    if isNul { return SourceLocator.Position(line: line, column: column) }
                    advance(2)
                } else if state == .multilineBasic, startsWith("\"\"\"") {
                    state = .normal; advance(3)
                } else {
                    if state == .basic, scalar == "\"" || scalar == "\n" { state = .normal }
                    advance(1)
                }
            case .literal:
                if scalar == "'" || scalar == "\n" { state = .normal }
                advance(1)
            case .multilineLiteral:
                if startsWith("'''") { state = .normal; advance(3) } else { advance(1) }
            }
        }
        return nil
    }
}
