import LinearProgramming

/// The posts of the services with a `step` at a cut (SCENARIO-SPEC section 12): the allocation
/// rule of section 4 over the discrete allocations, by branch and bound on the allocation
/// programme with the integer post columns of `StepColumns`, in stages that each hold the
/// optimum of the one before:
///
/// 1. weighted mode only: the most `sum weight_s x_s`, held to a relative 1e-9 as in section 4;
/// 2. for each tier from the highest priority down, the leximin-optimal shortfalls of its open
///    services, as ordered outcomes: for `k = 1, 2, ...` the least sum of the `k` largest
///    shortfalls, `min k t + sum_s d_s` (held to 1e-6) with `d_s >= r_s - t`, `d_s >= 0` (Ogryczak and
///    Tamir), held. Lexicographically smallest sums of the `k` largest are exactly the
///    lexicographically smallest sorted shortfalls, over any set of allocations, discrete or not;
/// 3. then, in that tier, the tie-break: in file order, each service's least shortfall, held
///    ("ties going to the service listed first"): a service with a step by holding its posts
///    at no fewer than found, exactly, others by their level to `holdTolerance`;
///
/// and the next tier. Closed services (minimum and maximum 0) are left out of the stages: their
/// shortfall is 1 in every allocation compared. The caller allocates the scenario with the posts
/// held (`Scenario.holding(posts:)`) by the continuous rule, which gives the other services the
/// same allocations: leximin compares allocations with the same posts by the other services'
/// shortfalls alone.
struct DiscreteTiersRule {
    /// The scenario, with its closures already applied (`Scenario.closing`).
    let scenario: Scenario
    /// Called with every mixed-integer programme solved and its result (tests check them).
    var observer: ((MixedIntegerProgram, MixedIntegerSolution) -> Void)?

    /// How far a held stage optimum may rise, relative to the larger of 1 and its size: above
    /// the search's gaps, far below the difference a post makes.
    static let holdTolerance = 1e-6

    /// The options of every programme of whole posts: gaps of 1e-7, below `holdTolerance` and
    /// above the rounding of a node's solution.
    static var options: MixedIntegerOptions {
        var options = MixedIntegerOptions()
        options.relativeGap = 1e-7
        options.absoluteGap = 1e-7
        options.simplex = Allocator.defaultOptions
        return options
    }

    /// The posts (service index to whole posts) of every service with a step at a cut of
    /// `cut` per cent; nil when no whole posts meet the cut.
    func posts(atCut cut: Double) throws(AllocationError) -> [Int: Int]? {
        var layout = FullAllocationProgram(scenario: scenario)
        layout.setCut(cut)
        let measure = layout.measure
        var program = AllocationExport.withoutFreeRows(layout.program)
        let steps = StepColumns(scenario: scenario, levelColumns: layout.levelColumns, to: &program)
        guard var values = try solve(&program, integer: steps.columns, costs: [], cut: cut) else { return nil }

        if scenario.objective == .weighted {
            let weights = scenario.services.indices.map { s in
                (layout.levelColumns[s], scenario.services[s].weight * scenario.services[s].reference / layout.scale)
            }
            guard let best = try solve(&program, integer: steps.columns, costs: weights.map { ($0, -$1) }, cut: cut) else {
                throw AllocationError(cutPercent: cut, reason: "the programme of whole posts became infeasible while weighing")
            }
            values = best
            let optimum = weights.reduce(0) { $0 + $1.1 * values[$1.0] }
            var held = ProgramExtension(program)
            let slack = Allocator.weightedOptimumTolerance * max(1, abs(optimum))
            let row = held.addRow(name: "weighted", lower: optimum - slack, upper: .infinity)
            for (column, weight) in weights { held.set(column: column, row: row, value: weight) }
            program = held.program
        }

        for tier in TierSchedule(services: scenario.services).tiers {
            let members = tier.filter { scenario.services[$0].maximumAmount > 0 }
            guard !members.isEmpty else { continue }
            // Ordered outcomes: stage k has its own t_k and d_{s,k}, and a row holding its optimum.
            var extended = ProgramExtension(program)
            var stages: [(objective: [(Int, Double)], hold: Int)] = []
            for k in 1...members.count {
                let hold = extended.addRow(name: "ordered:\(k)", lower: -.infinity, upper: .infinity)
                var objective: [(Int, Double)] = []
                var rows: [Int] = []
                for s in members {
                    let row = extended.addRow(name: "excess:\(k):\(scenario.services[s].id)", lower: measure.target(s), upper: .infinity)
                    extended.set(column: layout.levelColumns[s], row: row, value: measure.coefficient(s))
                    rows.append(row)
                }
                let t = extended.addColumn(
                    name: "largest:\(k)", lower: -.infinity, upper: .infinity,
                    coefficients: rows.map { ($0, 1.0) } + [(hold, Double(k))])
                objective.append((t, Double(k)))
                for row in rows {
                    let d = extended.addColumn(name: "excess:\(k)", lower: 0, upper: .infinity, coefficients: [(row, 1.0), (hold, 1.0)])
                    objective.append((d, 1))
                }
                stages.append((objective, hold))
            }
            program = extended.program
            for stage in stages {
                guard let best = try solve(&program, integer: steps.columns, costs: stage.objective, cut: cut) else {
                    throw AllocationError(cutPercent: cut, reason: "the programme of whole posts became infeasible while levelling a tier")
                }
                values = best
                let optimum = stage.objective.reduce(0) { $0 + $1.1 * values[$1.0] }
                program.rowUpper[stage.hold] = optimum + Self.holdTolerance * max(1, abs(optimum))
            }
            for s in members {
                let y = layout.levelColumns[s]
                guard let best = try solve(&program, integer: steps.columns, costs: [(y, -measure.coefficient(s))], cut: cut) else {
                    throw AllocationError(cutPercent: cut, reason: "the programme of whole posts became infeasible while breaking a tie")
                }
                values = best
                if let k = steps.services.firstIndex(of: s) {
                    // With a step the least shortfall is the most posts, held exactly.
                    program.columnLower[steps.columns[k]] = values[steps.columns[k]].rounded()
                    continue
                }
                let shortfall = measure.shortfall(s, atLevel: values[y])
                let held = measure.level(s, atShortfall: shortfall + Self.holdTolerance * max(1, abs(shortfall)))
                program.columnLower[y] = max(program.columnLower[y], min(held, values[y]))
            }
        }
        return steps.posts(in: values)
    }

    /// Solves `program` with `integer` columns, minimising `costs` (every other cost 0); the
    /// column values, or nil when it is infeasible.
    private func solve(
        _ program: inout LinearProgram, integer: [Int], costs: [(column: Int, cost: Double)], cut: Double
    ) throws(AllocationError) -> [Double]? {
        program.sense = .minimize
        program.costs = [Double](repeating: 0, count: program.columnCount)
        for (column, cost) in costs { program.costs[column] += cost }
        let problem = MixedIntegerProgram(program: program, integerColumns: integer)
        let result = BranchAndBound(problem, options: Self.options).solve()
        observer?(problem, result)
        switch result.status {
        case .optimal:
            if let values = result.columnValues { return values }
        case .infeasible:
            return nil
        default:
            break
        }
        throw AllocationError(cutPercent: cut, reason: "the programme of whole posts stopped with status \(result.status.rawValue)")
    }
}
