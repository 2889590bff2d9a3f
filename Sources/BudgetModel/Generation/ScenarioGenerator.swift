/// Makes synthetic but realistic scenarios for benchmarks and tests (SCENARIO-SPEC section 7,
/// `scenario generate`).
///
/// What a generated scenario holds, every choice drawn from `SplitMix64` seeded by the settings:
///
/// - services with baselines of £10,000 to £500,000 (whole thousands); priorities 0 to 3
///   (40%, 30%, 20%, 10% of services); minimums on about two in three (a percentage of the
///   baseline, or an amount); about one in twenty protected; about one in ten with a `max`
///   above the baseline; in weighted mode a weight of 0.5 to 3 on each;
/// - a first fund that is the main unrestricted grant, then a mix of ring-fenced funds (each
///   naming one to four services no other ring-fenced fund names), uncut unrestricted funds
///   and further cut grants;
/// - groups of two to twelve services (possibly overlapping), each with a `min`, a `max` or
///   both, as amounts or as percentages of the envelope.
///
/// Always feasible at a 0% cut, by construction: every service funded at its baseline meets
/// every hard constraint. Each ring-fenced fund holds less than its services' baselines, the
///   unrestricted funds hold the rest of the baselines plus 1–4% slack, a group's `min` is at
///   most and its `max` at least its members' baselines at 0%, and every service's bounds
///   contain its baseline.
public enum ScenarioGenerator {
    /// The scenario the settings fix.
    ///
    /// - Throws: `GenerationError` when a size is out of range (see `GenerationSettings`).
    public static func scenario(_ settings: GenerationSettings) throws(GenerationError) -> Scenario {
        let problems = settings.problems
        guard problems.isEmpty else { throw GenerationError(problems: problems) }
        var random = SplitMix64(seed: settings.seed)
        let services = GeneratedServices.make(count: settings.services, mode: settings.mode, random: &random)
        let funds = GeneratedFunds.make(count: settings.funds, services: services, random: &random)
        let envelope = funds.reduce(0) { $0 + $1.amount }
        let groups = GeneratedGroups.make(count: settings.groups, services: services, envelope: envelope, random: &random)
        let plural = { (n: Int, word: String) in "\(n) \(word)\(n == 1 ? "" : "s")" }
        return Scenario(
            title: "Synthetic scenario: \(plural(settings.services, "service")), \(plural(settings.funds, "fund")), "
                + "\(plural(settings.groups, "group")) (seed \(settings.seed))",
            source: "scenario generate, seed \(settings.seed): synthetic figures, not real data",
            objective: settings.mode, funds: funds, services: services, groups: groups)
    }

    /// The scenario the settings fix, as the text of a scenario file that `ScenarioDecoder` reads
    /// back to the same `Scenario`.
    ///
    /// - Throws: `GenerationError` when a size is out of range.
    public static func toml(_ settings: GenerationSettings) throws(GenerationError) -> String {
        ScenarioTOMLWriter.text(of: try scenario(settings))
    }

    /// Money rounded down to whole thousands.
    static func thousandsBelow(_ amount: Double) -> Double {
        (amount / 1000).rounded(.down) * 1000
    }

    /// Money rounded up to whole thousands.
    static func thousandsAbove(_ amount: Double) -> Double {
        (amount / 1000).rounded(.up) * 1000
    }

    /// Zero-padded one-based ids such as `service-007`, all of one width.
    static func identifier(_ prefix: String, _ index: Int, of count: Int) -> String {
        let digits = String(index + 1)
        let width = String(count).count
        return prefix + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
