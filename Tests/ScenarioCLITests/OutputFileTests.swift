import Foundation
import Glibc
import Testing

/// Issue #13, "What was seen", the files: each symptom of an output file as a regression test.
@Suite struct OutputFileTests {
    static let oldReport = "old report: 111,714 bytes in the issue\n"

    /// A directory with the worked example as `worked.toml` and an existing `out.csv`.
    static func directory() throws -> URL {
        try ReportCommandRun.directory(with: ["worked.toml": ReportCommandRun.workedExample, "out.csv": oldReport])
    }

    static func contents(_ url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }

    static func names(in directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    static func fileType(_ path: String) -> mode_t {
        var status = stat()
        return lstat(path, &status) == 0 ? status.st_mode & S_IFMT : 0
    }

    /// `sweep FILE --output FILE` replaced the scenario with the report: now refused, by
    /// name, through a symbolic link and through a hard link, before anything is solved.
    @Test(arguments: ["worked.toml", "soft.toml", "hard.toml"])
    func theScenarioFileIsNeverTheOutput(output: String) throws {
        let directory = try Self.directory()
        #expect(symlink("worked.toml", directory.appendingPathComponent("soft.toml").path) == 0)
        #expect(link(directory.appendingPathComponent("worked.toml").path, directory.appendingPathComponent("hard.toml").path) == 0)
        for command in [["sweep", "--cut", "5", "--format", "csv"], ["solve", "--cut", "5"], ["breakpoints"], ["export", "--cut", "5"]] {
            let run = try ReportCommandRun.run([command[0], "worked.toml"] + command.dropFirst() + ["--output", output], in: directory)
            #expect(run.status == 64, "\(command[0])")
            #expect(run.errors == "scenario \(command[0]): --output \(output) is the scenario file worked.toml itself; write the output to another file\n")
            #expect(try Self.contents(directory.appendingPathComponent("worked.toml")) == ReportCommandRun.workedExample)
        }
        #expect(Self.fileType(directory.appendingPathComponent("soft.toml").path) == S_IFLNK)
    }

    /// A sweep that fails part way (here a file-size limit of 20 blocks, far below the report's
    /// 1.1 MB) left a truncated file where a good report had been: the old file stays whole and
    /// no temporary file is left.
    @Test func aFailedSweepLeavesTheOldFileWhole() throws {
        let binary = try #require(ReportCommandRun.binary)
        let directory = try Self.directory()
        let run = try ReportCommandRun.run(
            ["-c", "ulimit -f 20; exec \"$0\" sweep worked.toml --cut 0..30% --step 0.01 --output out.csv", binary.path],
            in: directory, executable: URL(fileURLWithPath: "/bin/sh"))
        #expect(run.status == 1)
        #expect(run.errors == "out.csv: cannot be written: File too large\n")
        #expect(try Self.contents(directory.appendingPathComponent("out.csv")) == Self.oldReport)
        #expect(try Self.names(in: directory) == ["out.csv", "worked.toml"])
    }

    /// An interrupted sweep left a partial CSV that looked complete: SIGINT or SIGTERM now
    /// removes the temporary file, leaves the old report whole and ends the process by that signal.
    @Test(arguments: [SIGINT, SIGTERM])
    func anInterruptedSweepLeavesTheOldFileWhole(signalNumber: Int32) throws {
        let binary = try #require(ReportCommandRun.binary)
        let directory = try Self.directory()
        let process = Process()
        process.executableURL = binary
        process.arguments = ["sweep", "--cut", "0..99%", "--step", "0.0001", "--jobs", "1", "--output", "out.csv"]
        process.currentDirectoryURL = directory
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        let deadline = Date().addingTimeInterval(60)
        var temporary: String?
        while temporary == nil, Date() < deadline, process.isRunning {
            temporary = try Self.names(in: directory).first { $0.hasPrefix(".out.csv.scenario-") }
            if temporary == nil { usleep(2_000) }
        }
        let name = try #require(temporary, "the sweep made no temporary file")
        // Some rows are in the temporary file before the signal.
        var status = stat()
        while Date() < deadline, process.isRunning, stat(directory.appendingPathComponent(name).path, &status) == 0, status.st_size < 100_000 {
            usleep(2_000)
        }
        #expect(status.st_size >= 100_000)
        kill(process.processIdentifier, signalNumber)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == signalNumber)
        #expect(try Self.contents(directory.appendingPathComponent("out.csv")) == Self.oldReport)
        #expect(try Self.names(in: directory) == ["out.csv", "worked.toml"])
    }

    /// `--output` through a symbolic link replaced the link with a regular file: the target is
    /// written and the link stays.
    @Test func aSymbolicLinkStaysALink() throws {
        let directory = try Self.directory()
        #expect(symlink("out.csv", directory.appendingPathComponent("latest.csv").path) == 0)
        let run = try ReportCommandRun.run(["sweep", "worked.toml", "--cut", "5", "--output", "latest.csv"], in: directory)
        #expect(run.status == 0)
        #expect(Self.fileType(directory.appendingPathComponent("latest.csv").path) == S_IFLNK)
        #expect(try Self.contents(directory.appendingPathComponent("out.csv")).hasPrefix("cut_pct,status,service_id"))
    }

    /// A named pipe is written, not replaced; the report (591 bytes) fits the pipe's buffer.
    @Test func aNamedPipeIsWrittenInPlace() throws {
        let directory = try Self.directory()
        let path = directory.appendingPathComponent("pipe").path
        #expect(mkfifo(path, 0o600) == 0)
        let reader = open(path, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        let run = try ReportCommandRun.run(["sweep", "worked.toml", "--cut", "5", "--format", "csv", "--output", "pipe"], in: directory)
        #expect(run.status == 0)
        var bytes = [UInt8](repeating: 0, count: 65_536)
        let count = read(reader, &bytes, bytes.count)
        let text = String(decoding: bytes[0..<max(0, count)], as: UTF8.self)
        #expect(text.hasPrefix("cut_pct,status,service_id"))
        #expect(text.components(separatedBy: "\r\n").count == 6)
        #expect(Self.fileType(path) == S_IFIFO)
    }

    /// `/dev/null` became a regular file when run as root; it stays a device, and /dev/full's
    /// full disk is one line and exit 1.
    @Test func devicesAreWrittenInPlace() throws {
        let directory = try Self.directory()
        let null = try ReportCommandRun.run(["sweep", "worked.toml", "--cut", "5", "--output", "/dev/null"], in: directory)
        #expect(null.status == 0)
        #expect(null.errors.isEmpty)
        #expect(Self.fileType("/dev/null") == S_IFCHR)
        let full = try ReportCommandRun.run(["solve", "worked.toml", "--cut", "5", "--output", "/dev/full"], in: directory)
        #expect(full.status == 1)
        #expect(full.errors == "/dev/full: cannot be written: No space left on device\n")
        #expect(Self.fileType("/dev/full") == S_IFCHR)
    }

    /// `--output /dev/stdout` printed nothing: it prints, to a file and to a pipe.
    @Test func devStdoutPrints() throws {
        let directory = try Self.directory()
        let toFile = try ReportCommandRun.run(["solve", "worked.toml", "--cut", "5", "--output", "/dev/stdout"], in: directory)
        #expect(toFile.status == 0)
        #expect(toFile.output.hasPrefix("Worked example: a 5% cut\n"))
        let toPipe = try ScenarioProcess.run(["sweep", "--cut", "5", "--format", "csv", "--output", "/dev/stdout"])
        #expect(toPipe.status == 0)
        #expect(toPipe.output.hasPrefix("cut_pct,status,service_id"))
        #expect(toPipe.output.components(separatedBy: "\r\n").count == 10)
    }

    /// Of two concurrent runs to one file the last silently won, and a reader saw a partial file
    /// while it was written. Here a long
    /// sweep (30,001 cuts) has written 100 KB when a short one (3,001 cuts) starts on the same
    /// file: each writes its own temporary file and renames it, so the file is one complete
    /// report (the long sweep's, unless the short one is slower).
    @Test func concurrentWritersEachLeaveACompleteReport() throws {
        let binary = try #require(ReportCommandRun.binary)
        let directory = try Self.directory()
        let steps = ["0.001", "0.01"]
        let expected = try steps.map {
            try ReportCommandRun.run(["sweep", "worked.toml", "--cut", "0..30%", "--step", $0, "--format", "csv"], in: directory).output
        }
        let processes = steps.map { step -> Process in
            let process = Process()
            process.executableURL = binary
            process.arguments = ["sweep", "worked.toml", "--cut", "0..30%", "--step", step, "--jobs", "1", "--output", "out.csv"]
            process.currentDirectoryURL = directory
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            return process
        }
        try processes[0].run()
        defer { for process in processes where process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, processes[0].isRunning, try Self.largestFileSize(in: directory) < 100_000 { usleep(1_000) }
        try processes[1].run()
        // A reader at any moment finds the old report or a complete new one, never a part.
        var partial = 0
        while processes.contains(where: \.isRunning) {
            let now = try Self.contents(directory.appendingPathComponent("out.csv"))
            if now != Self.oldReport, !expected.contains(now) { partial += 1 }
            usleep(5_000)
        }
        for process in processes { process.waitUntilExit() }
        #expect(partial == 0)
        #expect(processes.allSatisfy { $0.terminationStatus == 0 })
        let written = try Self.contents(directory.appendingPathComponent("out.csv"))
        #expect(expected.contains(written))
        #expect(expected[0].count > 3_000_000)
        #expect(try Self.names(in: directory) == ["out.csv", "worked.toml"])
    }

    /// The size of the largest file in `directory` other than the scenario.
    static func largestFileSize(in directory: URL) throws -> Int {
        try names(in: directory).filter { $0 != "worked.toml" }.map { name -> Int in
            var status = stat()
            return stat(directory.appendingPathComponent(name).path, &status) == 0 ? Int(status.st_size) : 0
        }.max() ?? 0
    }
}
