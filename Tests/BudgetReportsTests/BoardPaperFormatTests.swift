import BudgetModel
import BudgetReports
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The `latex` and `html` sweep reports: structure, escaping and the cut limit.
/// Their full text is pinned by the golden files in `SweepGoldenTests`.
@Suite struct BoardPaperFormatTests {
    /// A scenario whose names hold every character special to LaTeX or HTML, in euros.
    static let specialHeader: SweepHeader = {
        var scenario = WorkedExample.scenario
        scenario.title = #"R&D <100%> $5 #1 a_b {x} ~y ^z \w "q""#
        scenario.currency = "EUR"
        scenario.services[3].name = "Counselling & \"talking\" <therapies>"
        scenario.source = "Board paper 7/2026, p. 3 & annex"
        return SweepHeader(
            document: ScenarioDocument(scenario: scenario, fileName: "r&d_2026.toml", sha256: "00ff"),
            toolVersion: "0.1.0", maximumFeasibleCut: 38.5)
    }()

    static func latex(standalone: Bool, header: SweepHeader = WorkedExample.header) -> String {
        var writer = SweepFormat.latex.makeWriter(header: header, output: "", standalone: standalone)
        for result in WorkedExample.results { writer.write(result) }
        writer.finish()
        return writer.output
    }

    @Test func latexEscapesEverySpecialCharacter() throws {
        let text = Self.latex(standalone: true, header: Self.specialHeader)
        try SweepGoldenTests.expectMatchesGolden(text, file: "specials-standalone.tex")
        #expect(text.contains(
            ##"\caption{R\&D \textless{}100\%\textgreater{} \$5 \#1 a\_b \{x\} \textasciitilde{}y \textasciicircum{}z \textbackslash{}w ``q'': allocation by cut, 10\% to 40\% cuts}"##))
        #expect(text.contains(#"\raggedright Counselling \& ``talking'' \textless{}therapies\textgreater{} & \texteuro{}200,000"#))
        #expect(text.contains(#"Source: Board paper 7/2026, p. 3 \& annex\par"#))
        #expect(text.hasPrefix("% Sweep of r&d_2026.toml"))
        #expect(text.contains("\\documentclass{article}\n\\usepackage{booktabs}\n\\usepackage{longtable}\n\\begin{document}\n"))
        #expect(text.hasSuffix("\\endgroup\n\\end{document}\n"))
    }

    @Test func latexTurnsLineBreaksInNamesIntoSpaces() {
        var header = WorkedExample.header
        header.document.scenario.title = "Two\n\nparagraphs"
        #expect(Self.latex(standalone: false, header: header).contains("\\caption{Two  paragraphs: allocation by cut, 10\\% to 40\\% cuts}"))
    }

    @Test(arguments: [false, true])
    func latexBracesBalance(special: Bool) {
        let text = Self.latex(standalone: special, header: special ? Self.specialHeader : WorkedExample.header)
        var depth = 0
        var lowest = 0
        var escaped = false
        for line in text.split(separator: "\n") where !line.hasPrefix("%") {
            for character in line {
                if escaped {
                    escaped = false
                    continue
                }
                switch character {
                case "\\": escaped = true
                case "{": depth += 1
                case "}": depth -= 1
                default: break
                }
                lowest = min(lowest, depth)
            }
        }
        #expect(depth == 0)
        #expect(lowest == 0)
        #expect(text.components(separatedBy: "\\begin{").count == text.components(separatedBy: "\\end{").count)
    }

    /// Reads the allocation longtable back and adds it up: per cut the services make the
    /// total allocated, and allocated plus unallocated make the envelope.
    @Test func latexTotalsAddUp() throws {
        let text = Self.latex(standalone: false)
        let firstTable = try #require(text.components(separatedBy: "\\begin{longtable}").dropFirst().first)
        let rows = firstTable.components(separatedBy: "\n").filter { $0.hasSuffix(" \\\\") }
            .map { $0.replacingOccurrences(of: "\\raggedright ", with: "") }
        func figures(_ label: String) throws -> [Double?] {
            let row = try #require(rows.first { $0.hasPrefix(label + " & ") })
            return row.dropLast(3).components(separatedBy: " & ").dropFirst().map { cell in
                Double(cell.replacingOccurrences(of: "\\pounds{}", with: "").replacingOccurrences(of: ",", with: ""))
            }
        }
        let services = try ["Victims' Hub", "IDVA service", "Restorative Justice", "counselling"].map(figures)
        let total = try figures("Total allocated")
        let unallocated = try figures("Unallocated")
        let envelope = try figures("Envelope")
        #expect(total == [1_100_000, 990_000, 880_000, 770_000, nil])
        #expect(envelope == [nil, 990_000, 880_000, 770_000, 660_000])
        for column in 0..<4 {
            let sum = services.compactMap { $0[column] }.reduce(0, +)
            #expect(sum == total[column])
            if column > 0 { #expect((total[column] ?? 0) + (unallocated[column] ?? -1) == envelope[column]) }
        }
        #expect(text.contains(#"\raggedright Restorative Justice & \begin{tabular}[t]{@{}r@{}}$-$22.0\%\\share\end{tabular} & \begin{tabular}[t]{@{}r@{}}$-$40.0\%\\minimum\end{tabular} & "#))
        #expect(text.contains(#"Note (40\% cut): At a 40\% cut the envelope is \pounds{}660,000."#))
    }

    @Test(arguments: [false, true])
    func htmlIsWellFormedAndAccessible(special: Bool) throws {
        let header = special ? Self.specialHeader : WorkedExample.header
        let page = WorkedExample.report(.html, header: header)
        let outline = try XMLOutline(page)
        #expect(outline.elements["caption"] == 2)
        #expect(outline.elements["svg"] == 2)
        #expect(outline.svgsWithRoleImage == 2)
        #expect(outline.svgsOpeningWithTitleAndDesc == 2)
        #expect(outline.scopes["col"] == 6 + 5)  // Service, Baseline, four cuts; Service, four cuts
        #expect(outline.scopes["row"] == 9 + 4)  // four services and five totals rows; four services
        #expect(outline.elements["script"] == nil)
        #expect(outline.externalReferences.isEmpty)
        #expect(outline.text.contains("Table 1: Allocation by cut, \(header.scenario.title), 10% to 40% cuts"))
        #expect(outline.text.contains("Note (40% cut): At a 40% cut the envelope is"))
        #expect(outline.text.contains("Infeasible"))
    }

    @Test func htmlTablesRightAlignFiguresWithThousandsSeparators() {
        let page = WorkedExample.report(.html)
        #expect(page.contains(
            #"<tr><th scope="row">Restorative Justice</th><td class="num">£300,000</td><td class="num">£234,000</td><td class="num">£180,000</td><td class="num">£180,000</td><td class="num">—</td></tr>"#))
        #expect(page.contains("<tbody class=\"totals\">\n<tr><th scope=\"row\">Total allocated</th><td class=\"num\">£1,100,000</td>"))
        #expect(page.contains(#"<td class="num">-22.0%<br/><span class="detail">share</span></td>"#))
    }

    @Test func htmlHoldsAtMostTwoHundredCuts() throws {
        let results = (0..<203).map { step -> CutResult in
            var result = WorkedExample.results[0]
            result.cutPercent = Double(step) / 20
            return result
        }
        let page = WorkedExample.report(.html, results: results)
        #expect(page.contains("This page shows the first 200 cuts of the sweep; the other 3 are left out."))
        let outline = try XMLOutline(page)
        #expect(outline.scopes["col"] == 202 + 201)  // Service, Baseline, 200 cuts; Service, 200 cuts
        #expect(!page.contains("10.05% cut"))
        #expect(page.contains(">9.95% cut<"))
    }

    @Test func boardPaperFormatsLimitTheCuts() throws {
        #expect(throws: Never.self) { try SweepFormat.latex.checkCutCount(200) }
        #expect(throws: SweepFormatError.tooManyCuts(format: .html, count: 201, limit: 200)) {
            try SweepFormat.html.checkCutCount(201)
        }
        #expect(throws: Never.self) { try SweepFormat.csv.checkCutCount(3001) }
        let error = SweepFormatError.tooManyCuts(format: .latex, count: 3001, limit: 200)
        #expect(error.description == "the latex format takes at most 200 cuts, and this sweep has 3001; use a larger --step or the csv or json format")
    }

    @Test func fileExtensionsPickTheBoardPaperFormats() {
        #expect(SweepFormat(fileExtensionOf: "paper/cuts.tex") == .latex)
        #expect(SweepFormat(fileExtensionOf: "cuts.HTML") == .html)
        #expect(SweepFormat(fileExtensionOf: "cuts.htm") == .html)
        #expect(SweepFormat(fileExtensionOf: "cuts.pdf") == nil)
    }
}

/// What an XML parse of a page found: element counts, `scope` values, the
/// SVGs' accessibility markup, any `src`/`href` to another file, and the text.
final class XMLOutline: NSObject, XMLParserDelegate {
    struct NotWellFormed: Error, CustomStringConvertible {
        var description: String
    }

    private(set) var elements: [String: Int] = [:]
    private(set) var scopes: [String: Int] = [:]
    private(set) var svgsWithRoleImage = 0
    private(set) var svgsOpeningWithTitleAndDesc = 0
    private(set) var externalReferences: [String] = []
    private(set) var text = ""
    private var stack: [String] = []
    private var svgChildren: [String]?

    init(_ page: String) throws {
        super.init()
        let parser = XMLParser(data: Data(page.utf8))
        parser.delegate = self
        guard parser.parse() else {
            throw NotWellFormed(description: "\(parser.parserError.map(String.init(describing:)) ?? "parse failed") at line \(parser.lineNumber)")
        }
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        elements[name, default: 0] += 1
        if let scope = attributes["scope"] { scopes[scope, default: 0] += 1 }
        for key in ["src", "href"] {
            if let reference = attributes[key], !reference.hasPrefix("#") { externalReferences.append(reference) }
        }
        if stack.last == "svg" { svgChildren?.append(name) }
        if name == "svg" {
            if attributes["role"] == "img" { svgsWithRoleImage += 1 }
            svgChildren = []
        }
        stack.append(name)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
        if name == "svg", let children = svgChildren {
            if children.prefix(2) == ["title", "desc"] { svgsOpeningWithTitleAndDesc += 1 }
            svgChildren = nil
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }
}
