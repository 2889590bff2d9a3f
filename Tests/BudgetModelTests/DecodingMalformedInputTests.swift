import BudgetModel
import Foundation
import Testing

/// Inputs that are not scenario files at all: each gives issues, none crashes.
@Suite struct DecodingMalformedInputTests {
    @Test func emptyText() {
        let empty = "t.toml: is empty: a scenario needs a title, a [[fund]] and a [[service]]"
        #expect(issueLines("") == [empty])
        #expect(issueLines("\u{FEFF} \n\t\r\n") == [empty])
    }

    @Test func nulCharacter() {
        #expect(issueLines("title = \"T\"\nab\0cd") == [
            "t.toml:2:3: contains a NUL character: a scenario file is text (is it a binary file?)",
        ])
    }

    @Test func deeplyNestedArrays() {
        let lines = issueLines("x = " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000))
        #expect(lines == [
            "t.toml:1:261: syntax error: Error while parsing value: exceeded maximum nested value depth of 256 (TOML_MAX_NESTED_VALUES)",
        ])
    }

    @Test func deeplyNestedInlineTables() {
        let lines = issueLines("x = " + String(repeating: "{a=", count: 10_000) + "1" + String(repeating: "}", count: 10_000))
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("t.toml:1:") == true)
        #expect(lines.first?.contains("syntax error") == true)
    }

    @Test func oneMegabyteOfRandomText() {
        var generator = SplitMix64(seed: 20151027)
        let alphabet = Array("abc[]{}=\"'#.,%0123456789 \t\n_-")
        let text = String((0..<1_000_000).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
        let lines = issueLines(text)
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { $0.hasPrefix("t.toml") && !$0.contains("\n") })
    }

    @Test func oneMegabyteOfRandomBytesFromAFile() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var generator = SplitMix64(seed: 42)
        let bytes = (0..<1_000_000).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let path = directory.appendingPathComponent("random.toml").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(fileIssueLines(path) == ["\(path): is not UTF-8 text (is it a binary file?)"])
    }

    @Test func binaryFileThatIsValidUTF8() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("zeros.toml").path
        try Data([0x74, 0x3D, 0x00, 0x00, 0x01, 0x02]).write(to: URL(fileURLWithPath: path))
        #expect(fileIssueLines(path) == [
            "\(path):1:3: contains a NUL character: a scenario file is text (is it a binary file?)",
        ])
    }

    @Test func missingFile() {
        #expect(fileIssueLines("/nonexistent/dir/none.toml") == ["/nonexistent/dir/none.toml: no such file"])
    }

    @Test func directory() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(fileIssueLines(directory.path) == ["\(directory.path): is a directory, not a scenario file"])
    }

    @Test func notARegularFile() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fifo = directory.appendingPathComponent("scenario.toml").path
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(fileIssueLines(fifo) == ["\(fifo): is not a regular file"])
    }

    @Test func symbolicLinkToAScenarioIsFollowed() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("s.toml")
        try Data(minimalScenario().utf8).write(to: target)
        let link = directory.appendingPathComponent("link.toml").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target.path)
        #expect(try ScenarioDecoder.decode(contentsOf: link).scenario.services.map(\.id) == ["hub"])
    }

    @Test func unreadableFile() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("secret.toml").path
        try Data(minimalScenario().utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: path)
        // Root reads any file whatever its permissions (`CheckCommandTests.unreadableFileGives1`
        // runs the refusal as `nobody`); everyone else gets the issue.
        let expected = access(path, R_OK) == 0 ? [] : ["\(path): cannot be opened for reading (check its permissions)"]
        #expect(fileIssueLines(path) == expected)
    }

    @Test func fileDecodesWithTheSHA256OfItsBytes() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("s.toml").path
        let text = minimalScenario()
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let document = try ScenarioDecoder.decode(contentsOf: path)
        #expect(document.fileName == path)
        #expect(document.sha256 == SHA256.hexDigest(of: Array(text.utf8)))
        #expect(document.scenario == (try ScenarioDecoder.decode(text, fileName: "other").scenario))
    }
}
