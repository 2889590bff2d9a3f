import Foundation
import Glibc
import ScenarioCommandLine
import Testing

/// Output files: replaced whole by rename, never the input, links followed, devices written in place.
@Suite struct OutputDestinationTests {
    static func write(_ text: String, to path: String, input: String? = nil) throws {
        try OutputDestination.resolve(path, input: input, command: "test").write(text)
    }

    static func contents(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    static func fileType(_ path: String) -> mode_t {
        var status = stat()
        return lstat(path, &status) == 0 ? status.st_mode & S_IFMT : 0
    }

    /// The process's umask, read from /proc without changing it (other tests run at the same time).
    static func umaskOfProcess() throws -> mode_t {
        let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("Umask:") })
        return try #require(mode_t(line.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8))
    }

    static func mode(_ path: String) -> mode_t {
        var status = stat()
        return stat(path, &status) == 0 ? status.st_mode & 0o7777 : 0
    }

    @Test func aNewFileGetsTheTextAndTheUmaskMode() throws {
        let directory = try scratchDirectory()
        try Self.write("report\n", to: directory + "/out.txt")
        #expect(try Self.contents(directory + "/out.txt") == "report\n")
        let mask = try Self.umaskOfProcess()
        #expect(Self.mode(directory + "/out.txt") == 0o666 & ~mask)
        #expect(try entries(of: directory) == ["out.txt"])
    }

    @Test func aReplacedFileKeepsItsMode() throws {
        let directory = try scratchDirectory(), path = directory + "/out.txt"
        try "old\n".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(chmod(path, 0o640) == 0)
        try Self.write("new\n", to: path)
        #expect(try Self.contents(path) == "new\n")
        #expect(Self.mode(path) == 0o640)
    }

    /// While the body writes, the destination is untouched and the text goes to one hidden
    /// temporary file beside it, named after it and this process.
    @Test func theTextGoesToAHiddenTemporaryFileUntilComplete() throws {
        let directory = try scratchDirectory(), path = directory + "/out.csv"
        try "old\n".write(toFile: path, atomically: false, encoding: .utf8)
        try OutputDestination.resolve(path, input: nil, command: "test").write { output in
            output.write(String(repeating: "row\n", count: 50_000))
            let names = try entries(of: directory)
            #expect(names.count == 2)
            #expect(names.first?.hasPrefix(".out.csv.scenario-\(getpid())-") == true)
            #expect(names.first?.hasSuffix(".tmp") == true)
            #expect(try Self.contents(path) == "old\n")
        }
        #expect(try Self.contents(path).count == 200_000)
        #expect(try entries(of: directory) == ["out.csv"])
    }

    /// A command that fails after writing part of its output leaves the old file whole and no temporary file.
    @Test func aFailureLeavesTheOldFileWhole() throws {
        let directory = try scratchDirectory(), path = directory + "/out.csv"
        try "old report\n".write(toFile: path, atomically: false, encoding: .utf8)
        let status = exitStatus {
            try OutputDestination.resolve(path, input: nil, command: "test").write { output in
                output.write(String(repeating: "partial row\n", count: 20_000))
                throw ExitStatus.failure
            }
        }
        #expect(status == 1)
        #expect(try Self.contents(path) == "old report\n")
        #expect(try entries(of: directory) == ["out.csv"])
    }

    /// The scenario file itself, by its name, a symbolic link or a hard link, is refused with 64;
    /// a copy with the same text is another file.
    @Test func theInputFileIsRefusedByIdentity() throws {
        let directory = try scratchDirectory(), input = directory + "/scenario.toml"
        try "title = \"x\"\n".write(toFile: input, atomically: false, encoding: .utf8)
        #expect(symlink("scenario.toml", directory + "/soft.toml") == 0)
        #expect(link(input, directory + "/hard.toml") == 0)
        try "title = \"x\"\n".write(toFile: directory + "/copy.toml", atomically: false, encoding: .utf8)
        for output in ["scenario.toml", "soft.toml", "hard.toml", "./scenario.toml"] {
            #expect(exitStatus { _ = try OutputDestination.resolve(directory + "/" + output, input: input, command: "test") } == 64)
            #expect(exitStatus { _ = try OutputDestination.resolve(input, input: directory + "/" + output, command: "test") } == 64)
        }
        try Self.write("report\n", to: directory + "/copy.toml", input: input)
        #expect(try Self.contents(input) == "title = \"x\"\n")
        #expect(try Self.contents(directory + "/copy.toml") == "report\n")
    }

    /// A relative link in a subdirectory is written through to its target; the link stays a link,
    /// and the temporary file is made in the target's directory.
    @Test func aSymbolicLinkIsWrittenThrough() throws {
        let directory = try scratchDirectory()
        try FileManager.default.createDirectory(atPath: directory + "/links", withIntermediateDirectories: false)
        try FileManager.default.createDirectory(atPath: directory + "/reports", withIntermediateDirectories: false)
        try "old\n".write(toFile: directory + "/reports/out.txt", atomically: false, encoding: .utf8)
        #expect(symlink("../reports/out.txt", directory + "/links/out.txt") == 0)
        try OutputDestination.resolve(directory + "/links/out.txt", input: nil, command: "test").write { output throws in
            output.write("new\n")
            #expect(try entries(of: directory + "/links") == ["out.txt"])
            #expect(try entries(of: directory + "/reports").count == 2)
        }
        #expect(Self.fileType(directory + "/links/out.txt") == S_IFLNK)
        #expect(try Self.contents(directory + "/reports/out.txt") == "new\n")
        #expect(try entries(of: directory + "/reports") == ["out.txt"])
    }

    @Test func aDanglingLinkCreatesItsTarget() throws {
        let directory = try scratchDirectory()
        #expect(symlink("target.txt", directory + "/link.txt") == 0)
        try Self.write("new\n", to: directory + "/link.txt")
        #expect(Self.fileType(directory + "/link.txt") == S_IFLNK)
        #expect(try Self.contents(directory + "/target.txt") == "new\n")
    }

    @Test func aLoopOfLinksIsOneFailure() throws {
        let directory = try scratchDirectory()
        #expect(symlink("b", directory + "/a") == 0)
        #expect(symlink("a", directory + "/b") == 0)
        #expect(exitStatus { _ = try OutputDestination.resolve(directory + "/a", input: nil, command: "test") } == 1)
    }

    @Test func aDirectoryOrAMissingDirectoryIsAFailureBeforeAnythingIsWritten() throws {
        let directory = try scratchDirectory()
        #expect(exitStatus { _ = try OutputDestination.resolve(directory, input: nil, command: "test") } == 1)
        #expect(exitStatus { _ = try OutputDestination.resolve(directory + "/missing/out.txt", input: nil, command: "test") } == 1)
        #expect(exitStatus { _ = try OutputDestination.resolve("", input: nil, command: "test") } == 64)
    }

    /// /dev/null stays a character device; /dev/full's ENOSPC is exit status 1.
    @Test func devicesAreWrittenInPlace() throws {
        try Self.write("report\n", to: "/dev/null")
        #expect(Self.fileType("/dev/null") == S_IFCHR)
        #expect(exitStatus { try Self.write("report\n", to: "/dev/full") } == 1)
        #expect(Self.fileType("/dev/full") == S_IFCHR)
    }

    /// A named pipe is opened and written, not replaced by a regular file.
    @Test func aFIFOIsWrittenInPlace() throws {
        let directory = try scratchDirectory(), path = directory + "/pipe"
        #expect(mkfifo(path, 0o600) == 0)
        let reader = open(path, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        try Self.write("through the pipe\n", to: path)
        var bytes = [UInt8](repeating: 0, count: 100)
        let count = read(reader, &bytes, bytes.count)
        #expect(String(decoding: bytes[0..<max(0, count)], as: UTF8.self) == "through the pipe\n")
        #expect(Self.fileType(path) == S_IFIFO)
        #expect(try entries(of: directory) == ["pipe"])
    }

    /// `/dev/fd/N` writes to descriptor N; a pipe whose reader has gone is quietly status 141.
    @Test func aClosedPipeIsStatus141() throws {
        signal(SIGPIPE, SIG_IGN)
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        close(ends[0])
        defer { close(ends[1]) }
        #expect(exitStatus { try Self.write("report\n", to: "/dev/fd/\(ends[1])") } == 141)
    }

    @Test func aDescriptorPathWritesToThatDescriptor() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer { close(ends[0]) }
        try Self.write("via the descriptor\n", to: "/proc/self/fd/\(ends[1])")
        close(ends[1])
        var bytes = [UInt8](repeating: 0, count: 100)
        let count = read(ends[0], &bytes, bytes.count)
        #expect(String(decoding: bytes[0..<max(0, count)], as: UTF8.self) == "via the descriptor\n")
    }

    /// A 250-byte file name (NAME_MAX is 255) still gets a temporary file beside it.
    @Test func aLongNameIsWritten() throws {
        let directory = try scratchDirectory(), path = directory + "/" + String(repeating: "r", count: 246) + ".csv"
        try Self.write("report\n", to: path)
        #expect(try Self.contents(path) == "report\n")
        #expect(try entries(of: directory).count == 1)
    }
}
