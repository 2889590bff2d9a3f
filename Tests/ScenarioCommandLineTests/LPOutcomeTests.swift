import Foundation
import LinearProgramming
import LPCertificates
import ScenarioCommandLine
import Testing

/// What `scenario lp` prints of a solve: the relaxation note, and the text and JSON of LP and
/// mixed-integer outcomes (one formatter, one set of facts in each).
@Suite struct LPOutcomeTests {
    @Test func relaxationNoteCountsTheIntegerColumns() {
        #expect(LPOutcome.relaxationNote(file: "mip.mps", integerColumns: 1)
            == "mip.mps: 1 integer column: solving the continuous relaxation (--relax)")
        #expect(LPOutcome.relaxationNote(file: "-", integerColumns: 3, semicontinuousColumns: 1)
            == "-: 3 integer columns and 1 semi-continuous column: solving the continuous relaxation (--relax)")
    }

    private func solution(_ status: SolveStatus, objective: Double, iterations: Int) -> Solution {
        Solution(
            status: status, objective: objective, columnValues: [], rowActivities: [], rowDuals: [], reducedCosts: [],
            basis: Basis(columns: [], rows: []), iterations: iterations)
    }

    private func isJSONObject(_ text: String) -> Bool {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) is [String: Any]
    }

    @Test func lpOutcomeSaysTheSameFactsInTextAndJSON() {
        var failed = CertificateReport()
        failed.failures = ["column 2: reduced cost -0.001 of the wrong sign"]
        let relaxed = LPOutcome(solution: solution(.optimal, objective: -70.5, iterations: 3), seconds: 0.25, certificate: failed, relaxed: true)
        #expect(relaxed.record.text == """
            status      optimal
            objective   -70.5
            iterations  3
            seconds     0.25
            relaxed     continuous relaxation of a mixed-integer programme
            certificate invalid
              column 2: reduced cost -0.001 of the wrong sign
            """)
        #expect(relaxed.record.json == "{\"status\": \"optimal\", \"objective\": -70.5, \"iterations\": 3, \"seconds\": 0.25, \"certificate\": \"invalid\", \"relaxed\": true}")
        let stopped = LPOutcome(solution: solution(.iterationLimit, objective: 4, iterations: 1000), seconds: 0.5, certificate: nil)
        #expect(stopped.isError)
        #expect(stopped.record.text == "status      error\nmessage     iteration limit reached\nobjective   none\niterations  1000\nseconds     0.5")
        #expect(stopped.record.json == "{\"status\": \"error\", \"objective\": null, \"iterations\": 1000, \"seconds\": 0.5, \"message\": \"iteration limit reached\"}")
        #expect(isJSONObject(relaxed.record.json) && isJSONObject(stopped.record.json))
    }

    /// A node limit with an incumbent of 12 and a proven bound of 10: gap |12 - 10| / 12.
    @Test func mipOutcomeSaysTheSameFactsInTextAndJSON() {
        let limited = MIPOutcome(
            solution: MixedIntegerSolution(status: .nodeLimit, columnValues: [1], objective: 12, bound: 10, nodes: 5, iterations: 40),
            seconds: 0.125, certificate: CertificateReport())
        #expect(limited.isError)
        #expect(limited.record.text == """
            status      limit
            message     node limit reached
            objective   12.0
            bound       10.0
            mip_gap     0.16666666666666666
            nodes       5
            iterations  40
            seconds     0.125
            certificate valid
            """)
        #expect(limited.record.json == "{\"status\": \"limit\", \"objective\": 12.0, \"bound\": 10.0, \"mip_gap\": 0.16666666666666666, "
            + "\"nodes\": 5, \"iterations\": 40, \"seconds\": 0.125, \"message\": \"node limit reached\", \"certificate\": \"valid\"}")
        let infeasible = MIPOutcome(
            solution: MixedIntegerSolution(status: .infeasible, columnValues: nil, objective: nil, bound: .infinity, nodes: 1, iterations: 2),
            seconds: 0.5, certificate: nil)
        #expect(!infeasible.isError)
        #expect(infeasible.record.text == "status      infeasible\nobjective   none\nbound       none\nmip_gap     none\nnodes       1\niterations  2\nseconds     0.5")
        #expect(infeasible.record.json == "{\"status\": \"infeasible\", \"objective\": null, \"bound\": null, \"mip_gap\": null, \"nodes\": 1, \"iterations\": 2, \"seconds\": 0.5}")
        #expect(isJSONObject(limited.record.json) && isJSONObject(infeasible.record.json))
    }
}
