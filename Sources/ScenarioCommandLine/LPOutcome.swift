import LPCertificates
import LinearProgramming

/// The result of `scenario lp`, rendered as text or JSON.
public struct LPOutcome {
    public let solution: Solution
    public let seconds: Double
    public let certificate: CertificateReport?
    /// Whether the file has integer columns and the solve is of its continuous relaxation.
    public let relaxed: Bool

    /// The outcome of one solve that took `seconds`, with the certificate check when one was
    /// asked for; `relaxed` when the file's integer columns were solved as continuous.
    public init(solution: Solution, seconds: Double, certificate: CertificateReport?, relaxed: Bool = false) {
        self.solution = solution
        self.seconds = seconds
        self.certificate = certificate
        self.relaxed = relaxed
    }

    /// The line on standard error for a file with `count` integer columns, solved as its
    /// continuous relaxation: `FILE: 3 integer columns: solving the continuous relaxation …`.
    public static func relaxationNote(file: String, integerColumns count: Int) -> String {
        "\(file): \(count) integer column\(count == 1 ? "" : "s"): solving the continuous relaxation "
            + "(branch and bound is not implemented)"
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

    /// Aligned `key value` lines.
    public var text: String {
        var lines = [
            "status      \(status)",
            "objective   \(objective.map { "\($0)" } ?? "none")",
            "iterations  \(solution.iterations)",
            "seconds     \(seconds)",
        ]
        if let message { lines.insert("message     \(message)", at: 1) }
        if relaxed { lines.append("relaxed     continuous relaxation of a mixed-integer programme") }
        if let certificate {
            lines.append("certificate \(certificate.isValid ? "valid" : "invalid")")
            lines += certificate.failures.map { "  \($0)" }
        }
        return lines.joined(separator: "\n")
    }

    /// One JSON object on one line.
    public var json: String {
        var fields = [
            "\"status\": \"\(status)\"",
            "\"objective\": \(objective.map { "\($0)" } ?? "null")",
            "\"iterations\": \(solution.iterations)",
            "\"seconds\": \(seconds)",
        ]
        if let message { fields.append("\"message\": \"\(message)\"") }
        if let certificate { fields.append("\"certificate\": \"\(certificate.isValid ? "valid" : "invalid")\"") }
        if relaxed { fields.append("\"relaxed\": true") }
        return "{" + fields.joined(separator: ", ") + "}"
    }
}
