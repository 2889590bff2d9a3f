import LPCertificates
import LinearProgramming

/// The result of `scenario lp`, rendered as text or JSON.
public struct LPOutcome {
    public let solution: Solution
    public let seconds: Double
    public let certificate: CertificateReport?
    /// Whether the file is mixed-integer and `--relax` asked for its continuous relaxation.
    public let relaxed: Bool

    /// The outcome of one solve that took `seconds`, with the certificate check when one was
    /// asked for; `relaxed` when the file's integer columns were solved as continuous.
    public init(solution: Solution, seconds: Double, certificate: CertificateReport?, relaxed: Bool = false) {
        self.solution = solution
        self.seconds = seconds
        self.certificate = certificate
        self.relaxed = relaxed
    }

    /// The line on standard error for a mixed-integer file that `--relax` solves as its
    /// continuous relaxation: `FILE: 3 integer columns: solving the continuous relaxation
    /// (--relax)`; semi-continuous columns are counted after the integer ones when there are any.
    public static func relaxationNote(file: String, integerColumns count: Int, semicontinuousColumns sc: Int = 0) -> String {
        var what = "\(count) integer column\(count == 1 ? "" : "s")"
        if sc > 0 { what += " and \(sc) semi-continuous column\(sc == 1 ? "" : "s")" }
        return "\(file): \(what): solving the continuous relaxation (--relax)"
    }

    /// The status word of the JSON contract.
    public var status: String {
        switch solution.status {
        case .optimal, .infeasible, .unbounded: return solution.status.rawValue
        case .iterationLimit, .timeLimit, .numericalFailure: return "error"
        }
    }

    /// Whether the solve ended without an answer.
    public var isError: Bool { status == "error" }

    /// Why the solve ended without an answer.
    public var message: String? {
        switch solution.status {
        case .optimal, .infeasible, .unbounded: return nil
        case .iterationLimit: return "iteration limit reached"
        case .timeLimit: return "time limit reached"
        case .numericalFailure: return "numerical failure"
        }
    }

    /// The objective when optimal and finite.
    public var objective: Double? {
        solution.status == .optimal && solution.objective.isFinite ? solution.objective : nil
    }

    /// What `scenario lp` prints of this outcome, as text or JSON.
    public var record: OutcomeRecord {
        OutcomeRecord(
            status: status, message: message,
            figures: [
                ("objective", OutcomeRecord.number(objective)), ("iterations", "\(solution.iterations)"),
                ("seconds", OutcomeRecord.number(seconds)),
            ],
            relaxed: relaxed, certificate: certificate)
    }
}
