import LPCertificates
import LinearProgramming

/// The result of `scenario lp`, rendered as text or JSON.
struct LPOutcome {
    let solution: Solution
    let seconds: Double
    let certificate: CertificateReport?
    /// Whether the file has integer columns and the solve is of its continuous relaxation.
    let relaxed: Bool

    /// The status word of the JSON contract.
    var status: String {
        switch solution.status {
        case .optimal, .infeasible, .unbounded: return solution.status.rawValue
        case .iterationLimit, .timeLimit, .numericalFailure: return "error"
        }
    }

    /// Whether the solve ended without an answer.
    var isError: Bool { status == "error" }

    /// Why the solve ended without an answer.
    var message: String? {
        switch solution.status {
        case .optimal, .infeasible, .unbounded: return nil
        case .iterationLimit: return "iteration limit reached"
        case .timeLimit: return "time limit reached"
        case .numericalFailure: return "numerical failure"
        }
    }

    /// The objective when optimal and finite.
    var objective: Double? {
        solution.status == .optimal && solution.objective.isFinite ? solution.objective : nil
    }

    /// Aligned `key value` lines.
    var text: String {
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
    var json: String {
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
