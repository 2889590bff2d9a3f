import LinearProgramming

/// The deficit `D(c)` of an infeasible cut and the constraints behind it (SCENARIO-SPEC section 6).
///
/// `D(c)` is the optimum of the allocation programme with one more,
/// unrestricted and uncut source of money that any service may draw on,
/// minimising that money. Group percentages stay percentages of `E(c)`.
/// The constraints named in the explanation are a minimal conflicting set
/// (`ConflictSetFilter`): drawn from those with a non-zero dual in that
/// programme, and such that relaxing any one of them leaves the others feasible.
final class DeficitFinder {
    private let layout: AllocationProgram
    private let solver: SimplexSolver
    private let observer: ((LinearProgram, Solution) -> Void)?
    /// The group limits that fail on their own at a cut.
    private let hopelessGroupLimits: HopelessGroupLimits
    private lazy var floorPhrases = FloorPhrases(scenario: layout.scenario)
    private let options: SimplexOptions
    /// The largest cut at which extra money can help, once solved (nil inside: not yet).
    private var hopeful: MaximumCutProgram.Hopeful?

    /// What the deficit programme found.
    struct Finding {
        /// `D(c)`; nil when no amount of money can meet the group limits at this cut.
        var deficit: Double?
        /// A plain-English account naming the conflicting constraints.
        var explanation: String
        /// The constraints of a minimal conflicting set; empty when no amount of money can help.
        var conflict: [ConflictConstraint]
    }

    init(layout: AllocationProgram, options: SimplexOptions, observer: ((LinearProgram, Solution) -> Void)?) {
        self.layout = layout
        self.observer = observer
        self.options = options
        hopelessGroupLimits = HopelessGroupLimits(scenario: layout.scenario)
        var program = layout.program
        for column in layout.extraColumns {
            program.columnUpper[column] = .infinity
            program.costs[column] = 1
        }
        // The tier rows and the weighted row are never bounded here: leaving them out halves
        // the basis. They come after the fund, balance and group rows (which always have a
        // bound), so every row the finder and the explainer use keeps its index.
        solver = SimplexSolver(AllocationExport.withoutFreeRows(program), options: options)
    }

    func find(atCut cut: Double) throws(AllocationError) -> Finding {
        var rebounded = layout
        rebounded.setCut(cut)
        let explainer = ConflictExplainer(layout: rebounded, cut: cut, phrases: floorPhrases)
        let hopeless = hopelessGroupLimits.groups(atCut: cut)
        if !hopeless.isEmpty {
            return Finding(deficit: nil, explanation: explainer.explainHopeless(hopeless), conflict: [])
        }
        // Past the largest cut at which money can help, the deficit programme is infeasible, by
        // too little for a Farkas ray to prove close to that cut: the optimum of the
        // maximum-hopeful-cut LP decides it, and its multipliers name the group limits.
        let hopeful = try hopefulCut()
        if let limit = hopeful.cut, limit < 100, cut > limit {
            var ray = [Double](repeating: 0, count: rebounded.program.rowCount)
            for (g, row) in rebounded.groupRows.enumerated() {
                ray[row] = hopeful.minimumWeights[g] - hopeful.maximumWeights[g]
            }
            return Finding(deficit: nil, explanation: explainer.explainHopeless(farkasRay: ray), conflict: [])
        }
        for row in rebounded.fundRows { solver.setRowBounds(row, lower: -.infinity, upper: rebounded.program.rowUpper[row]) }
        for row in rebounded.groupRows {
            solver.setRowBounds(row, lower: rebounded.program.rowLower[row], upper: rebounded.program.rowUpper[row])
        }
        let solution = solver.solve()
        observer?(solver.program, solution)
        switch solution.status {
        case .optimal:
            let deficit = max(0, solution.objective * layout.scale)
            let filter = ConflictSetFilter(layout: rebounded, solver: solver, observer: observer)
            let conflict = filter.minimalConflict(from: solution, dualTolerance: ConflictExplainer.dualTolerance)
            return Finding(
                deficit: deficit, explanation: explainer.explainDeficit(deficit, conflict: conflict),
                conflict: conflict.members.map { constraint($0, of: rebounded.scenario) })
        case .infeasible:
            return Finding(
                deficit: nil, explanation: explainer.explainHopeless(farkasRay: solution.farkasRay ?? []), conflict: [])
        default:
            throw AllocationError(cutPercent: cut, reason: "the deficit LP stopped with status \(solution.status.rawValue)")
        }
    }

    /// The largest cut at which some extra money meets every constraint, solved once; every cut
    /// is such a cut when no group has a limit in per cent (amounts alone are checked when the
    /// file is read).
    private func hopefulCut() throws(AllocationError) -> MaximumCutProgram.Hopeful {
        if let hopeful { return hopeful }
        let scenario = layout.scenario
        let solved: MaximumCutProgram.Hopeful
        func isPercent(_ share: Share?) -> Bool { if case .percent = share { return true } else { return false } }
        if scenario.groups.contains(where: { isPercent($0.minimum) || isPercent($0.maximum) }) {
            solved = try MaximumCutProgram(scenario: scenario, fundsLimit: false).solveHopeful(options: options, observer: observer)
        } else {
            let none = [Double](repeating: 0, count: scenario.groups.count)
            solved = MaximumCutProgram.Hopeful(cut: 100, minimumWeights: none, maximumWeights: none)
        }
        hopeful = solved
        return solved
    }

    private func constraint(_ candidate: ConflictSetFilter.Candidate, of scenario: Scenario) -> ConflictConstraint {
        switch candidate {
        case .floor(let s): return .floor(service: scenario.services[s].id)
        case .fund(let f): return .fund(scenario.funds[f].id)
        case .groupMinimum(let g): return .groupMinimum(scenario.groups[g].id)
        case .groupMaximum(let g): return .groupMaximum(scenario.groups[g].id)
        }
    }
}
