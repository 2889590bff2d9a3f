import Foundation
import LPCertificates
import LinearProgramming
import Testing

/// Integer columns are reported beside the programme, and a column bound set twice is an error.
@Suite struct MPSIntegerAndBoundTests {
    /// max x + y + z subject to 2x + 2y + 3z <= 3: x integer by markers, y by UI, z by BV.
    /// The continuous optimum is 1.5 (x + y = 1.5, z = 0); the integer optimum is 1.
    /// (`Tests/Fixtures/tiny-mip.mps`, also run through `scenario lp` by the CLI tests.)
    static let smallMIP: String = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/tiny-mip.mps")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? "missing fixture \(url.path)"
    }()

    @Test func integerColumnsAreReportedBesideTheRelaxation() throws {
        let model = try MPSReader.parseModel(Self.smallMIP, fileName: "tinymip.mps")
        #expect(model.integerColumns == [0, 1, 2])
        #expect(model.program.columnNames == ["x", "y", "z"])
        #expect(model.program.columnLower == [0, 0, 0])
        #expect(model.program.columnUpper == [.infinity, 5, 1])
        let solution = model.program.solve()
        #expect(solution.status == .optimal)
        #expect(abs(solution.objective - 1.5) < 1e-9)
        #expect(CertificateChecker().check(solution, of: model.program).isValid)
        #expect(try MPSReader.parse(Self.smallMIP, fileName: "tinymip.mps") == model.program)
    }

    @Test func aLinearProgrammeHasNoIntegerColumns() throws {
        let model = try MPSReader.parseModel(MPSReaderTests.freeExample.replacingOccurrences(
            of: " BV  BND2  z\n", with: ""), fileName: "demo.mps")
        #expect(model.integerColumns == [1])
        let plain = "NAME p\nROWS\n N obj\n L c\nCOLUMNS\n x obj 1 c 1\nRHS\n r c 4\nBOUNDS\n LO b x 1\nENDATA\n"
        #expect(try MPSReader.parseModel(plain, fileName: "p.mps").integerColumns == [])
    }

    @Test func unmatchedMarkersAreErrors() {
        let header = "NAME t\nROWS\n N obj\n L c1\nCOLUMNS\n"
        #expect(throws: MPSError(file: "bad.mps", line: 6, message: "'INTEND' marker without 'INTORG'")) {
            try MPSReader.parse(header + " M 'MARKER' 'INTEND'\n x c1 1\nENDATA\n", fileName: "bad.mps")
        }
        #expect(throws: MPSError(file: "bad.mps", line: 8, message: "'INTORG' marker inside integer markers already open")) {
            try MPSReader.parse(
                header + " M 'MARKER' 'INTORG'\n x c1 1\n M 'MARKER' 'INTORG'\nENDATA\n", fileName: "bad.mps")
        }
    }

    /// Pairs of bound types that set the same side of one column: the second line is the error,
    /// as for an RHS entry given twice. The lower side is checked first.
    @Test(arguments: [
        ("FX b x 1", "FX b x 2", "lower"),
        ("UP b x 1", "UP b x 2", "upper"),
        ("UP b x 1", "FX b x 2", "upper"),
        ("UI b x 1", "PL b x", "upper"),
        ("PL b x", "BV b x", "upper"),
        ("LO b x 1", "LO b x 2", "lower"),
        ("LO b x 1", "FX b x 2", "lower"),
        ("LI b x 1", "MI b x", "lower"),
        ("MI b x", "FR b x", "lower"),
        ("FR b x", "UP b x 3", "upper"),
        ("BV b x", "LO b x 0", "lower"),
        ("FX b x 1", "LI b x 1", "lower"),
    ])
    func aBoundSetTwiceIsAnError(first: String, second: String, side: String) {
        let text = "NAME t\nROWS\n N obj\n L c1\nCOLUMNS\n x c1 1\nBOUNDS\n \(first)\n \(second)\nENDATA\n"
        let expected = "\(side) bound of 'x' given twice (\(second.prefix(2)) here, and at line 8)"
        #expect(throws: MPSError(file: "bad.mps", line: 9, message: expected)) {
            try MPSReader.parse(text, fileName: "bad.mps", format: .free)
        }
    }

    /// One bound on each side, in any order and any types, is what every file does.
    @Test(arguments: [
        ("LO b x 1", "UP b x 4", 1.0, 4.0), ("UP b x 4", "LO b x 1", 1.0, 4.0),
        ("MI b x", "PL b x", -Double.infinity, Double.infinity), ("LI b x -2", "UI b x 3", -2.0, 3.0),
    ])
    func oneBoundPerSideIsAccepted(first: String, second: String, lower: Double, upper: Double) throws {
        let text = "NAME t\nROWS\n N obj\n L c1\nCOLUMNS\n x c1 1\nBOUNDS\n \(first)\n \(second)\nENDATA\n"
        let program = try MPSReader.parse(text, fileName: "ok.mps", format: .free)
        #expect(program.columnLower == [lower])
        #expect(program.columnUpper == [upper])
    }

    /// `SC` and `SI` give the upper bound; the file's lower bound, when above 0, starts the
    /// nonzero range and the relaxation's lower bound is 0. `SI` also makes the column integer;
    /// an `SC` column whose lower bound is 0 is an ordinary one.
    @Test func semicontinuousBoundsAreReportedBesideTheRelaxation() throws {
        let text = "NAME t\nROWS\n N obj\n L c1\nCOLUMNS\n x c1 1\n y c1 1\n z c1 1\nBOUNDS\n"
            + " SC b x 10\n LO b x 2\n SI b y 8\n LO b y 3\n SC b z 5\nENDATA\n"
        let model = try MPSReader.parseModel(text, fileName: "sc.mps", format: .free)
        #expect(model.integerColumns == [1])
        #expect(model.semicontinuous == [.init(column: 0, lower: 2), .init(column: 1, lower: 3)])
        #expect(model.program.columnLower == [0, 0, 0])
        #expect(model.program.columnUpper == [10, 8, 5])
        #expect(model.isMixedInteger)
        let mip = model.mixedIntegerProgram
        #expect(mip.semicontinuousLower == [2, 3, nil])
        #expect(mip.isInteger == [false, true, false])
        #expect(mip.isDiscreteFeasible(0, column: 0, tolerance: 1e-9))
        #expect(!mip.isDiscreteFeasible(1, column: 0, tolerance: 1e-9))
        #expect(mip.isDiscreteFeasible(2.5, column: 0, tolerance: 1e-9))
        #expect(!mip.isDiscreteFeasible(3.5, column: 1, tolerance: 1e-9))
    }

    /// Sections some writers put after ENDATA are skipped, with one note saying where.
    @Test func linesAfterEndataAreIgnoredWithANote() throws {
        let text = "NAME t\nROWS\n N obj\n L c1\nCOLUMNS\n x obj 1 c1 1\nRHS\n r c1 4\nENDATA\n"
            + "IMPORTANCES\n x 3\n"
        let model = try MPSReader.parseModel(text, fileName: "extra.mps")
        #expect(model.notes == ["extra.mps:10: 2 lines after ENDATA ignored (starting 'IMPORTANCES')"])
        #expect(model.program.columnNames == ["x"])
        #expect(model.program.rowUpper == [4])
        #expect(try MPSReader.parseModel(text + "* a comment\n", fileName: "extra.mps").notes.count == 1)
    }

    /// A name holding a C1 control or a bidirectional override would be printed raw in an error.
    @Test(arguments: [("x\u{9B}2J", "U+009B at character 3"), ("x\u{202E}y", "U+202E at character 3"),
                      ("x\u{2028}", "U+2028 at character 3")])
    func unprintableCharactersInNamesAreRejected(name: String, what: String) {
        let text = "NAME t\nROWS\n N obj\n L c1\nCOLUMNS\n \(name) c1 1\nENDATA\n"
        #expect(throws: MPSError(file: "bad.mps", line: 6, message: "\(what): names must be printable text, "
            + "without control characters, line separators or bidirectional overrides")) {
            try MPSReader.parse(text, fileName: "bad.mps")
        }
    }
}
