import LPCertificates
import LinearProgramming

/// The result of `scenario lp` on a mixed-integer file solved by branch and bound, rendered
/// as text or JSON.
public struct MIPOutcome {
    public let solution: MixedIntegerSolution
    public let seconds: Double
    public let certificate: CertificateReport?

    /// The outcome of one search that took `seconds`, with the certificate check when one was
    /// asked for.
    public init(solution: MixedIntegerSolution, seconds: Double, certificate: CertificateReport?) {
        self.solution = solution
        self.seconds = seconds
        self.certificate = certificate
    }

    /// Solves `problem` by branch and bound within the limits given (`nil`: none), timing the
    /// search alone, and checks the result's certificate when `verify` is set.
    public static func solve(
        _ problem: MixedIntegerProgram, nodeLimit: Int?, timeLimit: Double?, iterationLimit: Int?, verify: Bool
    ) -> MIPOutcome {
        var options = MixedIntegerOptions()
        if let nodeLimit { options.nodeLimit = nodeLimit }
        if let timeLimit { options.timeLimit = timeLimit }
        if let iterationLimit { options.iterationLimit = iterationLimit }
        let clock = ContinuousClock()
        let start = clock.now
        let result = BranchAndBound(problem, options: options).solve()
        let elapsed = start.duration(to: clock.now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let certificate = verify ? CertificateChecker().check(result, of: problem) : nil
        return MIPOutcome(solution: result, seconds: seconds, certificate: certificate)
    }

    /// The status word of the JSON contract: `optimal`, `infeasible`, `unbounded`, `limit`
    /// (a node, iteration or time limit stopped the search) or `error` (numerical failure).
    public var status: String {
        switch solution.status {
        case .optimal, .infeasible, .unbounded: return solution.status.rawValue
        case .nodeLimit, .timeLimit, .iterationLimit: return "limit"
        case .numericalFailure: return "error"
        }
    }

    /// Whether the search ended without a proven answer (exit status 1).
    public var isError: Bool { status == "limit" || status == "error" }

    /// Why the search ended without a proven answer.
    public var message: String? {
        switch solution.status {
        case .optimal, .infeasible, .unbounded: return nil
        case .nodeLimit: return "node limit reached"
        case .timeLimit: return "time limit reached"
        case .iterationLimit: return "iteration limit reached"
        case .numericalFailure: return "numerical failure"
        }
    }

    /// The incumbent's objective (after a limit too); `nil` without one.
    public var objective: Double? { solution.objective }

    /// The proven bound when finite.
    public var bound: Double? { solution.bound.isFinite ? solution.bound : nil }

    /// What `scenario lp` prints of this outcome, as text or JSON.
    public var record: OutcomeRecord {
        OutcomeRecord(
            status: status, message: message,
            figures: [
                ("objective", OutcomeRecord.number(objective)), ("bound", OutcomeRecord.number(bound)),
                ("mip_gap", OutcomeRecord.number(solution.gap)), ("nodes", "\(solution.nodes)"),
                ("iterations", "\(solution.iterations)"), ("seconds", OutcomeRecord.number(seconds)),
            ],
            certificate: certificate)
    }
}
