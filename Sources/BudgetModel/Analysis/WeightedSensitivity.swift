import LinearProgramming

/// Excel Solver's Sensitivity Report for a weighted-mode cut, in money.
///
/// It is the ranging (`SensitivityAnalysis`) of the weighted stage, the programme
/// `scenario export` writes: maximise `W = sum of weight_s * x_s` subject to the hard
/// constraints at the cut. Money is converted back from the solver's units, so:
///
/// - per service: its final value `x_s`, its reduced cost (how `W` changes per £1 more forced
///   into the service: zero unless a minimum or maximum holds it), its weight, and how far the
///   weight can rise or fall with the same services held at the same limits;
/// - per fund and per group limit: the money it takes up, its shadow price (how `W` changes per
///   £1 more of the limit), the limit, and how far the limit can rise or fall with that price
///   unchanged.
///
/// Where the weighted optimum is not unique the report describes the optimal basis the solver
/// found, and its final values can differ from the allocation the tiers rule picks among the
/// optima (reports say so when they do).
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
    /// Funds, then group limits, in file order.
    public var constraints: [ConstraintLine]
    /// The status (`basic`, `lower`, `upper`, `free`) of each column of the programme analysed
    /// (the exported first stage) in the optimal basis, by column name: for cross-checks.
    public var columnBasis: [(name: String, status: String)]
    /// The same for its rows.
    public var rowBasis: [(name: String, status: String)]

    /// The report at a cut of a weighted-mode scenario; nil when the cut is infeasible.
    public init?(
        scenario: Scenario, cutPercent: Double, observer: ((LinearProgram, Solution) -> Void)? = nil
    ) throws(AllocationError) {
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

        self.cutPercent = cutPercent
        columnBasis = zip(program.columnNames, solution.basis.columns).map { ($0, Self.label($1)) }
        rowBasis = zip(program.rowNames, solution.basis.rows).map { ($0, Self.label($1)) }
        objective = -solution.objective * scale
        services = scenario.services.compactMap { service in
            columnIndex["level:\(service.id)"].map { j in
                let column = analysis.columns[j]
                let perPound = scale / service.baseline
                // The column's cost is -weight / perPound: a higher cost is a lower weight.
                return ServiceLine(
                    serviceID: service.id, finalValue: column.value * service.baseline,
                    reducedCost: -column.reducedCost * perPound, weight: service.weight,
                    allowableIncrease: column.allowableDecrease * perPound,
                    allowableDecrease: column.allowableIncrease * perPound)
            }
        }
        func line(_ kind: ConstraintKind, id: String, row: RowSensitivity) -> ConstraintLine {
            ConstraintLine(
                kind: kind, id: id, finalValue: row.activity * scale, shadowPrice: -row.dual,
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
