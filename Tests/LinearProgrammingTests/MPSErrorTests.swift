import LinearProgramming
import Testing

@Suite struct MPSErrorTests {
    static let header = "NAME t\nROWS\n N obj\n L c1\nCOLUMNS\n"

    /// Each malformed file and the exact `FILE:LINE: message` it must produce.
    static let cases: [(String, String)] = [
        ("", "bad.mps: the file is empty: no MPS sections"),
        ("* only a comment\n\n", "bad.mps: the file is empty: no MPS sections"),
        (header + " x obj 1 c1 1\n", "bad.mps:6: the file ends without ENDATA"),
        ("NAME t\nROWZ\n", "bad.mps:2: unknown section 'ROWZ'"),
        (" x obj 1\n", "bad.mps:1: data before the first section"),
        (header + " x obj 1 c2 1\nENDATA\n", "bad.mps:6: unknown row 'c2'"),
        (header + " x obj 1 c1 nan\nENDATA\n", "bad.mps:6: 'nan' is not a valid coefficient (a finite decimal number)"),
        (header + " x obj inf\nENDATA\n", "bad.mps:6: 'inf' is not a valid coefficient (a finite decimal number)"),
        (header + " x obj 1.2.3\nENDATA\n", "bad.mps:6: '1.2.3' is not a valid coefficient (a finite decimal number)"),
        (header + " x obj 1e999\nENDATA\n", "bad.mps:6: '1e999' is not a valid coefficient (a finite decimal number)"),
        (header + " x obj 0x10\nENDATA\n", "bad.mps:6: '0x10' is not a valid coefficient (a finite decimal number)"),
        ("NAME t\nROWS\n N obj\n L c1\n G c1\n", "bad.mps:5: duplicate row 'c1'"),
        ("NAME t\nROWS\n N obj\n L obj\n", "bad.mps:4: duplicate row 'obj'"),
        ("NAME t\nROWS\n X c1\n", "bad.mps:3: unknown row type 'X': expected N, E, L or G"),
        ("NAME t\nROWS\n L\n", "bad.mps:3: a ROWS line needs a type and a name"),
        (header + " x obj\nENDATA\n", "bad.mps:6: missing fields on a COLUMNS line"),
        (header + " x obj 1 c1 1 c1\nENDATA\n", "bad.mps:6: too many fields on a COLUMNS line"),
        (header + " x c1 1\n x c1 2\nENDATA\n", "bad.mps:7: row 'c1' given twice for column 'x'"),
        (header + " x c1 1\n y c1 2\n x obj 1\nENDATA\n",
         "bad.mps:8: column 'x' appears again after other columns: its entries must be together"),
        (header + " x c1 1\nRANGES\n R obj 4\nENDATA\n", "bad.mps:8: RANGES entry for the objective row 'obj'"),
        (header + " x c1 1\nRHS\n R c1 1\n R c1 2\nENDATA\n", "bad.mps:9: RHS for row 'c1' given twice"),
        (header + " x c1 1\nBOUNDS\n SC B x -4\nENDATA\n",
         "bad.mps:8: semi-continuous bound (SC) of 'x' is -4.0: it must not be negative"),
        (header + " x c1 1\nBOUNDS\n XX B x 4\nENDATA\n",
         "bad.mps:8: unknown bound type 'XX': expected UP, LO, FX, FR, MI, PL, BV, LI, UI, SC or SI"),
        (header + " x c1 1\nBOUNDS\n UP B y 4\nENDATA\n", "bad.mps:8: unknown column 'y'"),
        (header + " x c1 1\nBOUNDS\n UP B x abc\nENDATA\n", "bad.mps:8: 'abc' is not a valid bound (a finite decimal number)"),
        (header + " x c1 1\nBOUNDS\n UP x\nENDATA\n", "bad.mps:8: missing fields on a BOUNDS line"),
        (header + " x c1 1\nBOUNDS\n FX B x 1e30\nENDATA\n", "bad.mps:8: fixed value of 'x' is infinite"),
        (header + " x c1 1\nCOLUMNS\nENDATA\n", "bad.mps:7: COLUMNS section given twice"),
        ("NAME t\nCOLUMNS\n", "bad.mps:2: COLUMNS before ROWS"),
        (header + " x c1 1\nMARKER\nENDATA\n", "bad.mps:7: unknown section 'MARKER'"),
        (header + " M 'MARKER' 'INTXX'\nENDATA\n", "bad.mps:6: a MARKER line must end with 'INTORG' or 'INTEND'"),
        ("NAME t\nOBJSENSE SIDEWAYS\n", "bad.mps:2: unknown objective sense 'SIDEWAYS': expected MAX or MIN"),
        ("NAME t\nROWS\n N obj\u{0}\n", "bad.mps:3: binary data (byte 0x0 at column 7): not an MPS text file"),
        ("NAME t\nROWS\n N \u{7}obj\n", "bad.mps:3: binary data (byte 0x7 at column 4): not an MPS text file"),
    ]

    @Test(arguments: 0..<cases.count)
    func malformedFileIsReportedOnItsLine(index: Int) {
        let (text, expected) = Self.cases[index]
        do {
            let program = try MPSReader.parse(text, fileName: "bad.mps")
            Issue.record("accepted a malformed file, read \(program.rowCount) rows; expected \(expected)")
        } catch {
            #expect(error.description == expected)
            #expect(error.kind == .malformed)
        }
    }

    @Test func invalidUTF8IsRejected() {
        let bytes = Array("NAME t\nROWS\n N ".utf8) + [0xFF, 0xFE] + Array("\n".utf8)
        #expect(throws: MPSError(file: "b.mps", line: 3, message: "the line is not valid UTF-8 text")) {
            try MPSReader.parse(bytes, fileName: "b.mps")
        }
    }

    @Test func missingFileIsUnreadable() {
        #expect(throws: MPSError(kind: .unreadable, file: "/nonexistent/x.mps", line: 0, message: "no such file")) {
            try MPSReader.read(contentsOf: "/nonexistent/x.mps")
        }
    }

    /// Random corruptions of a valid file: the reader returns or throws, never crashes or hangs.
    @Test func corruptedBytesNeverCrash() throws {
        let valid = Array(MPSReaderTests.freeExample.utf8)
        var generator = SeededGenerator(state: 2026)
        var rejected = 0
        for round in 0..<3000 {
            var bytes = valid
            let edits = 1 + Int(generator.next() % 8)
            for _ in 0..<edits {
                let position = Int(generator.next() % UInt64(bytes.count))
                switch generator.next() % 4 {
                case 0: bytes[position] = UInt8(truncatingIfNeeded: generator.next())
                case 1: bytes.remove(at: position)
                case 2: bytes.insert(UInt8(truncatingIfNeeded: generator.next() % 128), at: position)
                default: bytes = Array(bytes[..<position])
                }
                if bytes.isEmpty { break }
            }
            if round % 2 == 0 { bytes = Array(bytes.shuffled(using: &generator).prefix(200)) }
            do {
                _ = try MPSReader.parse(bytes, fileName: "fuzz.mps")
            } catch {
                rejected += 1
                #expect(error.description.hasPrefix("fuzz.mps"))
            }
        }
        #expect(rejected > 1500)
    }
}
