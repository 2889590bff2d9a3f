import Foundation
import Testing

/// `scenario sweep` with the board-paper formats `latex` and `html`.
@Suite struct BoardPaperSweepTests {
    @Test(arguments: [("out.tex", "% Sweep of worked.toml by scenario "), ("out.html", "<!DOCTYPE html>\n"), ("out.HTM", "<!DOCTYPE html>\n")])
    func outputExtensionPicksTheFormat(file: String, opening: String) throws {
        let directory = try ReportCommandRun.directory(with: ["worked.toml": ReportCommandRun.workedExample])
        let run = try ReportCommandRun.run(["sweep", "worked.toml", "--cut", "10..40%", "--step", "10", "--output", file], in: directory)
        #expect(run.status == 0)
        #expect(run.errors.isEmpty)
        let written = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
        #expect(written.hasPrefix(opening))
        #expect(written.contains("At a 40% cut the envelope is £660,000") || written.contains(#"At a 40\% cut the envelope is \pounds{}660,000"#))
    }

    /// The notes under a sweep's tables follow the cuts: on the bundled closures scenario
    /// (feasible up to 29.41%), 29% has its closures' note, then 30% its closures' and its
    /// infeasibility's, then 31% the same two.
    @Test(arguments: ["text", "markdown", "latex"])
    func notesFollowTheCuts(format: String) throws {
        let file = ScenarioProcess.packageRoot.appendingPathComponent("scenarios/cambridgeshire-2016-17-closures.toml").path
        let run = try ReportCommandRun.run(["sweep", file, "--cut", "29,30,31%", "--format", format])
        #expect(run.status == 0)
        let percent = format == "latex" ? #"\%"# : "%"
        let order = [
            "Note (29\(percent) cut): The cut forces 2 closures",
            "Note (30\(percent) cut): The least deficit needs 2 closures",
            "Note (30\(percent) cut): At a 30",
            "Note (31\(percent) cut): The least deficit needs 2 closures",
            "Note (31\(percent) cut): At a 31",
        ].map { run.output.range(of: $0)?.lowerBound }
        #expect(!order.contains(nil), "\(run.output)")
        let found = order.compactMap { $0 }
        #expect(found == found.sorted(), "\(run.output)")
    }

    /// A long group name under a figure is broken between words into lines of at most 80pt
    /// (LaTeXWidth's estimate), so it does not widen its column: at 20% the envelope of 800
    /// would give each service 400, but the group holds `a` at 450 (-10%).
    @Test func aLongReasonBreaksUnderItsFigure() throws {
        let scenario = """
            title = "Long group name"
            [[fund]]
            id = "grant"
            amount = 1000
            [[service]]
            id = "a"
            baseline = 500
            [[service]]
            id = "b"
            baseline = 500
            [[group]]
            id = "dv"
            name = "Domestic and sexual violence services"
            services = ["a"]
            min = 450
            """
        let directory = try ReportCommandRun.directory(with: ["long.toml": scenario])
        let run = try ReportCommandRun.run(["sweep", "long.toml", "--cut", "20%", "--format", "latex"], in: directory)
        #expect(run.status == 0)
        #expect(run.output.contains(
            #"\raggedright a & \begin{tabular}[t]{@{}r@{}}$-$10.0\%\\group: Domestic\\and sexual\\violence services\end{tabular} \\"#),
            "\(run.output)")
    }

    @Test func standaloneLaTeXIsACompleteDocument() throws {
        let directory = try ReportCommandRun.directory(with: ["worked.toml": ReportCommandRun.workedExample])
        let run = try ReportCommandRun.run(["sweep", "worked.toml", "--cut", "10%", "--format", "latex", "--latex-standalone"], in: directory)
        #expect(run.status == 0)
        #expect(run.output.contains("\\documentclass{article}\n\\usepackage{booktabs}\n\\usepackage{longtable}\n\\begin{document}\n"))
        #expect(run.output.hasSuffix("\\endgroup\n\\end{document}\n"))
        #expect(run.output.contains(#"\caption{Worked example: allocation by cut, 10\% cut}"#))
    }

    @Test func standaloneWithAnotherFormatIsAUsageError() throws {
        let run = try ReportCommandRun.run(["sweep", "--cut", "5%", "--format", "html", "--latex-standalone"])
        #expect(run.status == 64)
        #expect(run.errors == "scenario sweep: --latex-standalone applies only to the latex format\n")
        #expect(run.output.isEmpty)
    }

    /// 0..20% in steps of 0.1 is 201 cuts: one over the limit, refused before any solving.
    @Test(arguments: ["latex", "html"])
    func moreThanTwoHundredCutsIsAUsageError(format: String) throws {
        let run = try ReportCommandRun.run(["sweep", "--cut", "0..20%", "--step", "0.1", "--format", format])
        #expect(run.status == 64)
        #expect(run.errors == "scenario sweep: the \(format) format takes at most 200 cuts, and this sweep has 201; use a larger --step or the csv or json format\n")
        #expect(run.output.isEmpty)
    }
}
