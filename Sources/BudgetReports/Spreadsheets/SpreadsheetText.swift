/// Text for a SpreadsheetML cell or name (ECMA-376 `ST_Xstring`): a character that XML 1.0
/// cannot carry (a control character such as U+000B) is written `_xHHHH_` with its code in
/// hexadecimal, and text that already reads `_xHHHH_` has its underscore written `_x005F_`, so
/// that Excel, LibreOffice and openpyxl read back exactly the string given.
public enum SpreadsheetText {
    /// `value` encoded for a cell.
    public static func encoded(_ value: String) -> String {
        let scalars = Array(value.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if !XMLWriter.isAllowed(scalar) {
                result.append(contentsOf: escape(scalar.value).unicodeScalars)
            } else if scalar == "_", startsEscape(scalars, at: index) {
                result.append(contentsOf: escape(0x5F).unicodeScalars)
            } else {
                result.append(scalar)
            }
            index += 1
        }
        return String(result)
    }

    private static func escape(_ code: UInt32) -> String {
        let hex = String(code, radix: 16, uppercase: true)
        return "_x" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "_"
    }

    /// Whether `_xHHHH_` (four hexadecimal digits) starts at `index`.
    static func startsEscape(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + 6 < scalars.count, scalars[index] == "_", scalars[index + 1] == "x" || scalars[index + 1] == "X",
            scalars[index + 6] == "_"
        else { return false }
        return scalars[(index + 2)...(index + 5)].allSatisfy { $0.properties.isASCIIHexDigit }
    }
}
