/// The funds of a generated scenario (see `ScenarioGenerator`).
enum GeneratedFunds {
    static func make(count: Int, services: [Service], random: inout SplitMix64) -> [Fund] {
        let totalBaseline = services.reduce(0) { $0 + $1.baseline }
        // Services not yet named by a ring-fenced fund, in a seeded random order.
        var unfenced = Array(services.indices)
        for i in unfenced.indices.reversed() where i > 0 {
            unfenced.swapAt(i, random.below(i + 1))
        }
        var others: [Fund] = []
        for index in 1..<max(1, count) {
            let id = ScenarioGenerator.identifier("fund-", index, of: count)
            let kind = random.unit()
            if kind < 0.35, !unfenced.isEmpty {
                let size = min(unfenced.count, random.integer(in: 1...4))
                let members = unfenced.suffix(size).sorted()
                unfenced.removeLast(size)
                let baselines = members.reduce(0) { $0 + services[$1].baseline }
                others.append(Fund(
                    id: id, name: "Ring-fenced fund \(index + 1)",
                    amount: ScenarioGenerator.thousandsBelow(baselines * (0.3 + 0.5 * random.unit())),
                    isCut: random.chance(0.7), ringFencedFor: members.map { services[$0].id }))
            } else {
                let isCut = kind >= 0.6
                let share = 0.4 * random.unit() / Double(count)
                others.append(Fund(
                    id: id, name: isCut ? "Grant \(index + 1)" : "Uncut fund \(index + 1)",
                    amount: ScenarioGenerator.thousandsBelow(totalBaseline * share), isCut: isCut))
            }
        }
        // The main grant covers what the others leave of the baselines, plus 1-4% slack.
        let othersTotal = others.reduce(0) { $0 + $1.amount }
        let slack = ScenarioGenerator.thousandsAbove(totalBaseline * (0.01 + 0.03 * random.unit()))
        let main = Fund(
            id: ScenarioGenerator.identifier("fund-", 0, of: count), name: "Main grant",
            amount: max(0, totalBaseline - othersTotal) + slack)
        return [main] + others
    }
}
