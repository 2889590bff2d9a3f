import LinearProgramming

/// Finds the fallback at an infeasible cut (SCENARIO-SPEC section 14).
///
/// The floors that may give way form classes, in the order they give way: the minimums of
/// each priority from the lowest up (services that are not protected and have a minimum
/// above 0), then the floors `lo_s` of every protected service together. For each class in
/// turn, with the classes before it at 0 and those after it whole, one LP maximises the
/// common factor `θ` in `[0, 1]` of its floors (rows `x_s - θ lo_s >= 0`) under the hard
/// constraints that never give way: funds, ring-fences, maxima and group limits. The first
/// class whose LP is feasible stops the descent at its `θ`; a class whose LP is infeasible even
/// at `θ = 0` goes to 0 and the next class gives way. The fallback is then the scenario's own
/// allocation rule with those floors. When every class at 0 still leaves the cut infeasible,
/// there is no fallback, and the result of the cut without any floor says why.
///
/// Closable services (SCENARIO-SPEC section 12) would be closed before any floor gives way;
/// scenarios have none yet, so the descent starts with the lowest priority's minimums.
struct FallbackFinder {
    let scenario: Scenario
    let options: SimplexOptions
    let observer: ((LinearProgram, Solution) -> Void)?

    /// A class of floors that give way by one factor.
    struct FloorClass: Equatable {
        /// The priority of its minimums; nil for the protected floors.
        var priority: Int?
        /// Its services (indices in the scenario), in file order.
        var members: [Int]
    }

    /// How far below the largest factor the fallback allocation goes when the rule, at the
    /// factor exactly, meets an infeasibility within the solver's tolerance: tried in turn.
    static let factorMargins = [0, Fallback.Floor.solverRoom, 1e-7, 1e-5]

    /// The classes in the order they give way.
    var classes: [FloorClass] {
        let services = scenario.services
        let priorities = Set(services.map(\.priority)).sorted()
        var classes = priorities.compactMap { priority -> FloorClass? in
            let members = services.indices.filter {
                !services[$0].isProtected && services[$0].priority == priority && services[$0].minimumAmount > 0
            }
            return members.isEmpty ? nil : FloorClass(priority: priority, members: members)
        }
        let protected = services.indices.filter { services[$0].isProtected && services[$0].lowerBound > 0 }
        if !protected.isEmpty { classes.append(FloorClass(priority: nil, members: protected)) }
        return classes
    }

    /// The floor of a service that a class scales: its minimum, or `lo_s` when protected.
    private func fullFloor(_ s: Int) -> Double {
        let service = scenario.services[s]
        return service.isProtected ? service.lowerBound : service.minimumAmount
    }

    /// What decided a fallback (`traced(atCut:)`): with the same trace at two cuts between
    /// which the scenario's bounds are linear, the fallback is linear between them
    /// (`FallbackInterpolation`).
    struct Trace {
        /// The index of the class whose factor LP was feasible (the classes before it are at 0).
        var givingClass: Int
        /// The index in `factorMargins` of the margin the allocation took.
        var margin: Int
        /// The largest factor its LP found, before the margin: the giving class's factor is
        /// `max(0, largest - factorMargins[margin])`.
        var largest: Double
        /// The optimum of the giving class's factor LP.
        var factor: DualOptimum
        /// The scenario's rule run with the scaled floors.
        var rule: RuleTrace
    }

    /// The fallback at `cut`, an infeasible cut of the scenario.
    func fallback(atCut cut: Double) throws(AllocationError) -> FallbackOutcome {
        try traced(atCut: cut).outcome
    }

    /// The fallback at `cut`, an infeasible cut of the scenario, and what decided it when it
    /// is an allocation (nil otherwise).
    func traced(atCut cut: Double) throws(AllocationError) -> (outcome: FallbackOutcome, trace: Trace?) {
        let classes = self.classes
        var factors = [Double](repeating: 1, count: classes.count)
        for k in classes.indices {
            guard let (best, factorOptimum) = try largestFactor(of: k, in: classes, factors: factors, cut: cut) else {
                factors[k] = 0
                continue
            }
            for (marginIndex, margin) in Self.factorMargins.enumerated() {
                factors[k] = max(0, best - margin)
                let scaled = scaledScenario(classes, factors: factors)
                let allocator = Allocator(scenario: scaled, options: options)
                allocator.solveObserver = observer
                allocator.findsFallbacks = false
                let rule = RuleTrace()
                allocator.ruleTrace = rule
                if let reading = try allocator.reading(atCut: cut) {
                    let floors = classes.indices.filter { factors[$0] < 1 }.map {
                        Fallback.Floor(priority: classes[$0].priority, isProtected: classes[$0].priority == nil, factor: factors[$0])
                    }
                    let services = scenario.services.indices.map {
                        Fallback.ServiceAmount(serviceID: scenario.services[$0].id, baseline: scenario.services[$0].baseline, allocation: reading.amounts[$0])
                    }
                    let areas = AreaResult.results(of: scenario, atCut: cut, split: reading.fundSplit)
                    let trace = Trace(givingClass: k, margin: marginIndex, largest: best, factor: factorOptimum, rule: rule)
                    return (.fallback(Fallback(floors: floors, services: services, areas: areas)), trace)
                }
            }
            throw AllocationError(cutPercent: cut, reason: "the fallback allocation was infeasible at the largest factor its LP found")
        }
        let floorless = Allocator(scenario: scaledScenario(classes, factors: factors), options: options)
        floorless.solveObserver = observer
        floorless.findsFallbacks = false
        let result = try floorless.result(atCut: cut)
        guard result.status == .infeasible else {
            throw AllocationError(cutPercent: cut, reason: "the cut without floors was feasible though its factor LP was not")
        }
        return (.impossible(result), nil)
    }

    /// The scenario with each class's floors multiplied by its factor (a protected service whose
    /// floor gives way is no longer protected: its floor becomes a minimum).
    func scaledScenario(_ classes: [FloorClass], factors: [Double]) -> Scenario {
        var scaled = scenario
        for (k, floorClass) in classes.enumerated() where factors[k] < 1 {
            for s in floorClass.members {
                scaled.services[s].minimum = .amount(factors[k] * fullFloor(s))
                scaled.services[s].isProtected = false
            }
        }
        return scaled
    }

    /// The largest factor in `[0, 1]` for class `k`'s floors at `cut`, the other classes held at
    /// `factors`, under the constraints that never give way, with the LP's optimum; nil when
    /// even 0 is infeasible.
    private func largestFactor(
        of k: Int, in classes: [FloorClass], factors: [Double], cut: Double
    ) throws(AllocationError) -> (factor: Double, optimum: DualOptimum)? {
        let scale = scenario.moneyScale
        let pools = FundPools(scenario: scenario)
        var lp = LinearProgram(name: "fallback-factor", sense: .maximize)
        let poolRows = pools.members.indices.map { p in
            lp.addRow(name: "pool:\(scenario.funds[pools.members[p][0]].id)", lower: -.infinity,
                      upper: pools.capacity(p, of: scenario, cut: cut) / scale)
        }
        let balanceRows = scenario.services.map { lp.addRow(name: "balance:\($0.id)", lower: 0, upper: 0) }
        let groupRows = scenario.groups.indices.map { g in
            let bounds = scenario.groupBounds(g, afterCut: cut)
            return lp.addRow(name: "group:\(scenario.groups[g].id)", lower: bounds.lower / scale, upper: bounds.upper / scale)
        }
        var floorRows: [Int: Int] = [:]
        for s in classes[k].members {
            floorRows[s] = lp.addRow(name: "floor:\(scenario.services[s].id)", lower: 0, upper: .infinity)
        }
        var classOfService: [Int: Int] = [:]
        for (c, floorClass) in classes.enumerated() { for s in floorClass.members { classOfService[s] = c } }

        for (s, service) in scenario.services.enumerated() {
            for p in pools.poolsOfService[s] {
                lp.addColumn(name: "split:\(service.id):\(scenario.funds[pools.members[p][0]].id)", cost: 0,
                             lower: 0, upper: .infinity, coefficients: [(poolRows[p], 1), (balanceRows[s], -1)])
            }
        }
        for (s, service) in scenario.services.enumerated() {
            var coefficients: [(row: Int, value: Double)] = [(balanceRows[s], 1)]
            for (g, group) in scenario.groups.enumerated() where group.services.contains(service.id) {
                coefficients.append((groupRows[g], 1))
            }
            if let row = floorRows[s] { coefficients.append((row, 1)) }
            let floor: Double
            if let c = classOfService[s] { floor = c == k ? 0 : factors[c] * fullFloor(s) } else { floor = service.lowerBound }
            lp.addColumn(name: "allocation:\(service.id)", cost: 0, lower: floor / scale,
                         upper: service.maximumAmount / scale, coefficients: coefficients)
        }
        lp.addColumn(name: "factor", cost: 1, lower: 0, upper: 1,
                     coefficients: classes[k].members.map { (floorRows[$0]!, -fullFloor($0) / scale) })
        // Just past the maximum feasible cut the largest factor is within rounding of 1, and the
        // solver can stop without an answer; then it tries once more with its own default
        // tolerances. A solve that still has no answer is not one: the fallback is then
        // undecided (and says so); only answers, which carry certificates, go to the observer.
        var solution = lp.solve(options: options)
        if solution.status == .numericalFailure { solution = lp.solve(options: SimplexOptions()) }
        if solution.status != .numericalFailure { observer?(lp, solution) }
        switch solution.status {
        case .optimal: return (min(1, max(0, solution.columnValues[lp.columnCount - 1])), DualOptimum(program: lp, solution: solution))
        case .infeasible: return nil
        default:
            throw AllocationError(cutPercent: cut, reason: "the fallback factor LP stopped with status \(solution.status.rawValue)")
        }
    }
}
