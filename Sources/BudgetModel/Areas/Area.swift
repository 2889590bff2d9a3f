/// A commissioner sharing the scenario with others (`[[area]]`, SCENARIO-SPEC section 13).
///
/// An area's funds pay only that area's services and its shares of shared services; a
/// service with an area draws on its area's funds and on funds with no area.
public struct Area: Sendable, Equatable {
    /// Unique among areas.
    public var id: String
    /// Display name (the id when not given).
    public var name: String

    /// An area from its parts.
    public init(id: String, name: String? = nil) {
        self.id = id
        self.name = name ?? id
    }
}

/// Who pays a shared service, and in what proportions (`contributions` on a `[[service]]`).
///
/// The part of the service's allocation that funds with no area do not pay is split between
/// the areas' funds in these proportions, exactly.
public enum Contributions: Sendable, Equatable {
    /// An equal share for every area of the scenario.
    case equal
    /// A stated proportion per area (by id), in file order; they add up to 1 within 1e-9.
    case shares([ContributionShare])
}

/// One area's stated proportion of a shared service.
public struct ContributionShare: Sendable, Equatable {
    /// The area's id.
    public var area: String
    /// The proportion as a number: `"1/6"` is 1/6, `"25%"` is 0.25.
    public var fraction: Double

    /// A proportion from its parts.
    public init(area: String, fraction: Double) {
        self.area = area
        self.fraction = fraction
    }
}

extension Scenario {
    /// The areas paying service `s` and the proportion each pays of the part that funds with
    /// no area do not pay, in the file's order of areas (`"equal"`: every area). Proportions are
    /// the stated ones divided by their sum, so they add up to 1; areas with a zero proportion
    /// are left out. Nil for a service that is not shared.
    public func contributionShares(ofService s: Int) -> [ContributionShare]? {
        guard let contributions = services[s].contributions else { return nil }
        let stated: [ContributionShare]
        switch contributions {
        case .equal: stated = areas.map { ContributionShare(area: $0.id, fraction: 1) }
        case .shares(let shares):
            let order = Dictionary(areas.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
            stated = shares.sorted { (order[$0.area] ?? .max) < (order[$1.area] ?? .max) }
        }
        let total = stated.reduce(0) { $0 + $1.fraction }
        guard total > 0 else { return [] }
        return stated.filter { $0.fraction > 0 }.map { ContributionShare(area: $0.area, fraction: $0.fraction / total) }
    }

    /// Whether fund `f` may pay service `s` (SCENARIO-SPEC section 13): its ring-fence admits
    /// the service, and the fund has no area, or its area is the service's, or its area
    /// contributes to the shared service with a positive proportion.
    public func fund(_ f: Int, mayPay s: Int) -> Bool {
        let fund = funds[f], service = services[s]
        guard fund.admits(serviceID: service.id) else { return false }
        guard let area = fund.area else { return true }
        if service.area == area { return true }
        return contributionShares(ofService: s)?.contains { $0.area == area } ?? false
    }

    /// The cuts in `(0, 100)` at which some fund with a cut multiplier above 1 reaches nothing,
    /// ascending: between them every fund, the envelope and every group limit are linear in the cut.
    public var cutKinks: [Double] {
        Array(Set(funds.compactMap(\.exhaustingCut).filter { $0 > 0 && $0 < 100 })).sorted()
    }
}
