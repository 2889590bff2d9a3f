import Foundation
import Testing

/// Issue #13, write errors: one line and exit 1 for every command, a quiet 141 for a closed pipe.
@Suite struct WriteErrorTests {
    /// Runs `scenario` in `directory` with standard output on `/dev/full`; returns the status and standard error.
    static func runToFullDisk(_ arguments: [String], in directory: URL) throws -> (status: Int32, errors: String) {
        let binary = try #require(ReportCommandRun.binary)
        let errors = directory.appendingPathComponent("stderr-\(UUID().uuidString)")
        #expect(FileManager.default.createFile(atPath: errors.path, contents: nil))
        defer { try? FileManager.default.removeItem(at: errors) }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        return (process.terminationStatus, try String(contentsOf: errors, encoding: .utf8))
    }

    /// `export` and `generate` crashed with a fatal-error trace (exit 132); `lp`, `help` and
    /// `--version` exited 0 with their output lost. Each is now one line and exit 1.
    @Test(arguments: [
        ["export", "worked.toml", "--cut", "5"], ["export", "worked.toml", "--cut", "5", "--format", "lp"],
        ["generate"], ["lp", "worked.mps"], ["help"], ["--version"], ["sweep", "--help"],
        ["solve", "worked.toml", "--cut", "5"], ["sweep", "worked.toml", "--cut", "0..30%", "--step", "0.01"],
        ["breakpoints", "worked.toml"], ["check", "worked.toml"],
    ])
    func aFullDiskIsOneLineAndStatus1(arguments: [String]) throws {
        let directory = try ReportCommandRun.directory(with: ["worked.toml": ReportCommandRun.workedExample])
        let export = try ReportCommandRun.run(["export", "worked.toml", "--cut", "5", "--output", "worked.mps"], in: directory)
        #expect(export.status == 0)
        let run = try Self.runToFullDisk(arguments, in: directory)
        #expect(run.status == 1)
        #expect(run.errors == "standard output: cannot be written: No space left on device\n")
    }

    /// `scenario sweep … | head -1`: the reader goes after the first line; the sweep (5 MB of
    /// CSV) stops quietly with the documented status 141 instead of sweeping on.
    @Test func aClosedPipeEndsQuietlyWith141() throws {
        let binary = try #require(ReportCommandRun.binary)
        let process = Process()
        process.executableURL = binary
        process.arguments = ["sweep", "--cut", "0..30%", "--step", "0.001", "--format", "csv"]
        let output = Pipe(), errors = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        try output.fileHandleForWriting.close()
        let first = output.fileHandleForReading.readData(ofLength: 100)
        try output.fileHandleForReading.close()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(String(decoding: first, as: UTF8.self).hasPrefix("cut_pct,"))
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 141)
        #expect(String(decoding: stderr, as: UTF8.self) == "Using the bundled scenario cambridgeshire-2015-16.toml\n")
    }
}

/// Issue #13 and #12, usage errors: one line each, exit 64, nothing on standard output.
@Suite struct OneLineUsageErrorTests {
    @Test(arguments: [
        (["sweep", "worked.toml", "--cut", "5..20%", "--jobs", "-1"], "scenario sweep: --jobs must be between 1 and 256, not -1"),
        (["sweep", "worked.toml", "--cut", "0..30%", "--step", "0.0000001"],
         "scenario sweep: --cut 0..30% gives 300,000,001 cuts, more than the limit of 10,000,000; use a larger --step, or raise the limit with --max-cuts"),
        (["sweep", "worked.toml", "--cut", "0..30%", "--max-cuts", "6"],
         "scenario sweep: --cut 0..30% gives 7 cuts, more than the limit of 6; use a larger --step, or raise the limit with --max-cuts"),
        (["sweep", "worked.toml", "--cut", "5", "--output", "cuts.ods"],
         "scenario sweep: --output cuts.ods: the extension .ods names no report format (.txt .md .csv .json .tex .html .xlsx); give --format"),
        (["export", "worked.toml", "--cut", "1e1"], "scenario export: '1e1' is not a percentage: write a plain decimal number such as 7.5 or 7.5%"),
        (["solve", "worked.toml", "--cut", "1e1"], "scenario solve: '1e1' is not a percentage: write a plain decimal number such as 7.5 or 7.5%"),
        (["sweep", "worked.toml", "--cut"], "scenario sweep: Missing value for '--cut <range>'"),
        (["sweep", "worked.toml", "--cut", "5", "--colour", "red"], "scenario sweep: Unknown option '--colour'"),
    ])
    func usageErrorsAreOneLine(arguments: [String], message: String) throws {
        let directory = try ReportCommandRun.directory(with: ["worked.toml": ReportCommandRun.workedExample])
        let run = try ReportCommandRun.run(arguments, in: directory)
        #expect(run.status == 64)
        #expect(run.errors == message + "\n")
        #expect(run.output.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["worked.toml"])
    }

    /// A raised limit takes the sweep; a path without an extension stays text.
    @Test func aRaisedLimitAndAPathWithoutExtensionWork() throws {
        let directory = try ReportCommandRun.directory(with: ["worked.toml": ReportCommandRun.workedExample])
        let raised = try ReportCommandRun.run(["sweep", "worked.toml", "--cut", "0..30%", "--max-cuts", "7", "--output", "report"], in: directory)
        #expect(raised.status == 0)
        let text = try String(contentsOf: directory.appendingPathComponent("report"), encoding: .utf8)
        #expect(text.hasPrefix("Worked example\n"))
        #expect(text.contains("30% cut"))
    }
}
