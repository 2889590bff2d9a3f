import Foundation
import Testing

/// The finest `unit` a scenario may have, on both sides of the limit, through the whole tool:
/// figures printed at the limit are right to the last digit, a unit past it is exit 65.
@Suite struct UnitLimitCommandTests {
    /// Lines: 1 title, 2 unit, 3 [[fund]], 4 id, 5 amount, 6 [[service]], 7-9 a, 10 [[service]], 11-13 b.
    static func scenario(unit: String, fund: String, alpha: String, beta: String) -> String {
        """
        title = "Finest unit"
        unit = \(unit)
        [[fund]]
        id = "core"
        amount = \(fund)
        [[service]]
        id = "a"
        name = "Alpha"
        baseline = \(alpha)
        [[service]]
        id = "b"
        name = "Beta"
        baseline = \(beta)

        """
    }

    /// Largest figure 8e9 (twice the fund): 8e15 millionths, below 2^53 = 9.007e15. By hand,
    /// at a 10% cut Alpha gets 0.9 x 3,000,000,000.000001 = 2,700,000,000.0000009, Beta
    /// 900,000,000 and the envelope is 3,600,000,000.0000009: to the millionth .000001, 0, .000001.
    @Test func millionthsPrintExactlyUpToTheLimit() throws {
        let file = Self.scenario(
            unit: "0.000001", fund: "4_000_000_000.000001", alpha: "3_000_000_000.000001", beta: "1_000_000_000")
        let directory = try ReportCommandRun.directory(with: ["fine.toml": file])
        let run = try ReportCommandRun.run(["sweep", "fine.toml", "--cut", "10%"], in: directory)
        #expect(run.status == 0)
        #expect(run.errors.isEmpty)
        #expect(run.output.contains("Alpha            £3,000,000,000.000001  £2,700,000,000.000001"))
        #expect(run.output.contains("Beta             £1,000,000,000.000000    £900,000,000.000000"))
        #expect(run.output.contains("Envelope                                £3,600,000,000.000001"))
        let csv = try ReportCommandRun.run(["sweep", "fine.toml", "--cut", "10%", "--format", "csv"], in: directory)
        #expect(csv.status == 0)
        let rows = csv.output.split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows.map { String($0[6]) } == ["2700000000.000001", "900000000.000000"])
        #expect(rows.map { String($0[12]) } == ["3600000000.000001", "3600000000.000001"])
    }

    /// Small amounts with the finest unit: 600 and 400 at a 10% cut are 540 and 360.
    @Test func millionthsOfSmallAmounts() throws {
        let file = Self.scenario(unit: "0.000001", fund: "1000", alpha: "600", beta: "400")
        let directory = try ReportCommandRun.directory(with: ["small.toml": file])
        let run = try ReportCommandRun.run(["sweep", "small.toml", "--cut", "10%", "--format", "csv"], in: directory)
        #expect(run.status == 0)
        let rows = run.output.split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows.map { String($0[6]) } == ["540.000000", "360.000000"])
    }

    /// Units finer than a millionth printed 600 at a unit of 5e-7 as 1,200 and at 1e-7 as 0.
    @Test(arguments: [("0.0000005", "5e-07"), ("0.0000001", "1e-07"), ("0.0000015", "1.5e-06")])
    func moreThanSixDecimalPlacesIsRejected(unit: String, shown: String) throws {
        let file = Self.scenario(unit: unit, fund: "1000", alpha: "600", beta: "400")
        let directory = try ReportCommandRun.directory(with: ["tiny.toml": file])
        for format in ["text", "csv", "json", "markdown"] {
            let run = try ReportCommandRun.run(["sweep", "tiny.toml", "--cut", "10%", "--format", format], in: directory)
            #expect(run.status == 65)
            #expect(run.output.isEmpty)
            #expect(run.errors == "tiny.toml:2:1: \"unit\" must have at most 6 decimal places "
                + "(the finest unit is 0.000001), not \(shown)\n")
        }
    }

    /// One step past the limit: a fund of 5e9 makes the largest figure 1e10, 1e16 millionths.
    @Test func aUnitTooFineForTheLargestFigureIsRejected() throws {
        let file = Self.scenario(
            unit: "0.000001", fund: "5_000_000_000", alpha: "3_000_000_000", beta: "2_000_000_000")
        let directory = try ReportCommandRun.directory(with: ["big.toml": file])
        let run = try ReportCommandRun.run(["sweep", "big.toml", "--cut", "10%"], in: directory)
        #expect(run.status == 65)
        #expect(run.output.isEmpty)
        #expect(run.errors == "big.toml:2:1: \"unit\" 1e-06 is too fine for this scenario's largest figure, "
            + "10000000000: in steps of 0.000001 that is 1e+16, above 2^53 = 9007199254740992, the largest "
            + "count a double holds exactly; the finest unit it allows is 0.00001\n")
        let coarser = Self.scenario(unit: "0.00001", fund: "5_000_000_000", alpha: "3_000_000_000", beta: "2_000_000_000")
        let accepted = try ReportCommandRun.directory(with: ["big.toml": coarser])
        let csv = try ReportCommandRun.run(["sweep", "big.toml", "--cut", "10%", "--format", "csv"], in: accepted)
        #expect(csv.status == 0)
        let rows = csv.output.split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows.map { String($0[6]) } == ["2700000000.00000", "1800000000.00000"])
    }
}

/// Names, titles and sources that could move the cursor or forge a row are rejected.
@Suite struct UnprintableTextCommandTests {
    @Test func aNewlineInANameIsRejectedWithItsPosition() throws {
        let file = UnitLimitCommandTests.scenario(unit: "1", fund: "1000", alpha: "600", beta: "400")
            .replacingOccurrences(of: "name = \"Beta\"", with: "name = \"Beta\\n| Forged | £1 |\"")
        let directory = try ReportCommandRun.directory(with: ["row.toml": file])
        for format in ["text", "markdown"] {
            let run = try ReportCommandRun.run(["sweep", "row.toml", "--cut", "10%", "--format", format], in: directory)
            #expect(run.status == 65)
            #expect(run.output.isEmpty)
            #expect(run.errors == "row.toml:12:1: [[service]] \"b\": \"name\" holds U+000A (line feed) at character 5; "
                + "names, titles and sources must be one line of printable text, without control characters, "
                + "line separators or bidirectional overrides\n")
        }
    }

    @Test func anEscapeSequenceInATitleIsRejected() throws {
        let file = UnitLimitCommandTests.scenario(unit: "1", fund: "1000", alpha: "600", beta: "400")
            .replacingOccurrences(of: "title = \"Finest unit\"", with: "title = \"Budget\\u001b[2J\\u001b[H\"")
        let directory = try ReportCommandRun.directory(with: ["clear.toml": file])
        let run = try ReportCommandRun.run(["sweep", "clear.toml", "--cut", "10%"], in: directory)
        #expect(run.status == 65)
        #expect(run.output.isEmpty)
        #expect(run.errors == "clear.toml:1:1: \"title\" holds U+001B (escape) at character 7 and 1 more; "
            + "names, titles and sources must be one line of printable text, without control characters, "
            + "line separators or bidirectional overrides\n")
        #expect(!run.errors.contains("\u{1b}"))
    }
}
