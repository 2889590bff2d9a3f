/// A small writer of well-formed XML 1.0 text, for the parts of an xlsx workbook.
///
/// Elements are opened and closed in order (`start`/`end`, `empty`, `element`); every name
/// is the caller's constant, every attribute value and text is escaped
/// (`escapedText`, `escapedAttribute`), so any string, whatever characters it holds, gives
/// well-formed XML.
public struct XMLWriter {
    /// The document so far: the XML declaration, then what has been written.
    public private(set) var text = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    private var open: [String] = []

    /// A document with only the XML declaration.
    public init() {}

    /// An attribute: its name and unescaped value.
    public typealias Attribute = (name: String, value: String)

    /// Opens element `name` with `attributes`.
    public mutating func start(_ name: String, _ attributes: [Attribute] = []) {
        text += "<" + name + Self.attributeText(attributes) + ">"
        open.append(name)
    }

    /// Closes the innermost open element.
    public mutating func end() {
        guard let name = open.popLast() else { return }
        text += "</" + name + ">"
    }

    /// Writes `<name attributes/>`.
    public mutating func empty(_ name: String, _ attributes: [Attribute] = []) {
        text += "<" + name + Self.attributeText(attributes) + "/>"
    }

    /// Writes `<name attributes>content</name>`, the content escaped.
    public mutating func element(_ name: String, _ attributes: [Attribute] = [], text content: String) {
        text += "<" + name + Self.attributeText(attributes) + ">" + Self.escapedText(content) + "</" + name + ">"
    }

    /// The document with every element still open closed.
    public mutating func finished() -> String {
        while !open.isEmpty { end() }
        return text
    }

    private static func attributeText(_ attributes: [Attribute]) -> String {
        attributes.map { " " + $0.name + "=\"" + escapedAttribute($0.value) + "\"" }.joined()
    }

    /// Whether XML 1.0 allows `scalar` in a document: tab, line feed, carriage return,
    /// U+0020–U+D7FF, U+E000–U+FFFD and U+10000 up.
    public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...: return true
        default: return false
        }
    }

    /// Character data: `&`, `<` and `>` as entities, a carriage return as `&#13;` (a parser
    /// would fold a bare one into a line feed), and any character XML 1.0 does not allow as
    /// U+FFFD.
    public static func escapedText(_ value: String) -> String {
        escaped(value, inAttribute: false)
    }

    /// An attribute value in double quotes: as `escapedText`, and `"` as `&quot;`, tab and
    /// line feed as character references (a parser would turn them into spaces).
    public static func escapedAttribute(_ value: String) -> String {
        escaped(value, inAttribute: true)
    }

    private static func escaped(_ value: String, inAttribute: Bool) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(value.unicodeScalars.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\r": result += "&#13;"
            case "\"" where inAttribute: result += "&quot;"
            case "\t" where inAttribute: result += "&#9;"
            case "\n" where inAttribute: result += "&#10;"
            default: result.unicodeScalars.append(isAllowed(scalar) ? scalar : "\u{FFFD}")
            }
        }
        return result
    }
}
