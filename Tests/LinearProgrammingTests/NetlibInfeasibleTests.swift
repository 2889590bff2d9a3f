import Foundation
import LPCertificates
import LinearProgramming
import Testing

/// The Netlib infeasible tier: every problem of `shared/netlib-infeasible/` read with
/// `MPSReader` and solved must end `.infeasible` with a Farkas ray that the independent
/// `CertificateChecker` accepts (never `numericalFailure`). Each problem's time is
/// printed, not asserted; `benchmarks/netlib.py --infeasible` times them beside HiGHS.
///
/// Each is solved as `scenario lp` solves it, once, with presolve: the ray is the one presolve
/// proves (`presolveFarkasRay`) or the reduced programme's carried back through postsolve
/// (`postsolveFarkasRay`), and the test requires it to be there rather than allowing the
/// second solve without presolve that `solveWithPresolve` falls back to, except for the
/// problems of `weakPresolveProofs`. With
/// `SCENARIO_NETLIB_PRESOLVE=0` each is solved without presolve (`solve`).
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
        let (solution, path) = NetlibTests.presolves
            ? try Self.solvedOnceWithPresolve(program, options: options, name: problem.name)
            : (program.solve(options: options), "no presolve")
        let seconds = (ContinuousClock.now - start) / .seconds(1)
        print("NETLIB-INFEASIBLE \(problem.name) rows=\(program.rowCount) status=\(solution.status) iterations=\(solution.iterations) seconds=\(seconds) ray=\(path)")
        try #require(solution.status == .infeasible, "\(problem.name): status \(solution.status) after \(solution.iterations) iterations")
        #expect(solution.farkasRay != nil, "\(problem.name): no Farkas ray")
        let report = CertificateChecker().check(solution, of: program)
        #expect(report.isValid, "\(problem.name): certificate failures: \(report.failures.joined(separator: " "))")
    }

    /// Problems whose infeasibility presolve finds by less than a ray can certify, so that
    /// `solveWithPresolve` solves them again without presolve. gran: column 1928 has lower
    /// bound 97.700005 and row 1612 fixes it at 97.699997, a crossing of 8e-8 relative (over
    /// presolve's 1e-9, far under the 1.5e-6 the simplex method asks of a ray); the simplex
    /// method on the original proves gran infeasible by another ray.
    static let weakPresolveProofs: Set<String> = ["gran"]

    /// `solveWithPresolve`'s steps for an infeasible programme, requiring the ray to come from
    /// presolve or postsolve; the second part names which (or that presolve changed nothing,
    /// when the programme is solved as it stands).
    static func solvedOnceWithPresolve(
        _ program: LinearProgram, options: SimplexOptions, name: String
    ) throws -> (Solution, String) {
        let presolved = PresolvedProgram(program)
        if presolved.conclusion == .infeasible {
            if weakPresolveProofs.contains(name) {
                #expect(presolved.presolveFarkasRay() == nil, "\(name): presolve's proof now certifies")
                return (program.solve(options: options), "no presolve (presolve's proof too weak)")
            }
            let ray = try #require(presolved.presolveFarkasRay(), "\(name): presolve's infeasibility has no ray")
            return (presolved.infeasibleSolution(ray: ray), "presolve")
        }
        try #require(presolved.conclusion == .reduced, "\(name): presolve concluded \(presolved.conclusion)")
        if presolved.isUnchanged { return (program.solve(options: options), "unchanged") }
        let reduced = presolved.solveReduced(options: options)
        try #require(reduced.status == .infeasible, "\(name): reduced programme \(reduced.status)")
        let reducedRay = try #require(reduced.farkasRay, "\(name): reduced programme has no ray")
        let ray = try #require(presolved.postsolveFarkasRay(reducedRay), "\(name): the postsolved ray proves nothing")
        var solution = presolved.postsolve(reduced)
        solution.farkasRay = ray
        return (solution, "postsolve")
    }
}
