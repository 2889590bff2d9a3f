import BudgetModel

/// One libFuzzer input: a plan file (a scenario with `[plan]`, SCENARIO-SPEC section 11).
/// Rejected input must come with located one-line issues; for an accepted plan every planned
/// year's service figures must be finite with `0 <= f <= a <= n`, `n` 365 or 366 and
/// `lo <= hi` to rounding, every year's scenario must have finite, non-negative funds, and
/// a path of 5% a year and the maximum sustainable cut must run without a crash (a solver
/// failure is an answer, not a finding).
func fuzzPlan(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let text = String(validating: bytes, as: UTF8.self) else { return 0 }
    let document: ScenarioDocument
    do {
        document = try ScenarioDecoder.decode(text, fileName: "fuzz.toml")
    } catch {
        precondition(!error.issues.isEmpty, "a rejected plan must name at least one issue")
        for issue in error.issues {
            precondition(issue.description.hasPrefix("fuzz.toml"), "an issue without its file name: \(issue)")
            precondition(!issue.description.contains("\n"), "an issue over more than one line: \(issue)")
        }
        return 0
    }
    guard let plan = document.plan else { return 0 }
    precondition(!plan.years.isEmpty && plan.years.count <= 50, "a plan of \(plan.years.count) years was accepted")
    let scenario = document.scenario
    let builder = PlanYearBuilder(scenario: scenario, plan: plan)
    for k in 0...plan.years.count {
        for s in scenario.services.indices {
            let year = plan.serviceYear(s, of: scenario, year: k)
            precondition(year.yearDays == 365 || year.yearDays == 366, "a year of \(year.yearDays) days")
            precondition(0 <= year.fixedDays && year.fixedDays <= year.runningDays && year.runningDays <= year.yearDays)
            precondition([year.rate, year.baseline, year.minimum, year.maximum].allSatisfy(\.isFinite))
            precondition(year.minimum <= year.maximum * (1 + 1e-12) + 1e-9, "lo above hi in year \(k)")
        }
        guard k > 0 else { continue }
        let yearScenario = builder.scenario(
            year: k, openingFactors: Array(repeating: 0.95, count: scenario.funds.count), carried: [])
        precondition(yearScenario.funds.allSatisfy { $0.amount.isFinite && $0.amount >= 0 })
    }
    let runner = PlanRunner(scenario: scenario, plan: plan)
    _ = try? runner.run(path: Array(repeating: 5, count: plan.years.count))
    _ = try? runner.maximumSustainableCut()
    return 0
}
