/// The services of a scenario grouped by priority, highest priority first:
/// the order in which the tiers rule levels shortfalls (SCENARIO-SPEC section 4).
struct TierSchedule {
    /// Service indices per tier, highest priority first, file order within a tier.
    let tiers: [[Int]]
    /// The tier index of each service.
    let tierOfService: [Int]

    init(services: [Service]) {
        let priorities = Set(services.map(\.priority)).sorted(by: >)
        tiers = priorities.map { p in services.indices.filter { services[$0].priority == p } }
        var tierOf = [Int](repeating: 0, count: services.count)
        for (t, members) in tiers.enumerated() { for s in members { tierOf[s] = t } }
        tierOfService = tierOf
    }
}
