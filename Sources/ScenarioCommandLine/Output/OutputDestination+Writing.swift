import ArgumentParser
import Glibc

extension OutputDestination {
    /// Writes `text` whole to this destination.
    /// - Throws: as `write(_:)`.
    public func write(_ text: String) throws {
        try write { output in output.write(text) }
    }

    /// Opens this destination, lets `body` write to it, and completes it: a regular file is
    /// renamed into place only when `body` returns and every byte is written and synced.
    ///
    /// - Throws: what `body` throws, after removing the temporary file; exit status 1 after
    ///   `NAME: cannot be written: reason` when a write, sync or rename fails; quietly
    ///   `ExitStatus.closedPipe` when the reader of a pipe has gone.
    public func write(_ body: (ReportOutput) throws -> Void) throws {
        switch kind {
        case .standardOutput:
            try written(to: STDOUT_FILENO, body)
        case .descriptor(let descriptor):
            try written(to: descriptor, body)
        case .device(let path):
            let descriptor = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC)
            guard descriptor >= 0 else { throw cannotWrite(errno) }
            defer { close(descriptor) }
            try written(to: descriptor, body)
        case .file(let path, let existing):
            try replace(path, existing: existing, body)
        }
    }

    private func written(to descriptor: Int32, _ body: (ReportOutput) throws -> Void) throws {
        let output = ReportOutput(descriptor: descriptor, name: name)
        try body(output)
        output.flush()
        try output.check()
    }

    private func replace(_ path: String, existing: FileOwnership?, _ body: (ReportOutput) throws -> Void) throws {
        let (temporary, descriptor) = try createTemporary(beside: path)
        var isOpen = true
        func discard() {
            if isOpen { close(descriptor) }
            unlink(temporary)
            SignalCleanup.clear()
        }
        do {
            if let existing {
                fchmod(descriptor, existing.mode)
                // Keeps the owner where this process may (as root); otherwise the writer owns the file.
                _ = fchown(descriptor, existing.owner, existing.group)
            }
            let output = ReportOutput(descriptor: descriptor, name: name)
            try body(output)
            output.flush()
            try output.check()
            guard fsync(descriptor) == 0 else { throw cannotWrite(errno) }
            isOpen = false
            guard close(descriptor) == 0 else { throw cannotWrite(errno) }
            guard rename(temporary, path) == 0 else { throw cannotWrite(errno) }
        } catch {
            discard()
            throw error
        }
        SignalCleanup.clear()
    }

    /// A new file `.NAME.scenario-PID-RANDOM.tmp` in `path`'s directory (NAME cut to 160 bytes), registered for removal
    /// on SIGINT or SIGTERM before it is created.
    private func createTemporary(beside path: String) throws -> (String, Int32) {
        let directory = Self.directory(of: path)
        // At most 160 bytes of the name, so that the temporary name stays within NAME_MAX (255).
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let base = String(decoding: name.utf8.prefix(160), as: UTF8.self)
        for _ in 0..<100 {
            let suffix = String(UInt32.random(in: .min ... .max), radix: 16)
            let temporary = "\(directory)/.\(base).scenario-\(getpid())-\(suffix).tmp"
            SignalCleanup.register(temporary)
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if descriptor >= 0 { return (temporary, descriptor) }
            let code = errno
            SignalCleanup.clear()
            guard code == EEXIST else { throw cannotWrite(code) }
        }
        throw cannotWrite(EEXIST)
    }

    private func cannotWrite(_ code: Int32) -> ExitCode {
        ReportOutput.writeError(code, name: name)
    }
}
