/// What a `CertificateChecker` found: every failed check as a sentence, and
/// the largest scaled violations it measured (zero for a measure that does
/// not apply to the solution's status).
public struct CertificateReport: Sendable, Equatable {
    /// One plain sentence per failed check (at most five per kind of check,
    /// then one sentence counting the rest of that kind).
    public var failures: [String]
    /// Largest scaled violation of a column bound or row range.
    public var maxPrimalInfeasibility: Double
    /// Largest scaled reduced cost or row dual of the wrong sign.
    public var maxDualInfeasibility: Double
    /// Largest scaled complementarity product.
    public var maxComplementarity: Double
    /// `|primal objective - dual objective| / max(1, |primal objective|)`.
    public var relativeDualityGap: Double

    /// Whether every check passed.
    public var isValid: Bool { failures.isEmpty }

    /// A report with no failures and all measures zero.
    public init() {
        failures = []
        maxPrimalInfeasibility = 0
        maxDualInfeasibility = 0
        maxComplementarity = 0
        relativeDualityGap = 0
    }
}
