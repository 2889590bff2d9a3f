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
            let (closures, steps, result) = ClosureColumns.solvingMaximumCut(
                maximum.program(piece: piece), of: scenario, observer: observer)
            switch result.status {
            case .optimal:
                guard let values = result.columnValues else { break }
                return DiscreteChoice(closed: closures.closed(in: values), posts: steps.posts(in: values))
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
