extension LinearProgram {
    /// One cold solve with presolve, for a programme solved once (not re-solved warm):
    /// presolve (`PresolvedProgram`), the dual simplex on the reduced programme, and postsolve.
    /// The postsolved solution is returned when it is optimal for this programme to
    /// `PresolvedProgram.acceptanceTolerance` (`isOptimal`); otherwise the simplex method
    /// starts on this programme from the postsolved basis, which normally takes no iterations
    /// and only corrects rounding. Either way the values, duals and basis are this programme's.
    ///
    /// An infeasible problem is reported with a Farkas ray of this programme: the ray of the
    /// row by which presolve proved it infeasible, or the reduced programme's ray, carried
    /// back through postsolve (`PresolvedProgram.presolveFarkasRay`, `postsolveFarkasRay`).
    /// When presolve proves the problem dual infeasible, or infeasible with no ray that
    /// proves it, or the reduced programme ends otherwise than optimal or infeasible with such
    /// a ray, this programme is solved without presolve (the certificate is then of this
    /// programme), within what is left of the iteration and time limits. `iterations` counts
    /// every phase.
    public func solveWithPresolve(options: SimplexOptions = SimplexOptions()) -> Solution {
        let start = ContinuousClock.now
        let presolved = PresolvedProgram(self)
        if let ray = presolved.presolveFarkasRay() { return presolved.infeasibleSolution(ray: ray) }
        guard presolved.conclusion == .reduced, !presolved.isUnchanged else { return solve(options: options) }
        let reducedSolution = presolved.solveReduced(options: options)
        var rest = options
        rest.iterationLimit = max(0, options.iterationLimit - reducedSolution.iterations)
        rest.timeLimit = options.timeLimit - (ContinuousClock.now - start) / .seconds(1)
        var solution: Solution
        if reducedSolution.status == .optimal {
            let postsolved = presolved.postsolve(reducedSolution)
            if presolved.isOptimal(postsolved) { return postsolved }
            solution = SimplexSolver(self, options: rest).solve(from: postsolved.basis)
        } else if reducedSolution.status == .infeasible, let reducedRay = reducedSolution.farkasRay,
            let ray = presolved.postsolveFarkasRay(reducedRay) {
            var postsolved = presolved.postsolve(reducedSolution)
            postsolved.farkasRay = ray
            return postsolved
        } else {
            solution = solve(options: rest)
        }
        solution.iterations += reducedSolution.iterations
        return solution
    }
}
