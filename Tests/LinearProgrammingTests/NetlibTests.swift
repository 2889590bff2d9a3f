import Foundation
import LPCertificates
import LinearProgramming
import Testing

/// The Netlib tier: every problem in `shared/netlib/REFERENCE.tsv` read with
/// `MPSReader`, solved, compared with the reference optimum to a relative
/// 1e-6, and its solution verified by the independent `CertificateChecker`.
/// Problems with more than `NetlibTests.defaultRowLimit` rows run only when
/// `SCENARIO_NETLIB_FULL=1`.
@Suite(.serialized) struct NetlibTests {
    /// The largest problem (in rows) of the default tier.
    static let defaultRowLimit = 1_000
    /// Seconds one problem may take before it counts as a failure.
    static let timeLimit = 120.0

    static let runsFullSet = ProcessInfo.processInfo.environment["SCENARIO_NETLIB_FULL"] == "1"

    static let problems: [NetlibReference] = NetlibReference.all.filter {
        runsFullSet || $0.rows <= defaultRowLimit
    }

    @Test func referenceSetIsPresent() {
        #expect(NetlibReference.loadError == nil, "\(NetlibReference.loadError ?? "")")
        #expect(Self.problems.count >= (Self.runsFullSet ? 75 : 56))
    }

    @Test(arguments: problems)
    func solvesToTheReferenceOptimum(_ reference: NetlibReference) throws {
        let program = try MPSReader.read(contentsOf: reference.path)
        var options = SimplexOptions()
        options.timeLimit = Self.timeLimit
        let solution = program.solve(options: options)
        try #require(solution.status == .optimal, "\(reference.name): status \(solution.status) after \(solution.iterations) iterations")
        let error = abs(solution.objective - reference.objective) / max(1, abs(reference.objective))
        #expect(error <= 1e-6, "\(reference.name): objective \(solution.objective), reference \(reference.objective), relative error \(error)")
        let report = CertificateChecker().check(solution, of: program)
        #expect(report.isValid, "\(reference.name): certificate failures: \(report.failures.joined(separator: " "))")
    }
}
