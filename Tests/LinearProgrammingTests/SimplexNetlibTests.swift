import LinearProgramming
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The Netlib LP collection against its reference optima (relative error
/// 1e-6) with every answer certificate-checked. Problems over
/// `fullRowThreshold` rows run only with `SCENARIO_NETLIB_FULL=1`;
/// `SCENARIO_NETLIB_ONLY=a,b` restricts the run to the named problems.
@Suite struct SimplexNetlibTests {
    /// Row count above which a problem is part of the full run only.
    static let fullRowThreshold = 1000

    /// Problem names from `REFERENCE.tsv` included in this run.
    static let problems: [NetlibReference] = {
        let full = getenv("SCENARIO_NETLIB_FULL").map { String(cString: $0) } == "1"
        if let only = getenv("SCENARIO_NETLIB_ONLY").map({ String(cString: $0).split(separator: ",").map(String.init) }) {
            return NetlibReference.all.filter { only.contains($0.name) }
        }
        return NetlibReference.all.filter { full || $0.rows <= fullRowThreshold }
    }()

    @Test func referenceSetIsPresent() {
        #expect(NetlibReference.loadError == nil)
    }

    @Test(arguments: problems)
    func solvesToReferenceObjective(reference: NetlibReference) throws {
        let name = reference.name
        let lp = try SolverTestSupport.netlib(name)
        let start = ContinuousClock.now
        let solution = lp.solve()
        let elapsed = ContinuousClock.now - start
        let error = abs(solution.objective - reference.objective) / max(1, abs(reference.objective))
        print("NETLIB \(name) rows=\(lp.rowCount) status=\(solution.status) iterations=\(solution.iterations) time=\(elapsed) objective=\(solution.objective) relerr=\(error)")
        #expect(solution.status == .optimal)
        #expect(error <= 1e-6)
        let violations = SolverTestSupport.violations(lp, solution)
        #expect(violations.isEmpty, "\(violations.prefix(5))")
        #expect(elapsed < .seconds(60))
    }
}
