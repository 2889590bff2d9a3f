import Foundation
import LPCertificates
import LinearProgramming
import Testing

/// The Netlib infeasible tier: every problem of `shared/netlib-infeasible/` read with
/// `MPSReader` and solved must end `.infeasible` with a Farkas ray that the independent
/// `CertificateChecker` accepts (never `numericalFailure`). Each problem's time is
/// printed, not asserted; `benchmarks/netlib.py --infeasible` times them beside HiGHS.
///
/// Which problems run follows `NetlibTests`: by default those with at most
/// `NetlibTests.defaultRowLimit` rows (23 of 29); with `SCENARIO_NETLIB_FULL=1` (as
/// `make test` sets it) all 29; with `SCENARIO_NETLIB_ONLY=a,b` the named ones.
@Suite(.serialized) struct NetlibInfeasibleTests {
    static let problems: [NetlibInfeasibleProblem] = NetlibInfeasibleProblem.all.filter {
        if let onlyNames = NetlibTests.onlyNames { return onlyNames.contains($0.name) }
        return NetlibTests.runsFullSet || $0.rows <= NetlibTests.defaultRowLimit
    }

    @Test func collectionIsPresentAndComplete() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: NetlibInfeasibleProblem.directory)
            .filter { $0.hasSuffix(".mps") }.map { String($0.dropLast(4)) }
        #expect(Set(files) == Set(NetlibInfeasibleProblem.all.map(\.name)))
        #expect(NetlibInfeasibleProblem.all.count == 29)
        #expect(NetlibInfeasibleProblem.all.filter { $0.rows <= NetlibTests.defaultRowLimit }.count == 23)
    }

    @Test(arguments: problems)
    func isProvedInfeasible(_ problem: NetlibInfeasibleProblem) throws {
        let program = try MPSReader.read(contentsOf: problem.path)
        #expect(program.rowCount == problem.rows && program.columnCount == problem.columns,
                "\(problem.name): \(program.rowCount) rows and \(program.columnCount) columns")
        var options = SimplexOptions()
        options.timeLimit = NetlibTests.timeLimit
        let start = ContinuousClock.now
        let solution = program.solve(options: options)
        let seconds = (ContinuousClock.now - start) / .seconds(1)
        print("NETLIB-INFEASIBLE \(problem.name) rows=\(program.rowCount) status=\(solution.status) iterations=\(solution.iterations) seconds=\(seconds)")
        try #require(solution.status == .infeasible, "\(problem.name): status \(solution.status) after \(solution.iterations) iterations")
        #expect(solution.farkasRay != nil, "\(problem.name): no Farkas ray")
        let report = CertificateChecker().check(solution, of: program)
        #expect(report.isValid, "\(problem.name): certificate failures: \(report.failures.joined(separator: " "))")
    }
}
