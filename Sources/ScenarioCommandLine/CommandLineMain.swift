import ArgumentParser
import Foundation

/// The process around a root command: signal handlers, then parsing and running, with every
/// message of the argument parser written as `write(2)` writes whose failure is reported.
public enum CommandLineMain {
    /// Parses the command line for `Root`, runs the command and exits:
    /// - help and `--version` go to standard output, and a failure to write them (`/dev/full`)
    ///   is one line on standard error and exit status 1 (141, quietly, for a closed pipe);
    /// - an error of the argument parser is one line, `scenario COMMAND: message`, and exit 64;
    /// - a command's own `ExitCode` ends the process with that status (its message, if any,
    ///   has been printed).
    ///
    /// A command line of `--version` alone is answered before the argument parser builds its
    /// command tree, which reflects every command and option and costs more than the rest of
    /// the process's start-up; the output and exit status are the parser's.
    public static func run<Root: ParsableCommand>(_ root: Root.Type) -> Never {
        SignalCleanup.install()
        if CommandLine.arguments.count == 2, CommandLine.arguments[1] == "--version", !root.configuration.version.isEmpty {
            writeAndExit(root.configuration.version)
        }
        do {
            var command = try root.parseAsRoot()
            try command.run()
            exit(0)
        } catch let code as ExitCode {
            exit(code.rawValue)
        } catch {
            let status = root.exitCode(for: error)
            guard status == .success else {
                printError("\(commandName(of: root)): \(oneLine(root.message(for: error)))")
                exit(status.rawValue)
            }
            writeAndExit(root.fullMessage(for: error))
        }
    }

    /// Writes `message` and a line end to standard output and exits 0, or 1 after one line on
    /// standard error when it cannot be written (141, quietly, for a closed pipe).
    private static func writeAndExit(_ message: String) -> Never {
        if let code = StandardStream.writeAll(Array((message + "\n").utf8), to: STDOUT_FILENO) {
            exit(ReportOutput.writeError(code, name: "standard output").rawValue)
        }
        exit(0)
    }

    /// `scenario` followed by the subcommand named on the command line, if any.
    static func commandName<Root: ParsableCommand>(of root: Root.Type) -> String {
        let rootName = root.configuration.commandName ?? "scenario"
        let names = root.configuration.subcommands.compactMap { $0.configuration.commandName }
        guard let word = CommandLine.arguments.dropFirst().first, names.contains(word) else { return rootName }
        return "\(rootName) \(word)"
    }

    /// `message` on one line: its lines joined by `; `, without blank ones, and a list of
    /// `- item` lines after a line that ends in a colon written as `: a, b, c`.
    static func oneLine(_ message: String) -> String {
        var parts: [String] = []
        var inList = false
        for raw in message.split(whereSeparator: \.isNewline) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            if line.hasPrefix("- "), let last = parts.last, inList || last.hasSuffix(":") {
                parts[parts.count - 1] = last + (inList ? ", " : " ") + line.dropFirst(2)
                inList = true
            } else {
                parts.append(line)
                inList = false
            }
        }
        return parts.joined(separator: "; ")
    }
}
