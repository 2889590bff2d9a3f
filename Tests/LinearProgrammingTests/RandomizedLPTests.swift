import Foundation
import LinearProgramming
import Testing

/// Thousands of generated LPs whose status is known by construction (optimal
/// with a known optimal value, infeasible, unbounded), some degenerate, some
/// badly scaled (coefficients over 1e-6..1e6), with free variables,
/// equalities and ranges, solved cold or warm from the basis of a nearby
/// problem. Every answer must have the constructed status, the constructed
/// optimal value, and pass the certificate checker; the nearby problem's
/// answer must be definite and pass it too (case 21003 of the default seed
/// once cycled there until the iteration limit).
///
/// `SCENARIO_RANDOM_LPS` sets the number of problems (default
/// `defaultCount`), `SCENARIO_RANDOM_SEED` the seed (default `defaultSeed`).
/// A failure names the seed and the case, which rebuild the problem alone.
@Suite struct RandomizedLPTests {
    static let defaultCount = 30_000
    static let defaultSeed: UInt64 = 20_261_122
    /// Largest difference between the solver's and the constructed optimal
    /// value, relative to the largest term of `c'x*` and `y*'Ax*`.
    static let valueTolerance = 1e-6

    static var count: Int {
        ProcessInfo.processInfo.environment["SCENARIO_RANDOM_LPS"].flatMap { Int($0) } ?? defaultCount
    }
    static var seed: UInt64 {
        ProcessInfo.processInfo.environment["SCENARIO_RANDOM_SEED"].flatMap { UInt64($0) } ?? defaultSeed
    }

    /// The problem of case `index`: the kind cycles, so every run has all three.
    static func construct(seed: UInt64, index: Int) -> ConstructedLP {
        var builder = RandomLPBuilder(seed: seed, index: index)
        switch ConstructedLP.Kind.allCases[index % 3] {
        case .optimal: return builder.optimal()
        case .infeasible: return builder.infeasible()
        case .unbounded: return builder.unbounded()
        }
    }

    /// Solves `problem` cold, or (every other case) warm: first a neighbour
    /// with every finite row bound moved by up to 1%, then the problem itself
    /// from that basis, as a sweep does. Returns the neighbour and its
    /// solution too when there is one.
    static func solve(_ problem: ConstructedLP, warm: Bool) -> (solution: Solution, neighbour: (LinearProgram, Solution)?) {
        let lp = problem.program
        guard warm else { return (lp.solve(), nil) }
        var neighbour = lp
        var random = SeededGenerator(state: UInt64(lp.rowCount * 7919 + lp.columnCount))
        for i in 0..<lp.rowCount {
            let move = { (v: Double) in v.isFinite ? v + 0.01 * Double.random(in: -1...1, using: &random) * max(1, abs(v)) : v }
            let lower = move(lp.rowLower[i]), upper = move(lp.rowUpper[i])
            neighbour.rowLower[i] = min(lower, upper)
            neighbour.rowUpper[i] = max(lower, upper)
        }
        let solver = SimplexSolver(neighbour)
        let first = solver.solve()
        for i in 0..<lp.rowCount { solver.setRowBounds(i, lower: lp.rowLower[i], upper: lp.rowUpper[i]) }
        return (solver.solve(), (neighbour, first))
    }

    /// What is wrong with the neighbour's solution. Its status is not known: it
    /// must not be a limit (the solver must end), and a definite one must pass the
    /// checker. `numericalFailure` is allowed (and counted by the caller): a
    /// neighbour can be infeasible by about 1e-5 of its terms, which neither a
    /// Farkas ray nor a point within 1e-6 can certify.
    static func neighbourComplaints(_ neighbour: (LinearProgram, Solution)?) -> [String] {
        guard let (program, solution) = neighbour, solution.status != .numericalFailure else { return [] }
        guard [.optimal, .infeasible, .unbounded].contains(solution.status) else {
            return ["neighbour ended \(solution.status.rawValue) after \(solution.iterations) iterations"]
        }
        return SolverTestSupport.violations(program, solution).map { "neighbour: \($0)" }
    }

    /// What is wrong with `solution` as an answer to `problem` (empty: nothing).
    static func complaints(_ problem: ConstructedLP, _ solution: Solution) -> [String] {
        var found: [String] = []
        if solution.status.rawValue != problem.kind.rawValue {
            found.append("status \(solution.status.rawValue), constructed \(problem.kind.rawValue)")
        } else if problem.kind == .optimal {
            let difference = abs(solution.objective - problem.optimalValue)
            if !(difference <= valueTolerance * problem.valueScale) {
                found.append("objective \(solution.objective), constructed \(problem.optimalValue) (scale \(problem.valueScale))")
            }
        }
        if solution.status.rawValue == problem.kind.rawValue {
            found += SolverTestSupport.violations(problem.program, solution)
        }
        return found
    }

    @Test func constructedStatusesAndOptimaAreFound() {
        let seed = Self.seed
        var failures: [String] = []
        var solved: [ConstructedLP.Kind: Int] = [:]
        var flavours = (badlyScaled: 0, degenerate: 0, maximize: 0)
        var undecidedNeighbours = 0
        for index in 0..<Self.count {
            let problem = Self.construct(seed: seed, index: index)
            let warm = index % 2 == 1
            let (solution, neighbour) = Self.solve(problem, warm: warm)
            let complaints = Self.complaints(problem, solution) + Self.neighbourComplaints(neighbour)
            if complaints.isEmpty {
                solved[problem.kind, default: 0] += 1
            } else {
                failures.append(
                    "SCENARIO_RANDOM_SEED=\(seed) case \(index) (\(problem.kind), \(problem.flavour), "
                        + "\(problem.program.rowCount)x\(problem.program.columnCount), \(warm ? "warm" : "cold")): "
                        + complaints.joined(separator: "; "))
            }
            if neighbour?.1.status == .numericalFailure { undecidedNeighbours += 1 }
            if problem.flavour.badlyScaled { flavours.badlyScaled += 1 }
            if problem.flavour.degenerate { flavours.degenerate += 1 }
            if problem.flavour.maximize { flavours.maximize += 1 }
        }
        let failed = failures.count
        #expect(failed == 0, "\(failed) of \(Self.count) failed:\n\(failures.prefix(20).joined(separator: "\n"))")
        #expect(undecidedNeighbours * 1000 <= Self.count, "\(undecidedNeighbours) neighbours ended numericalFailure")
        if Self.count >= 300 {
            for kind in ConstructedLP.Kind.allCases { #expect(solved[kind, default: 0] >= Self.count / 3 - failures.count) }
            #expect(flavours.badlyScaled > 0 && flavours.degenerate > 0 && flavours.maximize > 0)
        }
    }
}
