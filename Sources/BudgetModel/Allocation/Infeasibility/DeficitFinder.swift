import LinearProgramming

/// The deficit `D(c)` of an infeasible cut and the constraints behind it (SCENARIO-SPEC section 6).
///
/// `D(c)` is the optimum of the allocation programme with one more,
/// unrestricted and uncut source of money that any service may draw on,
/// minimising that money. Group percentages stay percentages of `E(c)`.
/// The conflict is the support of that programme's optimal dual solution
/// (SCENARIO-SPEC section 10): the floors, maxima, fund limits and group limits
/// with a non-zero dual, each with its multiplier times its limit, so that what
/// the needs ask less what the others give is the deficit.
final class DeficitFinder {
    private let layout: FullAllocationProgram
    private let solver: SimplexSolver
    private let observer: ((LinearProgram, Solution) -> Void)?
    /// The group limits that fail on their own at a cut.
    private let hopelessGroupLimits: HopelessGroupLimits
    private let options: SimplexOptions
    /// The largest cut at which extra money can help, once solved (nil inside: not yet).
    private var hopeful: MaximumCutProgram.Hopeful?

    /// What the deficit programme found.
    struct Finding {
        /// `D(c)`; nil when no amount of money can meet the group limits at this cut.
        var deficit: Double?
        /// When no amount of money can help: the group limits at fault.
        var hopeless: HopelessConflict?
        /// The support of the deficit programme's optimal duals; empty when no amount of money can help.
        var conflict: [ConflictConstraint]
    }

    init(layout: FullAllocationProgram, options: SimplexOptions, observer: ((LinearProgram, Solution) -> Void)?) {
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
        // bound), so every row the finder and the hopeless conflict use keeps its index.
        solver = SimplexSolver(AllocationExport.withoutFreeRows(program), options: options)
    }

    func find(atCut cut: Double) throws(AllocationError) -> Finding {
        var rebounded = layout
        rebounded.setCut(cut)
        let finder = HopelessConflictFinder(layout: rebounded, cut: cut)
        let hopeless = hopelessGroupLimits.groups(atCut: cut)
        if !hopeless.isEmpty {
            return Finding(deficit: nil, hopeless: finder.conflict(hopeless), conflict: [])
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
            return Finding(deficit: nil, hopeless: finder.conflict(farkasRay: ray), conflict: [])
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
            return Finding(deficit: deficit, hopeless: nil, conflict: Self.dualSupport(of: solution, layout: rebounded))
        case .infeasible:
            return Finding(
                deficit: nil, hopeless: finder.conflict(farkasRay: solution.farkasRay ?? []), conflict: [])
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
        func isPercent(_ value: AmountOrPercent?) -> Bool { if case .percent = value { return true } else { return false } }
        if scenario.groups.contains(where: { isPercent($0.minimum) || isPercent($0.maximum) }) {
            solved = try MaximumCutProgram(scenario: scenario, fundsLimit: false).solveHopeful(options: options, observer: observer)
        } else {
            let none = [Double](repeating: 0, count: scenario.groups.count)
            solved = MaximumCutProgram.Hopeful(cut: 100, minimumWeights: none, maximumWeights: none)
        }
        hopeful = solved
        return solved
    }

    /// Duals and reduced costs at or below this (in solver units) do not take part in the conflict.
    static let dualTolerance = 1e-9

    /// The members of the conflict: each floor, maximum, fund and group limit with a non-zero
    /// dual in `solution` (an optimum of the deficit programme for `layout`'s cut), with its
    /// multiplier times its limit in money. Groups first, then services, then funds, each in
    /// file order. By LP duality (balance rows and the other columns' bounds are zero), the
    /// needs' amounts less the others' are the programme's optimum, the deficit.
    static func dualSupport(of solution: Solution, layout: FullAllocationProgram) -> [ConflictConstraint] {
        let scenario = layout.scenario, program = layout.program, scale = layout.scale
        var members: [ConflictConstraint] = []
        // A row's or column's bound `bound` (solver units) with dual or reduced cost `multiplier`
        // adds `multiplier * bound` to the dual objective; `limit` is that bound in money.
        func add(_ kind: ConflictConstraint.Kind, _ id: String, multiplier: Double, bound: Double, limit: Double) {
            let amount = abs(multiplier) * bound * scale
            if abs(multiplier) > dualTolerance, amount > 0 {
                members.append(ConflictConstraint(kind: kind, id: id, amount: amount, limit: limit))
            }
        }
        func addRow(_ kind: ConflictConstraint.Kind, _ id: String, dual: Double, bound: Double) {
            add(kind, id, multiplier: dual, bound: bound, limit: bound * scale)
        }
        for (g, row) in layout.groupRows.enumerated() {
            let dual = solution.rowDuals[row], id = scenario.groups[g].id
            if dual > 0 { addRow(.groupMinimum, id, dual: dual, bound: program.rowLower[row]) }
            if dual < 0 { addRow(.groupMaximum, id, dual: dual, bound: program.rowUpper[row]) }
        }
        for (s, column) in layout.levelColumns.enumerated() {
            let service = scenario.services[s], reduced = solution.reducedCosts[column]
            if reduced > 0 {
                let kind: ConflictConstraint.Kind = service.isProtected && service.lowerBound == service.reference ? .protected : .minimum
                let level = program.columnLower[column]
                add(kind, service.id, multiplier: reduced, bound: level, limit: level * service.reference)
            }
            if reduced < 0 {
                let level = program.columnUpper[column]
                add(.maximum, service.id, multiplier: reduced, bound: level, limit: level * service.reference)
            }
        }
        for (f, row) in layout.fundRows.enumerated() {
            let fund = scenario.funds[f]
            let kind: ConflictConstraint.Kind = fund.ringFencedFor != nil ? .ringFence : fund.area != nil ? .area : .fund
            addRow(kind, fund.id, dual: solution.rowDuals[row], bound: program.rowUpper[row])
        }
        return members
    }
}
