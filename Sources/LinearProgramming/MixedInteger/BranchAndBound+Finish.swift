extension BranchAndBound {
    /// The result of the search, stopped by `stop` (a limit, or `nil` when the tree is done).
    func finish(_ stop: MixedIntegerStatus?) -> MixedIntegerSolution {
        let open = min(queue.bestBound, lostBound)
        let status: MixedIntegerStatus
        if let stop {
            status = stop
        } else if lostBound < .infinity && !isPrunable(lostBound) {
            status = .numericalFailure
        } else {
            status = incumbent == nil ? .infeasible : .optimal
        }
        let bound = status == .unbounded ? -Double.infinity : min(open, prunedBound, incumbentValue)
        var result = MixedIntegerSolution(
            status: status, columnValues: nil, objective: nil, bound: sign * bound, nodes: nodes,
            iterations: iterations)
        guard let point = incumbent else { return result }
        let (program, solution) = finalLP(point)
        iterations += solution.iterations
        result.iterations = iterations
        result.finalProgram = program
        result.finalSolution = solution
        // The incumbent is feasible within the search's tolerances; the LP with its discrete
        // columns fixed is solved exactly, so its optimum is what is reported and certified,
        // whatever the tolerances let the two objectives differ by.
        if solution.status == .optimal {
            result.columnValues = solution.columnValues
            result.objective = solution.objective
        } else {
            result.columnValues = point
            result.objective = problem.program.objectiveValue(at: point)
        }
        return result
    }

    /// The programme with every integer column fixed at the point's value and every
    /// semi-continuous column held on the piece its value lies on, and its LP solution.
    func finalLP(_ point: [Double]) -> (LinearProgram, Solution) {
        var program = problem.program
        for j in 0..<columnCount {
            if problem.isInteger[j] {
                program.columnLower[j] = point[j]
                program.columnUpper[j] = point[j]
            } else if let l = problem.semicontinuousLower[j] {
                if point[j] == 0 {
                    program.columnUpper[j] = 0
                } else {
                    program.columnLower[j] = l
                }
            }
        }
        return (program, program.solve(options: options.simplex))
    }
}
