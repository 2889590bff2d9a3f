import BudgetModel

/// The words for an infeasible cut (SCENARIO-SPEC section 10), made from its facts: the
/// deficit and the conflict, the support of the deficit programme's optimal duals.
///
/// The only "more" figure is the deficit. The figures are rounded together: the deficit as
/// the tables round it (up to a whole unit), what the other members can give down to a whole
/// unit (as the envelope is printed, where they are every fund), and the need as the sum of
/// the two; the parts of each sum are rounded over it by the
/// largest-remainder method. So the printed need less the printed available is the printed
/// deficit, and the printed parts add up to the printed sums.
struct ConflictWording {
    let scenario: Scenario
    let money: MoneyFormatter
    /// The words around each member's amount, for the members last worded: the cuts of a sweep
    /// past the maximum cut mostly share their members, and only the figures change.
    private let openings = MemberOpenings()

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
        var text: [UInt8] = []
        guard append(result, rounded: rounded, to: &text) else { return nil }
        return String(decoding: text, as: UTF8.self)
    }

    /// Appends `explanation(result, rounded: rounded)` to `text` as UTF-8; false, appending
    /// nothing, where that is nil. The words are written in place: this runs for every
    /// infeasible cut of a sweep.
    func append(_ result: CutResult, rounded: RoundedCut, to text: inout [UInt8]) -> Bool {
        guard result.status == .infeasible else { return false }
        if let hopeless = result.hopeless {
            text.append(contentsOf: HopelessWording(scenario: scenario).explanation(hopeless, cutPercent: result.cutPercent).utf8)
            return true
        }
        guard result.deficit != nil, !result.conflict.isEmpty else { return false }
        let unit = scenario.unit
        var needs: [ConflictConstraint] = [], others: [ConflictConstraint] = []
        needs.reserveCapacity(result.conflict.count)
        others.reserveCapacity(result.conflict.count)
        for member in result.conflict {
            if member.isNeed { needs.append(member) } else { others.append(member) }
        }
        let available = others.reduce(0) { $0 + $1.amount }
        // Rounded down, the available money and the need (it plus the deficit, rounded up) are
        // each within a unit of their exact amounts, and a whole need stays itself. Where the
        // members that give are the envelope, they are the envelope as the report prints it.
        let isEnvelope = isTheEnvelope(others, available: available, result: result)
        let availableUnits = isEnvelope
            ? rounded.envelope : LargestRemainderRounding.roundDownToUnits(available, unit: unit)
        let deficitUnits = rounded.deficit ?? 0
        let needUnits = availableUnits + deficitUnits
        let needParts = LargestRemainderRounding.distribute(needs.map(\.amount), overUnits: needUnits, unit: unit)

        text.append(literal: "At ")
        // The cut's figure first, then its article put before it.
        let figureStart = text.count
        PercentFormatter.appendNumber(result.cutPercent, to: &text)
        let article = PercentFormatter.indefiniteArticle(beforeNumber: text[figureStart...])
        text.insert(contentsOf: (article + " ").utf8, at: figureStart)
        text.append(literal: "% cut the envelope is ")
        money.append(units: rounded.envelope, to: &text)
        text.append(literal: ". ")
        appendList(needs, units: needParts, slot: 0, capitalised: true, to: &text)
        if needs.count == 1 { text.append(literal: " needs ") } else { text.append(literal: " need ") }
        money.append(units: needUnits, to: &text)
        text.append(literal: ": ")
        money.append(units: deficitUnits, to: &text)
        text.append(literal: " more than ")
        if isEnvelope {
            text.append(literal: "the envelope.")
        } else {
            let otherParts = LargestRemainderRounding.distribute(others.map(\.amount), overUnits: availableUnits, unit: unit)
            text.append(literal: "the ")
            money.append(units: availableUnits, to: &text)
            text.append(literal: " that ")
            appendList(others, units: otherParts, slot: 1, capitalised: false, to: &text)
            if needs.count == 1 { text.append(literal: " can give it.") } else { text.append(literal: " can give them.") }
        }
        return true
    }

    /// Appends the members with their rounded amounts as a list ("a, b and c"), the first
    /// letter capitalised when `capitalised`.
    private func appendList(
        _ members: [ConflictConstraint], units: [Double], slot: Int, capitalised: Bool, to text: inout [UInt8]
    ) {
        let words = openings.openings(for: members, slot: slot) { member in
            let opening = Self.opening(of: member, in: self)
            return (Array(opening.utf8), Array(Self.capitalised(opening).utf8))
        }
        for (index, member) in members.enumerated() {
            if index > 0 { if index == members.count - 1 { text.append(literal: " and ") } else { text.append(literal: ", ") } }
            text.append(contentsOf: capitalised && index == 0 ? words[index].capitalised : words[index].plain)
            if !Self.countsOnce(member) {
                money.append(units: LargestRemainderRounding.roundToUnits(member.limit, unit: scenario.unit), to: &text)
                text.append(literal: " counted ")
                PercentFormatter.appendNumber((member.multiplier * 1e4).rounded() / 1e4, to: &text)
                text.append(literal: " times: ")
            }
            money.append(units: units[index], to: &text)
            text.append(UInt8(ascii: ")"))
        }
    }

    /// The words of a member's phrase before its amount, which closes it with ")": "the
    /// minimum for Restorative Justice (" in "the minimum for Restorative Justice (£180,000)";
    /// a member whose limit counts other than once shows both amounts: "(£124,500 counted 2
    /// times: £249,000)". An opening always ends in "(" or "(at least " or "(at most ", so its
    /// first letter is the phrase's, whatever follows.
    private static func opening(of member: ConflictConstraint, in wording: ConflictWording) -> String {
        switch member.kind {
        case .protected: return "the protected \(wording.serviceName(member.id)) ("
        case .minimum: return "the minimum for \(wording.serviceName(member.id)) ("
        case .maximum: return "the maximum for \(wording.serviceName(member.id)) ("
        case .groupMinimum: return "the \(wording.groupName(member.id)) group limit (at least "
        case .groupMaximum: return "the \(wording.groupName(member.id)) group limit (at most "
        case .fund: return "\(wording.fundName(member.id)) ("
        case .ringFence: return "the ring-fenced \(wording.fundName(member.id)) ("
        case .area: return "\(wording.areaName(ofFund: member.id))'s \(wording.fundName(member.id)) ("
        }
    }

    /// Whether the members that give (`others`, giving `available` in all) are every fund,
    /// each at its whole amount after the cut.
    private func isTheEnvelope(_ others: [ConflictConstraint], available: Double, result: CutResult) -> Bool {
        others.count == scenario.funds.count
            && others.allSatisfy { $0.kind == .fund || $0.kind == .ringFence || $0.kind == .area }
            && abs(available - result.envelope) <= LargestRemainderRounding.noise * scenario.unit
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

/// The openings of the members of the lists last worded, per slot (needs, givers), reused
/// while the members stay the same (by kind and id; the openings depend on nothing else).
private final class MemberOpenings {
    /// One member's opening, as it is and with its first letter capitalised.
    typealias Opening = (plain: [UInt8], capitalised: [UInt8])
    /// Per slot, the members last worded and their openings.
    private var last: [(members: [(kind: ConflictConstraint.Kind, id: String)], openings: [Opening])] = [([], []), ([], [])]

    func openings(for members: [ConflictConstraint], slot: Int, make: (ConflictConstraint) -> Opening) -> [Opening] {
        let known = last[slot].members
        if known.count == members.count, zip(known, members).allSatisfy({ $0.kind == $1.kind && $0.id == $1.id }) {
            return last[slot].openings
        }
        let openings = members.map(make)
        last[slot] = (members.map { ($0.kind, $0.id) }, openings)
        return openings
    }
}
