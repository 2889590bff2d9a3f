import Foundation
import ScenarioCommandLine
import Testing

/// `scenario lp` in-process: what it solves, what it says on standard error, and its statuses.
@Suite struct LPRunTests {
    /// max x + y + z subject to 2x + 2y + 3z <= 3, all three integer: relaxation optimum 1.5,
    /// integer optimum 1.
    static let smallMIP = BoardCommandTests.fixture("tiny-mip.mps")

    private func figure(_ key: String, of result: LPRun.Result) -> String? {
        result.record.figures.first { $0.key == key }?.value ?? nil
    }

    private func copy(_ text: String, named name: String) throws -> String {
        let path = try scratchDirectory() + "/" + name
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    /// Branch and bound by default, the relaxation with `relax` and one note saying so; both
    /// answers pass the certificate checker.
    @Test func aMixedIntegerFileIsSolvedAsOneUnlessRelaxed() throws {
        var options = LPRun.Options()
        options.verify = true
        var notes: [String] = []
        let integer = try LPRun.solve(file: Self.smallMIP, options: options) { notes.append($0) }
        #expect(integer.record.status == "optimal" && !integer.isError)
        #expect(figure("objective", of: integer) == "1.0" && figure("bound", of: integer) == "1.0")
        #expect(integer.record.certificate?.isValid == true)
        #expect(notes.isEmpty)
        options.relax = true
        let relaxed = try LPRun.solve(file: Self.smallMIP, options: options) { notes.append($0) }
        #expect(relaxed.record.status == "optimal" && relaxed.record.relaxed)
        #expect(figure("objective", of: relaxed) == "1.5")
        #expect(relaxed.record.certificate?.isValid == true)
        #expect(notes == ["\(Self.smallMIP): 3 integer columns: solving the continuous relaxation (--relax)"])
    }

    /// min x + y subject to x + y >= 2, x <= 1.5: the optimum 2 with and without presolve; the
    /// section after ENDATA is one note with its line.
    @Test func presolveOrNotTheSameCertifiedOptimumAndANoteForExtraLines() throws {
        let path = try copy(
            "NAME t\nROWS\n N obj\n G c1\nCOLUMNS\n x obj 1 c1 1\n y obj 1 c1 1\nRHS\n r c1 2\nBOUNDS\n UP b x 1.5\nENDATA\n"
                + "IMPORTANCES\n x 1\n", named: "extra.mps")
        for presolve in [true, false] {
            var options = LPRun.Options()
            options.verify = true
            options.presolve = presolve
            var notes: [String] = []
            let result = try LPRun.solve(file: path, options: options) { notes.append($0) }
            #expect(result.record.status == "optimal")
            #expect(figure("objective", of: result) == "2.0")
            #expect(result.record.certificate?.isValid == true)
            #expect(notes == ["\(path):13: 2 lines after ENDATA ignored (starting 'IMPORTANCES')"])
        }
    }

    /// An iteration limit of 0 on a programme that needs pivots ends in `error`, exit status 1.
    @Test func aLimitIsAnErrorWithStatusOne() throws {
        let path = try copy(
            "NAME t\nROWS\n N obj\n G c1\n G c2\nCOLUMNS\n x obj 1 c1 1\n x c2 2\n y obj 1 c1 1\n y c2 1\n"
                + "RHS\n r c1 2\n r c2 3\nENDATA\n", named: "pivots.mps")
        var options = LPRun.Options()
        options.iterationLimit = 0
        options.presolve = false
        let result = try LPRun.solve(file: path, options: options) { _ in }
        #expect(result.record.status == "error" && result.isError)
        #expect(exitStatus { try LPRun.run(file: path, json: true, options: options) } == 1)
    }

    /// A file that is not MPS gives 65, a missing one 1.
    @Test func unreadableFilesGiveTheirStatuses() throws {
        let bad = try copy("NAME bad\nROWS\n N obj\n L c1\nCOLUMNS\n x obj 1 c9 1\nENDATA\n", named: "bad.mps")
        #expect(exitStatus { _ = try LPRun.solve(file: bad, options: LPRun.Options()) { _ in } } == 65)
        let missing = try scratchDirectory() + "/missing.mps"
        #expect(exitStatus { _ = try LPRun.solve(file: missing, options: LPRun.Options()) { _ in } } == 1)
    }
}
