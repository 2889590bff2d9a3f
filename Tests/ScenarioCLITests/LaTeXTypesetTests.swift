import Foundation
import Testing

/// The `latex` sweep report typeset by pdflatex: 13 and 40 services with long names over
/// six cuts, four of them infeasible, lose nothing and fit the page.
///
/// pdflatex and pdftotext must be installed (`make test` installs them with apt-get);
/// without them these tests fail, saying so, rather than pass unchecked.
@Suite struct LaTeXTypesetTests {
    /// Names of the length board papers use, some with LaTeX specials.
    static let names = [
        "Independent domestic violence advocacy (IDVA) service", "Refuge accommodation and outreach",
        "Children and young people's therapeutic support", "Perpetrator behaviour change programme",
        "Sexual violence counselling & ISVA", "Helpline, webchat and out-of-hours triage",
        "Multi-agency risk assessment conference (MARAC) coordination", "Community awareness and training",
        "Housing sanctuary scheme", "Specialist BME/by-and-for services", "Stalking advocacy",
        "Court support and IDVA at court", "Recovery toolkit groups",
    ]

    /// The generated scenario with `services` services, its names replaced by long ones.
    static func scenario(services: Int, in directory: URL) throws -> String {
        let groups = services > 13 ? "3" : "2"
        let run = try ReportCommandRun.run(
            ["generate", "--services", "\(services)", "--funds", "3", "--groups", groups, "--seed", "7"], in: directory)
        try #require(run.status == 0, "scenario generate: \(run.errors)")
        var text = run.output
        for number in stride(from: services, through: 1, by: -1) {
            let name = names[(number - 1) % names.count] + (number > names.count ? " \(number)" : "")
            text = text.replacingOccurrences(of: "name = \"Service \(number)\"\n", with: "name = \"\(name)\"\n")
        }
        return text
    }

    /// Runs `tool` with `arguments` in `directory`; nil when the tool is not installed.
    static func runTool(_ tool: String, _ arguments: [String], in directory: URL) throws -> Int32? {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .map { "\($0)/\(tool)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let path else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Text with white space removed and typographic quotes and minus signs made plain,
    /// so that a line of the text report can be found in the PDF's text however it wraps.
    static func squeezed(_ text: String) -> String {
        String(text.unicodeScalars.compactMap { scalar -> Character? in
            if CharacterSet.whitespacesAndNewlines.contains(scalar) { return nil }
            switch scalar {
            case "\u{2019}", "\u{2018}": return "'"
            case "\u{201C}", "\u{201D}": return "\""
            case "\u{2212}": return "-"
            default: return Character(scalar)
            }
        })
    }

    @Test(arguments: [13, 40])
    func sixCutsOfManyServicesTypesetWhole(services: Int) throws {
        let directory = try ReportCommandRun.directory(with: [:])
        try Self.scenario(services: services, in: directory)
            .write(to: directory.appendingPathComponent("board.toml"), atomically: false, encoding: .utf8)
        let cuts = ["--cut", "70..95%"]
        let latex = try ReportCommandRun.run(["sweep", "board.toml"] + cuts + ["--format", "latex", "--output", "report.tex"], in: directory)
        try #require(latex.status == 0, "scenario sweep: \(latex.errors)")
        let fragment = try String(contentsOf: directory.appendingPathComponent("report.tex"), encoding: .utf8)
        #expect(fragment.contains("% Needs \\usepackage{booktabs} and \\usepackage{longtable} in the preamble"))
        let document = "\\documentclass{article}\n\\usepackage{booktabs}\n\\usepackage{longtable}\n"
            + "\\begin{document}\n\\input{report}\n\\end{document}\n"
        try document.write(to: directory.appendingPathComponent("board.tex"), atomically: false, encoding: .utf8)

        // Twice: longtable settles its column widths on the second run.
        let pdflatex = ["-interaction=nonstopmode", "-halt-on-error", "board.tex"]
        guard let first = try Self.runTool("pdflatex", pdflatex, in: directory) else {
            Issue.record("pdflatex not found: `make test` installs it (apt-get install texlive-latex-base texlive-latex-recommended poppler-utils)")
            return
        }
        #expect(first == 0)
        #expect(try Self.runTool("pdflatex", pdflatex, in: directory) == 0)
        let log = try String(contentsOf: directory.appendingPathComponent("board.log"), encoding: .isoLatin1)
        #expect(!log.contains("Float too large"))
        #expect(!log.contains("Rerun to get"))
        let overfull = log.components(separatedBy: "\n").filter { $0.hasPrefix("Overfull") }.compactMap { line -> Double? in
            guard let open = line.firstIndex(of: "("), let end = line.range(of: "pt too") else { return nil }
            return Double(line[line.index(after: open)..<end.lowerBound])
        }
        #expect(overfull.allSatisfy { $0 <= 1 }, "overfull boxes: \(overfull) pt")

        guard try Self.runTool("pdftotext", ["board.pdf", "board.txt"], in: directory) == 0 else {
            Issue.record("pdftotext not found or failed: `make test` installs it (apt-get install poppler-utils)")
            return
        }
        // A page number on a line of its own can fall inside a long note that crosses a page.
        let pages = try String(contentsOf: directory.appendingPathComponent("board.txt"), encoding: .utf8)
            .components(separatedBy: "\n").filter { line in !(line.contains { $0.isNumber } && line.allSatisfy { $0.isNumber || $0 == "\u{0C}" }) }
        let pdfText = Self.squeezed(pages.joined(separator: "\n"))
        // The text report of the same sweep (one block of six cuts): its notes, rounding
        // rule, source, file with checksum and maximum cut are the lines after the tables.
        let text = try ReportCommandRun.run(["sweep", "board.toml"] + cuts, in: directory)
        try #require(text.status == 0)
        let lines = text.output.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex { $0.hasPrefix("Note (") || $0.hasPrefix("Figures rounded") })
        let tail = lines[start...].filter { !$0.isEmpty }
        #expect(tail.count >= 8)  // four notes of infeasible cuts, rounding, source, file, maximum cut
        for line in ["Figures rounded to multiples of", "Source: ", "Scenario: board.toml (sha256 ", "Maximum feasible cut: "] {
            #expect(tail.contains { $0.hasPrefix(line) }, "the text report has no line \(line)")
        }
        for line in tail {
            #expect(pdfText.contains(Self.squeezed(line)), "not in the PDF: \(line)")
        }
        // Every service, the last one included, with its baseline.
        let lastName = Self.names[(services - 1) % Self.names.count] + (services > Self.names.count ? " \(services)" : "")
        #expect(pdfText.contains(Self.squeezed(lastName)))
        #expect(pdfText.contains("Continuedonthenextpage"))
    }
}
