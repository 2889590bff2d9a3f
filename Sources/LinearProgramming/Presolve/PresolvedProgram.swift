/// A linear programme after presolve: the smaller programme to solve, and the recorded
/// reductions that turn its optimal solution back into one of the original (`postsolve`).
///
/// The reductions are those of HiGHS's presolve that keep a basis: empty rows and columns,
/// fixed columns, dual fixing, row singletons (turned into column bounds), redundant and
/// forcing rows (from the rows' activity bounds), implied-free column singletons and doubleton
/// equations. Presolve also proves infeasibility: by one row its columns' bounds cannot meet,
/// or by one row that the bounds other rows imply on its columns (HiGHS's implied column
/// bounds) put out of reach, and gives the proof as a Farkas ray of the original.
/// The reduced programme always minimises; `postsolve` reports in the original's sense.
public struct PresolvedProgram: Sendable {
    /// The programme that was presolved.
    public let original: LinearProgram
    /// The reduced programme (minimisation), whose optimum is the original's less the
    /// removed part; meaningful when `conclusion == .reduced`.
    public let reduced: LinearProgram
    /// What presolve concluded.
    public let conclusion: PresolveConclusion
    /// The original index of each column and each row of `reduced`.
    public let columnMap: [Int]
    public let rowMap: [Int]
    /// The reductions, in the order they were made.
    let steps: [Reduction]
    /// When presolve proved the problem infeasible by rows: each row, its multiplier (`1` on
    /// its lower bound, `-1` on its upper) and its entries then. One row whose bounds its
    /// columns' bounds cannot meet, or that row with the rows implying the column bounds it
    /// needed (`Presolver.impliedBoundInfeasibilities`).
    let infeasibilityProof: PresolveInfeasibilityProof?

    /// Presolves `program`.
    public init(_ program: LinearProgram) {
        var presolver = Presolver(program)
        presolver.run()
        let model = presolver.model
        original = program
        steps = presolver.steps
        if presolver.conclusion == .reduced, let proof = presolver.impliedBoundInfeasibilities().first(where: {
            Self.farkasRay(of: $0, original: program, steps: presolver.steps) != nil
        }) {
            conclusion = .infeasible
            infeasibilityProof = proof
        } else {
            conclusion = presolver.conclusion
            infeasibilityProof = presolver.infeasibleRow.flatMap { Self.separatingMultiplier(ofRow: $0, in: model) }
        }
        let columns = (0..<model.columnCount).filter { model.columnIsLive[$0] }
        let rows = (0..<model.rowCount).filter { model.rowIsLive[$0] }
        columnMap = columns
        rowMap = rows
        var reducedRowIndex = [Int](repeating: -1, count: model.rowCount)
        for (index, i) in rows.enumerated() { reducedRowIndex[i] = index }
        var lp = LinearProgram(name: program.name, sense: .minimize)
        lp.objectiveName = program.objectiveName
        lp.objectiveConstant = model.objectiveOffset
        for i in rows {
            lp.addRow(name: program.rowNames[i], lower: model.rowLower[i], upper: model.rowUpper[i])
        }
        for j in columns {
            let entries = model.columnEntries(j).map { (row: reducedRowIndex[$0.index], value: $0.value) }
            lp.addColumn(
                name: program.columnNames[j], cost: model.costs[j], lower: model.columnLower[j],
                upper: model.columnUpper[j], coefficients: entries.sorted { $0.row < $1.row })
        }
        reduced = lp
    }

    /// Whether presolve removed nothing and changed no bound (then solve the original instead).
    public var isUnchanged: Bool {
        steps.isEmpty && reduced.rowCount == original.rowCount && reduced.rowLower == original.rowLower
            && reduced.rowUpper == original.rowUpper
    }

    /// Solves `reduced` with the simplex method (a reduced programme with no rows and no
    /// columns is optimal at its objective constant without one).
    public func solveReduced(options: SimplexOptions = SimplexOptions()) -> Solution {
        guard reduced.rowCount > 0 || reduced.columnCount > 0 else {
            return Solution(
                status: .optimal, objective: reduced.objectiveConstant, columnValues: [], rowActivities: [],
                rowDuals: [], reducedCosts: [], basis: Basis(columns: [], rows: []), iterations: 0)
        }
        return reduced.solve(options: options)
    }

    /// The original programme's optimal solution and basis from an optimal solution of
    /// `reduced`: every reduction undone, last first. Row activities and reduced costs are
    /// recomputed from the original data; the objective is the original's at the values.
    /// `iterations` and `status` are the reduced solve's. Only an optimal solution of
    /// `reduced` has a meaningful postsolve: the undo rules assume its duals and basis are
    /// optimal, and a non-optimal one comes back with values that certify nothing (the
    /// certificate of an infeasible one is its ray: `postsolveFarkasRay`).
    public func postsolve(_ solution: Solution) -> Solution {
        let sign: Double = original.sense == .maximize ? -1 : 1
        var state = Postsolve(
            reduced: solution, columnCount: original.columnCount, rowCount: original.rowCount,
            columnMap: columnMap, rowMap: rowMap)
        for step in steps.reversed() { state.undo(step) }
        let values = state.columnValues
        let duals = state.rowDuals.map { sign * $0 }
        let products = original.matrix.transposeMultiply(duals)
        let reducedCosts = (0..<original.columnCount).map { original.costs[$0] - products[$0] }
        let basis = Basis(columns: state.columnStatus, rows: state.rowStatus)
        return Solution(
            status: solution.status, objective: original.objectiveValue(at: values), columnValues: values,
            rowActivities: original.rowActivities(at: values), rowDuals: duals, reducedCosts: reducedCosts,
            basis: basis, iterations: solution.iterations)
    }

    /// Row `i` of `model` with the multiplier that separates it from its columns' bounds (its
    /// lower bound above their greatest activity, or its upper below their least), if one does:
    /// a proof of one row.
    private static func separatingMultiplier(
        ofRow i: Int, in model: PresolveModel
    ) -> PresolveInfeasibilityProof? {
        let (least, greatest) = model.activityBounds(ofRow: i)
        let belowLower = model.rowLower[i] - greatest, aboveUpper = least - model.rowUpper[i]
        if belowLower > 0 && !(aboveUpper > belowLower) { return [(i, 1, model.rowEntries(i))] }
        if aboveUpper > 0 { return [(i, -1, model.rowEntries(i))] }
        return nil
    }

    /// A Farkas ray of the original programme when presolve proved it infeasible by rows
    /// (`conclusion == .infeasible`): their multipliers (`infeasibilityProof`) carried back
    /// through the reductions made before (`Postsolve`). Nil when a column's bounds proved it,
    /// or when the ray does not prove infeasibility of the original by the margin the simplex
    /// method asks of its own rays (`FarkasSeparation.proves`).
    public func presolveFarkasRay() -> [Double]? {
        guard conclusion == .infeasible, let infeasibilityProof else { return nil }
        return Self.farkasRay(of: infeasibilityProof, original: original, steps: steps)
    }

    /// The Farkas ray of `original` that the row multipliers of `proof` become when `steps`
    /// are undone, if it proves infeasibility (`carryBack`). A column whose entries cancel to
    /// rounding noise (as the proof's implying rows make them) gets a reduced cost of zero.
    private static func farkasRay(
        of proof: PresolveInfeasibilityProof, original: LinearProgram, steps: [Reduction]
    ) -> [Double]? {
        var ray = [Double](repeating: 0, count: original.rowCount)
        var reducedCosts = [Double](repeating: 0, count: original.columnCount)
        var largestTerms = [Double](repeating: 0, count: original.columnCount)
        for (i, multiplier, entries) in proof {
            ray[i] += multiplier
            for (j, a) in entries {
                reducedCosts[j] -= multiplier * a
                largestTerms[j] = max(largestTerms[j], abs(multiplier * a))
            }
        }
        for j in reducedCosts.indices
        where abs(reducedCosts[j]) <= FarkasSeparation.noiseTolerance * largestTerms[j] {
            reducedCosts[j] = 0
        }
        return carryBack(ray: ray, reducedCosts: reducedCosts, original: original, steps: steps)
    }

    /// The Farkas ray of the original programme that `reducedRay`, a Farkas ray of `reduced`
    /// (one multiplier per row of `reduced`), becomes when every reduction is undone, last
    /// first (`Postsolve`). Nil when it does not prove infeasibility of the original by the
    /// margin the simplex method asks of its own rays (`FarkasSeparation.proves`).
    public func postsolveFarkasRay(_ reducedRay: [Double]) -> [Double]? {
        guard reducedRay.count == reduced.rowCount else { return nil }
        var ray = [Double](repeating: 0, count: original.rowCount)
        var reducedCosts = [Double](repeating: 0, count: original.columnCount)
        for (reducedIndex, i) in rowMap.enumerated() { ray[i] = reducedRay[reducedIndex] }
        let products = reduced.matrix.transposeMultiply(reducedRay)
        for (reducedIndex, j) in columnMap.enumerated() { reducedCosts[j] = -products[reducedIndex] }
        return Self.carryBack(ray: ray, reducedCosts: reducedCosts, original: original, steps: steps)
    }

    /// `ray` (over the original rows, with `reducedCosts = -A'ray` over the columns of the
    /// problem it belongs to) with every one of `steps` undone, scaled to `max |y_i| = 1`, if
    /// it proves `original` infeasible.
    private static func carryBack(
        ray: [Double], reducedCosts: [Double], original: LinearProgram, steps: [Reduction]
    ) -> [Double]? {
        var state = Postsolve(ray: ray, reducedCosts: reducedCosts)
        for step in steps.reversed() { state.undo(step) }
        let largest = state.rowDuals.reduce(0) { max($0, abs($1)) }
        guard largest > 0, largest.isFinite else { return nil }
        let scaled = state.rowDuals.map { $0 / largest }
        return original.farkasSeparation(scaled).proves ? scaled : nil
    }

    /// The original programme's solution when presolve proved it infeasible with `ray`
    /// (`presolveFarkasRay`): status `infeasible`, no iterations, and for values and basis
    /// those of `reduced` at its slack basis, postsolved.
    public func infeasibleSolution(ray: [Double]) -> Solution {
        let values = (0..<reduced.columnCount).map { j -> Double in
            let lower = reduced.columnLower[j], upper = reduced.columnUpper[j]
            return lower.isFinite ? lower : upper.isFinite ? upper : 0
        }
        let slack = Solution(
            status: .infeasible, objective: reduced.objectiveValue(at: values), columnValues: values,
            rowActivities: reduced.rowActivities(at: values),
            rowDuals: [Double](repeating: 0, count: reduced.rowCount), reducedCosts: reduced.costs,
            basis: Basis.slack(for: reduced), iterations: 0)
        var solution = postsolve(slack)
        solution.farkasRay = ray
        return solution
    }
}
