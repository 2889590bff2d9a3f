import LinearProgramming

/// Excel Solver's Sensitivity Report for a weighted-mode cut, in money, of the allocation
/// shown.
///
/// The programme is the weighted LP, the first stage that `scenario export` writes: maximise
/// `W = sum of weight_s * x_s` subject to the hard constraints at the cut. The allocation a
/// weighted cut shows is an optimal solution of it (the one the tiers rule picks when the
/// optimum is not unique), and the report describes that solution. Money is converted back
/// from the solver's units, so:
///
/// - per service: its final value, the allocation shown; its reduced cost (how `W` changes per
///   £1 more forced into the service: zero unless a minimum or maximum holds it); its weight;
///   and how far the weight can rise or fall with the allocation shown still a weighted
///   optimum (`PointRanging`);
/// - per fund and per group limit: the money it takes up in the allocation shown, its shadow
///   price (how `W` changes per £1 more of the limit), the limit, and how far the limit can
///   rise or fall with that price unchanged.
///
/// Reduced costs and shadow prices come from the dual of the optimal basis the solver finds:
/// an optimal dual fits every optimal solution, the allocation shown included. The limits'
/// ranges are that basis's ranging (the dual, and so the price, stays optimal over them).
/// Where the optimum is not unique, any change in the weight of a service the tiers rule
/// shares money with moves the allocation: those weights' ranges are zero.
public struct WeightedSensitivity: Sendable {
    /// One service's line.
    public struct ServiceLine: Sendable, Equatable {
        /// The service's id.
        public var serviceID: String
        /// Its allocation in the optimal basis.
        public var finalValue: Double
        /// The change in `W` per £1 more forced into the service.
        public var reducedCost: Double
        /// Its weight, the objective coefficient.
        public var weight: Double
        /// How far the weight can rise with the same basis optimal (`infinity`: no limit).
        public var allowableIncrease: Double
        /// How far the weight can fall with the same basis optimal (`infinity`: no limit).
        public var allowableDecrease: Double
    }

    /// What a constraint line is about.
    public enum ConstraintKind: String, Sendable, Equatable {
        /// A fund's limit: what it holds after the cut.
        case fund
        /// A group's minimum (the group's row sits at, or is nearer, its lower limit).
        case groupMinimum = "group-min"
        /// A group's maximum.
        case groupMaximum = "group-max"
    }

    /// One fund's or group limit's line.
    public struct ConstraintLine: Sendable, Equatable {
        public var kind: ConstraintKind
        /// The fund's or group's id.
        public var id: String
        /// The money the limit takes up: the fund's use, or the group's total.
        public var finalValue: Double
        /// The change in `W` per £1 more of the limit.
        public var shadowPrice: Double
        /// The limit in money.
        public var rightHandSide: Double
        /// How far the limit can rise with the shadow price unchanged (`infinity`: no limit).
        public var allowableIncrease: Double
        /// How far the limit can fall with the shadow price unchanged (`infinity`: no limit).
        public var allowableDecrease: Double
    }

    /// The cut in per cent.
    public var cutPercent: Double
    /// `W` at the optimum.
    public var objective: Double
    /// One line per service, in file order.
    public var services: [ServiceLine]
    /// Whether the solver's optimal vertex differs from the allocation shown: the weighted
    /// optimum is then not unique, and the allocation is the one the tiers rule picks.
    public var optimumIsShared: Bool
    /// Funds, then group limits, in file order.
    public var constraints: [ConstraintLine]
    /// The status (`basic`, `lower`, `upper`, `free`) of each column of the programme analysed
    /// (the exported first stage) in the optimal basis, by column name: for cross-checks.
    public var columnBasis: [(name: String, status: String)]
    /// The same for its rows.
    public var rowBasis: [(name: String, status: String)]

    /// The report of `allocation`, a feasible cut of a weighted-mode scenario; nil when the
    /// weighted LP is infeasible at the cut.
    public init?(
        scenario: Scenario, allocation: CutResult, observer: ((LinearProgram, Solution) -> Void)? = nil
    ) throws(AllocationError) {
        let cutPercent = allocation.cutPercent
        guard allocation.status == .optimal, allocation.services.count == scenario.services.count else { return nil }
        let program = AllocationExport.firstStageProgram(of: scenario, atCut: cutPercent)
        let solver = SimplexSolver(program, options: Allocator.defaultOptions)
        let solution = solver.solve()
        observer?(program, solution)
        if solution.status == .infeasible { return nil }
        let analysis: SensitivityAnalysis
        do {
            analysis = try SensitivityAnalysis(program: program, solution: solution)
        } catch {
            throw AllocationError(cutPercent: cutPercent, reason: "no sensitivity report: \(error)")
        }
        let scale = AllocationExport.scale(of: scenario)
        let columnIndex = Dictionary(uniqueKeysWithValues: program.columnNames.enumerated().map { ($1, $0) })
        let rowIndex = Dictionary(uniqueKeysWithValues: program.rowNames.enumerated().map { ($1, $0) })

        // The allocation shown as a point of the programme: levels and the fund split.
        var point = [Double](repeating: 0, count: program.columnCount)
        for (s, service) in scenario.services.enumerated() where allocation.services.indices.contains(s) {
            if let j = columnIndex["level:\(service.id)"], service.reference > 0 {
                point[j] = allocation.services[s].allocation / service.reference
            }
            for (f, fund) in scenario.funds.enumerated() {
                guard let j = columnIndex["split:\(service.id):\(fund.id)"], allocation.fundSplit.indices.contains(f),
                    allocation.fundSplit[f].indices.contains(s)
                else { continue }
                point[j] = allocation.fundSplit[f][s] / scale
            }
        }
        let activities = program.matrix.multiply(point)
        let ranging = PointRanging(program: program, point: point)

        self.cutPercent = cutPercent
        columnBasis = zip(program.columnNames, solution.basis.columns).map { ($0, Self.label($1)) }
        rowBasis = zip(program.rowNames, solution.basis.rows).map { ($0, Self.label($1)) }
        objective = zip(scenario.services, allocation.services).reduce(0) { $0 + $1.0.weight * $1.1.allocation }
        var shared = false
        var services: [ServiceLine] = []
        for (s, service) in scenario.services.enumerated() {
            guard let j = columnIndex["level:\(service.id)"] else { continue }
            let column = analysis.columns[j]
            let perPound = scale / service.reference
            let finalValue = allocation.services[s].allocation
            if abs(column.value * service.reference - finalValue) > max(0.005, 1e-9 * allocation.envelope) { shared = true }
            // The column's cost is -weight / perPound: a higher cost is a lower weight, so the
            // weight's direction in cost is -1 / perPound.
            var direction = [Double](repeating: 0, count: program.columnCount)
            direction[j] = -1 / perPound
            guard let range = ranging.range(direction: direction, observer: observer) else {
                throw AllocationError(
                    cutPercent: cutPercent, reason: "no sensitivity report: the allocation is not a weighted optimum")
            }
            services.append(ServiceLine(
                serviceID: service.id, finalValue: finalValue,
                reducedCost: -column.reducedCost * perPound, weight: service.weight,
                allowableIncrease: range.increase, allowableDecrease: range.decrease))
        }
        self.services = services
        optimumIsShared = shared
        func line(_ kind: ConstraintKind, id: String, row: RowSensitivity) -> ConstraintLine {
            let i = rowIndex[kind == .fund ? "fund:\(id)" : "group:\(id)"] ?? 0
            return ConstraintLine(
                kind: kind, id: id, finalValue: activities[i] * scale, shadowPrice: -row.dual,
                rightHandSide: row.rightHandSide * scale,
                allowableIncrease: row.allowableIncrease * scale, allowableDecrease: row.allowableDecrease * scale)
        }
        var constraints = scenario.funds.compactMap { fund in
            rowIndex["fund:\(fund.id)"].map { line(.fund, id: fund.id, row: analysis.rows[$0]) }
        }
        for group in scenario.groups {
            guard let i = rowIndex["group:\(group.id)"] else { continue }
            let row = analysis.rows[i]
            constraints.append(line(row.side == .lower ? .groupMinimum : .groupMaximum, id: group.id, row: row))
        }
        self.constraints = constraints
    }

    private static func label(_ status: BasisStatus) -> String {
        switch status {
        case .basic: return "basic"
        case .atLower: return "lower"
        case .atUpper: return "upper"
        case .free: return "free"
        }
    }
}
