import LinearProgramming

/// Words for a cut that no amount of extra money can make feasible (SCENARIO-SPEC section 6):
/// which group limits fail and why. The deficit of a cut that money can help is given as
/// facts (`ConflictConstraint`) and worded by the reports.
struct HopelessExplainer {
    let layout: AllocationProgram
    let cut: Double

    private var scenario: Scenario { layout.scenario }
    private var money: MoneyFormatter { MoneyFormatter(currency: scenario.currency, unit: scenario.unit) }
    private static var dualTolerance: Double { DeficitFinder.dualTolerance }

    /// The explanation when the deficit programme is infeasible: no amount of money helps.
    /// Names the group limits the Farkas ray `farkasRay` (over the programme's rows) puts a
    /// multiplier on, and the services' bounds it leans on: with `z = A'y`, a service whose
    /// level has `z > 0` is held by its maximum, `z < 0` by its floor.
    func explainHopeless(farkasRay: [Double]) -> String {
        var minimums: [Int] = [], maximums: [Int] = []
        for (g, row) in layout.groupRows.enumerated() where row < farkasRay.count {
            if farkasRay[row] > Self.dualTolerance { minimums.append(g) }
            if farkasRay[row] < -Self.dualTolerance { maximums.append(g) }
        }
        let named = Set(minimums + maximums).sorted()
        let phrases = named.isEmpty
            ? layout.groupRows.indices.map { groupPhrase($0, minimum: true, maximum: true) }
            : named.map { groupPhrase($0, minimum: minimums.contains($0), maximum: maximums.contains($0)) }
        let matrix = layout.program.matrix
        var byMaxima = false, byFloors = false
        for (s, column) in layout.levelColumns.enumerated() {
            var z = 0.0
            for k in matrix.range(ofColumn: column) where matrix.rowIndices[k] < farkasRay.count {
                z += matrix.values[k] * farkasRay[matrix.rowIndices[k]]
            }
            if z > Self.dualTolerance { byMaxima = true }
            if z < -Self.dualTolerance && scenario.services[s].lowerBound > 0 { byFloors = true }
        }
        let bounds = byMaxima && byFloors ? " together with the services' floors and maximums"
            : byMaxima ? " together with the services' maximums" : byFloors ? " together with the services' floors" : ""
        let movement = cut > 0 ? ", because group limits in per cent shrink with the envelope"
            : cut < 0 ? ", because group limits in per cent grow with the envelope" : ""
        return "At a \(PercentText.format(cut))% cut no amount of extra money can meet \(Self.list(phrases))\(bounds)\(movement)."
    }

    /// The explanation for group limits that fail on their own (`HopelessGroupLimits`).
    func explainHopeless(_ hopeless: [(group: Int, reason: HopelessGroupLimits.Reason)]) -> String {
        let clauses = hopeless.map { g, reason in
            switch reason {
            case .crossed:
                return "\(groupPhrase(g, minimum: true, maximum: true)), whose maximum is below its minimum"
            case .minimumAboveMaxima(let reach):
                return "\(groupPhrase(g, minimum: true, maximum: false)), more than its services may take in all "
                    + "(\(money.format(amount: reach)))"
            case .maximumBelowFloors(let need):
                return "\(groupPhrase(g, minimum: false, maximum: true)), less than its services' floors need in all "
                    + "(\(money.format(amount: need)))"
            }
        }
        return "At a \(PercentText.format(cut))% cut no amount of extra money can meet \(Self.list(clauses))."
    }

    /// "the Specialist group limit (at least £200,000 and at most £450,000)", naming the limits asked for.
    private func groupPhrase(_ g: Int, minimum showMinimum: Bool, maximum showMaximum: Bool) -> String {
        let group = scenario.groups[g]
        let envelope = scenario.envelope(afterCut: cut)
        var limits: [String] = []
        if showMinimum, let minimum = group.minimum { limits.append("at least \(money.format(amount: minimum.resolved(against: envelope)))") }
        if showMaximum, let maximum = group.maximum { limits.append("at most \(money.format(amount: maximum.resolved(against: envelope)))") }
        return "the \(group.name) group limit (\(limits.joined(separator: " and ")))"
    }

    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
        }
    }
}
