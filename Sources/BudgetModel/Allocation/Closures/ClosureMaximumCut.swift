import LinearProgramming

/// The maximum feasible cut over every choice of closures (SCENARIO-SPEC section 12): the
/// maximum-cut LP (`MaximumCutProgram`) with a binary `z_s` per closable service
/// (`ClosureColumns`) and whole posts for each service with a step (`StepColumns`), solved by
/// branch and bound piece by piece from the highest, as the LP is. The answer is the closures
/// and posts of the optimum; its cut is then the maximum cut of the scenario with that set
/// closed and those posts held, solved as an LP, so that it agrees to the last bit with what
/// the rule's allocators for that choice decide.
struct ClosureMaximumCut {
    let scenario: Scenario
    var observer: ((MixedIntegerProgram, MixedIntegerSolution) -> Void)?

    /// The closed services and posts of a choice that reaches the largest feasible cut; nil
    /// when even a 0% cut is infeasible with every choice.
    func choice() throws(AllocationError) -> DiscreteChoice? {
        let maximum = MaximumCutProgram(scenario: scenario)
        for piece in maximum.pieces {
            var program = maximum.program(piece: piece)
            let index = Dictionary(uniqueKeysWithValues: program.columnNames.enumerated().map { ($1, $0) })
            let levelColumns = scenario.services.map { index["level:\($0.id)"] ?? -1 }
            let closures = ClosureColumns(scenario: scenario, levelColumns: levelColumns, to: &program)
            let steps = StepColumns(scenario: scenario, levelColumns: levelColumns, to: &program)
            let problem = MixedIntegerProgram(program: program, integerColumns: closures.columns + steps.columns)
            let result = BranchAndBound(problem, options: ClosureColumns.options).solve()
            observer?(problem, result)
            switch result.status {
            case .optimal:
                guard let values = result.columnValues else { break }
                let closed = closures.services.indices.filter { values[closures.columns[$0]] > 0.5 }.map { closures.services[$0] }
                return DiscreteChoice(closed: closed, posts: steps.posts(in: values))
            case .infeasible:
                continue
            default:
                break
            }
            throw AllocationError(cutPercent: 0, reason: "the maximum-cut programme with closures stopped with status \(result.status.rawValue)")
        }
        return nil
    }
}
