import LinearProgramming

/// Puts the constraints behind an infeasible cut into the plain English of SCENARIO-SPEC section 6.
struct ConflictExplainer {
    let layout: AllocationProgram
    let cut: Double
    /// The scenario's floor phrases, which do not depend on the cut: made once per scenario
    /// by the caller rather than at every infeasible cut of a sweep.
    let phrases: FloorPhrases

    private var scenario: Scenario { layout.scenario }
    private var money: MoneyFormatter { MoneyFormatter(currency: scenario.currency, unit: scenario.unit) }

    /// Duals and reduced costs below this (in solver units) do not take part in the conflict.
    static let dualTolerance = 1e-9

    /// "At a 25% cut the envelope is £682,500. The protected Victims' Hub (£446,000), the
    /// minimum for Restorative Justice (£88,200) and ... need £701,300: £18,800 more than the envelope."
    ///
    /// Names the constraints of `conflict`, a minimal conflicting set. When the cut holds more than
    /// one conflict, that set needs less than the whole deficit, and a second sentence gives `deficit`.
    func explainDeficit(_ deficit: Double, conflict: ConflictSetFilter.Conflict) -> String {
        let envelope = scenario.envelope(afterCut: cut)
        var text = "At a \(PercentText.format(cut))% cut the envelope is \(money.format(amount: envelope))."
        var floors: [Int] = [], funds: [Int] = [], groupParts: [String] = []
        for member in conflict.members {
            switch member {
            case .floor(let s): floors.append(s)
            case .fund(let f): funds.append(f)
            case .groupMinimum(let g): groupParts.append(groupPhrase(g, minimum: true, maximum: false))
            case .groupMaximum(let g): groupParts.append(groupPhrase(g, minimum: false, maximum: true))
            }
        }
        let need = floors.reduce(0) { $0 + scenario.services[$1].lowerBound }
        let available = funds.reduce(0) { $0 + scenario.funds[$1].amount(afterCut: cut) }
        let tolerance = max(1e-6 * layout.scale, 0.005)
        let shortfall = money.format(amount: conflict.deficit)
        if groupParts.isEmpty, !floors.isEmpty, abs(need - available - conflict.deficit) <= tolerance {
            let against = funds.count == scenario.funds.count
                ? "the envelope"
                : "the \(money.format(amount: available)) that \(floors.count == 1 ? "it" : "they") may draw on (\(Self.list(funds.map { scenario.funds[$0].name })))"
            text += " \(phrases.capitalisedList(floors)) need\(floors.count == 1 ? "s" : "") \(money.format(amount: need)): \(shortfall) more than \(against)."
        } else {
            var parts = groupParts + floors.map { phrases.floors[$0] }
            parts += funds.map { "the \(money.format(amount: scenario.funds[$0].amount(afterCut: cut))) of \(scenario.funds[$0].name)" }
            text += " \(Self.capitalised(Self.list(parts))) cannot all be met: \(shortfall) more unrestricted money would meet them."
        }
        if abs(conflict.deficit - deficit) > tolerance {
            text += " This is one conflict of several: meeting every constraint at this cut needs \(money.format(amount: deficit)) more."
        }
        return text
    }

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

    static func capitalised(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}

/// How explanations name the services' floors, made once per scenario: "the protected
/// Victims' Hub (£446,000)", "the minimum for Restorative Justice (£88,200)". Keeps the last
/// list it capitalised, because consecutive infeasible cuts of a sweep usually name the same
/// floors. One per deficit finder: not for use on two threads at once.
final class FloorPhrases {
    /// Each service's phrase, in file order.
    let floors: [String]
    private var lastList: (services: [Int], text: String)?

    init(scenario: Scenario) {
        let money = MoneyFormatter(currency: scenario.currency, unit: scenario.unit)
        floors = scenario.services.map { service in
            if service.isProtected && service.lowerBound == service.baseline {
                return "the protected \(service.name) (\(money.format(amount: service.baseline)))"
            }
            return "the minimum for \(service.name) (\(money.format(amount: service.lowerBound)))"
        }
    }

    /// The phrases of `services` as one list, capitalised: "The protected Victims' Hub (£446,000)
    /// and the minimum for Restorative Justice (£88,200)".
    func capitalisedList(_ services: [Int]) -> String {
        if let lastList, lastList.services == services { return lastList.text }
        let text = ConflictExplainer.capitalised(ConflictExplainer.list(services.map { floors[$0] }))
        lastList = (services, text)
        return text
    }
}
