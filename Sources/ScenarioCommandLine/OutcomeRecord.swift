import LPCertificates

/// What `scenario lp` prints of one solve (`LPOutcome`, `MIPOutcome`): aligned `key value`
/// lines, or one JSON object on one line with the same facts.
///
/// Text: `status`, then `message` when the solve ended without an answer, the figures in
/// order (`none` for a missing one), `relaxed` when a mixed-integer file was solved as its
/// relaxation, and the certificate check with each failure on a line of its own. JSON: the
/// status, the figures (`null` for a missing one), then `message`, `certificate` and `relaxed`
/// when they apply.
public struct OutcomeRecord {
    /// The status word of the JSON contract.
    public var status: String
    /// Why the solve ended without an answer; nil when it has one.
    public var message: String?
    /// The figures in order, each a key and a number (`Double` or `Int`); nil when missing.
    public var figures: [(key: String, value: String?)]
    /// Whether a mixed-integer file was solved as its continuous relaxation.
    public var relaxed = false
    /// The certificate check, when one was asked for.
    public var certificate: CertificateReport?

    /// A record from its parts.
    public init(
        status: String, message: String?, figures: [(key: String, value: String?)], relaxed: Bool = false,
        certificate: CertificateReport?
    ) {
        self.status = status
        self.message = message
        self.figures = figures
        self.relaxed = relaxed
        self.certificate = certificate
    }

    /// A figure that is a real number: its shortest round-tripping form, or nil when it is
    /// missing or not finite (JSON has no infinity).
    public static func number(_ value: Double?) -> String? {
        value.flatMap { $0.isFinite ? "\($0)" : nil }
    }

    /// The `key value` lines, keys padded to 12 characters.
    public var text: String {
        var lines = [line("status", status)]
        if let message { lines.append(line("message", message)) }
        lines += figures.map { line($0.key, $0.value ?? "none") }
        if relaxed { lines.append(line("relaxed", "continuous relaxation of a mixed-integer programme")) }
        if let certificate {
            lines.append(line("certificate", certificate.isValid ? "valid" : "invalid"))
            lines += certificate.failures.map { "  \($0)" }
        }
        return lines.joined(separator: "\n")
    }

    /// The JSON object on one line.
    public var json: String {
        var fields = ["\"status\": \"\(status)\""]
        fields += figures.map { "\"\($0.key)\": \($0.value ?? "null")" }
        if let message { fields.append("\"message\": \"\(message)\"") }
        if let certificate { fields.append("\"certificate\": \"\(certificate.isValid ? "valid" : "invalid")\"") }
        if relaxed { fields.append("\"relaxed\": true") }
        return "{" + fields.joined(separator: ", ") + "}"
    }

    private func line(_ key: String, _ value: String) -> String {
        key + String(repeating: " ", count: max(1, 12 - key.count)) + value
    }
}
