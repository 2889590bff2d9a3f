import Foundation
import Testing

/// `scenario sweep --jobs N`: the same report byte for byte as the one-thread sweep, in every format.
@Suite struct SweepJobsTests {
    /// A sweep long enough for several blocks (and, in the board-paper formats, their 200-cut limit),
    /// with infeasible cuts beyond the bundled scenario's maximum of 21.607%.
    static func arguments(format: String) -> [String] {
        let range = ["latex", "html"].contains(format) ? "0..19.9%" : "0..30%"
        return ["sweep", "--cut", range, "--step", "0.1", "--format", format]
    }

    /// `--jobs 1` against the default (one job per core) and 2 and 3 jobs.
    @Test(arguments: ["text", "markdown", "csv", "json", "latex", "html"])
    func everyFormatIsTheSameForAnyNumberOfJobs(format: String) throws {
        let serial = try ReportCommandRun.run(Self.arguments(format: format) + ["--jobs", "1"])
        #expect(serial.status == 0)
        #expect(serial.output.count > 10_000)
        for jobs in [[], ["--jobs", "2"], ["--jobs", "3"]] {
            let parallel = try ReportCommandRun.run(Self.arguments(format: format) + jobs)
            #expect(parallel.status == 0)
            #expect(parallel.errors == serial.errors)
            #expect(parallel.output == serial.output, "\(jobs.isEmpty ? "the default" : jobs.joined(separator: " ")) changed the \(format) report")
        }
    }

    @Test func csvRowsStayInCutOrder() throws {
        let run = try ReportCommandRun.run(["sweep", "--cut", "0..30%", "--step", "0.1", "--format", "csv", "--jobs", "3"])
        let cuts = run.output.split(separator: "\r\n").dropFirst().map { Double($0.prefix { $0 != "," })! }
        #expect(cuts.count == 217 * 8 + 84)
        #expect(cuts == cuts.sorted())
        #expect(cuts.first == 0 && cuts.last == 30)
    }

    @Test(arguments: ["0", "257"])
    func outOfRangeJobCountsAreOneLineUsageErrors(jobs: String) throws {
        let run = try ReportCommandRun.run(["sweep", "--cut", "5..20%", "--jobs", jobs])
        #expect(run.status == 64)
        #expect(run.errors.hasSuffix("scenario sweep: --jobs must be between 1 and 256, not \(jobs)\n"))
        #expect(run.output.isEmpty)
    }

    @Test(arguments: ["two", "-1"])
    func aJobCountThatIsNotACountIsAUsageError(jobs: String) throws {
        let run = try ReportCommandRun.run(["sweep", "--cut", "5..20%", "--jobs", jobs])
        #expect(run.status == 64)
        #expect(run.output.isEmpty)
    }
}
