import Foundation
import Testing

@Suite struct CheckCommandTests {
    @Test func validFileIsSummarised() throws {
        let directory = try ReportCommandRun.directory(with: ["worked.toml": ReportCommandRun.workedExample])
        let run = try ReportCommandRun.run(["check", "worked.toml"], in: directory)
        #expect(run.status == 0)
        #expect(run.errors.isEmpty)
        #expect(run.output == """
            worked.toml: valid
              Title: Worked example
              Funds: 2 (1 ring-fenced, 0 not cut), £1,100,000 at a 0% cut
              Services: 4 (1 protected, 2 priority tiers), baselines £1,100,000
              Groups: 0
              Envelope at 0%: £1,100,000
              Maximum feasible cut: 38.18%

            """)
    }

    @Test func everyFileIsCheckedAndAnyInvalidOneGives65() throws {
        let directory = try ReportCommandRun.directory(with: [
            "worked.toml": ReportCommandRun.workedExample, "broken.toml": ReportCommandRun.invalidScenario,
        ])
        let run = try ReportCommandRun.run(["check", "broken.toml", "worked.toml"], in: directory)
        #expect(run.status == 65)
        #expect(run.output.hasPrefix("worked.toml: valid\n"))
        let issues = run.errors.split(separator: "\n")
        #expect(issues.count == 2)
        #expect(issues.allSatisfy { $0.hasPrefix("broken.toml:") })
    }

    @Test func missingFileGives1WhenNoFileIsInvalid() throws {
        let directory = try ReportCommandRun.directory(with: ["worked.toml": ReportCommandRun.workedExample])
        let run = try ReportCommandRun.run(["check", "worked.toml", "gone.toml"], in: directory)
        #expect(run.status == 1)
        #expect(run.errors == "gone.toml: no such file\n")
        #expect(run.output.hasPrefix("worked.toml: valid\n"))
    }

    /// A file its reader may not open is one line and status 1 (run as `nobody` when the tests
    /// run as root, whom permissions do not bind).
    @Test func unreadableFileGives1() throws {
        let directory = try ReportCommandRun.directory(with: ["secret.toml": ReportCommandRun.workedExample])
        let path = directory.appendingPathComponent("secret.toml").path
        #expect(chmod(path, 0) == 0)
        let run = try ScenarioProcess.runUnprivileged(["check", path])
        #expect(run.status == 1)
        #expect(run.error == "\(path): cannot be opened for reading (check its permissions)\n")
        #expect(run.output.isEmpty)
    }

    /// A group floor of 60% of the envelope on a service that may not rise above £500 makes every
    /// cut below 16 2/3% infeasible: check names the least feasible cut, rounded up.
    @Test func aLeastFeasibleCutAboveZeroIsNamed() throws {
        let directory = try ReportCommandRun.directory(with: ["floor.toml": NearMaximumCutCommandTests.fixture("share-group-floor.toml")])
        let run = try ReportCommandRun.run(["check", "floor.toml"], in: directory)
        #expect(run.status == 0)
        #expect(run.output.hasSuffix("""
              Maximum feasible cut: 37.50%
              Least feasible cut: 16.67% (below it, 0% included, the hard constraints cannot all be met)

            """), "\(run.output)")
        let plain = try ReportCommandRun.run(["check", "worked.toml"], in: try ReportCommandRun.directory(with: ["worked.toml": ReportCommandRun.workedExample]))
        #expect(!plain.output.contains("Least feasible cut"))
    }

    @Test func noFileIsAUsageError() throws {
        #expect(try ReportCommandRun.run(["check"]).status == 64)
    }
}
