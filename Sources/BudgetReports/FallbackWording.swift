import BudgetModel

/// The fallback at an infeasible cut in words (SCENARIO-SPEC section 14): always "if it came
/// to it", never a feasible result.
struct FallbackWording {
    let scenario: Scenario

    /// A factor as a percentage to two decimals, rounded down, so the printed level is one at
    /// which the cut can be met: `88.88%` for 0.8888…
    static func factorText(_ factor: Double) -> String {
        DecimalText.fixed(hundredths(factor) / 100, places: 2) + "%"
    }

    /// A factor in hundredths of a per cent, rounded down, as `factorText` prints it. The factor
    /// may lie `Fallback.Floor.solverRoom` below the largest (where the solver needed room at
    /// that cut and not at another), so that much is added back first: a largest factor of
    /// exactly 0.6375 prints 63.75% whichever the solver took. A factor is below 1, and so is
    /// what prints.
    static func hundredths(_ factor: Double) -> Double {
        min(9_999, ((factor + Fallback.Floor.solverRoom) * 10_000 + 1e-7).rounded(.down))
    }

    /// What gives way, as a list: "the minimums of priorities 0 and 1 given up entirely and
    /// the protected services' floors held at 75.00% of their level" (priorities whose
    /// minimums go to 0 named together).
    func floorsPhrase(_ floors: [Fallback.Floor]) -> String {
        let given = floors.filter { !$0.isProtected && $0.factor == 0 }.compactMap(\.priority)
        var items: [String] = []
        if !given.isEmpty {
            let subject = given.count == 1 ? "priority \(given[0])" : "priorities " + ConflictWording.list(given.map(String.init))
            items.append("the minimums of \(subject) given up entirely")
        }
        for floor in floors where floor.isProtected || floor.factor > 0 {
            let subject = floor.isProtected ? "the protected services' floors" : "the minimums of priority \(floor.priority ?? 0)"
            items.append(floor.factor == 0 ? "\(subject) given up entirely" : "\(subject) held at \(Self.factorText(floor.factor)) of their level")
        }
        return ConflictWording.list(items)
    }

    /// One sentence for an infeasible cut's report, or nil when the result carries no fallback.
    func sentence(_ result: CutResult) -> String? {
        switch result.fallback {
        case nil:
            return nil
        case .fallback(let fallback):
            return "If it came to it (not a feasible result): with \(floorsPhrase(fallback.floors)), the cut could be met; scenario solve shows that allocation."
        case .impossible(let floorless):
            let why = ConflictWording(scenario: scenario).explanation(floorless) ?? "no allocation meets the other hard constraints."
            return "If it came to it: no scaling of minimums and protections would meet this cut, for even with none of them: \(why)"
        case .undecided(let reason):
            return "If it came to it: what would give way could not be worked out (\(reason))."
        }
    }

    /// Why an infeasible cut has no fallback, when it has none: its sentence; nil otherwise.
    func reasonForNone(_ result: CutResult) -> String? {
        switch result.fallback {
        case .impossible, .undecided: return sentence(result)
        case .fallback, nil: return nil
        }
    }

    /// The fallback as a JSON member value: `{"floors": [{"priority": 0, "factor": 0.62},
    /// {"priority": null, "protected": true, "factor": 0.9}], "services": [{"id", "allocation"}]}`,
    /// or `null` when there is none.
    static func json(_ outcome: FallbackOutcome?) -> String {
        guard case .fallback(let fallback) = outcome else { return "null" }
        let floors = fallback.floors.map { floor in
            floor.isProtected
                ? "{\"priority\": null, \"protected\": true, \"factor\": \(JSONText.exact(floor.factor))}"
                : "{\"priority\": \(floor.priority ?? 0), \"factor\": \(JSONText.exact(floor.factor))}"
        }
        let services = fallback.services.map { "{\"id\": \(JSONText.string($0.serviceID)), \"allocation\": \(JSONText.exact($0.allocation))}" }
        return "{\"floors\": [\(floors.joined(separator: ", "))], \"services\": [\(services.joined(separator: ", "))]}"
    }
}

/// The fallback sentences of a sweep's infeasible cuts (`FallbackWording.sentence`), each
/// made once for as long as the floors that give way print the same: along a piece of the
/// fallback only the printed factors change, and those in steps of a hundredth of a per cent.
final class FallbackSentences {
    private let wording: FallbackWording
    /// The last fallback's floors as printed, and its sentence.
    private var last: (key: [Double], sentence: String)?

    init(scenario: Scenario) {
        wording = FallbackWording(scenario: scenario)
    }

    /// `FallbackWording.sentence(result)`.
    func sentence(_ result: CutResult) -> String? {
        guard case .fallback(let fallback) = result.fallback else { return wording.sentence(result) }
        // What `floorsPhrase` reads of each floor: its class, and its factor as printed or given up.
        var key: [Double] = []
        key.reserveCapacity(3 * fallback.floors.count)
        for floor in fallback.floors {
            key.append(Double(floor.priority ?? -1))
            key.append(floor.isProtected ? 1 : 0)
            key.append(floor.factor == 0 ? -1 : FallbackWording.hundredths(floor.factor))
        }
        if let last, last.key == key { return last.sentence }
        let sentence = wording.sentence(result)
        if let sentence { last = (key, sentence) }
        return sentence
    }
}
