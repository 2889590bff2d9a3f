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
    /// The group limits that fail on their own at a cut, within the LPs' primal tolerance in money.
    private let hopelessGroupLimits: HopelessGroupLimits
    private lazy var floorPhrases = FloorPhrases(scenario: layout.scenario)

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
        hopelessGroupLimits = HopelessGroupLimits(
            scenario: layout.scenario, tolerance: options.primalFeasibilityTolerance * layout.scenario.moneyScale)
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

    private func constraint(_ candidate: ConflictSetFilter.Candidate, of scenario: Scenario) -> ConflictConstraint {
        switch candidate {
        case .floor(let s): return .floor(service: scenario.services[s].id)
        case .fund(let f): return .fund(scenario.funds[f].id)
        case .groupMinimum(let g): return .groupMinimum(scenario.groups[g].id)
        case .groupMaximum(let g): return .groupMaximum(scenario.groups[g].id)
        }
    }
}
