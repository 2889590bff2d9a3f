import Foundation
import Testing

/// The edge cases of issue #6 (item 3) as a person meets them on the command line: the exact
/// one-line error and exit status, or figures that add up. The README's "Limits and
/// guarantees" table lists each case with its behaviour.
@Suite struct EdgeCaseCommandTests {
    @Test func emptyFileIsOneIssue() throws {
        let directory = try ReportCommandRun.directory(with: ["empty.toml": ""])
        let run = try ReportCommandRun.run(["check", "empty.toml"], in: directory)
        #expect(run.status == 65)
        #expect(run.errors == "empty.toml: is empty: a scenario needs a title, a [[fund]] and a [[service]]\n")
    }

    @Test func binaryFileIsNotText() throws {
        let directory = try ReportCommandRun.directory(with: [:])
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0xFF, 0x00])
            .write(to: directory.appendingPathComponent("image.toml"))
        let run = try ReportCommandRun.run(["sweep", "image.toml", "--cut", "5"], in: directory)
        #expect(run.status == 65)
        #expect(run.errors == "image.toml: is not UTF-8 text (is it a binary file?)\n")
        #expect(run.output.isEmpty)
    }

    @Test func directoryAndMissingFileExitWith1() throws {
        let directory = try ReportCommandRun.directory(with: [:])
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("folder.toml"), withIntermediateDirectories: false)
        let folder = try ReportCommandRun.run(["sweep", "folder.toml", "--cut", "5"], in: directory)
        #expect(folder.status == 1)
        #expect(folder.errors == "folder.toml: is a directory, not a scenario file\n")
        let missing = try ReportCommandRun.run(["check", "missing.toml"], in: directory)
        #expect(missing.status == 1)
        #expect(missing.errors == "missing.toml: no such file\n")
    }

    /// The argument parser's list of formats (one `- name` line each) becomes one line.
    @Test func anUnknownFormatListsTheFormatsOnOneLine() throws {
        let directory = try ReportCommandRun.directory(with: [:])
        let run = try ReportCommandRun.run(["sweep", "--format", "pdf"], in: directory)
        #expect(run.status == 64)
        #expect(run.errors == "scenario sweep: The value 'pdf' is invalid for '--format <format>'. Please provide one of "
            + "the following: text, markdown, csv, json, latex, html, csv-wide, xlsx\n")
        #expect(run.output.isEmpty)
    }

    @Test func namelessTableHeaderIsASyntaxErrorNotACrash() throws {
        let directory = try ReportCommandRun.directory(with: ["bracket.toml": "title = \"x\"\n[\n"])
        let run = try ReportCommandRun.run(["check", "bracket.toml"], in: directory)
        #expect(run.status == 65)
        #expect(run.errors == "bracket.toml:2:2: syntax error: a table header needs a name after '[', "
            + "such as [[service]] or [objective]\n")
    }

    @Test(arguments: [
        ("-100%", "cut -100% is out of range: a cut must be greater than -100% and less than 100%"),
        ("5..", "range '5..' has no end: write A..B%, for example 5..20%"),
        ("..20%", "range '..20%' has no start: write A..B%, for example 5..20%"),
        ("NaN", "'NaN' is not a percentage: write a plain decimal number such as 7.5 or 7.5%"),
        ("5\n6", "'5\\n6' is not a percentage: write a plain decimal number such as 7.5 or 7.5%"),
    ])
    func malformedCutsAreUsageErrors(cut: String, message: String) throws {
        let directory = try ReportCommandRun.directory(with: ["worked.toml": ReportCommandRun.workedExample])
        let run = try ReportCommandRun.run(["sweep", "worked.toml", "--cut", cut], in: directory)
        #expect(run.status == 64)
        #expect(run.errors == "scenario sweep: \(message)\n")
        #expect(run.output.isEmpty)
    }

    /// A £1e12 envelope and a penny envelope, both rounded to the penny: every column of
    /// rounded services adds up to the rounded envelope, and each rounded figure is the
    /// hand-worked largest-remainder one.
    @Test(arguments: [
        ("""
        title = "A trillion to the penny"
        unit = 0.01
        [[fund]]
        id = "grant"
        amount = 1_000_000_000_000
        [[service]]
        id = "a"
        baseline = 999_997_000_000.01
        [[service]]
        id = "b"
        baseline = 1_500_000
        [[service]]
        id = "c"
        baseline = 1_499_999.99
        """, ["899997300000.01", "1350000.00", "1349999.99"], "900000000000.00"),
        ("""
        title = "Pennies"
        unit = 0.01
        [[fund]]
        id = "grant"
        amount = 0.06
        [[service]]
        id = "a"
        baseline = 0.01
        [[service]]
        id = "b"
        baseline = 0.02
        [[service]]
        id = "c"
        baseline = 0.03
        """, ["0.01", "0.02", "0.02"], "0.05"),
    ])
    func extremeMagnitudesAddUpToThePenny(scenario: String, rounded: [String], envelope: String) throws {
        let directory = try ReportCommandRun.directory(with: ["s.toml": scenario])
        let run = try ReportCommandRun.run(["sweep", "s.toml", "--cut", "10%", "--format", "csv"], in: directory)
        #expect(run.status == 0)
        let rows = run.output.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows.map { String($0[6]) } == rounded)
        #expect(rows.allSatisfy { String($0[12]) == envelope })
        let cents = rounded.map { Int(($0.replacingOccurrences(of: ".", with: ""))) ?? -1 }
        #expect(cents.reduce(0, +) == Int(envelope.replacingOccurrences(of: ".", with: "")))
    }

    @Test func pennyBesideATrillionIsRejected() throws {
        let directory = try ReportCommandRun.directory(with: ["s.toml": """
            title = "Pennies beside a trillion"
            [[fund]]
            id = "grant"
            amount = 1_000_000_000_000
            [[service]]
            id = "penny"
            baseline = 0.01
            """])
        let run = try ReportCommandRun.run(["sweep", "s.toml", "--cut", "10%"], in: directory)
        #expect(run.status == 65)
        #expect(run.errors == "s.toml:7:1: [[service]] \"penny\": \"baseline\" is too small to compute with beside "
            + "the scenario's largest amount (got 0.01; a baseline must be at least a millionth of 1000000000000)\n")
    }
}
