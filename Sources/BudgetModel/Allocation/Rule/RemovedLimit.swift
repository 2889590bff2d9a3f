/// A hard constraint that the binding test removes, to see whether it holds a service
/// (SCENARIO-SPEC section 10).
enum RemovedLimit: Hashable {
    /// The limits of group `index` that the group is at: its minimum, its maximum, or both.
    case group(Int, minimum: Bool, maximum: Bool)
    /// The ring-fence of fund `index`: the fund pays any service.
    case ringFence(Int)
    /// The restriction of area `index`'s funds: they pay any service, as funds with no area,
    /// and the area leaves every contribution list (the others keep their proportions).
    case area(Int)
}

extension Scenario {
    /// The same scenario without `limit`; a group left with no limit is left out.
    func removing(_ limit: RemovedLimit) -> Scenario {
        var relaxed = self
        switch limit {
        case .group(let g, let minimum, let maximum):
            if minimum { relaxed.groups[g].minimum = nil }
            if maximum { relaxed.groups[g].maximum = nil }
            if relaxed.groups[g].minimum == nil && relaxed.groups[g].maximum == nil { relaxed.groups.remove(at: g) }
        case .ringFence(let f):
            relaxed.funds[f].ringFencedFor = nil
        case .area(let a):
            let id = areas[a].id
            for f in relaxed.funds.indices where relaxed.funds[f].area == id { relaxed.funds[f].area = nil }
            for s in relaxed.services.indices {
                if relaxed.services[s].area == id { relaxed.services[s].area = nil }
                guard let shares = relaxed.contributionShares(ofService: s), shares.contains(where: { $0.area == id }) else { continue }
                relaxed.services[s].contributions = .shares(shares.filter { $0.area != id })
            }
        }
        return relaxed
    }
}
