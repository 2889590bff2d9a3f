import LinearProgramming

/// Chooses which closable services close at a cut (SCENARIO-SPEC section 12), by branch and
/// bound on the allocation programme with a binary `z_s` per closable service
/// (`ClosureColumns`), staged lexicographically:
///
/// 0. the least extra unrestricted money over every choice of closures: `D(c)`, 0 when some
///    choice meets the cut; held from here on;
/// 1. for each tier from the highest priority down, the fewest closures in that tier; held;
/// 2. for each tier from the highest down, the least baseline closed in that tier; held
///    (to a relative 1e-9 of the scale);
/// 3. the set whose members stand latest in the file: going through the closable services
///    from the last, each is closed if some choice that keeps every stage above and the
///    decisions made so far closes it, and kept open otherwise. With the counts held, this
///    greedy choice is the set whose largest file position is largest, then the next, ...
///
/// Services with a step take whole posts throughout (`StepColumns`). The caller runs the rule
/// on the scenario with the chosen set closed (`Scenario.closing`).
struct ClosureChooser {
    let scenario: Scenario
    /// Called with every mixed-integer programme solved and its result (tests check them).
    var observer: ((MixedIntegerProgram, MixedIntegerSolution) -> Void)?

    /// What the choice found at a cut.
    struct Choice {
        /// The closed services, by index, ascending.
        var closed: [Int]
        /// Whether the cut can be met with them closed (`D(c) = 0` over every choice); when
        /// false, `closed` is the choice with the least deficit.
        var feasible: Bool
        /// The posts of the services with a step (by index) in the last incumbent: at an
        /// infeasible cut, posts that reach the least deficit with `closed`.
        var posts: [Int: Int]
    }

    /// A deficit at or below this (in solver units, money divided by the scale) is rounding:
    /// the cut is met.
    static let feasibleDeficit = 1e-9
    /// How far a held baseline total may rise, in solver units.
    static let baselineTolerance = 1e-9

    /// The choice of closures at a cut of `cut` per cent; nil when no amount of money meets the
    /// group limits with any choice (the rule then reports the cut with nothing closed).
    ///
    /// - Parameters:
    ///   - excluded: sets of closures (indices) left out of the choice: sets the caller's LPs
    ///     found infeasible at this cut although the deficit of stage 0 is within its tolerance.
    ///   - infeasible: whether the cut is known to be infeasible with every choice (it lies above
    ///     the maximum feasible cut): the least deficit is then held however small it is.
    func choice(atCut cut: Double, excluding excluded: [[Int]] = [], infeasible: Bool = false) throws(AllocationError) -> Choice? {
        var layout = FullAllocationProgram(scenario: scenario)
        layout.setCut(cut)
        let scale = layout.scale
        var program = AllocationExport.withoutFreeRows(layout.program)
        for column in layout.extraColumns { program.columnUpper[column] = .infinity }
        let closures = ClosureColumns(scenario: scenario, levelColumns: layout.levelColumns, to: &program)
        let steps = StepColumns(scenario: scenario, levelColumns: layout.levelColumns, to: &program)
        let deficitRow = Self.appendRow(
            name: "deficit", lower: -.infinity, upper: .infinity, coefficients: layout.extraColumns.map { ($0, 1.0) }, to: &program)
        // No-good rows: sum over the set of (1 - z) + sum over the others of z >= 1.
        for set in excluded {
            let members = Set(set)
            let coefficients = closures.services.indices.map { k in
                (closures.columns[k], members.contains(closures.services[k]) ? -1.0 : 1.0)
            }
            Self.appendRow(name: "excluded", lower: 1 - Double(members.count), upper: .infinity, coefficients: coefficients, to: &program)
        }
        var problem = MixedIntegerProgram(program: program, integerColumns: closures.columns + steps.columns)

        // Stage 0: the least extra money.
        guard var incumbent = try solve(&problem, costs: layout.extraColumns.map { ($0, 1.0) }, cut: cut) else { return nil }
        let deficit = max(0, layout.extraColumns.reduce(0) { $0 + incumbent.values[$1] })
        let feasible = !infeasible && deficit <= Self.feasibleDeficit
        if feasible {
            for column in layout.extraColumns { problem.program.columnUpper[column] = 0 }
        } else {
            problem.program.rowUpper[deficitRow] = deficit * (1 + 1e-9) + Self.feasibleDeficit
        }

        let priorities = Set(closures.services.map { scenario.services[$0].priority }).sorted(by: >)
        func members(_ priority: Int) -> [Int] {
            closures.services.indices.filter { scenario.services[closures.services[$0]].priority == priority }
        }
        // Stage 1: the fewest closures, tier by tier.
        var counts: [Int: Int] = [:]
        for priority in priorities {
            let tier = members(priority)
            let count = tier.reduce(0) { $0 + incumbent.values[closures.columns[$1]] }.rounded()
            if count > 0 {
                guard let better = try solve(&problem, costs: tier.map { (closures.columns[$0], 1.0) }, cut: cut) else {
                    throw AllocationError(cutPercent: cut, reason: "the closure programme became infeasible while counting closures")
                }
                incumbent = better
            }
            let least = tier.reduce(0) { $0 + incumbent.values[closures.columns[$1]] }.rounded()
            counts[priority] = Int(least)
            if least == 0 {
                for k in tier { problem.program.columnUpper[closures.columns[k]] = 0 }
            } else {
                Self.appendRow(
                    name: "count:\(priority)", lower: -.infinity, upper: least,
                    coefficients: tier.map { (closures.columns[$0], 1.0) }, to: &problem.program)
            }
        }
        // Stage 2: the least baseline closed, tier by tier.
        func baseline(_ k: Int) -> Double { scenario.services[closures.services[k]].baseline / scale }
        var baselines: [Int: Double] = [:]
        for priority in priorities where counts[priority]! > 0 {
            let tier = members(priority)
            guard let better = try solve(&problem, costs: tier.map { (closures.columns[$0], baseline($0)) }, cut: cut) else {
                throw AllocationError(cutPercent: cut, reason: "the closure programme became infeasible while weighing closures")
            }
            incumbent = better
            let least = tier.reduce(0) { $0 + incumbent.values[closures.columns[$1]] * baseline($1) }
            baselines[priority] = least
            Self.appendRow(
                name: "baseline:\(priority)", lower: -.infinity, upper: least + Self.baselineTolerance,
                coefficients: tier.map { (closures.columns[$0], baseline($0)) }, to: &problem.program)
        }
        // Stage 3: the members latest in the file, from the last.
        var closedCount: [Int: Int] = [:]
        var closedBaseline: [Int: Double] = [:]
        for k in closures.services.indices.reversed() {
            let column = closures.columns[k]
            let priority = scenario.services[closures.services[k]].priority
            guard counts[priority]! > 0 else { continue }
            var closes = incumbent.values[column] > 0.5
            if !closes, closedCount[priority, default: 0] < counts[priority]!,
               closedBaseline[priority, default: 0] + baseline(k) <= baselines[priority]! + Self.baselineTolerance {
                problem.program.columnLower[column] = 1
                if let closing = try solve(&problem, costs: [], cut: cut) {
                    incumbent = closing
                    closes = true
                }
            }
            problem.program.columnLower[column] = closes ? 1 : 0
            problem.program.columnUpper[column] = closes ? 1 : 0
            if closes {
                closedCount[priority, default: 0] += 1
                closedBaseline[priority, default: 0] += baseline(k)
            }
        }
        let closed = closures.closed(in: incumbent.values)
        return Choice(closed: closed.sorted(), feasible: feasible, posts: steps.posts(in: incumbent.values))
    }

    /// An incumbent's column values.
    private struct Incumbent { var values: [Double] }

    /// Solves `problem` minimising `costs` (every other cost 0); nil when it is infeasible.
    private func solve(
        _ problem: inout MixedIntegerProgram, costs: [(column: Int, cost: Double)], cut: Double
    ) throws(AllocationError) -> Incumbent? {
        problem.program.sense = .minimize
        problem.program.costs = [Double](repeating: 0, count: problem.program.columnCount)
        for (column, cost) in costs { problem.program.costs[column] = cost }
        let result = BranchAndBound(problem, options: ClosureColumns.options).solve()
        observer?(problem, result)
        switch result.status {
        case .optimal:
            guard let values = result.columnValues else { break }
            return Incumbent(values: values)
        case .infeasible:
            return nil
        default:
            break
        }
        throw AllocationError(cutPercent: cut, reason: "the closure programme stopped with status \(result.status.rawValue)")
    }

    /// Appends a row with coefficients on existing columns to `program`; returns its index.
    @discardableResult
    static func appendRow(
        name: String, lower: Double, upper: Double, coefficients: [(column: Int, value: Double)], to program: inout LinearProgram
    ) -> Int {
        var extra: [Int: Double] = [:]
        for (column, value) in coefficients { extra[column, default: 0] += value }
        var rebuilt = LinearProgram(name: program.name, sense: program.sense)
        rebuilt.objectiveName = program.objectiveName
        rebuilt.objectiveConstant = program.objectiveConstant
        for i in 0..<program.rowCount {
            rebuilt.addRow(name: program.rowNames[i], lower: program.rowLower[i], upper: program.rowUpper[i])
        }
        let row = rebuilt.addRow(name: name, lower: lower, upper: upper)
        let matrix = program.matrix
        for j in 0..<program.columnCount {
            var column = matrix.range(ofColumn: j).map { (row: matrix.rowIndices[$0], value: matrix.values[$0]) }
            if let value = extra[j] { column.append((row, value)) }
            rebuilt.addColumn(
                name: program.columnNames[j], cost: program.costs[j], lower: program.columnLower[j],
                upper: program.columnUpper[j], coefficients: column)
        }
        program = rebuilt
        return row
    }
}
