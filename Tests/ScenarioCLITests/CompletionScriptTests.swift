import Testing

/// `scenario --generate-completion-script SHELL` (what `make install` installs): each script
/// names the subcommands and the sweep's options, this branch's `--interactive` included.
@Suite struct CompletionScriptTests {
    @Test(arguments: ["bash", "zsh", "fish"])
    func theScriptCompletesEverySubcommandAndTheSweepOptions(shell: String) throws {
        let result = try ScenarioProcess.run(["--generate-completion-script", shell])
        #expect(result.status == 0, "\(result.error)")
        for word in ["sweep", "solve", "breakpoints", "check", "export", "generate", "interactive", "solve-every-cut", "jobs"] {
            #expect(result.output.contains(word), "the \(shell) script lacks \(word)")
        }
    }

    @Test func anUnknownShellIsAUsageError() throws {
        let result = try ScenarioProcess.run(["--generate-completion-script", "tcsh"])
        #expect(result.status == 64)
    }
}
