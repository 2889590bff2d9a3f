import BudgetModel

/// Text and numbers for XHTML-compatible HTML and SVG.
enum HTMLText {
    /// `text` safe in element content and in double-quoted attributes:
    /// `&`, `<`, `>` and `"` become the entities XML predefines.
    static func escaped(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) else { return text }
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }

    /// A coordinate with one decimal place, the same on every machine: `12.5`, `-3.0`.
    static func coordinate(_ value: Double) -> String {
        DecimalText.fixed(value.isFinite ? value : 0, places: 1)
    }
}
