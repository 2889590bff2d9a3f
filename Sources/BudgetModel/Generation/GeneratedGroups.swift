/// The groups of a generated scenario (see `ScenarioGenerator`).
enum GeneratedGroups {
    static func make(count: Int, services: [Service], envelope: Double, random: inout SplitMix64) -> [ServiceGroup] {
        (0..<count).map { index in
            var pool = Array(services.indices)
            let size = min(services.count, random.integer(in: 2...12))
            for i in 0..<size {
                pool.swapAt(i, i + random.below(pool.count - i))
            }
            let members = pool.prefix(size).sorted()
            let baselines = members.reduce(0) { $0 + services[$1].baseline }
            let floors = members.reduce(0) { $0 + services[$1].lowerBound }
            let kind = random.unit()
            var minimum: AmountOrPercent? = nil
            var maximum: AmountOrPercent? = nil
            if kind < 0.6 {
                // At most the members' baselines: met when every member is at its baseline.
                let floor = 0.999 * (floors + (baselines - floors) * (0.5 + 0.4 * random.unit()))
                minimum = random.chance(0.5)
                    ? .amount(ScenarioGenerator.thousandsBelow(floor))
                    : .percent((floor / envelope * 10_000).rounded(.down) / 100)
            }
            if kind >= 0.3 {
                // At least the members' baselines.
                let ceiling = baselines * (1.02 + 0.25 * random.unit())
                maximum = random.chance(0.5)
                    ? .amount(ScenarioGenerator.thousandsAbove(ceiling))
                    : .percent((ceiling / envelope * 10_000).rounded(.up) / 100)
            }
            return ServiceGroup(
                id: ScenarioGenerator.identifier("group-", index, of: count), name: "Group \(index + 1)",
                services: members.map { services[$0].id }, minimum: minimum, maximum: maximum)
        }
    }
}
