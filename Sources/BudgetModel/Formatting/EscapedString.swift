/// Double-quoted string literals in the syntax JSON strings and TOML basic strings share.
public enum EscapedString {
    /// `text` in double quotes with `"`, `\`, `\n`, `\r`, `\t` escaped and every other
    /// control character (U+0000–U+001F and U+007F) written as `\uXXXX`: valid as a
    /// JSON string and as a TOML basic string.
    public static func doubleQuoted(_ text: String) -> String {
        // Fast path for the usual text with nothing to escape.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            return "\"" + text + "\""
        }
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
