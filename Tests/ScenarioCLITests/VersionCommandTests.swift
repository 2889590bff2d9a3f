import Foundation
import Testing

/// `scenario --version` is answered before the argument parser builds its command tree; what it
/// prints must be what the parser prints for the version flag.
@Suite struct VersionCommandTests {
    @Test func versionAloneIsTheParsersAnswer() throws {
        let alone = try ScenarioProcess.run(["--version"])
        // After a subcommand the flag goes through the argument parser, which answers with the
        // root command's version.
        let parsed = try ScenarioProcess.run(["sweep", "--version"])
        #expect(alone.status == 0)
        #expect(parsed.status == 0)
        #expect(alone.output == "0.1.0\n")
        #expect(alone.output == parsed.output)
        #expect(alone.error.isEmpty)
    }
}
