/// The services of a generated scenario (see `ScenarioGenerator`).
enum GeneratedServices {
    /// Minimum-service levels drawn for services with a percentage minimum.
    static let minimumPercentages: [Double] = [25, 40, 50, 60, 75, 80]

    static func make(count: Int, mode: ObjectiveMode, random: inout SplitMix64) -> [Service] {
        (0..<count).map { index in
            let baseline = 1000 * Double(random.integer(in: 10...500))
            let priorityDraw = random.unit()
            let priority = priorityDraw < 0.4 ? 0 : priorityDraw < 0.7 ? 1 : priorityDraw < 0.9 ? 2 : 3
            let minimumDraw = random.unit()
            let minimum: AmountOrPercent
            if minimumDraw < 0.45 {
                minimum = .percent(minimumPercentages[random.below(minimumPercentages.count)])
            } else if minimumDraw < 0.65 {
                minimum = .amount(ScenarioGenerator.thousandsBelow(baseline * (0.2 + 0.5 * random.unit())))
            } else {
                minimum = .amount(0)
            }
            let isProtected = random.chance(0.05)
            let maximum: AmountOrPercent = random.chance(0.1) ? .percent(Double(105 + 5 * random.below(10))) : .percent(100)
            let weight = mode == .weighted ? 0.5 + 0.25 * Double(random.below(11)) : 1
            return Service(
                id: ScenarioGenerator.identifier("service-", index, of: count), name: "Service \(index + 1)",
                baseline: baseline, minimum: minimum, maximum: maximum, isProtected: isProtected,
                priority: priority, weight: weight)
        }
    }
}
