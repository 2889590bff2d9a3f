/// Colours and marker shapes for the charts, safe for colour-blind readers.
enum ChartPalette {
    /// The Okabe–Ito palette, blue first and yellow late (it is faint on white);
    /// a service beyond the eighth takes the colours again from the start.
    static let colours = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]

    /// The fill for money left unallocated.
    static let unallocated = "#BBBBBB"

    /// The colour of service `index` (file order).
    static func colour(ofService index: Int) -> String { colours[index % colours.count] }

    /// The marker shapes of the line chart, so series differ by shape as well as colour.
    enum Marker: CaseIterable {
        case circle, square, triangle, diamond, cross

        /// The marker of service `index`: it changes with every service, and
        /// with the colour cycle of eight, forty services in a row look different.
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
