import BudgetModel
import Foundation
import LinearProgramming

/// Records every LP a sweep solves, in the order it solves them, so that another solver can
/// solve the same sequence (`benchmarks/highs_stages.py` does, with HiGHS).
///
/// The trace is JSON lines. A `shape` line carries a matrix (compressed columns), its sense and
/// its row and column names, the first time an LP with that matrix appears. Each `lp` line names
/// its shape and lists the bounds and costs that differ from the previous LP of that shape (all
/// of them for the first), as `[index, value]` pairs with infinities as `±1e30`, plus the status,
/// objective and iterations of the built-in solver. A `cut` line follows the LPs of each cut: its
/// status and every service's `[id, baseline, allocation]`, to compare with the allocation the
/// other solver's last LP of the cut gives.
public struct StageTrace {
    private var shapes: [SparseMatrix] = []
    private var previous: [LinearProgram] = []
    private var lines: [String] = []
    /// LPs recorded so far.
    public private(set) var programCount = 0

    /// Runs the allocator over `cuts` in order and returns the trace of everything it solved.
    ///
    /// - Throws: `AllocationError` when an allocation fails.
    public static func record(_ scenario: Scenario, cuts: [Double]) throws(AllocationError) -> StageTrace {
        let allocator = Allocator(scenario: scenario)
        var trace = StageTrace()
        allocator.solveObserver = { program, solution in trace.append(program, solution) }
        for cut in cuts {
            let result = try allocator.result(atCut: cut)
            trace.appendCut(result, scenario: scenario)
        }
        return trace
    }

    /// The trace, one JSON object per line.
    public var text: String { lines.joined(separator: "\n") + "\n" }

    private mutating func append(_ program: LinearProgram, _ solution: Solution) {
        let shape: Int
        if let known = shapes.firstIndex(of: program.matrix) {
            shape = known
        } else {
            shape = shapes.count
            shapes.append(program.matrix)
            previous.append(LinearProgram())
            lines.append(Self.object([
                ("shape", "\(shape)"), ("sense", Self.quoted(program.sense.rawValue)),
                ("rows", "\(program.rowCount)"), ("columns", "\(program.columnCount)"),
                ("starts", Self.list(program.matrix.columnStarts.map(String.init))),
                ("indices", Self.list(program.matrix.rowIndices.map(String.init))),
                ("values", Self.list(program.matrix.values.map(Self.number))),
                ("row_names", Self.list(program.rowNames.map(Self.quoted))),
                ("column_names", Self.list(program.columnNames.map(Self.quoted))),
            ]))
        }
        let last = previous[shape]
        lines.append(Self.object([
            ("lp", "\(programCount)"), ("shape", "\(shape)"),
            ("column_lower", Self.changes(last.columnLower, program.columnLower)),
            ("column_upper", Self.changes(last.columnUpper, program.columnUpper)),
            ("row_lower", Self.changes(last.rowLower, program.rowLower)),
            ("row_upper", Self.changes(last.rowUpper, program.rowUpper)),
            ("costs", Self.changes(last.costs, program.costs)),
            ("status", Self.quoted(solution.status.rawValue)),
            ("objective", Self.number(solution.objective)),
            ("iterations", "\(solution.iterations)"),
        ]))
        previous[shape] = program
        programCount += 1
    }

    private mutating func appendCut(_ result: CutResult, scenario: Scenario) {
        let services = result.services.map { service in
            Self.list([Self.quoted(service.serviceID), Self.number(service.baseline), Self.number(service.allocation)])
        }
        lines.append(Self.object([
            ("cut", Self.number(result.cutPercent)), ("status", Self.quoted(result.status.rawValue)),
            ("last_lp", "\(programCount - 1)"), ("services", Self.list(services)),
        ]))
    }

    private static func changes(_ old: [Double], _ new: [Double]) -> String {
        list(new.indices.compactMap { i in
            i < old.count && old[i] == new[i] ? nil : "[\(i),\(number(new[i]))]"
        })
    }

    private static func number(_ value: Double) -> String {
        if value.isNaN { return "null" }
        if value.isInfinite { return value > 0 ? "1e30" : "-1e30" }
        return "\(value)"
    }

    private static func quoted(_ text: String) -> String { EscapedString.doubleQuoted(text) }
    private static func list(_ items: [String]) -> String { "[" + items.joined(separator: ",") + "]" }
    private static func object(_ fields: [(String, String)]) -> String {
        "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }
}
