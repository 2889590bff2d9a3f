import Foundation
import LPCertificates
import LinearProgramming
import Testing

/// One row of `shared/miplib3/README.md`: an instance and its proven optimum.
struct MIPLIBReference: Sendable, CustomStringConvertible {
    let name: String
    let objective: Double

    var description: String { name }

    /// `<package root>/../shared/miplib3`.
    static let directory: String = {
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/miplib3").path
    }()

    var path: String { Self.directory + "/\(name).mps" }

    /// The table of the README: `| name | rows | columns | optimum | seconds |`.
    static let all: [MIPLIBReference] = {
        guard let text = try? String(contentsOfFile: directory + "/README.md", encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            let f = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard f.count == 5, Int(f[1]) != nil, let objective = Double(f[3]) else { return nil }
            return MIPLIBReference(name: f[0], objective: objective)
        }
    }()
}

/// The MIPLIB 3 tier: instances of `shared/miplib3/` solved by branch and bound to their
/// reference optima (relative 1e-6), each result checked by `CertificateChecker`.
///
/// Which instances run:
/// - by default, `defaultSet` (each a few seconds at most);
/// - with `SCENARIO_MIPLIB_FULL=1`, every instance in `solvedSet` as well;
/// - with `SCENARIO_MIPLIB_ONLY=a,b`, just the named ones.
@Suite(.serialized) struct MIPLIBTests {
    static let defaultSet: Set<String> = ["p0033", "p0282", "mod008", "vpm1", "enigma", "khb05250"]
    /// The instances benchmarks/README.md saw end optimal: all but rout, which stops at the
    /// limit with a gap.
    static let solvedSet: Set<String> = defaultSet.union([
        "bell3a", "blend2", "fixnet6", "gesa3", "misc03", "misc07", "modglob", "p0201", "pp08a", "qnet1", "stein27",
        "stein45", "vpm2",
    ])
    /// Each instance's time limit, so that one that runs away still ends.
    static let timeLimit = 600.0

    static let environment = ProcessInfo.processInfo.environment
    static let onlyNames = environment["SCENARIO_MIPLIB_ONLY"].map { Set($0.split(separator: ",").map(String.init)) }
    static let instances: [MIPLIBReference] = MIPLIBReference.all.filter {
        if let onlyNames { return onlyNames.contains($0.name) }
        return (environment["SCENARIO_MIPLIB_FULL"] == "1" ? solvedSet : defaultSet).contains($0.name)
    }

    @Test func referenceSetIsPresent() {
        #expect(MIPLIBReference.all.count == 20, "MIPLIB 3 README missing or incomplete in \(MIPLIBReference.directory)")
    }

    @Test(arguments: instances)
    func solvesToTheReferenceOptimum(_ reference: MIPLIBReference) throws {
        let problem = try MPSReader.readModel(contentsOf: reference.path).mixedIntegerProgram
        var options = MixedIntegerOptions()
        options.timeLimit = Self.timeLimit
        let start = ContinuousClock.now
        let result = BranchAndBound(problem, options: options).solve()
        let seconds = (ContinuousClock.now - start) / .seconds(1)
        print("MIPLIB \(reference.name) status=\(result.status) nodes=\(result.nodes) seconds=\(seconds)")
        try #require(result.status == .optimal, "\(reference.name): status \(result.status) after \(result.nodes) nodes")
        let objective = try #require(result.objective)
        let error = abs(objective - reference.objective) / max(1, abs(reference.objective))
        #expect(error <= 1e-6, "\(reference.name): objective \(objective), reference \(reference.objective)")
        let report = CertificateChecker().check(result, of: problem)
        #expect(report.isValid, "\(reference.name): \(report.failures.joined(separator: " "))")
    }
}
