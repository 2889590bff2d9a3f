import Foundation

/// Runs the built `scenario` executable and captures what it prints.
struct ScenarioProcess {
    /// Exit status, standard output and standard error of one run.
    struct Result {
        let status: Int32
        let output: String
        let error: String
    }

    /// The package root, found from this source file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `scenario` binary beside the test bundle (the build products
    /// directory), else `.build/release/scenario` or `.build/debug/scenario`.
    static let executable: URL? = {
        var candidates: [URL] = []
        if let first = CommandLine.arguments.first {
            let runner = URL(fileURLWithPath: first)
            candidates.append(runner.deletingLastPathComponent().appendingPathComponent("scenario"))
            candidates.append(runner.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scenario"))
        }
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("scenario"))
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("scenario"))
        candidates.append(packageRoot.appendingPathComponent(".build/release/scenario"))
        candidates.append(packageRoot.appendingPathComponent(".build/debug/scenario"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// Runs `scenario` with `arguments`, feeding `input` to its standard input.
    static func run(_ arguments: [String], input: Data? = nil) throws -> Result {
        guard let executable else { throw MissingExecutable() }
        return try run(executable, arguments, input: input)
    }

    /// Runs `scenario` with `arguments` as a user whom file permissions bind: as itself, or,
    /// when the tests run as root (whom they do not bind), as `nobody` through `setpriv`.
    static func runUnprivileged(_ arguments: [String]) throws -> Result {
        guard let executable else { throw MissingExecutable() }
        guard geteuid() == 0 else { return try run(executable, arguments, input: nil) }
        let setpriv = URL(fileURLWithPath: "/usr/bin/setpriv")
        return try run(setpriv, ["--reuid=65534", "--regid=65534", "--clear-groups", executable.path] + arguments, input: nil)
    }

    private static func run(_ executable: URL, _ arguments: [String], input: Data?) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let stdout = Pipe(), stderr = Pipe(), stdin = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(input) }
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let error = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            output: String(decoding: output, as: UTF8.self),
            error: String(decoding: error, as: UTF8.self))
    }

    /// Thrown when no built `scenario` binary can be found.
    struct MissingExecutable: Error, CustomStringConvertible {
        var description: String { "no built scenario executable found: run `swift build -c release` first" }
    }
}
