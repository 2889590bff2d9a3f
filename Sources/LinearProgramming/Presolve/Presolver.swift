/// What presolve concluded about the whole problem.
public enum PresolveConclusion: String, Sendable {
    /// The problem was reduced (possibly to nothing); solve `PresolvedProgram.reduced`.
    case reduced
    /// A row's bounds cannot be met within its columns' bounds, or a column's bounds cross.
    case infeasible
    /// A column with no rows improves the objective without limit (the problem is unbounded
    /// if it is feasible at all).
    case dualInfeasible
    /// The data hold a NaN or an infinite coefficient or cost, or bounds the simplex method
    /// cannot start on (crossing, or `+inf` below): nothing was reduced, and the solver's own
    /// checks answer for them.
    case unsupported
}

/// Applies the reductions in passes until a pass changes nothing, recording each step.
///
/// The order within a pass follows HiGHS's: empty and singleton rows; fixed, empty and
/// dual-fixable columns; rows whose activity bounds make them redundant or forcing;
/// implied-free column singletons; and doubleton equations.
struct Presolver {
    var model: PresolveModel
    var steps: [Reduction] = []
    var conclusion: PresolveConclusion = .reduced
    /// When `conclusion == .infeasible`: the row whose bounds its columns' bounds, as the model
    /// holds them, cannot meet (nil when a column's own bounds crossed).
    var infeasibleRow: Int?
    /// Whether the current pass changed the problem.
    var changed = false

    /// Passes after which presolve stops even if the last one changed something.
    static let passLimit = 50

    init(_ program: LinearProgram) {
        model = PresolveModel(program)
        if !Self.accepts(program) { conclusion = .unsupported }
    }

    /// Whether every number presolve computes with is finite and every pair of bounds is
    /// ordered and finite on the side it bounds.
    static func accepts(_ program: LinearProgram) -> Bool {
        func ordered(_ lower: Double, _ upper: Double) -> Bool {
            lower <= upper && lower < .infinity && upper > -.infinity
        }
        return program.objectiveConstant.isFinite && program.costs.allSatisfy(\.isFinite)
            && program.matrix.values.allSatisfy(\.isFinite)
            && zip(program.columnLower, program.columnUpper).allSatisfy(ordered)
            && zip(program.rowLower, program.rowUpper).allSatisfy(ordered)
    }

    /// Runs passes until one changes nothing, the pass limit, or a conclusion other than `.reduced`.
    mutating func run() {
        guard conclusion == .reduced else { return }
        for _ in 0..<Self.passLimit {
            changed = false
            pass()
            if conclusion != .reduced || !changed { return }
        }
    }

    private mutating func pass() {
        for i in 0..<model.rowCount where model.rowIsLive[i] {
            if model.rowSize[i] == 0 {
                removeEmptyRow(i)
            } else if model.rowSize[i] == 1 {
                removeRowSingleton(i)
            }
            if conclusion != .reduced { return }
        }
        for j in 0..<model.columnCount where model.columnIsLive[j] {
            if PresolveTolerance.exceeds(model.columnLower[j], model.columnUpper[j]) {
                conclusion = .infeasible
                return
            }
            if model.columnLower[j] >= model.columnUpper[j] {
                fixColumn(j, at: model.columnLower[j], status: nil)
            } else if model.columnSize[j] == 0 {
                removeEmptyColumn(j)
            } else {
                fixDominatedColumn(j)
            }
            if conclusion != .reduced { return }
        }
        for i in 0..<model.rowCount where model.rowIsLive[i] {
            reduceByActivity(i)
            if conclusion != .reduced { return }
        }
        for j in 0..<model.columnCount where model.columnIsLive[j] && model.columnSize[j] == 1 {
            removeFreeColumnSingleton(j)
        }
        for i in 0..<model.rowCount where model.rowIsLive[i] && model.rowSize[i] == 2 {
            substituteDoubleton(i)
            if conclusion != .reduced { return }
        }
    }

    /// Records `step` and marks the pass as having changed the problem.
    mutating func record(_ step: Reduction) {
        steps.append(step)
        changed = true
    }
}
