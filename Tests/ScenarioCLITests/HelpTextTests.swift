import Foundation
import Testing

/// Every command's --help documents its exit statuses, and each command that writes a file the
/// file guarantees.
@Suite struct HelpTextTests {
    @Test(arguments: ["sweep", "solve", "breakpoints", "export", "import", "generate", "bench"])
    func writingCommandsDocumentTheFileGuarantees(command: String) throws {
        let run = try ReportCommandRun.run([command, "--help"])
        #expect(run.status == 0)
        for promise in ["OUTPUT FILES:", "renamed over PATH only when complete", "SIGINT or SIGTERM", "WRITE ERRORS:",
                        "EXIT STATUS:", "  141 standard output is a closed pipe (quietly)", "  64  bad usage"] {
            #expect(run.output.contains(promise), "\(command) --help lacks \(promise)")
        }
    }

    @Test(arguments: ["check", "lp", ""])
    func otherCommandsDocumentWriteErrorsAndPipes(command: String) throws {
        let run = try ReportCommandRun.run(command.isEmpty ? ["--help"] : [command, "--help"])
        #expect(run.status == 0)
        #expect(run.output.contains("141"))
        #expect(run.output.contains("standard error"))
    }
}
