import Foundation

/// Colours, fill patterns, marker shapes and dashes for the charts, so that every
/// service's series can be told apart without relying on colour alone.
///
/// Every colour has a contrast ratio (WCAG 2.1) of at least 3:1 against the white page
/// and the white gaps between the segments of a bar, so each segment and line stands out
/// from what surrounds it. A series is a colour with a fill pattern in the bar chart
/// (distinct for the first 48 services) and a colour with a marker shape and a dash in
/// the line chart (distinct for the first 120); beyond those, the numbers that label the
/// legend and the bar segments tell the services apart.
enum ChartPalette {
    /// Okabe–Ito blue and vermillion with darker hues from Paul Tol's schemes; the
    /// light Okabe–Ito colours (sky blue, orange, yellow) are under 3:1 on white.
    static let colours = ["#0072B2", "#D55E00", "#117733", "#AA4499", "#332288", "#8A6E00", "#882255", "#000000"]

    /// The page and the gaps between segments.
    static let background = "#FFFFFF"

    /// The fill for money left unallocated (4.5:1 on white).
    static let unallocated = "#767676"

    /// The colour of service `index` (file order): neighbours in a bar always differ.
    static func colour(ofService index: Int) -> String { colours[index % colours.count] }

    /// The fill pattern of service `index` in the bar chart: solid for the first round
    /// of colours, then a new pattern with each round.
    static func pattern(ofService index: Int) -> Pattern {
        Pattern.allCases[(index / colours.count) % Pattern.allCases.count]
    }

    /// The dash of service `index`'s line: solid for the first 40 services (where colour
    /// and marker already differ), then dashed, then dotted.
    static func dash(ofService index: Int) -> Dash {
        Dash.allCases[(index / (colours.count * Marker.allCases.count)) % Dash.allCases.count]
    }

    /// The WCAG 2.1 contrast ratio of two `#RRGGBB` colours, from 1 to 21.
    static func contrast(_ first: String, _ second: String) -> Double {
        let (a, b) = (relativeLuminance(first), relativeLuminance(second))
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    /// The WCAG 2.1 relative luminance of a `#RRGGBB` colour.
    static func relativeLuminance(_ colour: String) -> Double {
        let value = Int(colour.dropFirst(), radix: 16) ?? 0
        let channels = [(value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF].map { channel -> Double in
            let c = Double(channel) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    }

    /// The text colour, black or white, with the higher contrast on `colour`.
    static func labelColour(on colour: String) -> String {
        contrast(colour, "#000000") >= contrast(colour, "#FFFFFF") ? "#000000" : "#FFFFFF"
    }

    /// A bar's fill: white marks over the service's colour.
    enum Pattern: CaseIterable {
        case solid, diagonal, dots, backDiagonal, crosshatch, vertical

        /// The SVG `<pattern>` element `id` in `colour`; nil for `solid`, which is the colour itself.
        func definition(id: String, colour: String) -> String? {
            let open = "<pattern id=\"\(id)\" patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"8\""
            let ground = "<rect width=\"8\" height=\"8\" fill=\"\(colour)\"/>"
            let mark = "stroke=\"#ffffff\" stroke-width=\"2\""
            switch self {
            case .solid: return nil
            case .diagonal:
                return open + " patternTransform=\"rotate(45)\">" + ground + "<line x1=\"4\" y1=\"0\" x2=\"4\" y2=\"8\" \(mark)/></pattern>"
            case .dots:
                return open + ">" + ground + "<circle cx=\"4\" cy=\"4\" r=\"1.8\" fill=\"#ffffff\"/></pattern>"
            case .backDiagonal:
                return open + " patternTransform=\"rotate(-45)\">" + ground + "<line x1=\"4\" y1=\"0\" x2=\"4\" y2=\"8\" \(mark)/></pattern>"
            case .crosshatch:
                return open + " patternTransform=\"rotate(45)\">" + ground
                    + "<path d=\"M4 0V8M0 4H8\" stroke=\"#ffffff\" stroke-width=\"1.5\"/></pattern>"
            case .vertical:
                return open + ">" + ground + "<line x1=\"4\" y1=\"0\" x2=\"4\" y2=\"8\" \(mark)/></pattern>"
            }
        }
    }

    /// A line's dash.
    enum Dash: CaseIterable {
        case solid, dashed, dotted

        /// The `stroke-dasharray` attribute (with a leading space), empty for `solid`.
        var attribute: String {
            switch self {
            case .solid: return ""
            case .dashed: return " stroke-dasharray=\"7 4\""
            case .dotted: return " stroke-dasharray=\"2 3\""
            }
        }
    }

    /// The marker shapes of the line chart, so series differ by shape as well as colour.
    enum Marker: CaseIterable {
        case circle, square, triangle, diamond, cross

        /// The marker of service `index`: it changes with every service, and with the
        /// colour cycle of eight, the first forty services differ in colour or shape.
        static func ofService(_ index: Int) -> Marker { allCases[index % allCases.count] }

        /// The marker as an SVG element centred on (`x`, `y`) in `colour`.
        func svg(x: Double, y: Double, colour: String) -> String {
            let c = HTMLText.coordinate
            switch self {
            case .circle:
                return "<circle cx=\"\(c(x))\" cy=\"\(c(y))\" r=\"4\" fill=\"\(colour)\"/>"
            case .square:
                return "<rect x=\"\(c(x - 3.5))\" y=\"\(c(y - 3.5))\" width=\"7\" height=\"7\" fill=\"\(colour)\"/>"
            case .triangle:
                return "<path d=\"M\(c(x)) \(c(y - 4.5))L\(c(x + 4.5)) \(c(y + 3.5))L\(c(x - 4.5)) \(c(y + 3.5))Z\" fill=\"\(colour)\"/>"
            case .diamond:
                return "<path d=\"M\(c(x)) \(c(y - 5))L\(c(x + 5)) \(c(y))L\(c(x)) \(c(y + 5))L\(c(x - 5)) \(c(y))Z\" fill=\"\(colour)\"/>"
            case .cross:
                return "<path d=\"M\(c(x - 4)) \(c(y - 4))L\(c(x + 4)) \(c(y + 4))M\(c(x + 4)) \(c(y - 4))L\(c(x - 4)) \(c(y + 4))\" stroke=\"\(colour)\" stroke-width=\"2.5\"/>"
            }
        }
    }
}
