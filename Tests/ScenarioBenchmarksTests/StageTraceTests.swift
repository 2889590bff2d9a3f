import BudgetModel
import Foundation
import LinearProgramming
import LPCertificates
import ScenarioBenchmarks
import Testing

/// `StageTrace` (`scenario bench --trace`): the LPs rebuilt from the trace are the ones the sweep
/// solved, so another solver replaying it (benchmarks/highs_stages.py) solves the same sequence.
@Suite struct StageTraceTests {
    typealias Object = [String: Any]

    static func objects(_ trace: StageTrace) throws -> [Object] {
        try trace.text.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? Object)
        }
    }

    static func numbers(_ value: Any?) -> [Double] {
        ((value as? [Any]) ?? []).map { ($0 as? NSNumber)?.doubleValue ?? .nan }
    }

    /// The trace's `[index, value]` pairs applied to `array`, with ±1e30 read as infinities.
    static func apply(_ pairs: Any?, to array: inout [Double]) {
        for pair in (pairs as? [[Any]]) ?? [] {
            let value = (pair[1] as? NSNumber)?.doubleValue ?? .nan
            array[(pair[0] as? NSNumber)?.intValue ?? 0] = abs(value) >= 1e30 ? (value > 0 ? .infinity : -.infinity) : value
        }
    }

    static func program(fromShape shape: Object) -> LinearProgram {
        var program = LinearProgram(name: "traced", sense: shape["sense"] as? String == "maximize" ? .maximize : .minimize)
        let rowNames = (shape["row_names"] as? [String]) ?? []
        for name in rowNames { _ = program.addRow(name: name, lower: -.infinity, upper: .infinity) }
        let starts = numbers(shape["starts"]).map(Int.init), indices = numbers(shape["indices"]).map(Int.init)
        let values = numbers(shape["values"])
        for (j, name) in ((shape["column_names"] as? [String]) ?? []).enumerated() {
            let entries = (starts[j]..<starts[j + 1]).map { (row: indices[$0], value: values[$0]) }
            _ = program.addColumn(name: name, cost: 0, lower: 0, upper: 0, coefficients: entries)
        }
        return program
    }

    @Test func replayedLPsGiveTheSweepsObjectivesAndAllocations() throws {
        let scenario = try ScenarioDecoder.decode(BundledScenario.text, fileName: BundledScenario.fileName).scenario
        let trace = try StageTrace.record(scenario, cuts: [10, 20, 25])
        let objects = try Self.objects(trace)
        #expect(trace.programCount == objects.filter { $0["lp"] != nil }.count)

        var programs: [Int: LinearProgram] = [:]
        var solutions: [Int: (LinearProgram, Solution)] = [:]
        let checker = CertificateChecker()
        var cuts: [Object] = []
        for object in objects {
            if object["columns"] != nil, let shape = object["shape"] as? Int {
                programs[shape] = Self.program(fromShape: object)
            } else if let index = object["lp"] as? Int, let shape = object["shape"] as? Int, var program = programs[shape] {
                Self.apply(object["column_lower"], to: &program.columnLower)
                Self.apply(object["column_upper"], to: &program.columnUpper)
                Self.apply(object["row_lower"], to: &program.rowLower)
                Self.apply(object["row_upper"], to: &program.rowUpper)
                Self.apply(object["costs"], to: &program.costs)
                programs[shape] = program
                let solution = program.solve(options: Allocator.defaultOptions)
                #expect(checker.check(solution, of: program).failures.isEmpty)
                #expect(solution.status.rawValue == object["status"] as? String)
                if solution.status == .optimal, let recorded = (object["objective"] as? NSNumber)?.doubleValue {
                    #expect(abs(solution.objective - recorded) <= 1e-7 * max(1, abs(recorded)))
                }
                solutions[index] = (program, solution)
            } else if object["last_lp"] != nil {
                cuts.append(object)
            }
        }
        #expect(cuts.compactMap { $0["cut"] as? Double } == [10, 20, 25])
        #expect(cuts.compactMap { $0["status"] as? String } == ["optimal", "optimal", "infeasible"])

        // At 20% the hub is protected at £446,000 and the Shrievalty Trust takes the common 41% cut.
        for cut in cuts where cut["status"] as? String == "optimal" {
            let lastLP = try #require(cut["last_lp"] as? Int)
            let (program, solution) = try #require(solutions[lastLP])
            for service in (cut["services"] as? [[Any]]) ?? [] {
                let id = try #require(service[0] as? String)
                let baseline = try #require((service[1] as? NSNumber)?.doubleValue)
                let allocation = try #require((service[2] as? NSNumber)?.doubleValue)
                let column = try #require(program.columnNames.firstIndex(of: "level:" + id))
                #expect(abs(solution.columnValues[column] * baseline - allocation) < 0.01, "\(id)")
                if cut["cut"] as? Double == 20, id == "hub" { #expect(allocation == 446_000) }
                if cut["cut"] as? Double == 20, id == "shrievalty" { #expect(abs(allocation - 29_500) < 0.01) }
            }
        }
    }
}
