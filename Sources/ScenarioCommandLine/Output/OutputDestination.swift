import ArgumentParser
import Glibc

/// Where a command's output goes, checked once before anything is solved, and written so that
/// nothing of the user's is lost:
///
/// - a regular file (new or existing) is written to a temporary file in its directory and
///   renamed over it only when complete, so an existing file stays whole on any failure and
///   two concurrent writers each leave a complete report (the last rename wins); SIGINT and
///   SIGTERM remove the temporary file (`SignalCleanup`); a replaced file keeps its mode (and,
///   where permitted, its owner), a new one gets `0666 & ~umask`;
/// - a symbolic link is followed: its target is replaced and the link stays a link;
/// - a character or block device, FIFO or socket (`/dev/null`, a named pipe) is opened and
///   written directly, never replaced; `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` and
///   `/proc/self/fd/N` are written to that open descriptor;
/// - the scenario file being read (the same file by device and inode, whatever the path, a
///   symbolic link or a hard link) is refused with exit status 64;
/// - for a command that writes a scenario file (`import`, `generate`), an existing file is
///   refused with exit status 1 unless the command was told to replace it (`--force`).
public struct OutputDestination: Equatable, Sendable {
    /// How the output is written.
    enum Kind: Equatable, Sendable {
        /// Standard output (no `--output`).
        case standardOutput
        /// An open descriptor named by a path such as `/dev/stdout`.
        case descriptor(Int32)
        /// A device, FIFO or socket at this path, written in place.
        case device(path: String)
        /// A regular file at this path (symbolic links resolved), replaced by rename; the
        /// existing file's mode and owner, or nil for a new file.
        case file(path: String, existing: FileOwnership?)
    }

    /// The mode and owner of a file being replaced.
    struct FileOwnership: Equatable, Sendable {
        var mode: mode_t
        var owner: uid_t
        var group: gid_t
    }

    let kind: Kind
    /// The path as given, or `standard output`, for messages.
    let name: String

    /// Standard output.
    public static let standardOutput = OutputDestination(kind: .standardOutput, name: "standard output")

    /// The destination `path` (standard output when nil) of `command`, whose input is the
    /// file `input` (nil for the bundled scenario), named `inputNoun` in messages.
    ///
    /// - Parameter keepsExisting: refuse an existing regular file (a command that writes a
    ///   scenario file, which may be one written by hand, without `--force`).
    /// - Throws: exit status 64 when `path` is `input` itself; exit status 1 when it is a
    ///   directory, its directory does not exist, its symbolic links do not resolve, or it is
    ///   an existing file that `keepsExisting` keeps. The reason has been printed as one line
    ///   on standard error.
    public static func resolve(
        _ path: String?, input: String?, command: String, inputNoun: String = "the scenario file", keepsExisting: Bool = false
    ) throws -> OutputDestination {
        try resolve(path, inputs: input.map { [(path: $0, noun: inputNoun)] } ?? [], command: command, keepsExisting: keepsExisting)
    }

    /// The destination `path` (standard output when nil) of `command`, which reads every file
    /// of `inputs`, each named by its noun in messages (`the funds file`): as
    /// `resolve(_:input:command:inputNoun:keepsExisting:)`, refusing with exit status 64 a
    /// path that is any one of them.
    public static func resolve(
        _ path: String?, inputs: [(path: String, noun: String)], command: String, keepsExisting: Bool = false
    ) throws -> OutputDestination {
        guard let path else { return .standardOutput }
        guard !path.isEmpty else {
            throw failing(["scenario \(command): --output needs a path"], status: ExitStatus.usage)
        }
        let kind: Kind
        do {
            kind = try classify(path)
        } catch {
            throw failing(["\(path): cannot be written: \(error.reason)"], status: ExitStatus.failure)
        }
        if case .file(let target, .some) = kind, let input = inputs.first(where: { isSameFile($0.path, target) }) {
            throw failing(
                ["scenario \(command): --output \(path) is \(input.noun) \(input.path) itself; write the output to another file"],
                status: ExitStatus.usage)
        }
        if keepsExisting, case .file(_, .some) = kind {
            throw failing(["scenario \(command): --output \(path) exists; give --force to replace it"], status: ExitStatus.failure)
        }
        return OutputDestination(kind: kind, name: path)
    }

    /// Why a path cannot be an output.
    struct Unusable: Error {
        let reason: String
    }

    /// The most symbolic links followed in one path, as Linux's `MAXSYMLINKS`.
    static let maximumLinks = 40

    private static func classify(_ path: String) throws(Unusable) -> Kind {
        var current = path
        for _ in 0...maximumLinks {
            if let descriptor = openDescriptor(named: current) { return .descriptor(descriptor) }
            var status = stat()
            guard lstat(current, &status) == 0 else {
                guard errno == ENOENT else { throw Unusable(reason: StandardStream.reason(errno)) }
                try checkDirectory(of: current)
                return .file(path: current, existing: nil)
            }
            switch status.st_mode & S_IFMT {
            case S_IFLNK:
                current = try linkTarget(of: current)
            case S_IFREG:
                return .file(path: current, existing: FileOwnership(mode: status.st_mode & 0o7777, owner: status.st_uid, group: status.st_gid))
            case S_IFDIR:
                throw Unusable(reason: "it is a directory")
            default:
                return .device(path: current)
            }
        }
        throw Unusable(reason: StandardStream.reason(ELOOP))
    }

    /// The descriptor that `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` or `/proc/self/fd/N` names.
    static func openDescriptor(named path: String) -> Int32? {
        switch path {
        case "/dev/stdout": return STDOUT_FILENO
        case "/dev/stderr": return STDERR_FILENO
        default:
            for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
                return Int32(path.dropFirst(prefix.count))
            }
            return nil
        }
    }

    private static func linkTarget(of link: String) throws(Unusable) -> String {
        var bytes = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(link, &bytes, Int(PATH_MAX))
        guard count >= 0 else { throw Unusable(reason: StandardStream.reason(errno)) }
        let target = String(decoding: bytes[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return target.hasPrefix("/") ? target : directory(of: link) + "/" + target
    }

    private static func checkDirectory(of path: String) throws(Unusable) {
        var status = stat()
        guard stat(directory(of: path), &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
            throw Unusable(reason: "its directory \(directory(of: path)) does not exist")
        }
    }

    /// The directory part of `path` (`.` when it has none).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Whether `a` and `b` are one file (device and inode, symbolic links followed).
    static func isSameFile(_ a: String, _ b: String) -> Bool {
        var first = stat(), second = stat()
        guard stat(a, &first) == 0, stat(b, &second) == 0 else { return false }
        return first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }
}
