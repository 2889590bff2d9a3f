import BudgetModel

/// The fallback at an infeasible cut in words (SCENARIO-SPEC section 14): always "if it came
/// to it", never a feasible result.
struct FallbackWording {
    let scenario: Scenario
    /// The command the sentence names as showing the fallback's allocation.
    var solveCommand = "scenario solve"

    /// A factor as a percentage to two decimals, rounded down, so the printed level is one at
    /// which the cut can be met: `88.88%` for 0.8888…
    static func factorText(_ factor: Double) -> String {
        DecimalText.fixed(hundredths(factor) / 100, places: 2) + "%"
    }

    /// Appends `factorText(factor)` to `text` as UTF-8.
    static func appendFactorText(_ factor: Double, to text: inout [UInt8]) {
        DecimalText.appendFixed(hundredths(factor) / 100, places: 2, to: &text)
        text.append(UInt8(ascii: "%"))
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
        floorsPhrase(floors) { Self.factorText(floors[$0].factor) }
    }

    /// `floorsPhrase(_:)` with the factor of the floor at each index printed as `factorText`
    /// gives it; called in the order the factors appear.
    private func floorsPhrase(_ floors: [Fallback.Floor], factorText: (Int) -> String) -> String {
        let given = floors.filter { !$0.isProtected && $0.factor == 0 }.compactMap(\.priority)
        var items: [String] = []
        if !given.isEmpty {
            let subject = given.count == 1 ? "priority \(given[0])" : "priorities " + ConflictWording.list(given.map(String.init))
            items.append("the minimums of \(subject) given up entirely")
        }
        for (index, floor) in floors.enumerated() where floor.isProtected || floor.factor > 0 {
            let subject = floor.isProtected ? "the protected services' floors" : "the minimums of priority \(floor.priority ?? 0)"
            items.append(floor.factor == 0 ? "\(subject) given up entirely" : "\(subject) held at \(factorText(index)) of their level")
        }
        return ConflictWording.list(items)
    }

    /// The sentence of a fallback, its factors printed as `factorText` gives them (see `floorsPhrase`).
    fileprivate func sentence(_ fallback: Fallback, factorText: (Int) -> String) -> String {
        "If it came to it (not a feasible result): with \(floorsPhrase(fallback.floors, factorText: factorText)), the cut could be met; \(solveCommand) shows that allocation."
    }

    /// One sentence for an infeasible cut's report, or nil when the result carries no fallback.
    func sentence(_ result: CutResult) -> String? {
        switch result.fallback {
        case nil:
            return nil
        case .fallback(let fallback):
            return sentence(fallback) { Self.factorText(fallback.floors[$0].factor) }
        case .impossible(let floorless):
            let conflicts = ConflictWording(scenario: scenario)
            guard let why = conflicts.explanation(floorless) else {
                return "If it came to it: no scaling of minimums and protections would meet this cut, for even with none of them no allocation meets the other hard constraints."
            }
            if why == conflicts.explanation(result) {
                // The cut's own explanation, printed beside this sentence, names no floor.
                return "If it came to it: no scaling of minimums and protections would meet this cut, for what makes it infeasible involves none of them."
            }
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

/// The fallback sentences of a sweep's infeasible cuts (`FallbackWording.sentence`), written
/// from a template made once for as long as the same floors give way in the same manner: along a
/// piece of the fallback only the printed factors change.
final class FallbackSentences {
    private let wording: FallbackWording
    /// What the words of the last fallback's sentence depend on besides its factors: each floor's
    /// priority, whether it is the protected services', and whether its factor is 0, above 0 or neither.
    private var shape: [(priority: Int?, isProtected: Bool, factorSign: Int)] = []
    /// That sentence cut where its factors go, and the index of the floor whose factor goes after
    /// each piece but the last.
    private var pieces: [[UInt8]] = []
    private var factorFloors: [Int] = []

    init(scenario: Scenario) {
        wording = FallbackWording(scenario: scenario)
    }

    /// Appends `FallbackWording.sentence(result)` to `text` as UTF-8; false, appending
    /// nothing, where that is nil.
    func append(_ result: CutResult, to text: inout [UInt8]) -> Bool {
        guard case .fallback(let fallback) = result.fallback else {
            guard let sentence = wording.sentence(result) else { return false }
            text.append(contentsOf: sentence.utf8)
            return true
        }
        let floors = fallback.floors
        let sameShape = shape.count == floors.count && zip(shape, floors).allSatisfy { known, floor in
            known.priority == floor.priority && known.isProtected == floor.isProtected && known.factorSign == Self.sign(floor.factor)
        }
        if !sameShape {
            // The sentence with a NUL where each factor goes: its words hold no NUL of their own
            // (they name priorities, never the scenario's text).
            var order: [Int] = []
            let marked = wording.sentence(fallback) { index in
                order.append(index)
                return "\u{0}"
            }
            pieces = marked.utf8.split(separator: 0, omittingEmptySubsequences: false).map(Array.init)
            factorFloors = order
            shape = floors.map { ($0.priority, $0.isProtected, Self.sign($0.factor)) }
        }
        for (index, piece) in pieces.enumerated() {
            text.append(contentsOf: piece)
            if index < factorFloors.count { FallbackWording.appendFactorText(floors[factorFloors[index]].factor, to: &text) }
        }
        return true
    }

    private static func sign(_ factor: Double) -> Int { factor == 0 ? 0 : factor > 0 ? 1 : -1 }
}
