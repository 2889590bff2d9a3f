import BudgetModel
import Testing

/// With one fund, no floors and one tier, the three fairness measures are three classic rules
/// for claims problems (Thomson, "Axiomatic and game-theoretic analysis of bankruptcy and
/// taxation problems: a survey", Mathematical Social Sciences 45 (2003) 249-297, section 2):
/// the baselines are the claims `c`, the envelope the estate `E <= sum c`, and
///
/// - `relative` is the proportional rule: `P_i(c, E) = lambda c_i` with `lambda = E / sum c`;
/// - `cash` is constrained equal losses: `CEL_i(c, E) = max(0, c_i - lambda)`, `lambda` chosen so
///   that the awards add up to `E`;
/// - `award` is constrained equal awards: `CEA_i(c, E) = min(c_i, lambda)`, likewise.
///
/// Aumann and Maschler ("Game theoretic analysis of a bankruptcy problem from the Talmud",
/// Journal of Economic Theory 36 (1985) 195-213) give claims of 100, 200 and 300 with estates of
/// 100, 200 and 300. Worked by hand from the definitions:
///
/// | estate | proportional (lambda) | CEL (lambda) | CEA (lambda) |
/// |---|---|---|---|
/// | 100 | 16.67, 33.33, 50 (1/6) | 0, 0, 100 (200) | 33.33, 33.33, 33.33 (33.33) |
/// | 200 | 33.33, 66.67, 100 (1/3) | 0, 50, 150 (150) | 66.67, 66.67, 66.67 (66.67) |
/// | 300 | 50, 100, 150 (1/2) | 0, 100, 200 (100) | 100, 100, 100 (100) |
///
/// (CEL at 100: with every claim losing `lambda`, `600 - 3 lambda = 100` gives `lambda > 100`, so the
/// first claim gets 0; `500 - 2 lambda = 100` gives `lambda = 200`, so the second gets 0 too, and the
/// third `300 - 200 = 100`.) The Talmud's own division, (33.33, 33.33, 33.33), (50, 75, 75) and
/// (50, 100, 150), is none of these rules: it agrees with CEA at 100 and with the proportional
/// rule at 300 only.
@Suite struct FairnessClaimsTests {
    /// The claims problem as a scenario: one uncut fund holding the estate, a service per claim
    /// with the claim as its baseline, no floors, one tier.
    private func claims(_ claims: [Double], estate: Double, fairness: FairnessMeasure) -> Scenario {
        Scenario(
            title: "claims", fairness: fairness,
            funds: [Fund(id: "estate", amount: estate, isCut: false)],
            services: claims.enumerated().map { Service(id: "c\($0)", baseline: $1) })
    }

    /// The awards of the rule at cut 0, every LP certificate-checked.
    private func awards(_ claimList: [Double], estate: Double, fairness: FairnessMeasure) throws -> [Double] {
        let result = try CheckedAllocator(claims(claimList, estate: estate, fairness: fairness)).result(0)
        #expect(result.status == .optimal)
        return result.services.map(\.allocation)
    }

    private func expectClose(_ actual: [Double], _ expected: [Double], within tolerance: Double = 1e-6,
                             sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(actual.count == expected.count, sourceLocation: sourceLocation)
        for (a, e) in zip(actual, expected) {
            #expect(abs(a - e) <= tolerance, "\(actual) != \(expected)", sourceLocation: sourceLocation)
        }
    }

    /// One estate of Aumann and Maschler's example with the three rules' awards, worked by hand.
    struct Estate: Sendable, CustomTestStringConvertible {
        let estate: Double
        let proportional: [Double]
        let equalLosses: [Double]
        let equalAwards: [Double]
        var testDescription: String { "estate \(estate)" }
    }

    static let estates: [Estate] = [
        Estate(estate: 100, proportional: [100.0 / 6, 100.0 / 3, 50], equalLosses: [0, 0, 100],
               equalAwards: [100.0 / 3, 100.0 / 3, 100.0 / 3]),
        Estate(estate: 200, proportional: [100.0 / 3, 200.0 / 3, 100], equalLosses: [0, 50, 150],
               equalAwards: [200.0 / 3, 200.0 / 3, 200.0 / 3]),
        Estate(estate: 300, proportional: [50, 100, 150], equalLosses: [0, 100, 200], equalAwards: [100, 100, 100]),
    ]

    @Test(arguments: estates)
    func aumannMaschlerEstates(_ example: Estate) throws {
        let claimList: [Double] = [100, 200, 300]
        expectClose(try awards(claimList, estate: example.estate, fairness: .relative), example.proportional)
        expectClose(try awards(claimList, estate: example.estate, fairness: .cash), example.equalLosses)
        expectClose(try awards(claimList, estate: example.estate, fairness: .award), example.equalAwards)
    }

    @Test func estateOfTwoHundredToThePound() throws {
        // SCENARIO-SPEC section 14's figures, rounded to the pound as a board table prints them:
        // by largest remainder so that each column adds up to 200, ties to the earlier service.
        let claimList = [100.0, 200, 300]
        let rounded = try FairnessMeasure.allCases.map { fairness in
            LargestRemainderRounding.round(try awards(claimList, estate: 200, fairness: fairness), summingTo: 200, unit: 1).parts
        }
        #expect(rounded == [[33, 67, 100], [0, 50, 150], [67, 67, 66]])
    }

    /// CEL and CEA by their definitions: the `lambda` that makes the awards add up to the estate,
    /// found by bisection (independent of the LPs).
    private static func closedForm(_ claims: [Double], estate: Double, losses: Bool) -> [Double] {
        let award: (Double) -> [Double] = { lambda in
            claims.map { losses ? max(0, $0 - lambda) : min($0, lambda) }
        }
        var low = 0.0, high = claims.max() ?? 0
        for _ in 0..<200 {
            let middle = (low + high) / 2
            let total = award(middle).reduce(0, +)
            // Awards fall with lambda under CEL and rise with it under CEA.
            if (total > estate) == losses { low = middle } else { high = middle }
        }
        return award((low + high) / 2)
    }

    @Test func equalAwardsAndEqualLossesAreDualOnRandomClaims() throws {
        // CEA(c, E) = c - CEL(c, sum c - E) (Thomson 2003, section 2.2: the two rules are each
        // other's duals), and each matches its definition, on 60 random claims problems.
        var random = SplitMix64(seed: 1985)
        for problem in 0..<60 {
            let count = random.integer(in: 2...7)
            let claimList = (0..<count).map { _ in Double(random.integer(in: 1...1_000)) * 10 }
            let total = claimList.reduce(0, +)
            let estate = (total * (0.02 + 0.96 * random.unit())).rounded()
            let cea = try awards(claimList, estate: estate, fairness: .award)
            let cel = try awards(claimList, estate: total - estate, fairness: .cash)
            let tolerance = 1e-7 * total
            for i in claimList.indices {
                #expect(abs(cea[i] - (claimList[i] - cel[i])) <= tolerance, "problem \(problem): \(claimList), E = \(estate)")
            }
            expectClose(cea, Self.closedForm(claimList, estate: estate, losses: false), within: tolerance)
            expectClose(cel, Self.closedForm(claimList, estate: total - estate, losses: true), within: tolerance)
            let proportional = try awards(claimList, estate: estate, fairness: .relative)
            expectClose(proportional, claimList.map { $0 * estate / total }, within: tolerance)
        }
    }
}
