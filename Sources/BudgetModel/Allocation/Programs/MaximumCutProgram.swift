import LinearProgramming

/// The maximum feasible cut as the optimum of one LP (SCENARIO-SPEC section 6).
///
/// The cut becomes a variable `k = c / 100` in `[0, 1]`. Funds are pooled by the services
/// they admit (`FundPools`, exact for the same reason as in the stage LPs): a pool's row reads
/// `sum_s x[s,p] + cutAmount_p k <= amount_p`, where `cutAmount_p` sums its funds times their
/// cut multipliers, and a group limit in per cent of
/// `E(c) = E_0 - E_cut k` moves its `k` term to the left-hand side. Maximising
/// `k` gives the largest feasible cut; the feasible cuts form an interval
/// because they are the projection of a polyhedron.
///
/// Without funds (`fundsLimit == false`) the programme asks the question of the deficit
/// programme instead: the largest cut at which some amount of extra money meets every
/// constraint, that is, at which the services' bounds and the group limits can be met together.
struct MaximumCutProgram {
    let scenario: Scenario
    /// Whether the funds limit what the services get (false: unlimited extra money).
    var fundsLimit = true

    /// The largest cut without funds and the group limits that stop it there.
    struct Hopeful {
        /// The largest cut in per cent at which some money meets every constraint; `100` when
        /// every cut in `[0, 100)` is such a cut, nil when not even a 0% cut is.
        var cut: Double?
        /// For each group, the optimum's multipliers on its minimum and its maximum (scaled so
        /// the largest is 1): the limits that hold the cut where it is.
        var minimumWeights: [Double]
        var maximumWeights: [Double]
    }

    /// `k` at or above this counts as "every cut in [0, 100) is feasible".
    static let wholeRangeTolerance = 1e-12

    /// The pieces of `[0, 100]` (in per cent) on which every fund is linear in the cut, from the
    /// highest down: split at the scenario's `cutKinks`.
    var pieces: [(lower: Double, upper: Double)] {
        let ends = [0] + scenario.cutKinks + [100]
        return zip(ends, ends.dropFirst()).map { ($0, $1) }.reversed()
    }

    /// The largest feasible cut in per cent, `100` when every cut in `[0, 100)` is feasible,
    /// nil when even a 0% cut is infeasible. With funds cut faster than the cut (multipliers
    /// above 1), the programme is solved piece by piece from the highest; the first piece with
    /// a feasible cut holds the largest.
    func solve(options: SimplexOptions, observer: ((LinearProgram, Solution) -> Void)?) throws(AllocationError) -> Double? {
        for piece in pieces {
            let lp = program(piece: piece)
            let solution = lp.solve(options: options)
            observer?(lp, solution)
            switch solution.status {
            case .optimal:
                let k = solution.columnValues.last ?? 0
                return k >= 1 - Self.wholeRangeTolerance ? 100 : max(0, k * 100)
            case .infeasible:
                continue
            default:
                throw AllocationError(cutPercent: 0, reason: "the maximum-cut LP stopped with status \(solution.status.rawValue)")
            }
        }
        return nil
    }

    /// The feasible cuts of `range` (in per cent, inside `(-100, 100]`): an interval, since they
    /// are the projection of a polyhedron, found exactly as the optimum of this programme
    /// minimising and maximising the cut over the range, piece by piece between the
    /// scenario's `cutKinks` (the lowest piece with a feasible cut holds the least, the highest
    /// the largest); nil when no cut of the range is feasible.
    func feasibleCuts(in range: ClosedRange<Double>, options: SimplexOptions, observer: ((LinearProgram, Solution) -> Void)?) throws(AllocationError) -> ClosedRange<Double>? {
        let stretches = stretches(of: range)
        guard let highest = try extremeCut(over: stretches.reversed(), maximising: true, options: options, observer: observer),
              let lowest = try extremeCut(over: stretches, maximising: false, options: options, observer: observer)
        else { return nil }
        return min(lowest, highest)...highest
    }

    /// The stretches of `range` on which every fund is linear in the cut, in increasing order:
    /// split at the scenario's `cutKinks` inside it.
    func stretches(of range: ClosedRange<Double>) -> [(lower: Double, upper: Double)] {
        let inner = scenario.cutKinks.filter { $0 > range.lowerBound && $0 < range.upperBound }
        let ends = [range.lowerBound] + inner + [range.upperBound]
        return zip(ends, ends.dropFirst()).map { (lower: $0, upper: $1) }
    }

    /// A feasible cut within this (relative, in per cent) of an end of its stretch is that end.
    static let endTolerance = 1e-12

    /// `program(piece: stretch)` minimising the cut instead when `maximising` is false.
    func program(stretch: (lower: Double, upper: Double), maximising: Bool) -> LinearProgram {
        var lp = program(piece: stretch)
        if !maximising { lp.costs[lp.costs.count - 1] = -1 }
        return lp
    }

    /// A cut in per cent found as `k` by a programme over `stretch`, clamped to it; an end of
    /// the stretch exactly when within `endTolerance` of it (`k * 100` can miss it by a bit).
    static func cut(fromLevel k: Double, in stretch: (lower: Double, upper: Double)) -> Double {
        let cut = k * 100
        for end in [stretch.lower, stretch.upper] where abs(cut - end) <= endTolerance * max(1, abs(end)) {
            return end
        }
        return min(stretch.upper, max(stretch.lower, cut))
    }

    /// The largest (or least) feasible cut of the first of `stretches` that has one, clamped to it.
    func extremeCut(
        over stretches: [(lower: Double, upper: Double)], maximising: Bool, options: SimplexOptions,
        observer: ((LinearProgram, Solution) -> Void)?
    ) throws(AllocationError) -> Double? {
        for stretch in stretches {
            let lp = program(stretch: stretch, maximising: maximising)
            let solution = lp.solve(options: options)
            observer?(lp, solution)
            switch solution.status {
            case .optimal:
                return Self.cut(fromLevel: solution.columnValues.last ?? 0, in: stretch)
            case .infeasible:
                continue
            default:
                throw AllocationError(cutPercent: stretch.lower, reason: "the feasible-cuts LP stopped with status \(solution.status.rawValue)")
            }
        }
        return nil
    }

    /// The largest cut at which extra money can help, with the group limits that bound it
    /// (call on a programme with `fundsLimit == false`).
    func solveHopeful(options: SimplexOptions, observer: ((LinearProgram, Solution) -> Void)?) throws(AllocationError) -> Hopeful {
        var minimums = [Double](repeating: 0, count: scenario.groups.count)
        var maximums = minimums
        for piece in pieces {
            let lp = program(piece: piece)
            let solution = lp.solve(options: options)
            observer?(lp, solution)
            switch solution.status {
            case .optimal:
                var largest = 0.0
                for (g, row, isMinimum) in groupRowsOf(lp) {
                    let weight = abs(solution.rowDuals[row])
                    if isMinimum { minimums[g] = weight } else { maximums[g] = weight }
                    largest = max(largest, weight)
                }
                if largest > 0 {
                    minimums = minimums.map { $0 / largest }
                    maximums = maximums.map { $0 / largest }
                }
                let k = solution.columnValues.last ?? 0
                return Hopeful(cut: k >= 1 - Self.wholeRangeTolerance ? 100 : max(0, k * 100),
                               minimumWeights: minimums, maximumWeights: maximums)
            case .infeasible:
                continue
            default:
                throw AllocationError(cutPercent: 0, reason: "the hopeful-cut LP stopped with status \(solution.status.rawValue)")
            }
        }
        return Hopeful(cut: nil, minimumWeights: minimums, maximumWeights: maximums)
    }

    /// The group rows of `lp` (built by `program()`): group index, row, and whether it is the minimum.
    private func groupRowsOf(_ lp: LinearProgram) -> [(group: Int, row: Int, isMinimum: Bool)] {
        let index = Dictionary(uniqueKeysWithValues: scenario.groups.enumerated().map { ($1.id, $0) })
        return lp.rowNames.enumerated().compactMap { row, name in
            if name.hasPrefix("group-min:"), let g = index[String(name.dropFirst(10))] { return (g, row, true) }
            if name.hasPrefix("group-max:"), let g = index[String(name.dropFirst(10))] { return (g, row, false) }
            return nil
        }
    }

    /// A fund on a piece: `held - reduction * k` with `k = c / 100`; a fund that reaches nothing
    /// at or below the piece's lower end holds nothing on it.
    private func linearFund(_ f: Int, piece: (lower: Double, upper: Double)) -> (held: Double, reduction: Double) {
        let fund = scenario.funds[f]
        if let exhausted = fund.exhaustingCut, exhausted <= piece.lower { return (0, 0) }
        return (fund.amount, fund.amount * fund.cutMultiplier)
    }

    /// The maximum-cut LP on one piece of `[0, 100]` on which every fund is linear in the cut: the
    /// cut column `k` is the last, each service's level column is named `level:<service id>`.
    func program(piece: (lower: Double, upper: Double)) -> LinearProgram {
        let scale = scenario.moneyScale
        let linear = scenario.funds.indices.map { linearFund($0, piece: piece) }
        let fullEnvelope = linear.reduce(0) { $0 + $1.held } / scale
        let cutEnvelope = linear.reduce(0) { $0 + $1.reduction } / scale

        let pools = FundPools(scenario: scenario)
        var lp = LinearProgram(name: fundsLimit ? "maximum-cut" : "maximum-hopeful-cut", sense: .maximize)
        let poolRows = !fundsLimit ? [] : pools.members.map { funds in
            lp.addRow(name: "pool:\(scenario.funds[funds[0]].id)", lower: -.infinity,
                      upper: funds.reduce(0) { $0 + linear[$1].held } / scale)
        }
        let balanceRows = !fundsLimit ? [] : scenario.services.map { lp.addRow(name: "balance:\($0.id)", lower: 0, upper: 0) }
        // One row per group side: a percentage limit has its own k coefficient.
        var groupRows: [(group: Int, row: Int, cutCoefficient: Double)] = []
        for (g, group) in scenario.groups.enumerated() {
            if let minimum = group.minimum {
                switch minimum {
                case .amount(let amount):
                    groupRows.append((g, lp.addRow(name: "group-min:\(group.id)", lower: amount / scale, upper: .infinity), 0))
                case .percent(let p):
                    // sum x >= p/100 (E0 - Ecut k)  ⇔  sum x + p/100 Ecut k >= p/100 E0
                    groupRows.append((g, lp.addRow(name: "group-min:\(group.id)", lower: p / 100 * fullEnvelope, upper: .infinity), p / 100 * cutEnvelope))
                }
            }
            if let maximum = group.maximum {
                switch maximum {
                case .amount(let amount):
                    groupRows.append((g, lp.addRow(name: "group-max:\(group.id)", lower: -.infinity, upper: amount / scale), 0))
                case .percent(let p):
                    groupRows.append((g, lp.addRow(name: "group-max:\(group.id)", lower: -.infinity, upper: p / 100 * fullEnvelope), p / 100 * cutEnvelope))
                }
            }
        }
        for (s, service) in scenario.services.enumerated() {
            if fundsLimit, let shares = scenario.contributionShares(ofService: s) {
                let sources = pools.poolsOfService[s].map { p in
                    SharedServiceColumns.Source(
                        index: p, row: poolRows[p], area: pools.area(p, of: scenario), name: scenario.funds[pools.members[p][0]].id)
                }
                var shareRows: [String: Int] = [:]
                for area in SharedServiceColumns.areasWithSeveralSources(shares, sources: sources) {
                    shareRows[area] = lp.addRow(name: "share:\(service.id):\(area)", lower: 0, upper: 0)
                }
                _ = SharedServiceColumns.add(
                    serviceID: service.id, shares: shares, sources: sources, balanceRow: balanceRows[s],
                    shareRows: shareRows, to: &lp)
            } else {
                for p in pools.poolsOfService[s] where fundsLimit {
                    lp.addColumn(name: "split:\(service.id):\(scenario.funds[pools.members[p][0]].id)", cost: 0, lower: 0,
                                 upper: .infinity, coefficients: [(poolRows[p], 1), (balanceRows[s], -1)])
                }
            }
            let b = service.reference / scale
            var coefficients: [(row: Int, value: Double)] = fundsLimit ? [(balanceRows[s], b)] : []
            for entry in groupRows where scenario.groups[entry.group].services.contains(service.id) {
                coefficients.append((entry.row, b))
            }
            lp.addColumn(name: "level:\(service.id)", cost: 0,
                         lower: service.lowerBound / service.reference, upper: service.maximumAmount / service.reference,
                         coefficients: coefficients)
        }
        var cutCoefficients: [(row: Int, value: Double)] = []
        for (p, funds) in pools.members.enumerated() where fundsLimit {
            let cutAmount = funds.reduce(0) { $0 + linear[$1].reduction }
            if cutAmount != 0 { cutCoefficients.append((poolRows[p], cutAmount / scale)) }
        }
        for entry in groupRows where entry.cutCoefficient != 0 { cutCoefficients.append((entry.row, entry.cutCoefficient)) }
        lp.addColumn(name: "cut", cost: 1, lower: piece.lower / 100, upper: piece.upper / 100, coefficients: cutCoefficients)
        return lp
    }
}
