import Foundation
import LPCertificates
import LinearProgramming

/// `scenario lp FILE`: one programme in MPS format read, solved by the built-in solver (branch
/// and bound for a mixed-integer file unless its relaxation is asked for) and reported.
public enum LPRun {
    /// What one solve found: the record for standard output.
    public struct Result {
        /// The status, figures and certificate check, as text or JSON.
        public let record: OutcomeRecord
        /// Whether the solve ended without an answer (status `error` or `limit`).
        public let isError: Bool
    }

    /// The limits and switches of one solve, as the command's options give them.
    public struct Options {
        /// How to read the file: fixed, free, or decided per file.
        public var mpsFormat: MPSFormat = .automatic
        /// Seconds, simplex iterations and branch-and-bound nodes before the solve stops; nil: none.
        public var timeLimit: Double?
        public var iterationLimit: Int?
        public var nodeLimit: Int?
        /// Solve a mixed-integer file's continuous relaxation.
        public var relax = false
        /// Check the answer with the independent certificate checker.
        public var verify = false
        /// Presolve a linear programme before the simplex method.
        public var presolve = true

        /// Every option at its default.
        public init() {}
    }

    /// Reads `file` (`-`: standard input) and solves it, passing `note` each line for standard
    /// error as it arises: the file's notes (lines after ENDATA, say), then, when `relax` solves
    /// a mixed-integer file as continuous, a line saying so.
    ///
    /// - Throws: exit status 65 when the file is not valid MPS, 1 when it is missing or
    ///   unreadable, after one line `FILE:LINE: message` on standard error.
    public static func solve(file: String, options: Options, note: (String) -> Void = printError) throws -> Result {
        let model: MPSModel
        do {
            model = try MPSReader.readModel(contentsOf: file, format: options.mpsFormat)
        } catch {
            throw failing([error.description], status: error.kind == .malformed ? ExitStatus.invalidInput : ExitStatus.failure)
        }
        for line in model.notes { note(line) }
        if model.isMixedInteger && !options.relax {
            let outcome = MIPOutcome.solve(
                model.mixedIntegerProgram, nodeLimit: options.nodeLimit, timeLimit: options.timeLimit,
                iterationLimit: options.iterationLimit, verify: options.verify)
            return Result(record: outcome.record, isError: outcome.isError)
        }
        let relaxed = model.isMixedInteger
        if relaxed {
            note(LPOutcome.relaxationNote(
                file: file, integerColumns: model.integerColumns.count, semicontinuousColumns: model.semicontinuous.count))
        }
        let program = model.program
        var simplex = SimplexOptions()
        if let timeLimit = options.timeLimit { simplex.timeLimit = timeLimit }
        if let iterationLimit = options.iterationLimit { simplex.iterationLimit = iterationLimit }
        let clock = ContinuousClock()
        let start = clock.now
        let solution = options.presolve ? program.solveWithPresolve(options: simplex) : program.solve(options: simplex)
        let elapsed = start.duration(to: clock.now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let certificate = options.verify ? CertificateChecker().check(solution, of: program) : nil
        let outcome = LPOutcome(solution: solution, seconds: seconds, certificate: certificate, relaxed: relaxed)
        return Result(record: outcome.record, isError: outcome.isError)
    }

    /// The whole command: solves `file`, its notes on standard error, and prints the record on
    /// standard output (one JSON object when `json`, else aligned lines).
    ///
    /// - Throws: what `solve` throws; exit status 1 when the solve ended in `error` or `limit`,
    ///   or standard output cannot be written.
    public static func run(file: String, json: Bool, options: Options) throws {
        let result = try solve(file: file, options: options)
        try OutputDestination.standardOutput.write((json ? result.record.json : result.record.text) + "\n")
        if result.isError { throw ExitStatus.failure }
    }
}
