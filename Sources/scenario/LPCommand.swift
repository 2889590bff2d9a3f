import ArgumentParser
import Foundation
import LPCertificates
import LinearProgramming
import ScenarioCommandLine

/// `scenario lp FILE`: solve a linear programme in MPS format with the built-in solver.
struct LPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lp",
        abstract: "Solve a linear or mixed-integer programme in MPS format (fixed or free) with the built-in solver.",
        discussion: """
            Reads FILE (`-` reads standard input, so `gunzip -c x.mps.gz | scenario lp -` works), \
            solves it, and prints the status, the objective, the simplex iterations and the \
            solver's time in seconds (the solve alone: reading the file is not counted).

            A linear programme is presolved first (empty, fixed and singleton rows and columns, \
            redundant and forcing rows, doubleton equations are taken out), the smaller programme \
            solved, and the answer carried back and confirmed by the simplex method on the \
            programme as read, so the solution, duals and basis are its own; --no-presolve \
            solves the programme as read. An infeasible programme is solved once: the Farkas ray \
            that proves it (presolve's own, or the smaller programme's) is carried back to the \
            programme as read. An unbounded programme, or an infeasible one whose carried-back \
            ray proves nothing by a clear margin, is solved again without presolve for its \
            certificate.

            With --format json the output is one object: \
            {"status": "optimal"|"infeasible"|"unbounded"|"error", "objective": -464.753, \
            "iterations": 17, "seconds": 0.0004}. The objective is null unless the status is \
            optimal. A solve that stops at --iteration-limit or --time-limit, or on a numerical \
            failure, has status "error" and a "message" key saying which.

            A mixed-integer file (integer columns between 'MARKER' 'INTORG' and 'INTEND' lines, \
            or BV, LI, UI, SC or SI bounds) is solved by branch and bound over the dual simplex: \
            the output adds the proven bound, the relative gap and the nodes, \
            {"status": "optimal", "objective": 1201500.0, "bound": 1201499.9999999998, \
            "mip_gap": 1.9e-16, "nodes": 3104, "iterations": 2399, "seconds": 0.52} for MIPLIB's \
            flugpl; "iterations" counts every node LP's, "mip_gap" is |objective - bound| / \
            max(1, |objective|), and the search stops optimal at a gap of 1e-6. \
            The status is "limit" when --node-limit, --time-limit or --iteration-limit stops the \
            search: "objective" is then the best integer point found (null if none) and "bound" \
            the proven bound. --relax solves the continuous relaxation instead, with one line on \
            standard error and "relaxed": true in JSON. Lines after ENDATA (an IMPORTANCES \
            section, say) are ignored with one line on standard error.

            Exit status: 0 when the solve ends optimal, infeasible or unbounded (all three are \
            answers); 1 when it ends in "error" or "limit", or FILE is missing or unreadable; 64 for a usage \
            error; 65 when FILE is not valid MPS (one line FILE:LINE: message on standard error). \
            A failed write to standard output (a full disk, /dev/full) is one line on standard \
            error and status 1; a closed pipe ends quietly with status 141.
            """
    )

    /// The output formats of `scenario lp`.
    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "The MPS file to solve, or - for standard input.")
    var file: String

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(name: .customLong("mps-format"), help: "How to read the file: fixed, free, or automatic (decided per file).")
    var mpsFormat: MPSFormat = .automatic

    @Option(help: "Stop after this many seconds of solving (status \"error\", or \"limit\" for a mixed-integer file).")
    var timeLimit: Double?

    @Option(help: "Stop after this many simplex iterations (status \"error\", or \"limit\" for a mixed-integer file).")
    var iterationLimit: Int?

    @Option(help: "Stop branch and bound after this many nodes (status \"limit\").")
    var nodeLimit: Int?

    @Flag(help: "Solve the continuous relaxation of a mixed-integer file.")
    var relax = false

    @Flag(help: "Also verify the answer with the independent certificate checker and report the result.")
    var verify = false

    @Flag(help: "Solve the programme as read, without presolve.")
    var noPresolve = false

    func validate() throws {
        if let timeLimit, !(timeLimit > 0) { throw ValidationError("--time-limit must be a positive number of seconds") }
        if let iterationLimit, iterationLimit < 0 { throw ValidationError("--iteration-limit must not be negative") }
        if let nodeLimit, nodeLimit < 1 { throw ValidationError("--node-limit must be at least 1") }
    }

    func run() throws {
        let model: MPSModel
        do {
            model = try MPSReader.readModel(contentsOf: file, format: mpsFormat)
        } catch {
            throw failing([error.description], status: error.kind == .malformed ? ExitStatus.invalidInput : ExitStatus.failure)
        }
        for note in model.notes { printError(note) }
        if model.isMixedInteger && !relax {
            let outcome = MIPOutcome.solve(
                model.mixedIntegerProgram, nodeLimit: nodeLimit, timeLimit: timeLimit, iterationLimit: iterationLimit,
                verify: verify)
            try OutputDestination.standardOutput.write((format == .json ? outcome.record.json : outcome.record.text) + "\n")
            if outcome.isError { throw ExitStatus.failure }
            return
        }
        let program = model.program
        let relaxed = model.isMixedInteger
        if relaxed {
            printError(LPOutcome.relaxationNote(
                file: file, integerColumns: model.integerColumns.count, semicontinuousColumns: model.semicontinuous.count))
        }
        var options = SimplexOptions()
        if let timeLimit { options.timeLimit = timeLimit }
        if let iterationLimit { options.iterationLimit = iterationLimit }
        let clock = ContinuousClock()
        let start = clock.now
        let solution = noPresolve ? program.solve(options: options) : program.solveWithPresolve(options: options)
        let elapsed = start.duration(to: clock.now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let certificate = verify ? CertificateChecker().check(solution, of: program) : nil
        let outcome = LPOutcome(solution: solution, seconds: seconds, certificate: certificate, relaxed: relaxed)
        try OutputDestination.standardOutput.write((format == .json ? outcome.record.json : outcome.record.text) + "\n")
        if outcome.isError { throw ExitStatus.failure }
    }
}

extension MPSFormat: ExpressibleByArgument {}
