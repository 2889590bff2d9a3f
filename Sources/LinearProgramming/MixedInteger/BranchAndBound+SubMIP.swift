extension BranchAndBound {
    /// Least share of the unfixed integer columns a sub-MIP must fix to be worth solving.
    static let subMIPMinimumFixing = 0.3
    /// Most nodes of one sub-MIP search.
    static let subMIPNodeLimit = 500
    /// Nodes between sub-MIP heuristics after a successful one (doubled after each failure).
    static let subMIPBaseInterval = 100

    /// A sub-MIP heuristic at a node whose LP solution is `x` (SCIP's RENS and RINS, as
    /// HiGHS runs them): the programme with integer columns fixed is searched with at most
    /// `subMIPNodeLimit` nodes, no better than the incumbent pruned, and its answer offered
    /// as the incumbent.
    /// - Without an incumbent (RENS): the columns whose LP value is integral are fixed there,
    ///   the others restricted to the two integers around their value.
    /// - With one (RINS): the columns where the incumbent and the LP agree are fixed there.
    /// It runs when at least `subMIPMinimumFixing` of the unfixed integer columns are fixed,
    /// at most once per interval of nodes, and while the sub-MIPs have taken at most a tenth
    /// of the search's time (plus one second); each may take `2 + elapsed / 10` seconds.
    func subMIPHeuristic(_ x: [Double]) {
        guard runsSubMIPs, nodes >= nextSubMIPNode, subMIPSeconds <= 1 + 0.1 * elapsed, limitReached() == nil
        else { return }
        nextSubMIPNode = nodes + subMIPInterval
        var program = relaxation.program
        program.columnLower = globalLower
        program.columnUpper = globalUpper
        var unfixed = 0, fixed = 0
        let tolerance = options.integralityTolerance
        for j in 0..<columnCount where problem.isInteger[j] && problem.semicontinuousLower[j] == nil {
            guard globalLower[j] < globalUpper[j] else { continue }
            unfixed += 1
            let target: Double?
            if let incumbent {
                target = abs(x[j] - incumbent[j]) <= tolerance ? incumbent[j].rounded() : nil
            } else {
                let r = x[j].rounded()
                target = abs(x[j] - r) <= tolerance ? r : nil
                if target == nil {
                    program.columnLower[j] = max(globalLower[j], x[j].rounded(.down))
                    program.columnUpper[j] = min(globalUpper[j], x[j].rounded(.up))
                }
            }
            if let target {
                program.columnLower[j] = target
                program.columnUpper[j] = target
                fixed += 1
            }
        }
        guard unfixed > 0, Double(fixed) >= Self.subMIPMinimumFixing * Double(unfixed) else {
            subMIPInterval *= 2
            return
        }
        var sub = relaxation
        sub.program = program
        var subOptions = options
        subOptions.nodeLimit = Self.subMIPNodeLimit
        subOptions.timeLimit = min(options.timeLimit - elapsed, 2 + 0.1 * elapsed)
        subOptions.iterationLimit = options.iterationLimit == .max ? .max : max(0, options.iterationLimit - iterations)
        let search = BranchAndBound(sub, options: subOptions)
        search.runsSubMIPs = false
        search.incumbentValue = incumbentValue
        let began = elapsed
        let result = search.solve()
        subMIPSeconds += elapsed - began
        iterations += result.iterations
        if let values = result.columnValues, offerIncumbent(values) {
            subMIPInterval = Self.subMIPBaseInterval
        } else {
            subMIPInterval *= 2
        }
        nextSubMIPNode = nodes + subMIPInterval
    }
}
