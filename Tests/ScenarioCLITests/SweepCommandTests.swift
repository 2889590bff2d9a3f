import Foundation
import Testing

/// Runs the built `scenario` executable with files for its standard output and error.
struct ReportCommandRun {
    /// The exit status.
    var status: Int32
    /// Everything written to standard output.
    var output: String
    /// Everything written to standard error.
    var errors: String

    /// The `scenario` binary of the configuration under test: next to the test
    /// bundle, or under `.build/release` (`.build/debug`) of the package.
    static let binary: URL? = {
        let bundle = Bundle.main.bundleURL
        var candidates = [bundle.appendingPathComponent("scenario"), bundle.deletingLastPathComponent().appendingPathComponent("scenario")]
        #if DEBUG
            let configuration = "debug"
        #else
            let configuration = "release"
        #endif
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        candidates.append(packageRoot.appendingPathComponent(".build/\(configuration)/scenario"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// Runs `scenario` (or `executable`, given) with `arguments` in `directory`.
    static func run(_ arguments: [String], in directory: URL = ScratchSpace.root, executable: URL? = nil) throws -> Self {
        let binary = try executable ?? #require(binary, "build the scenario executable first (swift build -c release)")
        let scratch = try ScratchSpace.freshDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        try #require(FileManager.default.createFile(atPath: outURL.path, contents: nil))
        try #require(FileManager.default.createFile(atPath: errURL.path, contents: nil))
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        process.waitUntilExit()
        return Self(
            status: process.terminationStatus,
            output: try String(contentsOf: outURL, encoding: .utf8),
            errors: try String(contentsOf: errURL, encoding: .utf8))
    }

    /// A fresh directory (under `ScratchSpace`) holding the given files (name → contents).
    static func directory(with files: [String: String]) throws -> URL {
        let directory = try ScratchSpace.freshDirectory()
        for (name, contents) in files {
            try contents.write(to: directory.appendingPathComponent(name), atomically: false, encoding: .utf8)
        }
        return directory
    }

    /// SCENARIO-SPEC section 9's worked example as a scenario file (`Tests/Fixtures/worked-example.toml`).
    static let workedExample: String = {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/worked-example.toml")
        return (try? String(contentsOf: fixture, encoding: .utf8)) ?? "missing fixture \(fixture.path)"
    }()

    /// A file with two problems on known lines.
    static let invalidScenario = """
        title = "Broken"

        [[fund]]
        id = "grant"
        amount = -5

        [[service]]
        id = "hub"
        baseline = 100
        colour = "red"

        """
}

@Suite struct SweepCommandTests {
    @Test func workedExampleSweepAsText() throws {
        let directory = try ReportCommandRun.directory(with: ["worked.toml": ReportCommandRun.workedExample])
        let run = try ReportCommandRun.run(["sweep", "worked.toml", "--cut", "10..40%", "--step", "10"], in: directory)
        #expect(run.status == 0)
        #expect(run.errors.isEmpty)
        let lines = run.output.components(separatedBy: "\n")
        #expect(lines.first == "Worked example")
        #expect(lines.contains("Service            Baseline   10% cut   20% cut   30% cut     40% cut"))
        #expect(lines.contains("hub                £400,000  £400,000  £400,000  £400,000           —"))
        #expect(lines.contains("idva               £200,000  £200,000  £200,000  £190,000           —"))
        #expect(lines.contains("rj                 £300,000  £234,000  £180,000  £180,000           —"))
        #expect(lines.contains("counselling        £200,000  £156,000  £100,000        £0           —"))
        #expect(lines.contains("Total allocated  £1,100,000  £990,000  £880,000  £770,000           —"))
        #expect(lines.contains("Status                        optimal   optimal   optimal  infeasible"))
        #expect(lines.contains("Deficit                                                       £20,000"))
        #expect(lines.contains("rj           -22.0% share    -40.0% minimum  -40.0% minimum   —"))
        #expect(lines.contains { $0.hasPrefix("Note (40% cut): At a 40% cut the envelope is £660,000.") })
        #expect(lines.contains("Maximum feasible cut: 38.18%"))
    }

    @Test(arguments: [("out.csv", "cut_pct,status,service_id"), ("out.json", "{"), ("out.md", "## Worked example"), ("out.txt", "Worked example")])
    func outputExtensionPicksTheFormat(file: String, firstLine: String) throws {
        let directory = try ReportCommandRun.directory(with: ["worked.toml": ReportCommandRun.workedExample])
        let run = try ReportCommandRun.run(["sweep", "worked.toml", "--cut", "5,10", "--output", file], in: directory)
        #expect(run.status == 0)
        #expect(run.output.isEmpty)
        let written = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
        #expect(written.hasPrefix(firstLine))
    }

    @Test func explicitFormatWinsOverTheExtension() throws {
        let directory = try ReportCommandRun.directory(with: ["worked.toml": ReportCommandRun.workedExample])
        let run = try ReportCommandRun.run(
            ["sweep", "worked.toml", "--cut", "5", "--format", "json", "--output", "out.csv"], in: directory)
        #expect(run.status == 0)
        let written = try Data(contentsOf: directory.appendingPathComponent("out.csv"))
        #expect(try JSONSerialization.jsonObject(with: written) is [String: Any])
    }

    @Test func negativeCutsAreAcceptedAsValues() throws {
        let directory = try ReportCommandRun.directory(with: ["worked.toml": ReportCommandRun.workedExample])
        let run = try ReportCommandRun.run(["sweep", "worked.toml", "--cut", "-10..0%", "--format", "csv"], in: directory)
        #expect(run.status == 0)
        #expect(run.output.contains("\r\n-10,optimal,hub,"))
    }

    @Test func bundledScenarioIsUsedWithANote() throws {
        let run = try ReportCommandRun.run(["sweep", "--cut", "5%", "--format", "csv"])
        #expect(run.status == 0)
        #expect(run.errors == "Using the bundled scenario cambridgeshire-2015-16.toml\n")
        #expect(run.output.hasPrefix("cut_pct,status,service_id"))
    }

    @Test(arguments: [
        (["--cut", "120%"], "scenario sweep: cut 120% is out of range: a cut must be greater than -100% and less than 100%\n"),
        (["--cut", "20..5%"], "scenario sweep: range '20..5%' runs downwards: the start must not exceed the end\n"),
        (["--cut", "5..20%", "--step", "0"], "scenario sweep: --step 0 is not positive: the step must be greater than 0 percentage points\n"),
        (["--cut", "abc"], "scenario sweep: 'abc' is not a percentage: write a plain decimal number such as 7.5 or 7.5%\n"),
    ])
    func badRangesExitWithUsageStatus(arguments: [String], message: String) throws {
        let directory = try ReportCommandRun.directory(with: ["worked.toml": ReportCommandRun.workedExample])
        let run = try ReportCommandRun.run(["sweep", "worked.toml"] + arguments, in: directory)
        #expect(run.status == 64)
        #expect(run.errors == message)
        #expect(run.output.isEmpty)
    }

    @Test func missingCutAndUnknownFormatAreUsageErrors() throws {
        #expect(try ReportCommandRun.run(["sweep"]).status == 64)
        #expect(try ReportCommandRun.run(["sweep", "--cut", "5", "--format", "pdf"]).status == 64)
    }

    @Test func invalidScenarioExitsWith65AndOneLinePerIssue() throws {
        let directory = try ReportCommandRun.directory(with: ["broken.toml": ReportCommandRun.invalidScenario])
        let run = try ReportCommandRun.run(["sweep", "broken.toml", "--cut", "5..20%"], in: directory)
        #expect(run.status == 65)
        #expect(run.output.isEmpty)
        let lines = run.errors.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.hasPrefix("broken.toml:") })
        #expect(lines.first?.hasPrefix("broken.toml:5:") == true)
        #expect(lines.last?.hasPrefix("broken.toml:10:") == true)
    }

    @Test func missingFileAndUnwritableOutputExitWith1() throws {
        let missing = try ReportCommandRun.run(["sweep", "no-such-file.toml", "--cut", "5"])
        #expect(missing.status == 1)
        #expect(missing.errors == "no-such-file.toml: no such file\n")
        let directory = try ReportCommandRun.directory(with: ["worked.toml": ReportCommandRun.workedExample])
        let unwritable = try ReportCommandRun.run(
            ["sweep", "worked.toml", "--cut", "5", "--output", "no-such-directory/out.csv"], in: directory)
        #expect(unwritable.status == 1)
        #expect(unwritable.errors.hasPrefix("no-such-directory/out.csv: cannot be written"))
    }
}
