import BudgetModel

/// The words for an infeasible cut (SCENARIO-SPEC section 10), made from its facts: the
/// deficit and the conflict, the support of the deficit programme's optimal duals.
///
/// The only "more" figure is the deficit. The figures are rounded together: the deficit as
/// the tables round it (up to a whole unit), what the other members can give to the nearest
/// unit, and the need as the sum of the two; the parts of each sum are rounded over it by the
/// largest-remainder method. So the printed need less the printed available is the printed
/// deficit, and the printed parts add up to the printed sums.
struct ConflictWording {
    let scenario: Scenario
    let money: MoneyFormatter
    /// The last lists of members worded, with their words: the cuts of a sweep past the
    /// maximum cut mostly share their needs and givers, figures included.
    private let lastLists = WordedLists()

    init(scenario: Scenario) {
        self.scenario = scenario
        money = MoneyFormatter(currency: scenario.currency, unit: scenario.unit)
    }

    /// "At a 40% cut the envelope is £660,000. The protected Victims' Hub (£400,000), ...
    /// need £680,000: £20,000 more than the envelope." Nil for a feasible cut, and for an
    /// infeasible cut with neither a conflict nor a hopeless conflict; `HopelessWording` when
    /// no amount of money can help.
    func explanation(_ result: CutResult) -> String? {
        explanation(result, rounded: RoundedCut(result, unit: scenario.unit))
    }

    /// `explanation(_:)` for a result whose figures are rounded as `rounded`.
    func explanation(_ result: CutResult, rounded: RoundedCut) -> String? {
        guard result.status == .infeasible else { return nil }
        if let hopeless = result.hopeless { return HopelessWording(scenario: scenario).explanation(hopeless, cutPercent: result.cutPercent) }
        guard result.deficit != nil, !result.conflict.isEmpty else { return nil }
        let unit = scenario.unit
        let needs = result.conflict.filter(\.isNeed), others = result.conflict.filter { !$0.isNeed }
        let availableUnits = LargestRemainderRounding.roundToUnits(others.available, unit: unit)
        let deficitUnits = rounded.deficit ?? 0
        let needUnits = availableUnits + deficitUnits
        let needParts = LargestRemainderRounding.distribute(needs.map(\.amount), overUnits: needUnits, unit: unit)
        let otherParts = LargestRemainderRounding.distribute(others.map(\.amount), overUnits: availableUnits, unit: unit)

        // One string, appended to in place: this runs for every infeasible cut of a sweep.
        let needList = lastLists.words(for: needs, units: needParts, slot: 0) {
            Self.capitalised(Self.list(zip(needs, needParts).map { phrase($0, units: $1) }))
        }
        var text = "At a "
        text.reserveCapacity(needList.utf8.count + 160)
        text += PercentFormatter.cut(result.cutPercent)
        text += " cut the envelope is "
        text += money.format(units: rounded.envelope)
        text += ". "
        text += needList
        text += needs.count == 1 ? " needs " : " need "
        text += money.format(units: needUnits)
        text += ": "
        text += money.format(units: deficitUnits)
        text += " more than "
        if isTheEnvelope(others, result: result), availableUnits == rounded.envelope {
            text += "the envelope."
        } else {
            let givers = lastLists.words(for: others, units: otherParts, slot: 1) { Self.list(zip(others, otherParts).map { phrase($0, units: $1) }) }
            text += "the "
            text += money.format(units: availableUnits)
            text += " that "
            text += givers
            text += needs.count == 1 ? " can give it." : " can give them."
        }
        return text
    }

    /// Whether the members that give are every fund, each at its whole amount after the cut.
    private func isTheEnvelope(_ others: [ConflictConstraint], result: CutResult) -> Bool {
        let funds = others.filter { $0.kind == .fund || $0.kind == .ringFence || $0.kind == .area }
        return funds.count == others.count && funds.count == scenario.funds.count
            && abs(others.available - result.envelope) <= LargestRemainderRounding.noise * scenario.unit
    }

    /// One member with its rounded amount: "the minimum for Restorative Justice (£180,000)"; a
    /// member whose limit counts other than once shows both: "(£124,500 counted 2 times: £249,000)".
    private func phrase(_ member: ConflictConstraint, units: Double) -> String {
        var amount = money.format(units: units)
        if !Self.countsOnce(member) {
            let times = PercentFormatter.number((member.multiplier * 1e4).rounded() / 1e4)
            amount = "\(money.format(amount: member.limit)) counted \(times) times: \(amount)"
        }
        switch member.kind {
        case .protected: return "the protected \(serviceName(member.id)) (\(amount))"
        case .minimum: return "the minimum for \(serviceName(member.id)) (\(amount))"
        case .maximum: return "the maximum for \(serviceName(member.id)) (\(amount))"
        case .groupMinimum: return "the \(groupName(member.id)) group limit (at least \(amount))"
        case .groupMaximum: return "the \(groupName(member.id)) group limit (at most \(amount))"
        case .fund: return "\(fundName(member.id)) (\(amount))"
        case .ringFence: return "the ring-fenced \(fundName(member.id)) (\(amount))"
        case .area: return "\(areaName(ofFund: member.id))'s \(fundName(member.id)) (\(amount))"
        }
    }

    /// Whether the phrase shows the member's own limit alone (its multiplier is one).
    static func countsOnce(_ member: ConflictConstraint) -> Bool { abs(member.multiplier - 1) <= 1e-6 }

    private func serviceName(_ id: String) -> String { scenario.services.first { $0.id == id }?.name ?? id }
    private func groupName(_ id: String) -> String { scenario.groups.first { $0.id == id }?.name ?? id }
    private func fundName(_ id: String) -> String { scenario.funds.first { $0.id == id }?.name ?? id }
    private func areaName(ofFund id: String) -> String {
        let area = scenario.funds.first { $0.id == id }?.area
        return scenario.areas.first { $0.id == area }?.name ?? area ?? id
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

/// The words last made for lists of conflict members, per slot (needs, givers), reused while
/// the members, their multipliers and their rounded amounts (all the words depend on) stay the
/// same: the cuts of one piece of the deficit share their members, and their rounded amounts
/// take a few values in turn (a unit moves between members as the total's rounding moves), so
/// the last `remembered` lists of each slot are kept.
private final class WordedLists {
    /// What a member's phrase depends on (see `ConflictWording.phrase`).
    private struct Key: Equatable {
        var kind: ConflictConstraint.Kind
        var id: String
        var units: Double
        /// Nil when the member counts once; else its multiplier as printed and its limit.
        var counted: (times: Double, limit: Double)?

        static func == (a: Key, b: Key) -> Bool {
            a.kind == b.kind && a.id == b.id && a.units == b.units
                && a.counted?.times == b.counted?.times && a.counted?.limit == b.counted?.limit
        }
    }
    /// Lists kept per slot.
    static let remembered = 4
    /// Per slot, the lists last worded, the most recent last.
    private var last: [[(keys: [Key], words: String)]] = [[], []]

    func words(for members: [ConflictConstraint], units: [Double], slot: Int, make: () -> String) -> String {
        let keys = zip(members, units).map { member, units in
            Key(
                kind: member.kind, id: member.id, units: units,
                counted: ConflictWording.countsOnce(member) ? nil : ((member.multiplier * 1e4).rounded(), member.limit))
        }
        if let known = last[slot].last(where: { $0.keys == keys }) { return known.words }
        let words = make()
        if last[slot].count == Self.remembered { last[slot].removeFirst() }
        last[slot].append((keys, words))
        return words
    }
}
