import LinearProgramming

/// One libFuzzer input: the bytes of an MPS file, read as fixed, free and automatic MPS (the
/// three `--mps-format` choices of `scenario lp`). A malformed file must be an `MPSError` with
/// a one-line message; a file that reads must, when `MPSWriter` can write it, read back to an
/// equal programme; a small one is also solved, as `scenario lp` would. A crash, a trap, a
/// failed round trip or a hang (libFuzzer's `-timeout`) is a finding.
func fuzzMPSReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    for format in [MPSFormat.fixed, .free, .automatic] {
        let program: LinearProgram
        do {
            program = try MPSReader.parse(bytes, fileName: "fuzz.mps", format: format)
        } catch {
            precondition(!error.description.contains("\n"), "an error over more than one line: \(error)")
            continue
        }
        checkRoundTrip(of: program)
        if format == .automatic { solveIfSmall(program) }
    }
    return 0
}

/// What the writer writes, the reader must read back to the same programme.
private func checkRoundTrip(of program: LinearProgram) {
    guard let text = try? MPSWriter.string(for: program) else { return }
    do {
        let reread = try MPSReader.parse(text, fileName: "round-trip.mps", format: .free)
        precondition(reread == program, "the written MPS reads back to a different programme:\n\(text)")
    } catch {
        preconditionFailure("the written MPS does not read back: \(error)\n\(text)")
    }
}

/// Solves programmes small enough to keep the fuzzer fast, with limits so that a slow solve is
/// not mistaken for a hang; any status is fine, a crash is not.
private func solveIfSmall(_ program: LinearProgram) {
    guard program.rowCount <= 30, program.columnCount <= 30 else { return }
    var options = SimplexOptions()
    options.iterationLimit = 10_000
    options.timeLimit = 2
    _ = program.solve(options: options)
}
